// Reports ("Run reports", seed 004): for a group's subtree in the actor's reach, the members the
// actor sees there by role and status, who a two-factor policy covers and who of them has not
// enrolled, when they last signed in (dormant: not for DORMANT_DAYS), and the invitations still
// pending or expired. Every figure is one grouped query over the subtree, never members loaded
// into memory; the lists behind the figures are keyset pages of the same conditions, so a list
// holds exactly what its figure counts. Reading a report changes nothing and is not audited:
// it shows no member the members list would not, and nothing leaves but through the lists'
// pages (docs/authority.md, "Reports").
import { decidePermission, decideRunReport } from "../authz";
import { reportGroupsWhere, reportInvitationsSql, reportMembersSql, twoFactorCoveredSql } from "../authz/reports.sql";
import type { Db } from "../db";
import { Prisma as P } from "../db/generated/client";
import { toGroupFacts, type ActorContext } from "./actor";
import { enforce, notFound, StewardError } from "./errors";
import { inTreeOrder } from "./groups";

/** No sign-in for this many days makes an account dormant. */
export const DORMANT_DAYS = 90;
const DAY = 86_400_000;

export const REPORT_MEMBER_LISTS = ["dormant", "neverSignedIn", "notEnrolled"] as const;
export type ReportMemberList = (typeof REPORT_MEMBER_LISTS)[number];
export const REPORT_INVITATION_STATES = ["PENDING", "EXPIRED"] as const;
export type ReportInvitationState = (typeof REPORT_INVITATION_STATES)[number];

/** The groups the actor may run reports on, in tree order, with their path of names from the
 * top of the actor's reach. */
export async function reportGroups(db: Db, actor: ActorContext) {
  enforce(decidePermission(actor, "reports.run"), "Group", actor);
  const groups = await db.group.findMany({
    where: reportGroupsWhere(actor),
    select: { id: true, name: true, parentId: true, depth: true },
    orderBy: [{ depth: "asc" }, { name: "asc" }],
  });
  const top = groups[0]?.depth ?? 0;
  const names = new Map<string, string>();
  return inTreeOrder(groups).map((g) => {
    const label = g.parentId && names.has(g.parentId) ? `${names.get(g.parentId)} / ${g.name}` : g.name;
    names.set(g.id, label);
    return { id: g.id, name: g.name, label, level: g.depth - top };
  });
}

/** The group a report is run on, or NOT_FOUND when it is outside reach or the organization. */
async function reportGroup(db: Db, actor: ActorContext, groupId: string) {
  const group = await db.group.findFirst({ where: { id: groupId, organizationId: actor.organizationId } });
  if (!group) throw notFound("Group", actor);
  enforce(decideRunReport(actor, toGroupFacts(group)), "Group", actor);
  return group;
}

/** The conditions on one member (m, ro, g, u) behind each figure and list, at `now`. */
function conditions(now: Date) {
  const signedInSince = (days: number) => P.sql`u."lastSignInAt" >= ${new Date(now.getTime() - days * DAY)}`;
  const covered = twoFactorCoveredSql();
  const enrolled = P.sql`u."totpEnabledAt" IS NOT NULL`;
  return {
    covered,
    enrolled,
    signedInSince,
    lists: {
      dormant: P.sql`u."lastSignInAt" < ${new Date(now.getTime() - DORMANT_DAYS * DAY)}`,
      neverSignedIn: P.sql`u."lastSignInAt" IS NULL`,
      notEnrolled: P.sql`${covered} AND NOT (${enrolled})`,
    } satisfies Record<ReportMemberList, P.Sql>,
  };
}

const MEMBERS_FROM = P.sql`"Membership" m JOIN "Role" ro ON ro.id = m."roleId" JOIN "Group" g ON g.id = m."groupId" JOIN "User" u ON u.id = m."userId"`;
const INVITATIONS_FROM = P.sql`"Invitation" i LEFT JOIN "Role" ro ON ro.id = i."roleId" LEFT JOIN "Group" g ON g.id = i."groupId"`;
// Two-factor and sign-in figures and lists are about accounts in use: active members only.
const ACTIVE = P.sql`m.status = 'ACTIVE'`;

type StatusCounts = { invited: number; active: number; disabled: number; total: number };

