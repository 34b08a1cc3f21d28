// The import tool (seed 004): with "Bulk import", create and delete end users and set the
// group, status and personal information of any member regardless of rank. Each row is
// decided on its own (the `import` channel of server/authz) and written in its own
// transaction; the caller gets a result per row.
import { decideChangeGroup, decideCreateMember, decideDeleteMember, decideEditMember, decidePermission, decideSetStatus, END_USER_ROLE_KEY } from "../authz";
import { generatePassword, hashPassword } from "../auth/password";
import type { Db, Tx } from "../db";
import { memberFactsInclude, toGroupFacts, toMemberFacts, toRoleFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, StewardError } from "./errors";
import { ensureUsernameFree } from "./member-lifecycle";
import { decideGainedGrants, groupGrantsGained } from "./side-paths";
import { membershipStatusChange } from "./sessions";
import { topRoleFacts } from "./top-role";

export type ImportRow = {
  email: string;
  action: "upsert" | "delete";
  name?: string;
  username?: string;
  company?: string;
  /** Group path below the root, e.g. "Sales/EMEA"; empty or the root's name is the root. */
  group?: string;
  status?: "ACTIVE" | "DISABLED";
};

export type ImportResult = {
  line: number;
  email: string;
  outcome: "created" | "updated" | "unchanged" | "deleted" | "refused";
  message: string;
  oneTimePassword?: string;
};

type GroupRow = { id: string; organizationId: string; name: string; path: string; parentId: string | null };

/** Groups of the organization by their name path below the root ("Sales/EMEA"). */
async function groupsByPath(db: Db, organizationId: string) {
  const groups: GroupRow[] = await db.group.findMany({
    where: { organizationId },
    select: { id: true, organizationId: true, name: true, path: true, parentId: true },
  });
  const byId = new Map(groups.map((g) => [g.id, g]));
  const byPath = new Map<string, GroupRow>();
  for (const g of groups) {
    const names = g.path
      .split("/")
      .filter(Boolean)
      .slice(1)
      .map((id) => byId.get(id)?.name ?? "?");
    byPath.set(names.join("/").toLowerCase(), g);
    if (g.parentId === null) byPath.set(g.name.toLowerCase(), g);
  }
  return byPath;
}

export async function importMembers(db: Db, actor: ActorContext, rows: ImportRow[]): Promise<ImportResult[]> {
  enforce(decidePermission(actor, "members.import"), "Member", actor);
  const groups = await groupsByPath(db, actor.organizationId);
  const endUserRole = await db.role.findFirstOrThrow({ where: { organizationId: actor.organizationId, builtInKey: END_USER_ROLE_KEY } });
  const results: ImportResult[] = [];
  for (const [index, row] of rows.entries()) {
    const line = index + 1;
    const email = row.email.trim().toLowerCase();
    try {
      const group =
        row.group === undefined
          ? undefined
          : groups.get(
              row.group
                .trim()
                .replace(/^\/+|\/+$/g, "")
                .toLowerCase(),
            );
      if (row.group !== undefined && !group) throw new StewardError("NOT_FOUND", `No group “${row.group}” in this organization.`);
      const outcome = await db.$transaction((tx) => applyRow(tx, actor, { ...row, email }, group, endUserRole));
      results.push({ line, email, ...outcome });
    } catch (err) {
      if (!(err instanceof StewardError)) throw err;
      results.push({ line, email, outcome: "refused", message: err.message });
    }
  }
  return results;
}

