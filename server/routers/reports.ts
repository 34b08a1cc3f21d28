// Reports ("Run reports", seed 004): the groups a report may be run on, a subtree's figures,
// and the lists behind them in keyset pages. The CSV download of the lists
// (app/o/[slug]/reports/[list]) pages through `members` and `invitations` with the same gate.
import { z } from "zod";
import { REPORT_INVITATION_STATES, REPORT_MEMBER_LISTS, reportGroups, reportInvitations, reportMembers, reportSummary } from "../services/reports";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { id } from "./_schemas";
import { rest } from "./_rest";
import { count, object, timestamp } from "./_outputs";

const paging = {
  cursor: z.string().max(512, "This page of the report cannot be found any more; start from the first page.").nullish(),
  pageSize: z.number().int().min(1, "Ask for at least one row.").max(1000, "At most 1,000 rows per page.").default(25),
};

const PAGED = "Pages follow one another: send the previous page's `nextCursor` as `cursor` until it is null.";
const nextCursor = z.string().nullable().meta({ description: "The `cursor` of the next page, or null after the last." });
const statusCounts = { invited: count, active: count, disabled: count, total: count };

export const reportsRouter = createTRPCRouter({
  groups: orgProcedure("reports.run")
    .meta(rest("GET", "/reports/groups", "List the groups you may run reports on", "Needs Run reports. In tree order, each with its path of names."))
    .output(
      z.array(
        object({
          id: z.string(),
          name: z.string(),
          label: z.string().meta({ description: "The group's path of names from the top of your reach." }),
          level: count,
        }),
      ),
    )
    .query(({ ctx }) => reportGroups(ctx.db, ctx.actor)),
  summary: orgProcedure("reports.run")
    .meta(
      rest(
        "GET",
        "/reports/groups/{groupId}",
        "Report on a group's subtree",
        "Needs Run reports over the group. The members you see there by role and status, two-factor enrollment, last sign-in and open invitations.",
      ),
    )
    .input(z.object({ groupId: id("Group") }))
    .output(
      object({
        group: object({ id: z.string(), name: z.string() }),
        at: timestamp,
        dormantDays: count.meta({ description: "No sign-in for this many days makes an account dormant." }),
        byRole: z.array(object({ roleId: z.string(), role: z.string(), rank: z.number().int(), ...statusCounts })),
        totals: object(statusCounts),
        twoFactor: object({ coveredEnrolled: count, coveredNotEnrolled: count, notCovered: count }),
        signIn: object({ within7: count, within30: count, within90: count, dormant: count, never: count }),
        invitations: object({ pending: count, expired: count }),
      }),
    )
    .query(({ ctx, input }) => reportSummary(ctx.db, ctx.actor, input)),
  members: orgProcedure("reports.run")
    .meta(
      rest(
        "GET",
        "/reports/groups/{groupId}/members",
        "List the members behind a report's figure",
        `The active members of the subtree who are dormant, never signed in, or not enrolled in a two-factor sign-in their policy requires. ${PAGED}`,
      ),
    )
    .input(
      z.object({
        groupId: id("Group"),
        list: z.enum(REPORT_MEMBER_LISTS, { error: `Choose a list: ${REPORT_MEMBER_LISTS.join(", ")}.` }),
        ...paging,
      }),
    )
    .output(
      object({
        rows: z.array(
          object({
            id: z.string().meta({ description: "The membership id." }),
            name: z.string(),
            email: z.string(),
            role: z.string(),
            group: z.string(),
            status: z.string(),
            createdAt: timestamp,
            lastSignInAt: timestamp.nullable(),
            twoFactor: z.boolean(),
          }),
        ),
        nextCursor,
      }),
    )
    .query(({ ctx, input }) => reportMembers(ctx.db, ctx.actor, input)),
  invitations: orgProcedure("reports.run")
    .meta(rest("GET", "/reports/groups/{groupId}/invitations", "List the pending or expired invitations of a report", PAGED))
    .input(
      z.object({
        groupId: id("Group"),
        state: z.enum(REPORT_INVITATION_STATES, { error: "Choose PENDING or EXPIRED invitations." }),
        ...paging,
      }),
    )
    .output(
      object({
        rows: z.array(
          object({
            id: z.string(),
            email: z.string(),
            role: z.string(),
            group: z.string(),
            invitedBy: z.string(),
            lastSentAt: timestamp,
            expiresAt: timestamp,
          }),
        ),
        nextCursor,
      }),
    )
    .query(({ ctx, input }) => reportInvitations(ctx.db, ctx.actor, input)),
});
