import { z } from "zod";
import { changeMemberGroup, changeMemberRole, getMember, listMembers, MEMBER_SORTS, memberAccess, memberPickerOptions } from "../services/members";
import { bulkChangeGroup, bulkChangeRole, bulkSetStatus } from "../services/bulk";
import { BULK_MATCHING_CAP } from "../authz";
import {
  createMember,
  deleteMember,
  disableMemberTwoFactor,
  endMemberSessions,
  editMember,
  resetMemberPassword,
  setMemberStatus,
  transferOwnership,
  unlockMember,
  listMemberSessions,
  endMemberSession,
} from "../services/member-lifecycle";
import { migrateMemberData } from "../services/data-migration";
import { setResourceScope } from "../services/resources";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { company, cursorPaging, email, id, personName, username } from "./_schemas";
import { rest } from "./_rest";
import { count, cursorPage, effectivePolicy, object, resourceType, timestamp } from "./_outputs";

const selection = z.array(id("Member")).min(1, "Select at least one member.").max(200, "Select at most 200 members at a time.");
const memberStatusFilter = z.enum(["INVITED", "ACTIVE", "DISABLED"]);
/** The members list's filters: "every member it shows", for a bulk action. */
const matching = z
  .object({
    search: z.string().trim().max(200).optional(),
    groupId: id("Group").optional(),
    roleId: id("Role").optional(),
    status: memberStatusFilter.optional(),
  })
  .meta({ description: `Every member the list shows under these filters, at most ${BULK_MATCHING_CAP.toLocaleString("en-US")}: instead of membershipIds.` });
/** Chosen members, or all that match: one of the two. */
const bulkInput = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ membershipIds: selection.optional(), matching: matching.optional(), ...shape })
    .refine((x) => ((x as { membershipIds?: unknown }).membershipIds === undefined) !== ((x as { matching?: unknown }).matching === undefined), {
      message: "Choose members, or all that match the filters (one of the two).",
      path: ["membershipIds"],
    });

const memberStatus = z.enum(["INVITED", "ACTIVE", "DISABLED"]);
const settableStatus = z.enum(["ACTIVE", "DISABLED"]);

/** A member as the caller sees them; `can` says which of `actions` the caller may take. */
function memberOutput<A extends string>(actions: readonly [A, ...A[]]) {
  return object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    username: z.string().nullable(),
    company: z.string(),
    status: memberStatus,
    isOwner: z.boolean(),
    isSelf: z.boolean(),
    role: object({ id: z.string(), name: z.string(), rank: z.number() }),
    group: object({ id: z.string(), name: z.string() }),
    createdAt: timestamp,
    lastSignInAt: timestamp.nullable(),
    can: object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<A, z.ZodBoolean>),
  });
}

const changed = object({ id: z.string() });
const oneTimePassword = z.string().meta({ description: "Shown this once; the member must change it at their next sign-in." });
const bulkResults = z.array(
  object({
    membershipId: z.string(),
    name: z.string().nullable().meta({ description: "Their name; null for a member you do not see." }),
    ok: z.boolean(),
    message: z.string().meta({ description: "What happened, or why not." }),
  }),
);