async function applyRow(
  tx: Tx,
  actor: ActorContext,
  row: ImportRow,
  group: GroupRow | undefined,
  endUserRole: Parameters<typeof toRoleFacts>[0] & { organizationId: string },
): Promise<Omit<ImportResult, "line" | "email">> {
  const target = await tx.membership.findFirst({
    where: { organizationId: actor.organizationId, user: { email: row.email } },
    include: { ...memberFactsInclude, user: { select: { name: true, email: true, username: true, company: true } } },
  });

  if (row.action === "delete") {
    if (!target) throw new StewardError("NOT_FOUND", `${row.email} is not a member of this organization.`);
    enforce(decideDeleteMember(actor, toMemberFacts(target), await topRoleFacts(tx, actor.organizationId, target), "import"), "Member", actor);
    const owned = await tx.resource.count({ where: { ownerId: target.id } });
    // Rule 6: no data is lost; the import tool cannot choose a new owner.
    if (owned)
      throw new StewardError(
        "PRECONDITION_FAILED",
        `${row.email} owns ${owned} resource${owned === 1 ? "" : "s"}; delete them from the members page, choosing who receives them.`,
      );
    await tx.membership.delete({ where: { id: target.id } });
    const remaining = await tx.membership.count({ where: { userId: target.userId } });
    if (remaining === 0) await tx.user.delete({ where: { id: target.userId } });
    await auditBy(tx, actor, { action: "member.delete", targetType: "Membership", targetId: target.id, before: { email: row.email, via: "import" } });
    return { outcome: "deleted", message: remaining === 0 ? "Deleted with their account" : "Deleted from this organization" };
  }

  if (!target) {
    const home = group ?? [...(await tx.group.findMany({ where: { organizationId: actor.organizationId, parentId: null } }))][0]!;
    enforce(
      decideCreateMember(actor, toGroupFacts(home), { ...toRoleFacts(endUserRole), organizationId: endUserRole.organizationId }, "import"),
      "Member",
      actor,
    );
    enforce(await decideGainedGrants(tx, actor, groupGrantsGained(null, home.path), `Adding a member to ${home.name}`), "Member", actor);
    if (!row.name) throw new StewardError("BAD_REQUEST", "A new member needs a name.");
    // As createMember: the same answer whether or not the address has an account elsewhere;
    // an existing account keeps its own password, details and username.
    const existing = await tx.user.findUnique({ where: { email: row.email } });
    const oneTimePassword = generatePassword();
    await ensureUsernameFree(tx, row.username);
    const user =
      existing ??
      (await tx.user.create({
        data: {
          email: row.email,
          name: row.name,
          username: row.username || null,
          company: row.company ?? "",
          passwordHash: await hashPassword(oneTimePassword),
          mustChangePassword: true,
        },
      }));
    const membership = await tx.membership.create({
      data: { userId: user.id, organizationId: actor.organizationId, groupId: home.id, roleId: endUserRole.id, status: row.status ?? "ACTIVE" },
    });
    await auditBy(tx, actor, {
      action: "member.create",
      targetType: "Membership",
      targetId: membership.id,
      after: { email: row.email, name: user.name, role: endUserRole.name, group: home.name, status: membership.status, via: "import" },
    });
    return { outcome: "created", message: "Created", oneTimePassword };
  }

  const facts = toMemberFacts(target);
  const before = { name: target.user.name, username: target.user.username, company: target.user.company, groupId: target.groupId, status: target.status };
  const after = {
    name: row.name ?? before.name,
    username: row.username === undefined ? before.username : row.username || null,
    company: row.company ?? before.company,
    groupId: group?.id ?? before.groupId,
    status: row.status ?? before.status,
  };
  const infoChanged = after.name !== before.name || after.username !== before.username || after.company !== before.company;
  if (infoChanged) {
    const otherOrganizations = await tx.membership.count({ where: { userId: target.userId, organizationId: { not: actor.organizationId } } });
    enforce(decideEditMember(actor, facts, { otherOrganizations }, "import"), "Member", actor);
    await ensureUsernameFree(tx, after.username, target.userId);
    await tx.user.update({ where: { id: target.userId }, data: { name: after.name, username: after.username, company: after.company } });
  }
  if (group && after.groupId !== before.groupId) {
    enforce(decideChangeGroup(actor, facts, toGroupFacts(group), "import"), "Member", actor);
    enforce(await decideGainedGrants(tx, actor, groupGrantsGained(target.group.path, group.path), `Moving ${row.email} to ${group.name}`), "Member", actor);
  }
  if (after.status !== before.status) {
    if (before.status === "INVITED") throw new StewardError("BAD_REQUEST", `${row.email} has not accepted their invitation yet.`);
    enforce(
      decideSetStatus(actor, facts, after.status as "ACTIVE" | "DISABLED", await topRoleFacts(tx, actor.organizationId, target), "import"),
      "Member",
      actor,
    );
  }
  if (!infoChanged && after.groupId === before.groupId && after.status === before.status) return { outcome: "unchanged", message: "Nothing to change" };
  const statusChange = after.status !== before.status ? membershipStatusChange(after.status) : {};
  await tx.membership.update({ where: { id: target.id }, data: { groupId: after.groupId, ...statusChange } });
  await auditBy(tx, actor, { action: "member.import", targetType: "Membership", targetId: target.id, before, after });
  return { outcome: "updated", message: "Updated" };
}
