import { z } from "zod";
import { CAPABILITIES, RESOURCE_TYPE_KEYS, RUN_OUTCOMES } from "../authz";
import { explainAccess, listAccess, removeGrant, setGrant, sharePrincipals } from "../services/grants";
import { actOnResource, activityChart, finishRun, listActivity, REPORT_SORTS, runsReport } from "../services/activity";
import { restoreReport } from "../services/restores";
import {
  creatableResourceTypes,
  createResource,
  deleteResource,
  getResource,
  listResources,
  RESOURCE_SORTS,
  transferResource,
  updateResource,
} from "../services/resources";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { cursorPaging, email, id } from "./_schemas";
import { rest } from "./_rest";
import { count, cursorPage, object, resourceType, timestamp } from "./_outputs";

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

// ---- Answers (documented in the OpenAPI document, checked on every call) ------------------

const capabilities = z.array(z.enum(CAPABILITIES));
const action = z.enum(["run", "restore"]);
const principalKind = z.enum(["MEMBER", "TEAM", "GROUP", "EMAIL"]);
const changed = (what: string) => object({ id: z.string().meta({ description: what }) });
const member = object({ membershipId: z.string(), name: z.string() });
const principalView = object({ name: z.string(), detail: z.string().meta({ description: "An email address, a team's size, or what a group grant reaches." }) });

const resource = object({
  id: z.string(),
  type: resourceType,
  name: z.string(),
  description: z.string(),
  private: z.boolean(),
  owner: object({ membershipId: z.string(), name: z.string(), email: z.string(), isYou: z.boolean() }),
  createdAt: timestamp,
  updatedAt: timestamp,
  access: object({ capabilities, summary: z.string().meta({ description: "The capabilities in words: a preset's name (Run, Full access…) or the list." }) }),
  viewingAs: member.nullable().meta({ description: "With asMembershipId: the member whose access `access`, `actions` and `can` show." }),
  actions: z.array(action).meta({ description: "The actions (POST …/actions) allowed on it now." }),
  can: object({ edit: z.boolean(), delete: z.boolean(), share: z.boolean(), transfer: z.boolean() }),
});

const activityRow = object({
  id: z.string(),
  at: timestamp,
  action: z.string().meta({ description: "run, restore, or access (a change of its grants)." }),
  result: z.string().meta({ description: "Runs and restores: RUNNING, SUCCEEDED or FAILED; access changes: CHANGED." }),
  detail: z.string().meta({ description: "The note given when the run started, or what an access change did." }),
  actorName: z.string(),
  finishedAt: timestamp.nullable(),
  finishedByName: z.string().nullable(),
  output: z.string().meta({ description: "What the report of the outcome said (a run's output or error)." }),
  resource: object({ id: z.string(), name: z.string(), type: resourceType }),
});

const grantRef = z.discriminatedUnion("kind", [
  object({ kind: z.literal("MEMBER"), membershipId: z.string() }),
  object({ kind: z.literal("TEAM"), teamId: z.string() }),
  object({ kind: z.literal("GROUP"), groupId: z.string() }),
  object({ kind: z.literal("EMAIL"), email: z.string() }),
]);

const access = object({
  owner: object({ membershipId: z.string(), name: z.string(), email: z.string() }),
  yours: capabilities,
  organizationWide: z
    .array(object({ id: z.string(), kind: principalKind, principal: principalView, summary: z.string() }))
    .meta({ description: "Organization-wide access that covers this resource; changed under organization access, not here." }),
  grants: z.array(
    object({
      id: z.string(),
      kind: principalKind,
      principal: principalView,
      ref: grantRef.meta({ description: "The principal as PUT …/grants takes it." }),
      capabilities,
      summary: z.string(),
      canChange: z.boolean().meta({ description: "Whether you hold every capability of this grant, as changing or removing it needs." }),
    }),
  ),
});

const explanation = object({
  member: object({ membershipId: z.string(), name: z.string(), role: z.string() }),
  visible: z.boolean(),
  capabilities,
  summary: z.string(),
  paths: z.array(
    object({
      kind: z.enum(["owner", "custodian", "restorer", "role", "grant"]),
      description: z.string(),
      capabilities,
      summary: z.string(),
    }),
  ),
  removed: z.string().meta({ description: "Why the member sees nothing although something reaches them, or empty." }),
  scope: z.string(),
});

const principals = object({
  members: z.array(object({ membershipId: z.string(), name: z.string(), email: z.string() })),
  teams: z.array(object({ teamId: z.string(), name: z.string() })),
  groups: z.array(object({ groupId: z.string(), name: z.string() })),
  directory: object({
    members: z.enum(["span", "address"]),
    teams: z.enum(["organization", "own"]),
    groups: z.enum(["reach", "own"]),
    reason: z.string(),
  }).meta({ description: "What you may search, and why; anyone is found by their full email address." }),
});