export const membersRouter = createTRPCRouter({
  list: orgProcedure("members.view")
    .meta(
      rest(
        "GET",
        "/members",
        "List the members you see",
        "Sorted and paged. Page through with `cursor` (an answer's `nextCursor` or `prevCursor`): every page then costs what the first does. " +
          "`page` jumps to a page by number, which costs the rows it skips; `last` gives the last page. `total` counts every match " +
          "(a search counts up to 10,000: past that, `totalExact` is false). Members you see but may not manage have `can` false for each change.",
      ),
    )
    .input(
      z.object({
        ...cursorPaging(MEMBER_SORTS),
        pageSize: z.number().int().min(1).max(200, "At most 200 members per page.").default(25),
        search: z.string().trim().max(200).optional(),
        groupId: id("Group").optional(),
        roleId: id("Role").optional(),
        status: memberStatus.optional(),
      }),
    )
    .output(
      object({
        total: count,
        totalExact: z.boolean().meta({ description: 'False when a search matched more than 10,000: `total` then says only "more than 10,000".' }),
        ...cursorPage,
        manages: z.boolean().meta({ description: "Whether your role changes members at all." }),
        rows: z.array(
          memberOutput(["changeRole", "changeGroup", "setStatus"]).extend({
            lockedUntil: timestamp.nullable().meta({ description: "Until when the sign-in limit refuses them; null: it does not." }),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listMembers(ctx.db, ctx.actor, input)),
  /** What the filters and pickers of the members page offer. */
  options: orgProcedure("members.view").query(({ ctx }) => memberPickerOptions(ctx.db, ctx.actor)),
  changeRole: orgProcedure("members.assignRole")
    .meta(rest("PUT", "/members/{membershipId}/role", "Change a member's role"))
    .input(z.object({ membershipId: id("Member"), roleId: id("Role") }))
    .output(object({ id: z.string(), roleId: z.string() }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.actor, input)),
  get: orgProcedure("members.view")
    .meta(
      rest(
        "GET",
        "/members/{membershipId}",
        "Get one member",
        "With what you may do to them, their effective policy (if you may see policies), their resource scope and their recent history.",
      ),
    )
    .input(z.object({ membershipId: id("Member") }))
    .output(
      memberOutput(["edit", "changeRole", "changeGroup", "setStatus", "resetCredentials", "delete"]).extend({
        hasTwoFactor: z.boolean(),
        signIn: object({
          failedAttempts: count.meta({ description: "Failed sign-ins in the limit's current 15-minute window." }),
          lockedUntil: timestamp.nullable().meta({ description: "Until when the sign-in limit refuses them; null: it does not." }),
        }),
        policy: effectivePolicy.extend({ twoFactorRequired: z.boolean() }).nullable().meta({ description: "Null unless you may see policies." }),
        resourceScope: z.array(object({ id: z.string(), name: z.string(), type: resourceType })).meta({ description: "Empty: no limit." }),
        canViewAs: z.boolean(),
        ownedResources: count,
        canMigrateData: z.boolean(),
        canTransferOwnership: z.boolean(),
        readOnly: z.string().nullable().meta({ description: "Why you see this member but may not manage them, or null." }),
        history: z.array(
          object({ id: z.string(), action: z.string(), at: timestamp, actor: z.string(), label: z.string(), sentence: z.string(), detail: z.string() }),
        ),
      }),
    )
    .query(({ ctx, input }) => getMember(ctx.db, ctx.actor, input.membershipId)),
  access: orgProcedure("members.view")
    .meta(
      rest(
        "GET",
        "/members/{membershipId}/access",
        "Where a member stands",
        "Their home group's chain from the root, their teams, the permissions their role gives, and the organization-wide access that reaches them with how it does.",
      ),
    )
    .input(z.object({ membershipId: id("Member") }))
    .output(
      object({
        groups: z.array(object({ id: z.string(), name: z.string() })).meta({ description: "From the root down to their home group." }),
        teams: z.array(object({ id: z.string(), name: z.string() })),
        role: object({ name: z.string(), permissions: z.array(object({ key: z.string(), area: z.string(), label: z.string() })) }),
        organizationWide: z.array(
          object({
            grantId: z.string(),
            scope: z.string().meta({ description: 'The resource type it covers, or "*" for every type.' }),
            capabilities: z.array(z.string()),
            mayCreate: z.boolean(),
            via: object({ kind: z.enum(["member", "team", "group"]) }),
            source: z.string().meta({ description: "How it reaches them, in words." }),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => memberAccess(ctx.db, ctx.actor, input.membershipId)),
  edit: orgProcedure("members.edit")
    .meta(
      rest(
        "PATCH",
        "/members/{membershipId}",
        "Change a member's name, email, username or company",
        "Fields left out keep their value; a null username removes it.",
      ),
    )
    .input(z.object({ membershipId: id("Member"), name: personName, email, username: username.nullable().optional(), company: company.optional() }))
    .output(changed)
    .mutation(({ ctx, input }) => editMember(ctx.db, ctx.actor, input)),
  delete: orgProcedure("members.delete")
    .meta(
      rest(
        "DELETE",
        "/members/{membershipId}",
        "Delete a member",
        "A member who owns resources is deleted only with `transferResourcesTo`, the member who receives them.",
      ),
    )
    .input(z.object({ membershipId: id("Member"), transferResourcesTo: id("Member").optional() }))
    .output(changed)
    .mutation(({ ctx, input }) => deleteMember(ctx.db, ctx.actor, input)),
  /** Seed 002: the owner hands the organization to another top-role holder. Any member
   * may call it; the decision admits only the owner. */
  transferOwnership: orgProcedure("members.view")
    .meta(
      rest(
        "POST",
        "/members/{membershipId}/transfer-ownership",
        "Hand the organization to another member",
        "Only the owner may, and only to an active holder of the top role.",
      ),
    )
    .input(z.object({ membershipId: id("Member") }))
    .output(changed)
    .mutation(({ ctx, input }) => transferOwnership(ctx.db, ctx.actor, input)),
  create: orgProcedure("members.create")
    .meta(rest("POST", "/members", "Add a member with a one-time password", "The password is answered once; the member changes it at their first sign-in."))
    .input(z.object({ email, name: personName, username: username.optional(), company: company.optional(), groupId: id("Group"), roleId: id("Role") }))
    .output(object({ membershipId: z.string(), email: z.string(), oneTimePassword }))
    .mutation(({ ctx, input }) => createMember(ctx.db, ctx.actor, input)),
  /** Seed 002: limit a member to chosen servers and storages; an empty list means all. */
  setResourceScope: orgProcedure("members.edit")
    .meta(rest("PUT", "/members/{membershipId}/resource-scope", "Limit a member to chosen servers and storages", "An empty list lifts the limit."))
    .input(z.object({ membershipId: id("Member"), resourceIds: z.array(id("Resource")).max(500, "A scope holds at most 500 resources.") }))
    .output(object({ membershipId: z.string(), scope: z.array(object({ id: z.string(), name: z.string(), type: resourceType })) }))
    .mutation(({ ctx, input }) => setResourceScope(ctx.db, ctx.actor, input)),
  setStatus: orgProcedure("members.setStatus")
    .meta(rest("PUT", "/members/{membershipId}/status", "Disable or enable a member", "Disabling ends their sessions and API tokens."))
    .input(z.object({ membershipId: id("Member"), status: settableStatus }))
    .output(object({ id: z.string(), status: settableStatus }))
    .mutation(({ ctx, input }) => setMemberStatus(ctx.db, ctx.actor, input)),
  resetPassword: orgProcedure("members.resetCredentials")
    .meta(rest("POST", "/members/{membershipId}/reset-password", "Reset a member's password", "Answers a one-time password, once, and ends their sessions."))
    .input(z.object({ membershipId: id("Member") }))
    .output(object({ id: z.string(), email: z.string(), oneTimePassword }))
    .mutation(({ ctx, input }) => resetMemberPassword(ctx.db, ctx.actor, input)),
  bulkSetStatus: orgProcedure("members.setStatus")
    .meta(
      rest(
        "POST",
        "/members/bulk/status",
        "Disable or enable several members",
        "Each member is decided on its own; the answer says, per member, what happened or why not.",
      ),
    )
    .input(bulkInput({ status: settableStatus }))
    .output(bulkResults)
    .mutation(({ ctx, input }) => bulkSetStatus(ctx.db, ctx.actor, input)),
  bulkChangeRole: orgProcedure("members.assignRole")
    .meta(
      rest(
        "POST",
        "/members/bulk/role",
        "Change the role of several members",
        "Each member is decided on its own; the answer says, per member, what happened or why not.",
      ),
    )
    .input(bulkInput({ roleId: id("Role") }))
    .output(bulkResults)
    .mutation(({ ctx, input }) => bulkChangeRole(ctx.db, ctx.actor, input)),
  bulkChangeGroup: orgProcedure("members.assignGroup")
    .meta(
      rest(
        "POST",
        "/members/bulk/group",
        "Move several members to another home group",
        "Each member is decided on its own; the answer says, per member, what happened or why not.",
      ),
    )
    .input(bulkInput({ groupId: id("Group") }))
    .output(bulkResults)
    .mutation(({ ctx, input }) => bulkChangeGroup(ctx.db, ctx.actor, input)),
  endSessions: orgProcedure("members.resetCredentials")
    .meta(rest("POST", "/members/{membershipId}/end-sessions", "Sign a member out everywhere", "Ends their sessions and API tokens."))
    .input(z.object({ membershipId: id("Member") }))
    .output(changed)
    .mutation(({ ctx, input }) => endMemberSessions(ctx.db, ctx.actor, input)),
  /** Where the member is signed in; "Reset credentials" over them. */
  sessions: orgProcedure("members.resetCredentials")
    .meta(
      rest(
        "GET",
        "/members/{membershipId}/sessions",
        "List a member's sessions",
        "The browsers where they are signed in now (their account's sessions, whichever organization they use), newest activity first.",
      ),
    )
    .input(z.object({ membershipId: id("Member") }))
    .output(z.array(object({ id: z.string(), userAgent: z.string(), ip: z.string().nullable(), createdAt: timestamp, lastSeenAt: timestamp })))
    .query(({ ctx, input }) => listMemberSessions(ctx.db, ctx.actor, input)),
  /** Signs one of the member's browsers out; "Reset credentials" over them. */
  endSession: orgProcedure("members.resetCredentials")
    .meta(rest("DELETE", "/members/{membershipId}/sessions/{sessionId}", "End one of a member's sessions", "That browser is signed out at its next request."))
    .input(z.object({ membershipId: id("Member"), sessionId: id("Session") }))
    .output(object({ id: z.string(), sessionId: z.string() }))
    .mutation(({ ctx, input }) => endMemberSession(ctx.db, ctx.actor, input)),
  /** Lifts the sign-in limit's lock on their account; "Reset credentials" over them. */
  unlock: orgProcedure("members.resetCredentials")
    .meta(
      rest(
        "POST",
        "/members/{membershipId}/unlock",
        "Unlock a member's sign-in",
        "Forgets their failed sign-ins, so the sign-in limit no longer holds them back. Their password and sessions stay as they are.",
      ),
    )
    .input(z.object({ membershipId: id("Member") }))
    .output(object({ id: z.string(), wasLocked: z.boolean(), failedAttempts: count }))
    .mutation(({ ctx, input }) => unlockMember(ctx.db, ctx.actor, input)),
  disableTwoFactor: orgProcedure("members.resetCredentials")
    .meta(
      rest(
        "POST",
        "/members/{membershipId}/disable-two-factor",
        "Turn off a member's two-factor sign-in",
        "For a member who lost their device; ends their sessions and emails them.",
      ),
    )
    .input(z.object({ membershipId: id("Member") }))
    .output(changed)
    .mutation(({ ctx, input }) => disableMemberTwoFactor(ctx.db, ctx.actor, input)),
  /** Seed 004: move everything one member owns to another member in the actor's span. */
  migrateData: orgProcedure("data.migrate")
    .meta(rest("POST", "/members/{fromMembershipId}/migrate-data", "Move everything a member owns to another member"))
    .input(
      z
        .object({ fromMembershipId: id("Member"), toMembershipId: id("Member") })
        .refine((i) => i.fromMembershipId !== i.toMembershipId, { error: "Choose another member to receive the data.", path: ["toMembershipId"] }),
    )
    .output(
      object({
        count,
        from: z.string().meta({ description: "The name of the member who owned it." }),
        to: z.string().meta({ description: "The name of the member who owns it now." }),
      }),
    )
    .mutation(({ ctx, input }) => migrateMemberData(ctx.db, ctx.actor, input)),
  changeGroup: orgProcedure("members.assignGroup")
    .meta(rest("PUT", "/members/{membershipId}/group", "Move a member to another home group"))
    .input(z.object({ membershipId: id("Member"), groupId: id("Group") }))
    .output(object({ id: z.string(), groupId: z.string() }))
    .mutation(({ ctx, input }) => changeMemberGroup(ctx.db, ctx.actor, input)),
});
