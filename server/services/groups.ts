// The group tree: listing within reach, create, rename, move and delete (rule 5).
import {
  decideCreateGroup,
  decideDeleteGroup,
  decideManagePolicy,
  decideMoveGroup,
  decideMoveGroupSource,
  decidePermission,
  decideReach,
  decideRenameGroup,
  decideViewPolicy,
} from "../authz";
import type { Db, Tx } from "../db";
import { withUniqueConflict } from "../db/errors";
import type { ActorContext } from "./actor";
import { toGroupFacts } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";
import { groupsInReach } from "../authz/groups.sql";
import { toSettings } from "./policies";

export type GroupNode = {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
  path: string;
  memberCount: number;
  subgroupCount: number;
  /** What the actor may do to this group (the server decides again on each request). */
  can: { create: boolean; rename: boolean; move: boolean; delete: boolean; viewPolicy: boolean; managePolicy: boolean };
  /** Whether the group sets any policy of its own (for those who may see policies). */
  hasPolicy: boolean;
};

/** Every group in reach, in tree order (parents before children, siblings by name). */
export async function listGroups(db: Db, actor: ActorContext): Promise<GroupNode[]> {
  enforce(decidePermission(actor, "groups.view"), "Group", actor);
  // The groups and their member counts (the database's tallies) are read side by side;
  // subgroups are counted from the list itself: the groups in reach are whole subtrees, so
  // every child of a listed group is listed.
  const [groups, tallies] = await Promise.all([
    db.group.findMany({
      where: groupsInReach(actor),
      select: {
        id: true,
        organizationId: true,
        name: true,
        parentId: true,
        depth: true,
        path: true,
        policy: true,
      },
      orderBy: [{ depth: "asc" }, { name: "asc" }],
    }),
    db.memberTally.groupBy({
      by: ["groupId"],
      where: { organizationId: actor.organizationId, ...(actor.role.reach === "SUBTREE" ? { groupPath: { startsWith: actor.group.path } } : {}) },
      _sum: { count: true },
    }),
  ]);
  const members = new Map(tallies.map((t) => [t.groupId, t._sum.count ?? 0]));
  const subgroups = new Map<string, number>();
  for (const g of groups) if (g.parentId) subgroups.set(g.parentId, (subgroups.get(g.parentId) ?? 0) + 1);
  return inTreeOrder(groups).map((g) => {
    const facts = toGroupFacts(g);
    const contents = { subgroups: subgroups.get(g.id) ?? 0, members: members.get(g.id) ?? 0 };
    const viewPolicy = decideViewPolicy(actor, facts).allowed;
    return {
      id: g.id,
      name: g.name,
      parentId: g.parentId,
      depth: g.depth,
      path: g.path,
      memberCount: contents.members,
      subgroupCount: contents.subgroups,
      can: {
        create: decideCreateGroup(actor, facts).allowed,
        rename: decideRenameGroup(actor, facts).allowed,
        move: decideMoveGroupSource(actor, facts).allowed,
        // Offered for any group the actor could delete once empty; the dialog explains.
        delete: decideDeleteGroup(actor, facts, { subgroups: 0, members: 0 }).allowed,
        viewPolicy,
        managePolicy: decideManagePolicy(actor, facts).allowed,
      },
      hasPolicy: viewPolicy && Object.values(toSettings(g.policy)).some((v) => v !== null),
    };
  });
}

/** Groups read by depth then name, put in tree order: parents before children, siblings by
 * name; a group whose parent is not among them (out of reach) starts a tree of its own. */
export function inTreeOrder<G extends { id: string; parentId: string | null }>(groups: G[]): G[] {
  const byParent = new Map<string | null, G[]>();
  for (const g of groups) {
    const siblings = byParent.get(g.parentId);
    if (siblings) siblings.push(g);
    else byParent.set(g.parentId, [g]);
  }
  const ids = new Set(groups.map((g) => g.id));
  const out: G[] = [];
  const visit = (g: G) => {
    out.push(g);
    for (const child of byParent.get(g.id) ?? []) visit(child);
  };
  for (const g of groups) if (g.parentId === null || !ids.has(g.parentId)) visit(g);
  return out;
}

