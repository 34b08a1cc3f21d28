import { z } from "zod";
import { passwordSchema } from "../auth/password";
import { changePassword, listMyOrganizations } from "../services/account";
import { authedProcedure, createTRPCRouter } from "../trpc/init";

export const accountRouter = createTRPCRouter({
  me: authedProcedure.query(async ({ ctx }) => ({
    ...ctx.viewer,
    organizations: await listMyOrganizations(ctx.db, ctx.viewer.userId),
  })),
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1, "Enter your current password."), newPassword: passwordSchema }))
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.viewer.userId, input)),
});