/** The figures of a report on one group's subtree. */
export async function reportSummary(db: Db, actor: ActorContext, input: { groupId: string }, now = new Date()) {
  const group = await reportGroup(db, actor, input.groupId);
  const members = reportMembersSql(actor, group);
  const c = conditions(now);
  const [byRole, [activity], [invitations]] = await Promise.all([
    db.$queryRaw<Array<{ roleId: string; role: string; rank: number; status: "INVITED" | "ACTIVE" | "DISABLED"; n: number }>>`
      SELECT ro.id AS "roleId", ro.name AS role, ro.rank, m.status::text AS status, count(*)::int AS n
        FROM ${MEMBERS_FROM} WHERE ${members}
       GROUP BY ro.id, ro.name, ro.rank, m.status`,
    db.$queryRaw<
      Array<{
        active: number;
        coveredEnrolled: number;
        coveredNotEnrolled: number;
        notCovered: number;
        within7: number;
        within30: number;
        within90: number;
        dormant: number;
        never: number;
      }>
    >`
      SELECT count(*)::int AS active,
             count(*) FILTER (WHERE ${c.covered} AND ${c.enrolled})::int AS "coveredEnrolled",
             count(*) FILTER (WHERE ${c.lists.notEnrolled})::int AS "coveredNotEnrolled",
             count(*) FILTER (WHERE NOT (${c.covered}))::int AS "notCovered",
             count(*) FILTER (WHERE ${c.signedInSince(7)})::int AS within7,
             count(*) FILTER (WHERE ${c.signedInSince(30)} AND NOT (${c.signedInSince(7)}))::int AS within30,
             count(*) FILTER (WHERE ${c.signedInSince(DORMANT_DAYS)} AND NOT (${c.signedInSince(30)}))::int AS within90,
             count(*) FILTER (WHERE ${c.lists.dormant})::int AS dormant,
             count(*) FILTER (WHERE ${c.lists.neverSignedIn})::int AS never
        FROM ${MEMBERS_FROM} WHERE ${members} AND ${ACTIVE}`,
    db.$queryRaw<Array<{ pending: number; expired: number }>>`
      SELECT count(*) FILTER (WHERE i."expiresAt" > ${now})::int AS pending,
             count(*) FILTER (WHERE i."expiresAt" <= ${now})::int AS expired
        FROM ${INVITATIONS_FROM} WHERE ${reportInvitationsSql(actor, group)} AND i.status = 'PENDING'`,
  ]);

  const roles = new Map<string, { roleId: string; role: string; rank: number } & StatusCounts>();
  const totals: StatusCounts = { invited: 0, active: 0, disabled: 0, total: 0 };
  for (const r of byRole) {
    const row = roles.get(r.roleId) ?? { roleId: r.roleId, role: r.role, rank: r.rank, invited: 0, active: 0, disabled: 0, total: 0 };
    const key = r.status.toLowerCase() as "invited" | "active" | "disabled";
    row[key] += r.n;
    row.total += r.n;
    totals[key] += r.n;
    totals.total += r.n;
    roles.set(r.roleId, row);
  }
  const a = activity!;
  return {
    group: { id: group.id, name: group.name },
    at: now,
    dormantDays: DORMANT_DAYS,
    byRole: [...roles.values()].sort((x, y) => y.rank - x.rank || x.role.localeCompare(y.role)),
    totals,
    twoFactor: { coveredEnrolled: a.coveredEnrolled, coveredNotEnrolled: a.coveredNotEnrolled, notCovered: a.notCovered },
    signIn: { within7: a.within7, within30: a.within30, within90: a.within90, dormant: a.dormant, never: a.never },
    invitations: { pending: invitations!.pending, expired: invitations!.expired },
  };
}

// ---- The lists behind the figures, in keyset pages ------------------------------------

/** A cursor names the last row of a page by its sort key and id. */
type Key = string | null;
const encode = (key: Key, id: string) => Buffer.from(JSON.stringify([key, id])).toString("base64url");

function decode(cursor: string): [Key, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === "string" || value[0] === null) && typeof value[1] === "string") {
      return [value[0], value[1]];
    }
  } catch {
    // Answered below, as any other cursor that is not ours.
  }
  throw new StewardError("BAD_REQUEST", "This page of the report cannot be found any more; start from the first page.");
}

