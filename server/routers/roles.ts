import { z } from "zod";
import { ALL_PERMISSIONS, CAPABILITIES, ROLE_SET_KEYS } from "../authz";
import { addRoleSet, createRole, deleteRole, listRoles, roleAuthoring, updateRole } from "../services/roles";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { id } from "./_schemas";
import { rest } from "./_rest";
import { count, object } from "./_outputs";

const roleFields = {
  name: z
    .string()
    .trim()
    .min(1, "Give the role a name.")
    .max(60, "Role names are at most 60 characters.")
    .refine((s) => !/[\u0000-\u001f]/.test(s), "Role names cannot contain control characters."),
  description: z.string().trim().max(500, "Descriptions are at most 500 characters.").default(""),
  reach: z.enum(["ORGANIZATION", "SUBTREE", "SELF"], {
    error: "Choose how far the role reaches: the organization, a home group's subtree, or the holder's own account.",
  }),
  permissions: z
    .array(z.enum(ALL_PERMISSIONS as [string, ...string[]], { error: "That is not a permission of Steward." }))
    .max(ALL_PERMISSIONS.length, "That is more permissions than Steward has."),
  ceiling: z
    .array(z.enum(CAPABILITIES, { error: "That is not a resource capability of Steward." }))
    .min(1, "Choose at least “View” as the role's resource access.")
    .max(CAPABILITIES.length, "That is more capabilities than Steward has."),
};

export const rolesRouter = createTRPCRouter({
  list: orgProcedure("roles.view")
    .meta(rest("GET", "/roles", "List the roles", "Highest rank first, built-in and custom, with whether you may give each to members."))
    .output(
      z.array(
        object({
          id: z.string(),
          name: z.string(),
          description: z.string(),
          rank: z.number().meta({ description: "Higher outranks lower." }),
          reach: z.enum(["ORGANIZATION", "SUBTREE", "SELF"]),
          builtIn: z.boolean(),
          permissions: z.array(z.string()),
          ceiling: z.array(z.string()).meta({ description: "The most that grants give its holders on a resource." }),
          version: z.number().int(),
          isYours: z.boolean(),
          mayEdit: z.boolean(),
          holders: count.nullable().meta({ description: "How many members hold it; only for roles you may edit." }),
          mayAssign: z.boolean(),
        }),
      ),
    )
    .query(({ ctx }) => listRoles(ctx.db, ctx.actor)),
  /** Whether the viewer may author roles, and their own role's bounds for the matrix. */
  authoring: orgProcedure("roles.view").query(({ ctx }) => roleAuthoring(ctx.actor)),
  create: orgProcedure("roles.manage")
    .input(z.object({ ...roleFields, placeBelowRoleId: id("Role") }))
    .mutation(({ ctx, input }) => createRole(ctx.db, ctx.actor, input)),
  update: orgProcedure("roles.manage")
    .input(z.object({ ...roleFields, roleId: id("Role"), version: z.number().int().min(0), placeBelowRoleId: id("Role").optional() }))
    .mutation(({ ctx, input }) => updateRole(ctx.db, ctx.actor, input)),
  delete: orgProcedure("roles.manage")
    .input(z.object({ roleId: id("Role"), moveHoldersTo: id("Role").optional() }))
    .mutation(({ ctx, input }) => deleteRole(ctx.db, ctx.actor, input)),
  /** Seeds 000 and 001: their role sets, as custom roles placed just below a role. */
  addSet: orgProcedure("roles.manage")
    .input(z.object({ set: z.enum(ROLE_SET_KEYS, { error: "There is no such role set." }), placeBelowRoleId: id("Role") }))
    .mutation(({ ctx, input }) => addRoleSet(ctx.db, ctx.actor, input)),
});
