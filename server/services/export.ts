// The export tool (seed 004's ExportData): every kind of row a holder of "Bulk export" may
// take away, read in keyset pages (by id, so a row added or removed meanwhile never shifts
// another) of at most 1,000 rows. Which rows: server/authz/export.ts; the members' columns
// are the import tool's where they overlap, so an export re-imports (docs/operations.md).
import { decideExport, EXPORT_KINDS, type ExportKind, chainIds } from "../authz";
import { exportGroupsWhere, exportMembersWhere, exportTeamsWhere } from "../authz/export.sql";
import { visibleResourcesSql } from "../authz/resources.sql";
import type { Db } from "../db";
import { Prisma as P } from "../db/generated/client";
import { actorSubject } from "./access";
import type { ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce } from "./errors";

export const EXPORT_PAGE = 1000;

/** Each kind's columns, in order. Members: the importer's names first (email ... status). */
export const EXPORT_COLUMNS = {
  members: ["email", "name", "username", "company", "group", "status", "role", "two_factor", "last_sign_in"],
  groups: ["path", "name", "depth", "members"],
  teams: ["name", "group", "members"],
  resources: ["type", "name", "owner", "private", "created"],
  grants: ["resource_type", "resource", "principal_kind", "principal", "capabilities"],
} as const satisfies Record<ExportKind, readonly string[]>;

export type ExportRow = Record<string, string | number | boolean>;
export type ExportPage = { kind: ExportKind; rows: ExportRow[]; nextCursor: string | null };
export type ExportFormat = "csv" | "json";

/**
 * Group paths by names, as the importer reads them: below the root ("Sales/EMEA"), and the
 * root by its own name. Reads only the groups on the given paths.
 */