/** Every member may call these: what they may do is decided per resource, by grants. */
export const resourcesRouter = createTRPCRouter({
  list: orgProcedure(null)
    .meta(
      rest(
        "GET",
        "/resources",
        "List the resources the member sees",
        "Sorted (by name, or by when they last changed) and paged. Page through with `cursor` (an answer's `nextCursor` or `prevCursor`): " +
          "every page then costs what the first does. `page` jumps to a page by number, which costs the rows it skips; `last` gives the last page. " +
          "`total` counts every match, up to 10,000 for those who see more (then `totalExact` is false).",
      ),
    )
    .input(
      z.object({
        ...cursorPaging(RESOURCE_SORTS),
        pageSize: paging.pageSize,
        type: type.optional(),
        search: z.string().trim().max(200).optional(),
        asMembershipId: id("Member").optional(),
      }),
    )
    .output(
      object({
        total: count,
        totalExact: z.boolean().meta({ description: 'False when you see more than 10,000 resources: `total` then says only "more than 10,000".' }),
        ...cursorPage,
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
    .meta(
      rest(
        "GET",
        "/resources/{resourceId}",
        "Get a resource and your access to it",
        "With asMembershipId, the access of that member instead (a preview for admins over members in their span).",
      ),
    )
    .input(z.object({ resourceId: id("Resource"), asMembershipId: id("Member").optional() }))
    .output(resource)
    .query(({ ctx, input }) => getResource(ctx.db, ctx.actor, input.resourceId, input.asMembershipId)),
  /** The types the caller may create ("Create resources", or organization-wide access that lets them). */
  creatable: orgProcedure(null)
    .meta(rest("GET", "/resources/creatable", "List the resource types you may create"))
    .output(object({ types: z.array(type) }))
    .query(({ ctx }) => creatableResourceTypes(ctx.db, ctx.actor)),
  /** "Create resources", or seed 000's "Create new job" through organization-wide access: decided per type. */
  create: orgProcedure(null)
    .meta(rest("POST", "/resources", "Create a resource", "You become its owner, with Administrator."))
    .input(z.object({ type, name, description, private: z.boolean().default(false) }))
    .output(changed("The new resource's id."))
    .mutation(({ ctx, input }) => createResource(ctx.db, ctx.actor, input)),
  update: orgProcedure(null)
    .meta(
      rest(
        "PUT",
        "/resources/{resourceId}",
        "Change a resource's name, description and privacy",
        "Needs Edit; making it private or public needs Share as well.",
      ),
    )
    .input(z.object({ resourceId: id("Resource"), name, description, private: z.boolean() }))
    .output(changed("The resource's id."))
    .mutation(({ ctx, input }) => updateResource(ctx.db, ctx.actor, input)),
  delete: orgProcedure(null)
    .meta(rest("DELETE", "/resources/{resourceId}", "Delete a resource", "Needs Administer; its grants and activity go with it."))
    .input(z.object({ resourceId: id("Resource") }))
    .output(changed("The deleted resource's id."))
    .mutation(({ ctx, input }) => deleteResource(ctx.db, ctx.actor, input.resourceId)),
  act: orgProcedure(null)
    .meta(
      rest(
        "POST",
        "/resources/{resourceId}/actions",
        "Start a run or a restore",
        "Run a job or task (needs Run), or restore from a storage (needs Data). The run stays RUNNING until its outcome is reported (POST /runs/{activityId}/outcome).",
      ),
    )
    .input(z.object({ resourceId: id("Resource"), action, note: z.string().trim().max(500).optional() }))
    .output(object({ activityId: z.string().meta({ description: "The run's id, to report its outcome." }), at: timestamp }))
    .mutation(({ ctx, input }) => actOnResource(ctx.db, ctx.actor, input)),
  /** How a run or restore ended, reported by whoever carried it out. */
  finishRun: orgProcedure(null)
    .meta(
      rest(
        "POST",
        "/runs/{activityId}/outcome",
        "Report how a run or restore ended",
        "Needs what starting it needs. A run ends once: a second report is refused with 409.",
      ),
    )
    .input(
      z.object({
        activityId: id("Run"),
        outcome: z.enum(RUN_OUTCOMES, { error: "The outcome is SUCCEEDED or FAILED." }),
        output: z.string().trim().max(4000, "The output is at most 4,000 characters; keep the end of a long log.").optional(),
      }),
    )
    .output(object({ activityId: z.string(), result: z.enum(RUN_OUTCOMES), finishedAt: timestamp }))
    .mutation(({ ctx, input }) => finishRun(ctx.db, ctx.actor, input)),
  transfer: orgProcedure(null)
    .meta(
      rest(
        "POST",
        "/resources/{resourceId}/transfer",
        "Hand a resource to another member",
        "Needs Administer on it, or Access members' data over its owner; the new owner must be an active member.",
      ),
    )
    .input(z.object({ resourceId: id("Resource"), toMembershipId: id("Member") }))
    .output(object({ id: z.string(), owner: z.string().meta({ description: "The new owner's name." }) }))
    .mutation(({ ctx, input }) => transferResource(ctx.db, ctx.actor, input)),
  activity: orgProcedure(null)
    .meta(
      rest(
        "GET",
        "/activity",
        "List the activity of the resources you see",
        "Runs, restores and access changes, newest first; of one resource with resourceId.",
      ),
    )
    .input(z.object({ ...paging, resourceId: id("Resource").optional() }))
    .output(object({ total: count, rows: z.array(activityRow) }))
    .query(({ ctx, input }) => listActivity(ctx.db, ctx.actor, input)),
  chart: orgProcedure(null)
    .input(z.object({ resourceId: id("Resource").optional(), days: z.number().int().min(1).max(90).default(14) }))
    .query(({ ctx, input }) => activityChart(ctx.db, ctx.actor, input)),
  /** Runs and restores per resource over a period, of the resources the caller sees. */
  report: orgProcedure(null)
    .meta(
      rest(
        "GET",
        "/reports/runs",
        "Report runs and restores per resource",
        "Of the resources you see, those with runs or restores in the last `days` days, with how they ended.",
      ),
    )
    .input(
      z.object({
        ...paging,
        pageSize: z.number().int().min(1).max(1000, "At most 1,000 per page.").default(25),
        days: z.number().int().min(1, "The period is at least 1 day.").max(366, "The period is at most 366 days.").default(30),
        sort: z.enum(REPORT_SORTS, { error: `Sort by one of ${REPORT_SORTS.join(", ")}.` }).default("failed"),
      }),
    )
    .output(
      object({
        total: count,
        since: timestamp,
        rows: z.array(
          object({
            id: z.string(),
            name: z.string(),
            type: resourceType,
            runs: count,
            succeeded: count,
            failed: count,
            running: count,
            lastAt: timestamp,
            lastResult: z.string().meta({ description: "RUNNING, SUCCEEDED or FAILED." }),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => runsReport(ctx.db, ctx.actor, input)),
  /** Seed 004: per member in the caller's span who owns resources, what restores and the last restore. */
  restoreReport: orgProcedure("restores.manage")
    .meta(
      rest(
        "GET",
        "/reports/restores",
        "Report restores per member",
        "Needs Manage restores. Per member in your span who owns resources you see: what can be restored and the last restore.",
      ),
    )
    .input(z.object({ ...paging, pageSize: z.number().int().min(1).max(1000, "At most 1,000 per page.").default(25) }))
    .output(
      object({
        total: count,
        rows: z.array(
          object({
            id: z.string().meta({ description: "The owner's membership id." }),
            name: z.string(),
            email: z.string(),
            resources: count,
            restorable: count,
            restorableNames: z.array(z.string()).meta({ description: "The first names of the restorable resources." }),
            lastRestoreAt: timestamp.nullable(),
            lastRestoreResult: z.string().nullable(),
            lastRestoreResource: z.string().nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => restoreReport(ctx.db, ctx.actor, input)),
  access: orgProcedure(null)
    .meta(rest("GET", "/resources/{resourceId}/grants", "List who has access to a resource", "Needs Share on it."))
    .input(z.object({ resourceId: id("Resource") }))
    .output(access)
    .query(({ ctx, input }) => listAccess(ctx.db, ctx.actor, input.resourceId)),
  grant: orgProcedure(null)
    .meta(
      rest(
        "PUT",
        "/resources/{resourceId}/grants",
        "Grant a member, team or group access to a resource",
        "Sets the principal's capabilities, replacing its grant if it has one. Needs Share, and only capabilities you hold there. An email address is notified of events only (no capabilities).",
      ),
    )
    .input(z.object({ resourceId: id("Resource"), principal, capabilities: z.array(z.enum(CAPABILITIES)).max(CAPABILITIES.length) }))
    .output(changed("The grant's id."))
    .mutation(({ ctx, input }) => setGrant(ctx.db, ctx.actor, input)),
  revoke: orgProcedure(null)
    .meta(rest("DELETE", "/resources/{resourceId}/grants/{grantId}", "Remove a grant from a resource", "Needs Share, and every capability the grant gives."))
    .input(z.object({ resourceId: id("Resource"), grantId: id("Grant") }))
    .output(changed("The removed grant's id."))
    .mutation(({ ctx, input }) => removeGrant(ctx.db, ctx.actor, input)),
  /** The people, teams and groups a share holder may pick. */
  principals: orgProcedure(null)
    .meta(
      rest(
        "GET",
        "/resources/{resourceId}/principals",
        "Find members, teams and groups to share a resource with",
        "Needs Share on it, or the right to transfer it. At most 8 members, 5 teams and 5 groups match `search`.",
      ),
    )
    .input(z.object({ resourceId: id("Resource"), search: z.string().max(120).default("") }))
    .output(principals)
    .query(({ ctx, input }) => sharePrincipals(ctx.db, ctx.actor, input)),
  explain: orgProcedure(null)
    .meta(
      rest(
        "GET",
        "/resources/{resourceId}/explain",
        "Explain a member's access to a resource",
        "What the member may do there and every role, grant, team or group path that gives or removes it. For yourself, or with Share on the resource.",
      ),
    )
    .input(z.object({ resourceId: id("Resource"), membershipId: id("Member") }))
    .output(explanation)
    .query(({ ctx, input }) => explainAccess(ctx.db, ctx.actor, input)),
});
