// Reports ("Run reports", seed 004): the groups a report may be run on, a subtree's figures,
// and the lists behind them in keyset pages. The CSV download of the lists
// (app/o/[slug]/reports/[list]) pages through `members` and `invitations` with the same gate.
import { z } from "zod";
import { REPORT_INVITATION_STATES, REPORT_MEMBER_LISTS, reportGroups, reportInvitations, reportMembers, reportSummary } from "../services/reports";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { id } from "./_schemas";

const paging = {
  cursor: z.string().max(512, "This page of the report cannot be found any more; start from the first page.").nullish(),
  pageSize: z.number().int().min(1, "Ask for at least one row.").max(1000, "At most 1,000 rows per page.").default(25),
};

export const reportsRouter = createTRPCRouter({
  groups: orgProcedure("reports.run").query(({ ctx }) => reportGroups(ctx.db, ctx.actor)),
  summary: orgProcedure("reports.run")
    .input(z.object({ groupId: id("Group") }))
    .query(({ ctx, input }) => reportSummary(ctx.db, ctx.actor, input)),
  members: orgProcedure("reports.run")
    .input(
      z.object({
        groupId: id("Group"),
        list: z.enum(REPORT_MEMBER_LISTS, { error: `Choose a list: ${REPORT_MEMBER_LISTS.join(", ")}.` }),
        ...paging,
      }),
    )
    .query(({ ctx, input }) => reportMembers(ctx.db, ctx.actor, input)),
  invitations: orgProcedure("reports.run")
    .input(
      z.object({
        groupId: id("Group"),
        state: z.enum(REPORT_INVITATION_STATES, { error: "Choose PENDING or EXPIRED invitations." }),
        ...paging,
      }),
    )
    .query(({ ctx, input }) => reportInvitations(ctx.db, ctx.actor, input)),
});
