import { z } from "zod";
import { addTeamMember, createTeam, deleteTeam, listTeams, removeTeamMember, teamPickerOptions, updateTeam } from "../services/teams";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { id } from "./_schemas";
import { rest } from "./_rest";
import { count, object } from "./_outputs";

const name = z.string().trim().min(1, "Give the team a name.").max(80, "Team names are at most 80 characters.");
const description = z.string().trim().max(500, "Descriptions are at most 500 characters.").default("");
const teamId = object({ id: z.string() });
const teamMember = object({ teamId: z.string(), membershipId: z.string() });

export const teamsRouter = createTRPCRouter({
  list: orgProcedure("members.view")
    .meta(rest("GET", "/teams", "List the teams", "Every team of the organization; members are listed, and counted, only within your span."))
    .output(
      z.array(
        object({
          id: z.string(),
          name: z.string(),
          description: z.string(),
          group: object({ id: z.string(), name: z.string() })
            .nullable()
            .meta({ description: "The group whose subtree the team belongs to; null: the whole organization." }),
          canManage: z.boolean(),
          memberCount: count,
          grantCount: count,
          organizationWide: z.array(z.string()).meta({ description: "Its organization-wide access, in words." }),
          members: z.array(object({ membershipId: z.string(), name: z.string(), email: z.string() })),
        }),
      ),
    )
    .query(({ ctx }) => listTeams(ctx.db, ctx.actor)),
  /** The teams a picker offers: those the caller manages, without their members. */
  options: orgProcedure("teams.manage").query(({ ctx }) => teamPickerOptions(ctx.db, ctx.actor)),
  create: orgProcedure("teams.manage")
    .meta(rest("POST", "/teams", "Create a team", "Without `groupId`, the team belongs to the whole organization."))
    .input(z.object({ name, description, groupId: id("Group").nullable().optional() }))
    .output(teamId)
    .mutation(({ ctx, input }) => createTeam(ctx.db, ctx.actor, input)),
  update: orgProcedure("teams.manage")
    .meta(
      rest(
        "PUT",
        "/teams/{teamId}",
        "Rename a team or move it to another group",
        "Without `groupId` the team stays where it is; null makes it organization-wide. A team moves only where every member fits.",
      ),
    )
    .input(z.object({ teamId: id("Team"), name, description, groupId: id("Group").nullable().optional() }))
    .output(teamId)
    .mutation(({ ctx, input }) => updateTeam(ctx.db, ctx.actor, input)),
  delete: orgProcedure("teams.manage")
    .meta(rest("DELETE", "/teams/{teamId}", "Delete a team", "Its grants and organization-wide access go with it."))
    .input(z.object({ teamId: id("Team") }))
    .output(teamId)
    .mutation(({ ctx, input }) => deleteTeam(ctx.db, ctx.actor, input.teamId)),
  addMember: orgProcedure("teams.manage")
    .meta(
      rest(
        "PUT",
        "/teams/{teamId}/members/{membershipId}",
        "Add a member to a team",
        "The member gains what the team is granted, so you must be able to grant it.",
      ),
    )
    .input(z.object({ teamId: id("Team"), membershipId: id("Member") }))
    .output(teamMember)
    .mutation(({ ctx, input }) => addTeamMember(ctx.db, ctx.actor, input)),
  removeMember: orgProcedure("teams.manage")
    .meta(rest("DELETE", "/teams/{teamId}/members/{membershipId}", "Remove a member from a team"))
    .input(z.object({ teamId: id("Team"), membershipId: id("Member") }))
    .output(teamMember)
    .mutation(({ ctx, input }) => removeTeamMember(ctx.db, ctx.actor, input)),
});
