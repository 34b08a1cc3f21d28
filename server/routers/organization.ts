import { organizationOverview } from "../services/organization";
import { createTRPCRouter, orgProcedure } from "../trpc/init";

export const organizationRouter = createTRPCRouter({
  overview: orgProcedure("overview.view").query(({ ctx }) => organizationOverview(ctx.db, ctx.actor)),
});