function instant(key: Key): Date {
  const at = key === null ? new Date(Number.NaN) : new Date(key);
  if (Number.isNaN(at.getTime())) throw new StewardError("BAD_REQUEST", "This page of the report cannot be found any more; start from the first page.");
  return at;
}

/** Each member list's order (a unique key: its sort column and the membership id), oldest
 * sign-in first for the dormant, longest-waiting first for those who never signed in, by name
 * for those to enroll. */
const MEMBER_ORDER: Record<ReportMemberList, { column: P.Sql; key: (r: ReportMemberRow) => Key; after: (k: Key) => P.Sql }> = {
  dormant: { column: P.sql`u."lastSignInAt"`, key: (r) => r.lastSignInAt!.toISOString(), after: (k) => P.sql`${instant(k)}::timestamp` },
  neverSignedIn: { column: P.sql`m."createdAt"`, key: (r) => r.createdAt.toISOString(), after: (k) => P.sql`${instant(k)}::timestamp` },
  notEnrolled: { column: P.sql`u.name`, key: (r) => r.name, after: (k) => P.sql`${k ?? ""}` },
};

export type ReportMemberRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  group: string;
  status: string;
  createdAt: Date;
  lastSignInAt: Date | null;
  twoFactor: boolean;
};

/** One page of a member list: the rows its figure counts, `pageSize` at most, after `cursor`. */
export async function reportMembers(
  db: Db,
  actor: ActorContext,
  input: { groupId: string; list: ReportMemberList; cursor?: string | null; pageSize: number },
  now = new Date(),
) {
  const group = await reportGroup(db, actor, input.groupId);
  const order = MEMBER_ORDER[input.list];
  const after = input.cursor
    ? (() => {
        const [key, id] = decode(input.cursor);
        return P.sql`AND (${order.column}, m.id) > (${order.after(key)}, ${id})`;
      })()
    : P.empty;
  const rows = await db.$queryRaw<ReportMemberRow[]>`
    SELECT m.id, u.name, u.email, ro.name AS role, g.name AS "group", m.status::text AS status, m."createdAt",
           u."lastSignInAt", (u."totpEnabledAt" IS NOT NULL) AS "twoFactor"
      FROM ${MEMBERS_FROM}
     WHERE ${reportMembersSql(actor, group)} AND ${ACTIVE} AND ${conditions(now).lists[input.list]} ${after}
     ORDER BY ${order.column}, m.id
     LIMIT ${input.pageSize + 1}`;
  return page(rows, input.pageSize, order.key);
}

export type ReportInvitationRow = {
  id: string;
  email: string;
  role: string;
  group: string;
  invitedBy: string;
  lastSentAt: Date;
  expiresAt: Date;
};

/** One page of the pending or expired invitations of the subtree, the soonest (or longest)
 * expired first. */
export async function reportInvitations(
  db: Db,
  actor: ActorContext,
  input: { groupId: string; state: ReportInvitationState; cursor?: string | null; pageSize: number },
  now = new Date(),
) {
  const group = await reportGroup(db, actor, input.groupId);
  const state = input.state === "PENDING" ? P.sql`i."expiresAt" > ${now}` : P.sql`i."expiresAt" <= ${now}`;
  const after = input.cursor
    ? (() => {
        const [key, id] = decode(input.cursor);
        return P.sql`AND (i."expiresAt", i.id) > (${instant(key)}::timestamp, ${id})`;
      })()
    : P.empty;
  const rows = await db.$queryRaw<ReportInvitationRow[]>`
    SELECT i.id, i.email, ro.name AS role, g.name AS "group", i."inviterName" AS "invitedBy", i."lastSentAt", i."expiresAt"
      FROM ${INVITATIONS_FROM}
     WHERE ${reportInvitationsSql(actor, group)} AND i.status = 'PENDING' AND ${state} ${after}
     ORDER BY i."expiresAt", i.id
     LIMIT ${input.pageSize + 1}`;
  return page(rows, input.pageSize, (r) => r.expiresAt.toISOString());
}

/** Cuts a read of `size + 1` rows to a page and the cursor after its last row. */
function page<T extends { id: string }>(found: T[], size: number, key: (row: T) => Key) {
  const rows = found.slice(0, size);
  const last = rows[rows.length - 1];
  return { rows, nextCursor: found.length > size && last ? encode(key(last), last.id) : null };
}
