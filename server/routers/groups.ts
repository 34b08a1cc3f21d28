import { z } from "zod";
import { createGroup, deleteGroup, listGroups, moveGroup, renameGroup } from "../services/groups";
import { readGroupPolicy, setGroupPolicy } from "../services/policies";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { groupName, id, policySettings } from "./_schemas";

export const groupsRouter = createTRPCRouter({
  list: orgProcedure("groups.view").query(({ ctx }) => listGroups(ctx.db, ctx.actor)),
  create: orgProcedure("groups.create")
    .input(z.object({ parentId: id("Parent group"), name: groupName }))
    .mutation(({ ctx, input }) => createGroup(ctx.db, ctx.actor, input)),
  rename: orgProcedure("groups.edit")
    .input(z.object({ groupId: id("Group"), name: groupName }))
    .mutation(({ ctx, input }) => renameGroup(ctx.db, ctx.actor, input)),
  move: orgProcedure("groups.edit")
    .input(z.object({ groupId: id("Group"), newParentId: id("New parent group") }))
    .mutation(({ ctx, input }) => moveGroup(ctx.db, ctx.actor, input)),
  delete: orgProcedure("groups.delete")
    .input(z.object({ groupId: id("Group") }))
    .mutation(({ ctx, input }) => deleteGroup(ctx.db, ctx.actor, input)),
  /** The group's own policy, what it inherits and the effective result, each value with its source. */
  policy: orgProcedure("policies.view")
    .input(z.object({ groupId: id("Group") }))
    .query(({ ctx, input }) => readGroupPolicy(ctx.db, ctx.actor, input.groupId)),
  /** Replaces the group's own settings (null inherits); a subgroup may only tighten. */
  setPolicy: orgProcedure("policies.manage")
    .input(z.object({ groupId: id("Group"), settings: policySettings }))
    .mutation(async ({ ctx, input }) => {
      await setGroupPolicy(ctx.db, { ...ctx.actor, hasTwoFactor: ctx.viewer.hasTwoFactor }, input.groupId, input.settings);
      return readGroupPolicy(ctx.db, ctx.actor, input.groupId);
    }),
});
