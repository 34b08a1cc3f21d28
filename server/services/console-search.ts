// The command palette's search: a few members, groups and resources whose names match, each
// found through the list that already decides what the viewer sees (members in span, groups
// in reach, visible resources). An area the viewer's role does not open is skipped, as the
// console's navigation leaves its page out, rather than refused.
import { decidePermission, typeLabel, chainIds } from "../authz";
import { groupsInReach } from "../authz/groups.sql";
import type { Db } from "../db";
import type { ActorContext } from "./actor";
import { listMembers } from "./members";
import { listResources } from "./resources";
import { likeLiteral } from "../db/like";

/** Matches per area: a palette offers a handful to pick from, not a list to page through. */
export const SEARCH_MATCHES = 5;

export type SearchMatch = { id: string; label: string; detail: string; href: string };

export type ConsoleSearch = {
  /** null: the viewer's role does not open that area, so the palette shows no heading for it. */
  members: SearchMatch[] | null;
  groups: SearchMatch[] | null;
  resources: SearchMatch[];
};

export async function searchConsole(db: Db, actor: ActorContext, query: string): Promise<ConsoleSearch> {
  const base = `/o/${actor.organizationSlug}`;
  const [members, groups, resources] = await Promise.all([
    decidePermission(actor, "members.view").allowed ? findMembers(db, actor, query, base) : null,
    decidePermission(actor, "groups.view").allowed ? findGroups(db, actor, query, base) : null,
    findResources(db, actor, query, base),
  ]);
  return { members, groups, resources };
}

async function findMembers(db: Db, actor: ActorContext, search: string, base: string): Promise<SearchMatch[]> {
  const page = await listMembers(db, actor, { pageSize: SEARCH_MATCHES, sort: "name", direction: "asc", search });
  return page.rows.map((m) => ({ id: m.id, label: m.name, detail: `${m.email} · ${m.group.name}`, href: `${base}/members/${m.id}` }));
}

async function findResources(db: Db, actor: ActorContext, search: string, base: string): Promise<SearchMatch[]> {
  const page = await listResources(db, actor, { page: 1, pageSize: SEARCH_MATCHES, search });
  return page.rows.map((r) => ({ id: r.id, label: r.name, detail: typeLabel(r.type), href: `${base}/resources/${r.id}` }));
}

/** Groups in reach by name; the detail is the chain of names above each group that the viewer
 * also reaches, so two groups called "Paris" can be told apart without naming one out of reach. */
async function findGroups(db: Db, actor: ActorContext, search: string, base: string): Promise<SearchMatch[]> {
  const reach = groupsInReach(actor);
  const found = await db.group.findMany({
    where: { AND: [reach, { name: { contains: likeLiteral(search), mode: "insensitive" } }] },
    select: { id: true, name: true, path: true },
    orderBy: [{ depth: "asc" }, { name: "asc" }, { id: "asc" }],
    take: SEARCH_MATCHES,
  });
  const ancestorIds = [...new Set(found.flatMap((g) => chainIds(g.path).slice(0, -1)))];
  const ancestors = ancestorIds.length
    ? await db.group.findMany({ where: { AND: [reach, { id: { in: ancestorIds } }] }, select: { id: true, name: true } })
    : [];
  const names = new Map(ancestors.map((a) => [a.id, a.name]));
  return found.map((g) => {
    const chain = chainIds(g.path)
      .slice(0, -1)
      .flatMap((id) => names.get(id) ?? []);
    const detail = chain.length ? `In ${chain.join(" › ")}` : chainIds(g.path).length === 1 ? "The root group" : "Your home group";
    return { id: g.id, label: g.name, detail, href: `${base}/groups?group=${g.id}` };
  });
}

/** A group's path, "/id/…/id/", as its ids from the root down to itself. */
