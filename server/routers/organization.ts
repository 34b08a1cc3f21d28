import { z } from "zod";
import { organizationOverview, organizationSettings, updateOrganizationSettings } from "../services/organization";
import { changeOrganizationAddress, deleteOwnOrganization } from "../services/tenants";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { organizationName, organizationSlug } from "./_schemas";

export const organizationRouter = createTRPCRouter({
  overview: orgProcedure("overview.view").query(({ ctx }) => organizationOverview(ctx.db, ctx.actor)),
  settings: orgProcedure("settings.manage").query(({ ctx }) => organizationSettings(ctx.db, ctx.actor)),
  updateSettings: orgProcedure("settings.manage")
    .input(
      z.object({
        name: organizationName,
      }),
    )
    .mutation(({ ctx, input }) => updateOrganizationSettings(ctx.db, ctx.actor, input)),
  /** The owner only: a new address; the old one leads members to it. */
  changeAddress: orgProcedure("settings.manage")
    .input(z.object({ slug: organizationSlug }))
    .mutation(({ ctx, input }) => changeOrganizationAddress(ctx.db, ctx.actor, input.slug)),
  /** The owner only, confirmed by the name, their password and their second factor if they use one. */
  delete: orgProcedure(null)
    .input(
      z.object({
        confirmName: z.string().trim().min(1, "Type the organization's name to confirm.").max(80),
        password: z.string().min(1, "Enter your password.").max(1024),
        code: z.string().trim().max(64).optional(),
      }),
    )
    .mutation(({ ctx, input }) => deleteOwnOrganization(ctx.db, ctx.actor, input)),
});
