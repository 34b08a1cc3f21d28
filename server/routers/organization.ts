import { z } from "zod";
import { organizationOverview, organizationSettings, updateOrganizationSettings } from "../services/organization";
import { createTRPCRouter, orgProcedure } from "../trpc/init";

export const organizationRouter = createTRPCRouter({
  overview: orgProcedure("overview.view").query(({ ctx }) => organizationOverview(ctx.db, ctx.actor)),
  settings: orgProcedure("settings.manage").query(({ ctx }) => organizationSettings(ctx.db, ctx.actor)),
  updateSettings: orgProcedure("settings.manage")
    .input(
      z.object({
        name: z.string().trim().min(2, "Organization names are at least 2 characters.").max(80),
        twoFactorPolicy: z.enum(["OFF", "ADMINS", "EVERYONE"]),
        invitationTtlDays: z
          .number({ error: "Enter the number of days invitation links stay valid." })
          .int("Enter a whole number of days.")
          .min(1, "Invitation links stay valid for at least 1 day.")
          .max(90, "Invitation links stay valid for at most 90 days.")
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateOrganizationSettings(ctx.db, { ...ctx.actor, hasTwoFactor: ctx.viewer.hasTwoFactor }, input)),
});