async function groupNamer(db: Db, organizationId: string, paths: string[]) {
  const ids = [...new Set(paths.flatMap((p) => chainIds(p)))];
  const groups = ids.length ? await db.group.findMany({ where: { organizationId, id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return (path: string | null) => {
    if (!path) return "";
    const chain = chainIds(path);
    const below = chain.slice(1).map((id) => names.get(id) ?? "?");
    return below.length ? below.join("/") : (names.get(chain[0]!) ?? "?");
  };
}

const after = (cursor: string | null | undefined) => (cursor ? { id: { gt: cursor } } : {});
const sqlAfter = (column: P.Sql, cursor: string | null | undefined) => (cursor ? P.sql`AND ${column} > ${cursor}` : P.empty);
const iso = (d: Date | null) => (d ? d.toISOString() : "");

/** Cuts a read of `size + 1` rows to a page and its cursor (the last row's id). */
function paged<T extends { id: string }>(kind: ExportKind, found: T[], size: number, row: (r: T) => ExportRow): ExportPage {
  const page = found.slice(0, size);
  return { kind, rows: page.map(row), nextCursor: found.length > size ? page[page.length - 1]!.id : null };
}

async function resourceVisibility(db: Db, actor: ActorContext) {
  return visibleResourcesSql(await actorSubject(db, actor));
}

async function readPage(db: Db, actor: ActorContext, kind: ExportKind, cursor: string | null | undefined, size: number): Promise<ExportPage> {
  const o = actor.organizationId;
  switch (kind) {
    case "members": {
      const found = await db.membership.findMany({
        where: { AND: [exportMembersWhere(actor), after(cursor)] },
        orderBy: { id: "asc" },
        take: size + 1,
        select: {
          id: true,
          status: true,
          group: { select: { path: true } },
          role: { select: { name: true } },
          user: { select: { email: true, name: true, username: true, company: true, totpEnabledAt: true, lastSignInAt: true } },
        },
      });
      const name = await groupNamer(
        db,
        o,
        found.map((m) => m.group.path),
      );
      return paged(kind, found, size, (m) => ({
        email: m.user.email,
        name: m.user.name,
        username: m.user.username ?? "",
        company: m.user.company,
        group: name(m.group.path),
        status: m.status,
        role: m.role.name,
        two_factor: m.user.totpEnabledAt ? "on" : "off",
        last_sign_in: iso(m.user.lastSignInAt),
      }));
    }
    case "groups": {
      const found = await db.group.findMany({
        where: { AND: [exportGroupsWhere(actor), after(cursor)] },
        orderBy: { id: "asc" },
        take: size + 1,
        select: { id: true, name: true, path: true, depth: true, _count: { select: { memberships: true } } },
      });
      const name = await groupNamer(
        db,
        o,
        found.map((g) => g.path),
      );
      return paged(kind, found, size, (g) => ({ path: name(g.path), name: g.name, depth: g.depth, members: g._count.memberships }));
    }
    case "teams": {
      const found = await db.team.findMany({
        where: { AND: [exportTeamsWhere(actor), after(cursor)] },
        orderBy: { id: "asc" },
        take: size + 1,
        select: {
          id: true,
          name: true,
          group: { select: { path: true } },
          members: { where: { membership: exportMembersWhere(actor) }, select: { membership: { select: { user: { select: { email: true } } } } } },
        },
      });
      const name = await groupNamer(
        db,
        o,
        found.flatMap((t) => (t.group ? [t.group.path] : [])),
      );
      return paged(kind, found, size, (t) => ({
        name: t.name,
        group: name(t.group?.path ?? null),
        members: t.members
          .map((m) => m.membership.user.email)
          .sort()
          .join("; "),
      }));
    }
    case "resources": {
      const visible = await resourceVisibility(db, actor);
      const found = await db.$queryRaw<Array<{ id: string; type: string; name: string; private: boolean; createdAt: Date; owner: string }>>`
        SELECT r.id, r.type, r.name, r.private, r."createdAt", u.email AS owner
        FROM "Resource" r JOIN "Membership" m ON m.id = r."ownerId" JOIN "User" u ON u.id = m."userId"
        WHERE ${visible} ${sqlAfter(P.sql`r.id`, cursor)} ORDER BY r.id LIMIT ${size + 1}`;
      return paged(kind, found, size, (r) => ({ type: r.type, name: r.name, owner: r.owner, private: r.private, created: iso(r.createdAt) }));
    }
    case "grants": {
      const visible = await resourceVisibility(db, actor);
      const found = await db.$queryRaw<
        Array<{
          id: string;
          type: string;
          resource: string;
          kind: string;
          capabilities: string[];
          member: string | null;
          team: string | null;
          path: string | null;
          email: string | null;
        }>
      >`
        SELECT x.id, r.type, r.name AS resource, x.kind::text AS kind, x.capabilities, u.email AS member, t.name AS team, gr.path, x.email
        FROM "Grant" x JOIN "Resource" r ON r.id = x."resourceId"
          LEFT JOIN "Membership" m ON m.id = x."membershipId" LEFT JOIN "User" u ON u.id = m."userId"
          LEFT JOIN "Team" t ON t.id = x."teamId" LEFT JOIN "Group" gr ON gr.id = x."groupId"
        WHERE x."organizationId" = ${o} AND ${visible} ${sqlAfter(P.sql`x.id`, cursor)} ORDER BY x.id LIMIT ${size + 1}`;
      const name = await groupNamer(
        db,
        o,
        found.flatMap((g) => (g.path ? [g.path] : [])),
      );
      return paged(kind, found, size, (g) => ({
        resource_type: g.type,
        resource: g.resource,
        principal_kind: g.kind.toLowerCase(),
        principal: g.member ?? g.team ?? (g.path ? name(g.path) : (g.email ?? "")),
        capabilities: [...g.capabilities].sort().join(" "),
      }));
    }
  }
}

async function countKind(db: Db, actor: ActorContext, kind: ExportKind): Promise<number> {
  switch (kind) {
    case "members":
      return db.membership.count({ where: exportMembersWhere(actor) });
    case "groups":
      return db.group.count({ where: exportGroupsWhere(actor) });
    case "teams":
      return db.team.count({ where: exportTeamsWhere(actor) });
    case "resources": {
      const visible = await resourceVisibility(db, actor);
      const [row] = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "Resource" r WHERE ${visible}`;
      return row?.n ?? 0;
    }
    case "grants": {
      const visible = await resourceVisibility(db, actor);
      const [row] = await db.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM "Grant" x JOIN "Resource" r ON r.id = x."resourceId" WHERE x."organizationId" = ${actor.organizationId} AND ${visible}`;
      return row?.n ?? 0;
    }
  }
}

/**
 * One page of an export. The first page (no cursor) records the export in the audit log
 * with the kind, the format and how many rows the export holds then, counted here: nothing
 * the client says about the download is trusted. `size` is for tests of paging only.
 */
export async function exportPage(
  db: Db,
  actor: ActorContext,
  input: { kind: ExportKind; cursor?: string | null; format?: ExportFormat },
  size: number = EXPORT_PAGE,
): Promise<ExportPage> {
  enforce(decideExport(actor, input.kind), "Export", actor);
  if (!input.cursor) {
    const rows = await countKind(db, actor, input.kind);
    await db.$transaction((tx) =>
      auditBy(tx, actor, {
        action: "data.export",
        targetType: "Organization",
        targetId: actor.organizationId,
        after: { kind: input.kind, format: input.format ?? "csv", rows },
      }),
    );
  }
  return readPage(db, actor, input.kind, input.cursor, size);
}

/** How many rows each kind holds for this actor now, for the page's cards. */
export async function exportCounts(db: Db, actor: ActorContext): Promise<Record<ExportKind, number>> {
  enforce(decideExport(actor, "members"), "Export", actor);
  const counts = await Promise.all(EXPORT_KINDS.map(async (kind) => [kind, await countKind(db, actor, kind)] as const));
  return Object.fromEntries(counts) as Record<ExportKind, number>;
}
