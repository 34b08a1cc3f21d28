// The import tool's decision for one row (seed 004): with "Bulk import", create and delete end
// users and set the group, status and personal information of any member regardless of rank.
// `planImportRow` reads, asks the `import` channel of server/authz, and answers with the
// row's plan: its outcome, the fields that change (before → after) and the writes that carry
// it out, not yet run. The dry run keeps the plan and drops the writes; the apply step plans
// the row again inside its own transaction and runs them. One code path decides both, so the
// preview shows exactly what applying would do at that moment. A refusal is a StewardError.
import {
  decideChangeGroup,
  decideCreateMember,
  decideDeleteMember,
  decideEditMember,
  decideSetStatus,
  END_USER_ROLE_KEY,
  type Decision,
  type EffectivePolicy,
} from "../authz";
import { generatePassword, hashPassword } from "../auth/password";
import type { Db, Tx } from "../db";
import { memberFactsInclude, toGroupFacts, toMemberFacts, toRoleFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, StewardError } from "./errors";
import type { ImportRowInput } from "./import-file";
import { ensureUsernameFree } from "./member-lifecycle";
import { membershipStatusChange } from "./sessions";
import { effectivePolicyAt, enforceEmailDomain } from "./policies";
import { decideGainedGrants, groupGrantsGained } from "./side-paths";
import { topRoleFacts } from "./top-role";

export type ImportField = "name" | "username" | "company" | "group" | "status";
export type FieldChange = { field: ImportField; before: string; after: string };
export type PlannedOutcome = "create" | "update" | "enable" | "disable" | "delete" | "unchanged";
export type RowWrite = (tx: Tx) => Promise<{ message: string; oneTimePassword?: string }>;
export type RowPlan = { outcome: PlannedOutcome; changes: FieldChange[]; message: string; write: RowWrite | null };

type GroupRow = { id: string; organizationId: string; name: string; path: string; parentId: string | null };
type RoleRow = Parameters<typeof toRoleFacts>[0] & { organizationId: string };

/** What every row of an organization's import needs: its groups by path, and the end-user role.
 * `sidePaths` and `policies`, when given, remember for the batch the side-path answers (rule 4)
 * and each home group's effective policy: the dry run reads them once per group rather than once
 * per row. The apply step gives neither, so each row it writes is checked exactly, at that moment. */
export type ImportRefs = {
  byPath: Map<string, GroupRow>;
  pathOf: Map<string, string>;
  root: GroupRow;
  endUserRole: RoleRow;
  sidePaths?: Map<string, Decision>;
  /** By group id. */
  policies?: Map<string, EffectivePolicy>;
};

/** Groups of the organization by their name path below the root ("Sales/EMEA"; the root by its name). */
export async function loadImportRefs(db: Db | Tx, organizationId: string): Promise<ImportRefs> {
  const groups: GroupRow[] = await db.group.findMany({
    where: { organizationId },
    select: { id: true, organizationId: true, name: true, path: true, parentId: true },
  });
  const byId = new Map(groups.map((g) => [g.id, g]));
  const byPath = new Map<string, GroupRow>();
  const pathOf = new Map<string, string>();
  let root: GroupRow | undefined;
  for (const g of groups) {
    const names = g.path
      .split("/")
      .filter(Boolean)
      .slice(1)
      .map((id) => byId.get(id)?.name ?? "?");
    byPath.set(names.join("/").toLowerCase(), g);
    // As the export writes it: the root by its own name.
    pathOf.set(g.id, names.length ? names.join("/") : g.name);
    if (g.parentId === null) {
      byPath.set(g.name.toLowerCase(), g);
      root = g;
    }
  }
  const endUserRole = await db.role.findFirstOrThrow({ where: { organizationId, builtInKey: END_USER_ROLE_KEY } });
  return { byPath, pathOf, root: root!, endUserRole };
}

async function gainedGrants(tx: Tx, actor: ActorContext, refs: ImportRefs, fromPath: string | null, toPath: string, how: string): Promise<Decision> {
  const key = `${fromPath}\u0000${toPath}\u0000${how}`;
  const known = refs.sidePaths?.get(key);
  if (known) return known;
  const decision = await decideGainedGrants(tx, actor, groupGrantsGained(fromPath, toPath), how);
  refs.sidePaths?.set(key, decision);
  return decision;
}

