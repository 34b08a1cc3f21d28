import { z } from "zod";
import { CAPABILITIES, RESOURCE_TYPE_KEYS, RUN_OUTCOMES } from "../authz";
import { explainAccess, listAccess, removeGrant, setGrant, sharePrincipals } from "../services/grants";
import { actOnResource, activityChart, finishRun, listActivity, REPORT_SORTS, runsReport } from "../services/activity";
import { restoreReport } from "../services/restores";
import { creatableResourceTypes, createResource, deleteResource, getResource, listResources, transferResource, updateResource } from "../services/resources";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { email, id } from "./_schemas";
import { rest } from "./_rest";
import { count, object, resourceType, timestamp } from "./_outputs";

const name = z.string().trim().min(1, "Give the resource a name.").max(120, "Resource names are at most 120 characters.");
const description = z.string().trim().max(2000, "Descriptions are at most 2,000 characters.").default("");
const type = z.enum(RESOURCE_TYPE_KEYS, { error: `The type is one of ${RESOURCE_TYPE_KEYS.join(", ")}.` });
const paging = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200, "At most 200 per page.").default(25) };
const principal = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("MEMBER"), membershipId: id("Member") }),
  z.object({ kind: z.literal("TEAM"), teamId: id("Team") }),
  z.object({ kind: z.literal("GROUP"), groupId: id("Group") }),
  z.object({ kind: z.literal("EMAIL"), email }),
]);

/** Every member may call these: what they may do is decided per resource, by grants. */
export const resourcesRouter = createTRPCRouter({
  list: orgProcedure(null)
    .meta(rest("GET", "/resources", "List the resources the member sees", "Paged by name; `total` counts every match."))
    .input(z.object({ ...paging, type: type.optional(), search: z.string().trim().max(200).optional(), asMembershipId: id("Member").optional() }))
    .output(
      object({
        total: count,
        hidden: count.meta({ description: "With asMembershipId: resources the member sees that you do not (not listed)." }),
        viewingAs: object({ membershipId: z.string(), name: z.string() }).nullable(),
        rows: z.array(
          object({
            id: z.string(),
            type: resourceType,
            name: z.string(),
            description: z.string(),
            private: z.boolean(),
            owner: object({ name: z.string(), isYou: z.boolean() }),
            updatedAt: timestamp,
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listResources(ctx.db, ctx.actor, input)),
  get: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource"), asMembershipId: id("Member").optional() }))
    .query(({ ctx, input }) => getResource(ctx.db, ctx.actor, input.resourceId, input.asMembershipId)),
  /** The types the caller may create ("Create resources", or organization-wide access that lets them). */
  creatable: orgProcedure(null).query(({ ctx }) => creatableResourceTypes(ctx.db, ctx.actor)),
  /** "Create resources", or seed 000's "Create new job" through organization-wide access: decided per type. */
  create: orgProcedure(null)
    .input(z.object({ type, name, description, private: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => createResource(ctx.db, ctx.actor, input)),
  update: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource"), name, description, private: z.boolean() }))
    .mutation(({ ctx, input }) => updateResource(ctx.db, ctx.actor, input)),
  delete: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource") }))
    .mutation(({ ctx, input }) => deleteResource(ctx.db, ctx.actor, input.resourceId)),
  act: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource"), action: z.enum(["run", "restore"]), note: z.string().trim().max(500).optional() }))
    .mutation(({ ctx, input }) => actOnResource(ctx.db, ctx.actor, input)),
  /** How a run or restore ended, reported by whoever carried it out. */
  finishRun: orgProcedure(null)
    .input(
      z.object({
        activityId: id("Run"),
        outcome: z.enum(RUN_OUTCOMES, { error: "The outcome is SUCCEEDED or FAILED." }),
        output: z.string().trim().max(4000, "The output is at most 4,000 characters; keep the end of a long log.").optional(),
      }),
    )
    .mutation(({ ctx, input }) => finishRun(ctx.db, ctx.actor, input)),
  transfer: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource"), toMembershipId: id("Member") }))
    .mutation(({ ctx, input }) => transferResource(ctx.db, ctx.actor, input)),
  activity: orgProcedure(null)
    .input(z.object({ ...paging, resourceId: id("Resource").optional() }))
    .query(({ ctx, input }) => listActivity(ctx.db, ctx.actor, input)),
  chart: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource").optional(), days: z.number().int().min(1).max(90).default(14) }))
    .query(({ ctx, input }) => activityChart(ctx.db, ctx.actor, input)),
  /** Runs and restores per resource over a period, of the resources the caller sees. */
  report: orgProcedure(null)
    .input(
      z.object({
        ...paging,
        pageSize: z.number().int().min(1).max(1000, "At most 1,000 per page.").default(25),
        days: z.number().int().min(1, "The period is at least 1 day.").max(366, "The period is at most 366 days.").default(30),
        sort: z.enum(REPORT_SORTS, { error: `Sort by one of ${REPORT_SORTS.join(", ")}.` }).default("failed"),
      }),
    )
    .query(({ ctx, input }) => runsReport(ctx.db, ctx.actor, input)),
  /** Seed 004: per member in the caller's span who owns resources, what restores and the last restore. */
  restoreReport: orgProcedure("restores.manage")
    .input(z.object({ ...paging, pageSize: z.number().int().min(1).max(1000, "At most 1,000 per page.").default(25) }))
    .query(({ ctx, input }) => restoreReport(ctx.db, ctx.actor, input)),
  access: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource") }))
    .query(({ ctx, input }) => listAccess(ctx.db, ctx.actor, input.resourceId)),
  grant: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource"), principal, capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length) }))
    .mutation(({ ctx, input }) => setGrant(ctx.db, ctx.actor, input)),
  revoke: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource"), grantId: id("Grant") }))
    .mutation(({ ctx, input }) => removeGrant(ctx.db, ctx.actor, input)),
  /** The people, teams and groups a share holder may pick. */
  principals: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource"), search: z.string().max(120).default("") }))
    .query(({ ctx, input }) => sharePrincipals(ctx.db, ctx.actor, input)),
  explain: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource"), membershipId: id("Member") }))
    .query(({ ctx, input }) => explainAccess(ctx.db, ctx.actor, input)),
});
