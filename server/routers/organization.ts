import { z } from "zod";
import { organizationOverview, updateOrganizationSettings } from "../services/organization";
import { createTRPCRouter, orgProcedure } from "../trpc/init";

export const organizationRouter = createTRPCRouter({
  overview: orgProcedure("overview.view").query(({ ctx }) => organizationOverview(ctx.db, ctx.actor)),
  settings: orgProcedure("settings.manage").query(({ ctx }) => ({ name: ctx.actor.organizationName, twoFactorPolicy: ctx.actor.twoFactorPolicy })),
  updateSettings: orgProcedure("settings.manage")
    .input(
      z.object({
        name: z.string().trim().min(2, "Organization names are at least 2 characters.").max(80),
        twoFactorPolicy: z.enum(["OFF", "ADMINS", "EVERYONE"]),
      }),
    )
    .mutation(({ ctx, input }) => updateOrganizationSettings(ctx.db, { ...ctx.actor, hasTwoFactor: ctx.viewer.hasTwoFactor }, input)),
});
