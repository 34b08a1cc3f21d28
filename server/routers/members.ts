import { z } from "zod";
import { changeMemberGroup, changeMemberRole, getMember, listMembers, MEMBER_SORTS, memberPickerOptions } from "../services/members";
import { bulkChangeGroup, bulkChangeRole, bulkSetStatus } from "../services/bulk";
import {
  createMember,
  deleteMember,
  disableMemberTwoFactor,
  endMemberSessions,
  editMember,
  resetMemberPassword,
  setMemberStatus,
  transferOwnership,
} from "../services/member-lifecycle";
import { migrateMemberData } from "../services/data-migration";
import { setResourceScope } from "../services/resources";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { company, email, id, personName, username } from "./_schemas";

const selection = z.array(id("Member")).min(1, "Select at least one member.").max(200, "Select at most 200 members at a time.");

export const membersRouter = createTRPCRouter({
  list: orgProcedure("members.view")
    .input(
      z.object({
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200, "At most 200 members per page.").default(25),
        sort: z.enum(MEMBER_SORTS).default("name"),
        direction: z.enum(["asc", "desc"]).default("asc"),
        search: z.string().trim().max(200).optional(),
        groupId: id("Group").optional(),
        roleId: id("Role").optional(),
        status: z.enum(["INVITED", "ACTIVE", "DISABLED"]).optional(),
      }),
    )
    .query(({ ctx, input }) => listMembers(ctx.db, ctx.actor, input)),
  /** What the filters and pickers of the members page offer. */
  options: orgProcedure("members.view").query(({ ctx }) => memberPickerOptions(ctx.db, ctx.actor)),
  changeRole: orgProcedure("members.assignRole")
    .input(z.object({ membershipId: id("Member"), roleId: id("Role") }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.actor, input)),
  get: orgProcedure("members.view")
    .input(z.object({ membershipId: id("Member") }))
    .query(({ ctx, input }) => getMember(ctx.db, ctx.actor, input.membershipId)),
  edit: orgProcedure("members.edit")
    .input(z.object({ membershipId: id("Member"), name: personName, email, username: username.nullable().optional(), company: company.optional() }))
    .mutation(({ ctx, input }) => editMember(ctx.db, ctx.actor, input)),
  delete: orgProcedure("members.delete")
    .input(z.object({ membershipId: id("Member"), transferResourcesTo: id("Member").optional() }))
    .mutation(({ ctx, input }) => deleteMember(ctx.db, ctx.actor, input)),
  /** Seed 002: the owner hands the organization to another top-role holder. Any member
   * may call it; the decision admits only the owner. */
  transferOwnership: orgProcedure("members.view")
    .input(z.object({ membershipId: id("Member") }))
    .mutation(({ ctx, input }) => transferOwnership(ctx.db, ctx.actor, input)),
  create: orgProcedure("members.create")
    .input(z.object({ email, name: personName, username: username.optional(), company: company.optional(), groupId: id("Group"), roleId: id("Role") }))
    .mutation(({ ctx, input }) => createMember(ctx.db, ctx.actor, input)),
  /** Seed 002: limit a member to chosen servers and storages; an empty list means all. */
  setResourceScope: orgProcedure("members.edit")
    .input(z.object({ membershipId: id("Member"), resourceIds: z.array(id("Resource")).max(500, "A scope holds at most 500 resources.") }))
    .mutation(({ ctx, input }) => setResourceScope(ctx.db, ctx.actor, input)),
  setStatus: orgProcedure("members.setStatus")
    .input(z.object({ membershipId: id("Member"), status: z.enum(["ACTIVE", "DISABLED"]) }))
    .mutation(({ ctx, input }) => setMemberStatus(ctx.db, ctx.actor, input)),
  resetPassword: orgProcedure("members.resetCredentials")
    .input(z.object({ membershipId: id("Member") }))
    .mutation(({ ctx, input }) => resetMemberPassword(ctx.db, ctx.actor, input)),
  bulkSetStatus: orgProcedure("members.setStatus")
    .input(z.object({ membershipIds: selection, status: z.enum(["ACTIVE", "DISABLED"]) }))
    .mutation(({ ctx, input }) => bulkSetStatus(ctx.db, ctx.actor, input)),
  bulkChangeRole: orgProcedure("members.assignRole")
    .input(z.object({ membershipIds: selection, roleId: id("Role") }))
    .mutation(({ ctx, input }) => bulkChangeRole(ctx.db, ctx.actor, input)),
  bulkChangeGroup: orgProcedure("members.assignGroup")
    .input(z.object({ membershipIds: selection, groupId: id("Group") }))
    .mutation(({ ctx, input }) => bulkChangeGroup(ctx.db, ctx.actor, input)),
  endSessions: orgProcedure("members.resetCredentials")
    .input(z.object({ membershipId: id("Member") }))
    .mutation(({ ctx, input }) => endMemberSessions(ctx.db, ctx.actor, input)),
  disableTwoFactor: orgProcedure("members.resetCredentials")
    .input(z.object({ membershipId: id("Member") }))
    .mutation(({ ctx, input }) => disableMemberTwoFactor(ctx.db, ctx.actor, input)),
  /** Seed 004: move everything one member owns to another member in the actor's span. */
  migrateData: orgProcedure("data.migrate")
    .input(
      z
        .object({ fromMembershipId: id("Member"), toMembershipId: id("Member") })
        .refine((i) => i.fromMembershipId !== i.toMembershipId, { error: "Choose another member to receive the data.", path: ["toMembershipId"] }),
    )
    .mutation(({ ctx, input }) => migrateMemberData(ctx.db, ctx.actor, input)),
  changeGroup: orgProcedure("members.assignGroup")
    .input(z.object({ membershipId: id("Member"), groupId: id("Group") }))
    .mutation(({ ctx, input }) => changeMemberGroup(ctx.db, ctx.actor, input)),
});