async function homePolicy(tx: Tx, refs: ImportRefs, home: GroupRow): Promise<EffectivePolicy> {
  const known = refs.policies?.get(home.id);
  if (known) return known;
  const policy = await effectivePolicyAt(tx, home.path);
  refs.policies?.set(home.id, policy);
  return policy;
}

const STATUS_WORD = { ACTIVE: "active", DISABLED: "disabled", INVITED: "invited" } as const;

/** The member a row names (by email), with what decisions and audits need. */
const findTarget = (tx: Tx, organizationId: string, email: string) =>
  tx.membership.findFirst({
    where: { organizationId, user: { email } },
    include: { ...memberFactsInclude, user: { select: { name: true, email: true, username: true, company: true } } },
  });

/** The plan of one row against the organization as it is now; reads only. Throws a StewardError to refuse. */
export async function planImportRow(tx: Tx, actor: ActorContext, row: ImportRowInput, refs: ImportRefs): Promise<RowPlan> {
  const group = row.group === undefined ? undefined : refs.byPath.get(row.group.toLowerCase());
  if (row.group !== undefined && !group) throw new StewardError("NOT_FOUND", `No group “${row.group}” in this organization.`);
  const target = await findTarget(tx, actor.organizationId, row.email);
  if (row.action === "delete") return planDelete(tx, actor, row, target);
  if (!target) return planCreate(tx, actor, row, group ?? refs.root, refs);

  const facts = toMemberFacts(target);
  const before = { name: target.user.name, username: target.user.username ?? "", company: target.user.company, status: target.status };
  const after = {
    name: row.name ?? before.name,
    username: row.username ?? before.username,
    company: row.company ?? before.company,
    status: row.status ?? before.status,
  };
  const changes: FieldChange[] = [];
  for (const field of ["name", "username", "company"] as const) {
    if (after[field] !== before[field]) changes.push({ field, before: before[field], after: after[field] });
  }
  const infoChanged = changes.length > 0;
  if (infoChanged) {
    const otherOrganizations = await tx.membership.count({ where: { userId: target.userId, organizationId: { not: actor.organizationId } } });
    enforce(decideEditMember(actor, facts, { otherOrganizations }, "import"), "Member", actor);
    await ensureUsernameFree(tx, after.username || null, target.userId);
  }
  const moved = group !== undefined && group.id !== target.groupId;
  if (moved) {
    enforce(decideChangeGroup(actor, facts, toGroupFacts(group), "import"), "Member", actor);
    enforce(await gainedGrants(tx, actor, refs, target.group.path, group.path, `Moving ${row.email} to ${group.name}`), "Member", actor);
    changes.push({ field: "group", before: refs.pathOf.get(target.groupId) ?? target.group.name, after: refs.pathOf.get(group.id) ?? group.name });
  }
  const statusChanged = after.status !== before.status;
  if (statusChanged) {
    if (after.status === "INVITED")
      throw new StewardError("BAD_REQUEST", `${row.email} is ${STATUS_WORD[before.status]}; the import sets ACTIVE or DISABLED, never INVITED.`);
    if (before.status === "INVITED") throw new StewardError("BAD_REQUEST", `${row.email} has not accepted their invitation yet.`);
    enforce(decideSetStatus(actor, facts, after.status, await topRoleFacts(tx, actor.organizationId, target), "import"), "Member", actor);
    changes.push({ field: "status", before: before.status, after: after.status });
  }
  if (!changes.length) return { outcome: "unchanged", changes, message: "Nothing to change", write: null };

  const outcome: PlannedOutcome = statusChanged ? (after.status === "DISABLED" ? "disable" : "enable") : "update";
  const write: RowWrite = async (w) => {
    if (infoChanged) {
      await w.user.update({ where: { id: target.userId }, data: { name: after.name, username: after.username || null, company: after.company } });
    }
    const statusChange = statusChanged ? membershipStatusChange(after.status) : {};
    await w.membership.update({ where: { id: target.id }, data: { groupId: moved ? group.id : target.groupId, ...statusChange } });
    await auditBy(w, actor, {
      action: "member.import",
      targetType: "Membership",
      targetId: target.id,
      before: { ...before, username: before.username || null, groupId: target.groupId },
      after: { ...after, username: after.username || null, groupId: moved ? group.id : target.groupId },
    });
    return { message: outcome === "disable" ? "Disabled" : outcome === "enable" ? "Enabled" : "Updated" };
  };
  return { outcome, changes, message: describeChanges(changes), write };
}

