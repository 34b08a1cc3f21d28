// Sign-up when anyone may create an organization: asking for an account, and following the
// emailed link that creates it.
import { z } from "zod";
import { passwordSchema } from "../auth/password";
import { requestSignUp, signUpStatus, verifySignUp } from "../services/sign-up";
import { createTRPCRouter, publicProcedure } from "../trpc/init";
import { email, personName } from "./_schemas";

const token = z.string().trim().min(1, "The link has no token.").max(200, "That link is too long to be a Steward link.");

export const signUpRouter = createTRPCRouter({
  /** Whether /signup takes new accounts, and the reason. */
  status: publicProcedure.query(({ ctx }) => signUpStatus(ctx.db)),
  /** Answers the same whether or not the address already has an account. */
  request: publicProcedure
    .input(z.object({ name: personName, email, password: passwordSchema }))
    .mutation(({ ctx, input }) => requestSignUp(ctx.db, { ...input, ip: ctx.ip })),
  verify: publicProcedure.input(z.object({ token })).mutation(({ ctx, input }) => verifySignUp(ctx.db, { token: input.token, ip: ctx.ip })),
});
