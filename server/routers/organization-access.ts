import { z } from "zod";
import { CAPABILITIES } from "../authz";
import { findPrincipals } from "../services/grants";
import { listTypeGrants, removeTypeGrant, setTypeGrant, TYPE_SCOPES } from "../services/type-grants";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { id } from "./_schemas";
import { rest } from "./_rest";
import { count, object } from "./_outputs";

const principal = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("MEMBER"), membershipId: id("Member") }),
    z.object({ kind: z.literal("TEAM"), teamId: id("Team") }),
    z.object({ kind: z.literal("GROUP"), groupId: id("Group") }),
  ],
  { error: "Organization-wide access goes to a member, a team or a group." },
);
const principalRef = z.discriminatedUnion("kind", [
  object({ kind: z.literal("MEMBER"), membershipId: z.string() }),
  object({ kind: z.literal("TEAM"), teamId: z.string() }),
  object({ kind: z.literal("GROUP"), groupId: z.string() }),
]);
const grantId = object({ id: z.string() });
const scope = z.enum(TYPE_SCOPES, { error: `The scope is "*" (every type) or one of ${TYPE_SCOPES.slice(1).join(", ")}.` });

/** Organization-wide access (seed 000's user groups): "Grant organization-wide access" opens
 * the page; what each holder may give is decided per scope by what they hold there. */
export const organizationAccessRouter = createTRPCRouter({
  list: orgProcedure("resources.grantAll")
    .meta(
      rest(
        "GET",
        "/organization-access",
        "List organization-wide access",
        "Who has access to every resource of a type (or of every type), and what you may give per scope.",
      ),
    )
    .input(z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200, "At most 200 per page.").default(50) }))
    .output(
      object({
        total: count,
        rows: z.array(
          object({
            id: z.string(),
            scope: z.string().meta({ description: `A resource type (${TYPE_SCOPES.slice(1).join(", ")}), or * for every type.` }),
            scopeLabel: z.string(),
            kind: z.string().meta({ description: "MEMBER, TEAM or GROUP, as in `ref`." }),
            principal: object({ name: z.string(), detail: z.string() }),
            ref: principalRef.meta({ description: "The principal as `set` takes it." }),
            capabilities: z.array(z.enum(CAPABILITIES)),
            mayCreate: z.boolean(),
            summary: z.string(),
            canChange: z.boolean(),
          }),
        ),
        yours: z
          .record(z.enum(TYPE_SCOPES), object({ capabilities: z.array(z.enum(CAPABILITIES)), mayCreate: z.boolean() }))
          .meta({ description: "Per scope, what you may give there." }),
      }),
    )
    .query(({ ctx, input }) => listTypeGrants(ctx.db, ctx.actor, input)),
  set: orgProcedure("resources.grantAll")
    .meta(
      rest(
        "PUT",
        "/organization-access",
        "Give or change a principal's organization-wide access",
        "One entry per principal and scope: this replaces the capabilities of an existing one. You give only what you hold there.",
      ),
    )
    .input(z.object({ principal, scope, capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length), mayCreate: z.boolean().default(false) }))
    .output(grantId)
    .mutation(({ ctx, input }) => setTypeGrant(ctx.db, ctx.actor, input)),
  revoke: orgProcedure("resources.grantAll")
    .meta(rest("DELETE", "/organization-access/{id}", "Remove organization-wide access"))
    .input(z.object({ id: id("Organization-wide access") }))
    .output(grantId)
    .mutation(({ ctx, input }) => removeTypeGrant(ctx.db, ctx.actor, input)),
  /** The people, teams and groups the caller may pick (rule 5, as for sharing). */
  principals: orgProcedure("resources.grantAll")
    .input(z.object({ search: z.string().max(120).default("") }))
    .query(({ ctx, input }) => findPrincipals(ctx.db, ctx.actor, input.search)),
});
