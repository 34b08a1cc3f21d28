import { z } from "zod";
import { ROLE_SET_KEYS } from "../authz";
import { passwordSchema } from "../auth/password";
import { isSetupDone, setupFirstOrganization } from "../services/setup";
import { createTRPCRouter, publicProcedure } from "../trpc/init";
import { email, personName } from "./_schemas";

export const setupRouter = createTRPCRouter({
  status: publicProcedure.query(async ({ ctx }) => ({ done: await isSetupDone(ctx.db) })),
  create: publicProcedure
    .input(
      z.object({
        organizationName: z.string().trim().min(2, "Organization names are at least 2 characters.").max(80),
        ownerName: personName,
        ownerEmail: email,
        password: passwordSchema,
        roleSet: z.enum(ROLE_SET_KEYS, { error: "There is no such role set." }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { slug } = await setupFirstOrganization(ctx.db, input);
      return { slug };
    }),
});
