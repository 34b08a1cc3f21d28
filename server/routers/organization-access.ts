import { z } from "zod";
import { CAPABILITIES } from "../authz";
import { findPrincipals } from "../services/grants";
import { listTypeGrants, removeTypeGrant, setTypeGrant, TYPE_SCOPES } from "../services/type-grants";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { id } from "./_schemas";

const principal = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("MEMBER"), membershipId: id("Member") }),
    z.object({ kind: z.literal("TEAM"), teamId: id("Team") }),
    z.object({ kind: z.literal("GROUP"), groupId: id("Group") }),
  ],
  { error: "Organization-wide access goes to a member, a team or a group." },
);
const scope = z.enum(TYPE_SCOPES, { error: `The scope is "*" (every type) or one of ${TYPE_SCOPES.slice(1).join(", ")}.` });

/** Organization-wide access (seed 000's user groups): "Grant organization-wide access" opens
 * the page; what each holder may give is decided per scope by what they hold there. */
export const organizationAccessRouter = createTRPCRouter({
  list: orgProcedure("resources.grantAll")
    .input(z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200, "At most 200 per page.").default(50) }))
    .query(({ ctx, input }) => listTypeGrants(ctx.db, ctx.actor, input)),
  set: orgProcedure("resources.grantAll")
    .input(z.object({ principal, scope, capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length), mayCreate: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => setTypeGrant(ctx.db, ctx.actor, input)),
  revoke: orgProcedure("resources.grantAll")
    .input(z.object({ id: id("Organization-wide access") }))
    .mutation(({ ctx, input }) => removeTypeGrant(ctx.db, ctx.actor, input)),
  /** The people, teams and groups the caller may pick (rule 5, as for sharing). */
  principals: orgProcedure("resources.grantAll")
    .input(z.object({ search: z.string().max(120).default("") }))
    .query(({ ctx, input }) => findPrincipals(ctx.db, ctx.actor, input.search)),
});
