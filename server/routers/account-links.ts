// Emailed links for one's own account: forgot password, and confirming a new email address.
import { z } from "zod";
import { passwordSchema } from "../auth/password";
import { confirmEmailChange, previewPasswordReset, requestEmailChange, requestPasswordReset, resetPassword } from "../services/account-links";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc/init";
import { email } from "./_schemas";

const token = z.string().trim().min(1, "The link has no token.").max(200, "That link is too long to be a Steward link.");

export const accountLinksRouter = createTRPCRouter({
  /** Always answers { ok: true }: whether the account exists is not revealed. */
  requestPasswordReset: publicProcedure
    .input(z.object({ email: z.string().trim().min(1, "Enter your email address or username.").max(254, "That is too long to be an email address.") }))
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, { email: input.email, ip: ctx.ip })),
  previewPasswordReset: publicProcedure.input(z.object({ token })).query(({ ctx, input }) => previewPasswordReset(ctx.db, input.token)),
  resetPassword: publicProcedure
    .input(z.object({ token, newPassword: passwordSchema }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, { ...input, ip: ctx.ip })),
  requestEmailChange: authedProcedure
    .input(z.object({ newEmail: email, currentPassword: z.string().min(1, "Enter your current password.") }))
    .mutation(({ ctx, input }) => requestEmailChange(ctx.db, ctx.viewer.userId, { ...input, ip: ctx.ip })),
  confirmEmailChange: publicProcedure.input(z.object({ token })).mutation(({ ctx, input }) => confirmEmailChange(ctx.db, { token: input.token, ip: ctx.ip })),
});
