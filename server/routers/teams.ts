import { z } from "zod";
import { addTeamMember, createTeam, deleteTeam, listTeams, removeTeamMember, updateTeam } from "../services/teams";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { id } from "./_schemas";

const name = z.string().trim().min(1, "Give the team a name.").max(80, "Team names are at most 80 characters.");
const description = z.string().trim().max(500, "Descriptions are at most 500 characters.").default("");

export const teamsRouter = createTRPCRouter({
  list: orgProcedure("members.view").query(({ ctx }) => listTeams(ctx.db, ctx.actor)),
  create: orgProcedure("teams.manage")
    .input(z.object({ name, description, groupId: id("Group").nullable().optional() }))
    .mutation(({ ctx, input }) => createTeam(ctx.db, ctx.actor, input)),
  update: orgProcedure("teams.manage")
    .input(z.object({ teamId: id("Team"), name, description, groupId: id("Group").nullable().optional() }))
    .mutation(({ ctx, input }) => updateTeam(ctx.db, ctx.actor, input)),
  delete: orgProcedure("teams.manage")
    .input(z.object({ teamId: id("Team") }))
    .mutation(({ ctx, input }) => deleteTeam(ctx.db, ctx.actor, input.teamId)),
  addMember: orgProcedure("teams.manage")
    .input(z.object({ teamId: id("Team"), membershipId: id("Member") }))
    .mutation(({ ctx, input }) => addTeamMember(ctx.db, ctx.actor, input)),
  removeMember: orgProcedure("teams.manage")
    .input(z.object({ teamId: id("Team"), membershipId: id("Member") }))
    .mutation(({ ctx, input }) => removeTeamMember(ctx.db, ctx.actor, input)),
});