async function planDelete(tx: Tx, actor: ActorContext, row: ImportRowInput, target: Awaited<ReturnType<typeof findTarget>>): Promise<RowPlan> {
  if (!target) throw new StewardError("NOT_FOUND", `${row.email} is not a member of this organization.`);
  enforce(decideDeleteMember(actor, toMemberFacts(target), await topRoleFacts(tx, actor.organizationId, target), "import"), "Member", actor);
  const owned = await tx.resource.count({ where: { ownerId: target.id } });
  // Rule 6: no data is lost; the import tool cannot choose a new owner.
  if (owned) {
    throw new StewardError(
      "PRECONDITION_FAILED",
      `${row.email} owns ${owned} resource${owned === 1 ? "" : "s"}; delete them from the members page, choosing who receives them.`,
    );
  }
  const elsewhere = await tx.membership.count({ where: { userId: target.userId, NOT: { id: target.id } } });
  const write: RowWrite = async (w) => {
    await w.membership.delete({ where: { id: target.id } });
    const remaining = await w.membership.count({ where: { userId: target.userId } });
    if (remaining === 0) await w.user.delete({ where: { id: target.userId } });
    await auditBy(w, actor, { action: "member.delete", targetType: "Membership", targetId: target.id, before: { email: row.email, via: "import" } });
    return { message: remaining === 0 ? "Deleted with their account" : "Deleted from this organization" };
  };
  return { outcome: "delete", changes: [], message: elsewhere ? "Delete from this organization" : "Delete with their account", write };
}

async function planCreate(tx: Tx, actor: ActorContext, row: ImportRowInput, home: GroupRow, refs: ImportRefs): Promise<RowPlan> {
  const role = refs.endUserRole;
  enforce(decideCreateMember(actor, toGroupFacts(home), { ...toRoleFacts(role), organizationId: role.organizationId }, "import"), "Member", actor);
  enforce(await gainedGrants(tx, actor, refs, null, home.path, `Adding a member to ${home.name}`), "Member", actor);
  enforceEmailDomain(await homePolicy(tx, refs, home), actor, home, row.email);
  if (!row.name) throw new StewardError("BAD_REQUEST", "A new member needs a name.");
  if (row.status === "INVITED")
    throw new StewardError("BAD_REQUEST", "The import does not invite: leave the status empty, or ACTIVE or DISABLED (Invitations sends invitations).");
  await ensureUsernameFree(tx, row.username);
  const status = row.status ?? "ACTIVE";
  const changes: FieldChange[] = [
    { field: "name", before: "", after: row.name },
    ...(row.username ? [{ field: "username" as const, before: "", after: row.username }] : []),
    ...(row.company ? [{ field: "company" as const, before: "", after: row.company }] : []),
    { field: "group", before: "", after: refs.pathOf.get(home.id) ?? home.name },
    { field: "status", before: "", after: status },
  ];
  const write: RowWrite = async (w) => {
    // As createMember: the same answer whether or not the address has an account elsewhere;
    // an existing account keeps its own password, details and username.
    const existing = await w.user.findUnique({ where: { email: row.email } });
    const oneTimePassword = generatePassword();
    const user =
      existing ??
      (await w.user.create({
        data: {
          email: row.email,
          name: row.name!,
          username: row.username || null,
          company: row.company ?? "",
          passwordHash: await hashPassword(oneTimePassword),
          mustChangePassword: true,
        },
      }));
    const membership = await w.membership.create({
      data: { userId: user.id, organizationId: actor.organizationId, groupId: home.id, roleId: role.id, status },
    });
    await auditBy(w, actor, {
      action: "member.create",
      targetType: "Membership",
      targetId: membership.id,
      after: { email: row.email, name: user.name, role: role.name, group: home.name, status, via: "import" },
    });
    return { message: "Created", oneTimePassword };
  };
  return { outcome: "create", changes, message: `New end user (role ${role.name}), ${STATUS_WORD[status]}`, write };
}

const FIELD_WORD: Record<ImportField, string> = { name: "name", username: "username", company: "company", group: "group", status: "status" };

export function describeChanges(changes: FieldChange[]): string {
  return changes.map((c) => `${FIELD_WORD[c.field]}: ${c.before || "(empty)"} → ${c.after || "(empty)"}`).join("; ");
}