async function loadGroup(db: Db | Tx, actor: ActorContext, id: string) {
  const group = await db.group.findFirst({ where: { id, organizationId: actor.organizationId } });
  if (!group) throw notFound("Group", actor);
  // Outside reach is NOT_FOUND; what the change needs ("Create groups", "Rename and move
  // groups", "Delete groups") is its own decision's, without "View groups" besides.
  enforce(decideReach(actor, toGroupFacts(group)), "Group", actor);
  return group;
}

function nameTaken(name: string) {
  return new StewardError("CONFLICT", `A group named “${name}” already exists there.`);
}

export async function createGroup(db: Db, actor: ActorContext, input: { parentId: string; name: string }) {
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const parent = await loadGroup(tx, actor, input.parentId);
        enforce(decideCreateGroup(actor, toGroupFacts(parent)), "Group", actor);
        const created = await tx.group.create({
          data: { organizationId: actor.organizationId, parentId: parent.id, name: input.name, path: parent.path, depth: parent.depth + 1 },
        });
        const group = await tx.group.update({ where: { id: created.id }, data: { path: `${parent.path}${created.id}/` } });
        await auditBy(tx, actor, {
          action: "group.create",
          targetType: "Group",
          targetId: group.id,
          after: { name: group.name, parentId: parent.id },
        });
        return group;
      }),
    () => nameTaken(input.name),
  );
}

export async function renameGroup(db: Db, actor: ActorContext, input: { groupId: string; name: string }) {
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const group = await loadGroup(tx, actor, input.groupId);
        enforce(decideRenameGroup(actor, toGroupFacts(group)), "Group", actor);
        const updated = await tx.group.update({ where: { id: group.id }, data: { name: input.name } });
        await auditBy(tx, actor, {
          action: "group.rename",
          targetType: "Group",
          targetId: group.id,
          before: { name: group.name },
          after: { name: updated.name },
        });
        return updated;
      }),
    () => nameTaken(input.name),
  );
}

export async function moveGroup(db: Db, actor: ActorContext, input: { groupId: string; newParentId: string }) {
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        // Moves are serialized per organization: two crossing moves could otherwise each
        // pass the "not under its own descendant" check and together make a cycle.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${actor.organizationId}))`;
        const group = await loadGroup(tx, actor, input.groupId);
        const newParent = await loadGroup(tx, actor, input.newParentId);
        enforce(decideMoveGroup(actor, toGroupFacts(group), toGroupFacts(newParent)), "Group", actor);
        if (group.parentId === newParent.id) return group;
        const oldPath = group.path;
        const newPath = `${newParent.path}${group.id}/`;
        const depthDelta = newParent.depth + 1 - group.depth;
        // Re-roots the whole subtree in one statement: every path starting with the old one.
        await tx.$executeRaw`
          UPDATE "Group"
          SET "path" = ${newPath} || substr("path", ${oldPath.length + 1}), "depth" = "depth" + ${depthDelta}
          WHERE "organizationId" = ${actor.organizationId} AND "path" LIKE ${`${oldPath}%`}`;
        const moved = await tx.group.update({ where: { id: group.id }, data: { parentId: newParent.id } });
        await auditBy(tx, actor, {
          action: "group.move",
          targetType: "Group",
          targetId: group.id,
          before: { parentId: group.parentId },
          after: { parentId: newParent.id },
        });
        return moved;
      }),
    () => new StewardError("CONFLICT", "A group with the same name already exists under the new parent."),
  );
}

export async function deleteGroup(db: Db, actor: ActorContext, input: { groupId: string }) {
  return db.$transaction(async (tx) => {
    const group = await loadGroup(tx, actor, input.groupId);
    const subgroups = await tx.group.count({ where: { parentId: group.id } });
    const members = await tx.membership.count({ where: { groupId: group.id } });
    enforce(decideDeleteGroup(actor, toGroupFacts(group), { subgroups, members }), "Group", actor);
    await tx.group.delete({ where: { id: group.id } });
    await auditBy(tx, actor, {
      action: "group.delete",
      targetType: "Group",
      targetId: group.id,
      before: { name: group.name, parentId: group.parentId },
    });
    return { id: group.id };
  });
}
