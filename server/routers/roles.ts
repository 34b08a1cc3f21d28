import { listRoles } from "../services/roles";
import { createTRPCRouter, orgProcedure } from "../trpc/init";

export const rolesRouter = createTRPCRouter({
  list: orgProcedure("roles.view").query(({ ctx }) => listRoles(ctx.db, ctx.actor)),
});
