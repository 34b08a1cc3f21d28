// The organization's audit log as its readers see it: filtered, newest first, paged by a
// keyset cursor, each event in words (audit-catalog.ts) with the names of what it touched
// read in one batch. Only the actor's organization's events are ever read.
import { decidePermission } from "../authz";
import type { Db } from "../db";
import { Prisma as P } from "../db/generated/client";
import type { ActorContext } from "./actor";
import { auditBy } from "./audit";
import {
  actionsOfArea,
  AUDIT_ACTIONS,
  AUDIT_CATALOG,
  auditChanges,
  auditLabel,
  describeAuditEvent,
  isAuditAction,
  nameRefs,
  organizationAreas,
  summarizeChanges,
  type NameKind,
} from "./audit-catalog";
import { enforce, StewardError } from "./errors";
import { likeContains, likeLiteral } from "../db/like";

export type AuditFilters = {
  /** A user id: events record the acting account, which outlives a deleted membership. */
  actorUserId?: string;
  /** A catalog key, or an area ("members", "groups", …) for all of its actions. */
  action?: string;
  /** The id of the member, group, resource, … the events are about. */
  targetId?: string;
  /** Dates (YYYY-MM-DD, UTC), both included. */
  from?: string;
  to?: string;
  search?: string;
};

export type AuditPageInput = AuditFilters & { cursor?: string; pageSize: number };

type EventRow = {
  id: string;
  at: Date;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
};

const DAY_MS = 86_400_000;
/** How many names of each kind a search may match; past that, narrow the search. */
const SEARCH_NAMES = 200;

// ---- The cursor: the last row's (at, id), opaque to callers --------------------------------

function encodeCursor(row: { at: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.at.toISOString(), row.id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown[];
    const date = new Date(String(at));
    if (typeof id !== "string" || Number.isNaN(date.getTime())) throw new Error("bad cursor");
    return { at: date, id };
  } catch {
    throw new StewardError("BAD_REQUEST", "This page of the audit log cannot be found any more; start again from the newest events.");
  }
}

