import { z } from "zod";
import { importMembers } from "../services/import";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { company, email, personName, username } from "./_schemas";

const row = z.object({
  email,
  action: z.enum(["upsert", "delete"], { error: "action is upsert or delete." }).default("upsert"),
  name: personName.optional(),
  username: username.or(z.literal("")).optional(),
  company: company.optional(),
  group: z.string().trim().max(500).optional(),
  status: z.enum(["ACTIVE", "DISABLED"], { error: "status is ACTIVE or DISABLED." }).optional(),
});

export const importerRouter = createTRPCRouter({
  run: orgProcedure("members.import")
    .input(z.object({ rows: z.array(row).min(1, "The file has no rows.").max(1000, "Import at most 1,000 rows at a time.") }))
    .mutation(({ ctx, input }) => importMembers(ctx.db, ctx.actor, input.rows)),
});
