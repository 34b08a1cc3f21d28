import { z } from "zod";
import { EMAIL_STATUSES, listOutbox, openOutboxEmail, retryOutboxEmail } from "../services/email-outbox";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { id } from "./_schemas";

export const emailRouter = createTRPCRouter({
  outbox: orgProcedure("settings.manage")
    .input(
      z.object({
        status: z.enum(EMAIL_STATUSES).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200, "At most 200 emails per page.").default(25),
      }),
    )
    .query(({ ctx, input }) => listOutbox(ctx.db, ctx.actor, input)),
  open: orgProcedure("settings.manage")
    .input(z.object({ emailId: id("Email") }))
    .query(({ ctx, input }) => openOutboxEmail(ctx.db, ctx.actor, input.emailId)),
  retry: orgProcedure("settings.manage")
    .input(z.object({ emailId: id("Email") }))
    .mutation(({ ctx, input }) => retryOutboxEmail(ctx.db, ctx.actor, input.emailId)),
});