function day(value: string, what: string): Date {
  const date = new Date(`${value}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) throw new StewardError("BAD_REQUEST", `Give the ${what} date as YYYY-MM-DD.`);
  return date;
}

// ---- Filters --------------------------------------------------------------------------------

/**
 * The free text matches an action's label, the name of an actor or target, or the text of the
 * event's JSON. Names are matched first, in bounded lookups (at most SEARCH_NAMES of each kind,
 * within this organization), and become id lists; the JSON is matched with ILIKE in the same
 * statement as the other filters, which walks the (organizationId, at) index newest first and
 * stops at one page: a rare word costs a scan of this organization's log, never another's.
 */
async function searchCondition(db: Db, organizationId: string, search: string): Promise<P.Sql> {
  const q = search.trim();
  const text = { contains: likeLiteral(q), mode: "insensitive" as const };
  const actions = AUDIT_ACTIONS.filter((k) => AUDIT_CATALOG[k].label.toLowerCase().includes(q.toLowerCase()));
  const inOrg = { organizationId };
  const [users, members, groups, resources, roles, teams] = await Promise.all([
    db.user.findMany({ where: { memberships: { some: inOrg }, OR: [{ name: text }, { email: text }] }, select: { id: true }, take: SEARCH_NAMES }),
    db.membership.findMany({ where: { ...inOrg, user: { OR: [{ name: text }, { email: text }] } }, select: { id: true }, take: SEARCH_NAMES }),
    db.group.findMany({ where: { ...inOrg, name: text }, select: { id: true }, take: SEARCH_NAMES }),
    db.resource.findMany({ where: { ...inOrg, name: text }, select: { id: true }, take: SEARCH_NAMES }),
    db.role.findMany({ where: { ...inOrg, name: text }, select: { id: true }, take: SEARCH_NAMES }),
    db.team.findMany({ where: { ...inOrg, name: text }, select: { id: true }, take: SEARCH_NAMES }),
  ]);
  const targets = [...members, ...groups, ...resources, ...roles, ...teams].map((r) => r.id);
  const like = likeContains(q);
  return P.sql`(e.action = ANY(${actions}::text[])
    OR e."actorUserId" = ANY(${users.map((u) => u.id)}::text[])
    OR e."targetId" = ANY(${targets}::text[])
    OR e.before::text ILIKE ${like}
    OR e.after::text ILIKE ${like})`;
}

async function whereOf(db: Db, actor: ActorContext, filters: AuditFilters): Promise<P.Sql> {
  const parts: P.Sql[] = [P.sql`e."organizationId" = ${actor.organizationId}`];
  if (filters.actorUserId) parts.push(P.sql`e."actorUserId" = ${filters.actorUserId}`);
  if (filters.action) {
    const actions = isAuditAction(filters.action) ? [filters.action] : filters.action in AREA_ACTIONS ? AREA_ACTIONS[filters.action]! : null;
    if (!actions) throw new StewardError("BAD_REQUEST", "Choose an action or an area from the list.");
    parts.push(P.sql`e.action = ANY(${actions}::text[])`);
  }
  if (filters.targetId) parts.push(P.sql`e."targetId" = ${filters.targetId}`);
  const from = filters.from ? day(filters.from, "from") : null;
  const to = filters.to ? new Date(day(filters.to, "to").getTime() + DAY_MS) : null;
  if (from && to && from >= to) throw new StewardError("BAD_REQUEST", "The from date is after the to date.");
  if (from) parts.push(P.sql`e.at >= ${from}`);
  if (to) parts.push(P.sql`e.at < ${to}`);
  if (filters.search?.trim()) parts.push(await searchCondition(db, actor.organizationId, filters.search));
  return P.join(parts, " AND ");
}

const AREA_ACTIONS: Record<string, string[]> = Object.fromEntries(organizationAreas().map((a) => [a.area, actionsOfArea(a.area)]));

// ---- Reading ------------------------------------------------------------------------------

/** One page, newest first: rows in words and the cursor of the next page (null at the end). */
export async function listAuditLog(db: Db, actor: ActorContext, input: AuditPageInput) {
  enforce(decidePermission(actor, "audit.view"), "Audit log", actor);
  const where = await whereOf(db, actor, input);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.$queryRaw<EventRow[]>`
    SELECT e.id, e.at, e."actorUserId", e.action, e."targetType", e."targetId", e.before, e.after, e.ip
      FROM "AuditEvent" e
     WHERE ${where} ${after ? P.sql`AND (e.at, e.id) < (${after.at}, ${after.id})` : P.empty}
     ORDER BY e.at DESC, e.id DESC
     LIMIT ${input.pageSize + 1}`;
  const page = rows.slice(0, input.pageSize);
  const last = page.at(-1);
  return {
    rows: await describeEvents(db, actor.organizationId, page),
    nextCursor: rows.length > input.pageSize && last ? encodeCursor(last) : null,
  };
}

/** Events in words, with the names of their actors and of what they touched read in one
 * query per kind of thing (scoped to the organization). */
export async function describeEvents(db: Db, organizationId: string, events: EventRow[]) {
  const names = await lookUpNames(db, organizationId, [
    ...events.flatMap(nameRefs),
    ...events.flatMap((e) => (e.actorUserId ? [{ kind: "user" as const, id: e.actorUserId }] : [])),
  ]);
  const nameOf = (kind: NameKind, id: string) => names.get(`${kind}:${id}`);
  return events.map((e) => {
    const actor = e.actorUserId ? (nameOf("user", e.actorUserId) ?? "a deleted account") : "Steward";
    const { sentence } = describeAuditEvent(e.action, e.targetType, { actor, targetId: e.targetId, before: e.before, after: e.after }, nameOf);
    const changes = auditChanges(e.before, e.after);
    return {
      id: e.id,
      at: e.at,
      actor: { userId: e.actorUserId, name: actor },
      action: e.action,
      label: auditLabel(e.action),
      targetType: e.targetType,
      targetId: e.targetId,
      sentence,
      changes,
      detail: summarizeChanges(changes),
      ip: e.ip,
    };
  });
}

export type AuditRow = Awaited<ReturnType<typeof describeEvents>>[number];

async function lookUpNames(db: Db, organizationId: string, refs: Array<{ kind: NameKind; id: string }>): Promise<Map<string, string>> {
  const ids = (kind: NameKind) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
  const inOrg = (kind: NameKind) => ({ id: { in: ids(kind) }, organizationId });
  const named = { id: true, name: true } as const;
  const [users, members, groups, resources, roles, teams, invitations] = await Promise.all([
    ids("user").length ? db.user.findMany({ where: { id: { in: ids("user") } }, select: named }) : [],
    ids("member").length ? db.membership.findMany({ where: inOrg("member"), select: { id: true, user: { select: { name: true } } } }) : [],
    ids("group").length ? db.group.findMany({ where: inOrg("group"), select: named }) : [],
    ids("resource").length ? db.resource.findMany({ where: inOrg("resource"), select: named }) : [],
    ids("role").length ? db.role.findMany({ where: inOrg("role"), select: named }) : [],
    ids("team").length ? db.team.findMany({ where: inOrg("team"), select: named }) : [],
    ids("invitation").length ? db.invitation.findMany({ where: inOrg("invitation"), select: { id: true, email: true } }) : [],
  ]);
  return new Map([
    ...users.map((u) => [`user:${u.id}`, u.name] as const),
    ...members.map((m) => [`member:${m.id}`, m.user.name] as const),
    ...groups.map((g) => [`group:${g.id}`, g.name] as const),
    ...resources.map((r) => [`resource:${r.id}`, r.name] as const),
    ...roles.map((r) => [`role:${r.id}`, r.name] as const),
    ...teams.map((t) => [`team:${t.id}`, t.name] as const),
    ...invitations.map((i) => [`invitation:${i.id}`, i.email] as const),
  ]);
}

/** What the filters offer: the organization's actions by area, and the accounts that acted here. */
export async function auditLogOptions(db: Db, actor: ActorContext) {
  enforce(decidePermission(actor, "audit.view"), "Audit log", actor);
  const acted = await db.auditEvent.groupBy({
    by: ["actorUserId"],
    where: { organizationId: actor.organizationId, actorUserId: { not: null } },
    orderBy: { actorUserId: "asc" },
    take: 1000,
  });
  const users = await db.user.findMany({ where: { id: { in: acted.map((a) => a.actorUserId!) } }, select: { id: true, name: true, email: true } });
  return {
    areas: organizationAreas(),
    actors: users.sort((a, b) => a.name.localeCompare(b.name)).map((u) => ({ userId: u.id, name: u.name, email: u.email })),
  };
}

/** Each export leaves its own trace: what was asked for and how many rows left. */
export async function recordAuditExport(
  db: Db,
  actor: ActorContext,
  input: { filters: AuditFilters; format: "csv" | "json"; rows: number; complete: boolean },
) {
  enforce(decidePermission(actor, "audit.view"), "Audit log", actor);
  const filters = Object.fromEntries(Object.entries(input.filters).filter(([, v]) => v !== undefined && v !== ""));
  await db.$transaction((tx) =>
    auditBy(tx, actor, {
      action: "audit.export",
      targetType: "Organization",
      targetId: actor.organizationId,
      after: { format: input.format, rows: input.rows, complete: input.complete, filters },
    }),
  );
  return { recorded: true };
}
