import { z } from "zod";
import { createGroup, deleteGroup, listGroups, moveGroup, renameGroup } from "../services/groups";
import { readGroupPolicy, setGroupPolicy } from "../services/policies";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { groupName, id, policySettings } from "./_schemas";
import { rest } from "./_rest";
import { count, effectivePolicy, object, policySettingsOutput, timestamp } from "./_outputs";

const path = z.string().meta({ description: "The ids from the root group down to this one, as /id/…/id/." });

/** A group as created, renamed or moved. */
const group = object({ id: z.string(), name: z.string(), parentId: z.string().nullable(), path, depth: z.number().int(), createdAt: timestamp });

const groupPolicy = object({
  group: object({ id: z.string(), name: z.string(), isRoot: z.boolean() }),
  own: policySettingsOutput,
  inherited: effectivePolicy.nullable().meta({ description: "What the parent group's chain sets; null at the root." }),
  effective: effectivePolicy,
  canManage: z.boolean(),
});

export const groupsRouter = createTRPCRouter({
  list: orgProcedure("groups.view")
    .meta(rest("GET", "/groups", "List the groups you reach", "In tree order: parents before children, siblings by name."))
    .output(
      z.array(
        object({
          id: z.string(),
          name: z.string(),
          parentId: z.string().nullable(),
          depth: z.number().int(),
          path,
          memberCount: count,
          subgroupCount: count,
          can: object({
            create: z.boolean(),
            rename: z.boolean(),
            move: z.boolean(),
            delete: z.boolean(),
            viewPolicy: z.boolean(),
            managePolicy: z.boolean(),
          }),
          hasPolicy: z.boolean(),
        }),
      ),
    )
    .query(({ ctx }) => listGroups(ctx.db, ctx.actor)),
  create: orgProcedure("groups.create")
    .meta(rest("POST", "/groups", "Create a group under a parent group"))
    .input(z.object({ parentId: id("Parent group"), name: groupName }))
    .output(group)
    .mutation(({ ctx, input }) => createGroup(ctx.db, ctx.actor, input)),
  rename: orgProcedure("groups.edit")
    .meta(rest("PATCH", "/groups/{groupId}", "Rename a group"))
    .input(z.object({ groupId: id("Group"), name: groupName }))
    .output(group)
    .mutation(({ ctx, input }) => renameGroup(ctx.db, ctx.actor, input)),
  move: orgProcedure("groups.edit")
    .meta(rest("POST", "/groups/{groupId}/move", "Move a group under another parent", "Its subgroups and members move with it."))
    .input(z.object({ groupId: id("Group"), newParentId: id("New parent group") }))
    .output(group)
    .mutation(({ ctx, input }) => moveGroup(ctx.db, ctx.actor, input)),
  delete: orgProcedure("groups.delete")
    .meta(rest("DELETE", "/groups/{groupId}", "Delete an empty group", "A group with subgroups or members is not deleted."))
    .input(z.object({ groupId: id("Group") }))
    .output(object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteGroup(ctx.db, ctx.actor, input)),
  /** The group's own policy, what it inherits and the effective result, each value with its source. */
  policy: orgProcedure("policies.view")
    .meta(
      rest("GET", "/groups/{groupId}/policy", "Get a group's policy", "Its own settings, what it inherits, and the effective result with each value's source."),
    )
    .input(z.object({ groupId: id("Group") }))
    .output(groupPolicy)
    .query(({ ctx, input }) => readGroupPolicy(ctx.db, ctx.actor, input.groupId)),
  /** Replaces the group's own settings (null inherits); a subgroup may only tighten. */
  setPolicy: orgProcedure("policies.manage")
    .meta(
      rest(
        "PUT",
        "/groups/{groupId}/policy",
        "Replace a group's policy",
        "Every setting is given; null inherits. A subgroup may tighten what it inherits, never loosen it. Answers the policy as it now stands.",
      ),
    )
    .input(z.object({ groupId: id("Group"), settings: policySettings }))
    .output(groupPolicy)
    .mutation(async ({ ctx, input }) => {
      await setGroupPolicy(ctx.db, { ...ctx.actor, hasTwoFactor: ctx.viewer.hasTwoFactor }, input.groupId, input.settings);
      return readGroupPolicy(ctx.db, ctx.actor, input.groupId);
    }),
});
