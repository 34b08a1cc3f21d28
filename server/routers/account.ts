import { z } from "zod";
import { passwordSchema } from "../auth/password";
import { changePassword, listMyOrganizations } from "../services/account";
import { leaveOrganization, movedOrganization } from "../services/tenants";
import { NOTIFICATION_EVENT_KEYS } from "../authz";
import { notificationPreferences, setNotificationPreferences } from "../services/notifications";
import { endMySessions, listMySessions } from "../services/sessions";
import { beginEnrollment, confirmEnrollment, regenerateRecoveryCodes, twoFactorStatus } from "../services/two-factor";
import { authedProcedure, createTRPCRouter } from "../trpc/init";

export const accountRouter = createTRPCRouter({
  /** Seed 001/002: which resource events each organization emails the member about. */
  notifications: authedProcedure.query(({ ctx }) => notificationPreferences(ctx.db, ctx.viewer.userId)),
  setNotifications: authedProcedure
    .input(z.object({ organization: z.string().trim().min(1).max(64), events: z.array(z.enum(NOTIFICATION_EVENT_KEYS)).max(NOTIFICATION_EVENT_KEYS.length) }))
    .mutation(({ ctx, input }) => setNotificationPreferences(ctx.db, ctx.viewer.userId, { organizationSlug: input.organization, events: input.events })),
  me: authedProcedure.query(async ({ ctx }) => ({
    ...ctx.viewer,
    organizations: await listMyOrganizations(ctx.db, ctx.viewer.userId),
  })),
  /** Where an organization of the viewer's that used this address lives now (null: none). */
  movedOrganization: authedProcedure
    .input(z.object({ slug: z.string().trim().min(1).max(64) }))
    .query(async ({ ctx, input }) => ({ slug: await movedOrganization(ctx.db, ctx.viewer.userId, input.slug) })),
  /** Leave an organization (any member but its owner); what they own goes to the owner. */
  leaveOrganization: authedProcedure
    .input(z.object({ organization: z.string().trim().min(1, "Name the organization to leave.").max(64) }))
    .mutation(({ ctx, input }) => leaveOrganization(ctx.db, ctx.viewer.userId, input.organization, ctx.ip)),
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1, "Enter your current password."), newPassword: passwordSchema }))
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.viewer.userId, input)),
  sessions: authedProcedure.query(({ ctx }) => listMySessions(ctx.db, ctx.viewer.userId, ctx.claims?.sessionId)),
  endSession: authedProcedure
    .input(z.object({ sessionId: z.string().cuid("That is not a valid session id.") }))
    .mutation(({ ctx, input }) => endMySessions(ctx.db, ctx.viewer.userId, { sessionId: input.sessionId })),
  endOtherSessions: authedProcedure.mutation(({ ctx }) => endMySessions(ctx.db, ctx.viewer.userId, { allExcept: ctx.claims?.sessionId })),
  twoFactor: authedProcedure.query(({ ctx }) => twoFactorStatus(ctx.db, ctx.viewer.userId)),
  beginTwoFactor: authedProcedure.mutation(({ ctx }) => beginEnrollment(ctx.db, ctx.viewer.userId)),
  confirmTwoFactor: authedProcedure
    .input(z.object({ code: z.string().trim().min(6, "Enter the 6-digit code from your authenticator.").max(20) }))
    .mutation(({ ctx, input }) => confirmEnrollment(ctx.db, ctx.viewer.userId, input.code)),
  regenerateRecoveryCodes: authedProcedure
    .input(z.object({ code: z.string().trim().min(6, "Enter a current code from your authenticator.").max(64) }))
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.db, ctx.viewer.userId, input.code)),
});
