// Organizations as tenants of the instance: who may create them, the operators who run the
// instance, suspension and deletion. Operators see organizations' metadata (name, slug,
// member count, owner), never their members, groups or resources: those stay behind the
// organization's own rules (rule 1). Instance-level events are AuditEvents without an
// organization, so that they outlive the organizations they are about.
import {
  decideCreateOrganization,
  decideOperate,
  decideRemoveOperator,
  ORGANIZATION_CREATION,
  type OrganizationCreation,
  type RoleSetKey,
} from "../authz";
import type { Db, Tx } from "../db";
import { isUniqueViolation } from "../db/errors";
import { Prisma } from "../db/generated/client";
import { audit } from "./audit";
import { enforce, StewardError } from "./errors";
import { addRoleSet, createOrganization, freeSlug, slugify } from "./setup";

/** Who acts at instance level: the signed-in account (and, for the audit, where from). */
export type AccountActor = { userId: string; isOperator: boolean; ip?: string | null };

const SETTINGS_ID = "instance";

// ---- Instance settings ----------------------------------------------------------------

export async function organizationCreationSetting(db: Db | Tx): Promise<OrganizationCreation> {
  const row = await db.instanceSettings.findUnique({ where: { id: SETTINGS_ID } });
  return row?.organizationCreation ?? "OPERATORS";
}

export async function setOrganizationCreation(db: Db, operator: AccountActor, value: OrganizationCreation) {
  enforce(decideOperate(operator), "Instance");
  if (!ORGANIZATION_CREATION.includes(value)) throw new StewardError("BAD_REQUEST", "Choose who may create organizations: operators, members or anyone.");
  return db.$transaction(async (tx) => {
    const before = await organizationCreationSetting(tx);
    if (before === value) return { organizationCreation: value };
    await tx.instanceSettings.upsert({ where: { id: SETTINGS_ID }, create: { id: SETTINGS_ID, organizationCreation: value }, update: { organizationCreation: value } });
    await instanceAudit(tx, operator, {
      action: "instance.updateSettings",
      targetType: "Instance",
      targetId: SETTINGS_ID,
      before: { organizationCreation: before },
      after: { organizationCreation: value },
    });
    return { organizationCreation: value };
  });
}

function instanceAudit(tx: Tx, actor: AccountActor | null, entry: { action: string; targetType: string; targetId: string; before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue }) {
  return audit(tx, { ...entry, organizationId: null, actorUserId: actor?.userId ?? null, ip: actor?.ip ?? null });
}

// ---- Creating organizations -------------------------------------------------------------

export type NewOrganizationInput = { name: string; slug?: string; roleSet?: RoleSetKey };

const slugTaken = (slug: string) => new StewardError("CONFLICT", `The address /o/${slug} is already taken. Choose another.`);

/** What the creation form needs: whether this account may create one, and why not. */
export async function organizationCreationFor(db: Db, account: AccountActor) {
  const setting = await organizationCreationSetting(db);
  const decision = decideCreateOrganization(setting, account);
  return { allowed: decision.allowed, reason: decision.reason, setting };
}

/** A slug offered for a name: free now (it may still be taken before the form is sent). */
export async function suggestSlug(db: Db, name: string): Promise<string> {
  return freeSlug(db, slugify(name));
}

/**
 * Creates an organization owned by the account: its root group, the built-in roles (and a
 * seed's role set if asked) and the owner's membership, in one transaction. A slug taken
 * by another organization, now or by a creation racing this one, is a CONFLICT and nothing
 * is left behind.
 */
export async function createOrganizationAs(db: Db, account: AccountActor, input: NewOrganizationInput) {
  enforce(decideCreateOrganization(await organizationCreationSetting(db), account), "Organization");
  try {
    return await db.$transaction(async (tx) => {
      if (input.slug && (await tx.organization.findUnique({ where: { slug: input.slug } }))) throw slugTaken(input.slug);
      const created = await createOrganization(tx, { name: input.name, slug: input.slug, owner: { userId: account.userId }, ip: account.ip });
      if (input.roleSet) await addRoleSet(tx, created, input.roleSet);
      return { organizationId: created.organizationId, slug: created.slug };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(input.slug ?? slugify(input.name));
    throw err;
  }
}

// ---- Operators' view of organizations ---------------------------------------------------

export type OrganizationListInput = { search?: string; status?: "ACTIVE" | "SUSPENDED"; page: number; pageSize: number };

/** Organizations with their metadata, newest first, paged in the database. */
export async function listOrganizations(db: Db, operator: AccountActor, input: OrganizationListInput) {
  enforce(decideOperate(operator), "Instance");
  const filters: Prisma.OrganizationWhereInput[] = [{ deletedAt: null }];
  const q = input.search?.trim();
  if (q) filters.push({ OR: [{ name: { contains: q, mode: "insensitive" } }, { slug: { contains: q.toLowerCase() } }] });
  if (input.status === "SUSPENDED") filters.push({ suspendedAt: { not: null } });
  if (input.status === "ACTIVE") filters.push({ suspendedAt: null });
  const where: Prisma.OrganizationWhereInput = { AND: filters };
  const [total, rows] = await db.$transaction([
    db.organization.count({ where }),
    db.organization.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        name: true,
        slug: true,
        createdAt: true,
        suspendedAt: true,
        suspendedReason: true,
        _count: { select: { memberships: { where: { status: { not: "INVITED" } } } } },
        memberships: { where: { isOwner: true }, take: 1, select: { user: { select: { name: true, email: true } } } },
      },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((o) => ({
      id: o.id,
      name: o.name,
      slug: o.slug,
      createdAt: o.createdAt,
      suspendedAt: o.suspendedAt,
      suspendedReason: o.suspendedReason,
      members: o._count.memberships,
      owner: o.memberships[0]?.user ?? null,
    })),
  };
}

async function liveOrganization(tx: Tx, organizationId: string) {
  // FOR UPDATE: suspending, resuming and deleting one organization take turns.
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Organization" WHERE id = ${organizationId} AND "deletedAt" IS NULL FOR UPDATE`;
  if (!row) throw new StewardError("NOT_FOUND", "Organization not found.");
  return tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
}

/** Suspends an organization: every member is refused at their next request, its emails
 * wait in the outbox, until an operator resumes it. */
export async function suspendOrganization(db: Db, operator: AccountActor, input: { organizationId: string; reason: string }) {
  enforce(decideOperate(operator), "Instance");
  return db.$transaction(async (tx) => {
    const org = await liveOrganization(tx, input.organizationId);
    if (org.suspendedAt) throw new StewardError("CONFLICT", `${org.name} is already suspended.`);
    const after = await tx.organization.update({ where: { id: org.id }, data: { suspendedAt: new Date(), suspendedReason: input.reason } });
    await instanceAudit(tx, operator, {
      action: "organization.suspend",
      targetType: "Organization",
      targetId: org.id,
      before: { name: org.name, slug: org.slug, suspended: false },
      after: { name: org.name, slug: org.slug, suspended: true, reason: input.reason },
    });
    return { id: after.id, suspendedAt: after.suspendedAt };
  });
}

export async function resumeOrganization(db: Db, operator: AccountActor, input: { organizationId: string }) {
  enforce(decideOperate(operator), "Instance");
  return db.$transaction(async (tx) => {
    const org = await liveOrganization(tx, input.organizationId);
    if (!org.suspendedAt) throw new StewardError("CONFLICT", `${org.name} is not suspended.`);
    await tx.organization.update({ where: { id: org.id }, data: { suspendedAt: null, suspendedReason: "" } });
    await instanceAudit(tx, operator, {
      action: "organization.resume",
      targetType: "Organization",
      targetId: org.id,
      before: { name: org.name, slug: org.slug, suspended: true, reason: org.suspendedReason },
      after: { name: org.name, slug: org.slug, suspended: false },
    });
    return { id: org.id };
  });
}

// ---- Deleting organizations ------------------------------------------------------------

/**
 * Deletes an organization in two steps. The first, one transaction, makes it invisible at
 * once: it is marked deleted (no member, list or link finds it again), its slug is freed,
 * and the deletion is audited at instance level. The second purges its rows in batches,
 * each a short statement, so that a large tenant never holds one long transaction; if the
 * process stops midway, the hourly housekeeping finishes the purge (purgeDeletedOrganizations).
 * `confirmName` must be the organization's name, typed by the person deleting it.
 */
export async function deleteOrganization(db: Db, actor: AccountActor, input: { organizationId: string; confirmName: string }, via: "operator" | "owner") {
  const deleted = await db.$transaction(async (tx) => {
    const org = await liveOrganization(tx, input.organizationId);
    if (input.confirmName.trim() !== org.name) throw new StewardError("BAD_REQUEST", `Type the organization's name, “${org.name}”, to confirm its deletion.`);
    const members = await tx.membership.count({ where: { organizationId: org.id } });
    await tx.organization.update({ where: { id: org.id }, data: { deletedAt: new Date(), slug: `~deleted~${org.id}`, previousSlugs: [] } });
    await instanceAudit(tx, actor, {
      action: "organization.delete",
      targetType: "Organization",
      targetId: org.id,
      before: { name: org.name, slug: org.slug, members, createdAt: org.createdAt.toISOString() },
      after: { deletedBy: via },
    });
    return { id: org.id, name: org.name };
  });
  await purgeOrganization(db, deleted.id);
  return deleted;
}

const PURGE_BATCH = 5_000;

/** The tables of a tenant, in an order that no foreign key blocks: what points at a
 * membership, group or role goes before it. */
const PURGE_ORDER = ["ResourceActivity", "Grant", "Resource", "Team", "Invitation", "OutboxEmail", "AuditEvent", "Membership", "Role"] as const;

/** Deletes a deleted organization's rows, PURGE_BATCH at a time, then the organization.
 * Safe to run twice or concurrently: each batch deletes what is still there. */
export async function purgeOrganization(db: Db, organizationId: string, batch = PURGE_BATCH): Promise<void> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { deletedAt: true } });
  if (!org?.deletedAt) return; // never purge a live organization
  for (const table of PURGE_ORDER) {
    const t = Prisma.raw(`"${table}"`);
    for (;;) {
      const n = await db.$executeRaw`
        DELETE FROM ${t} WHERE id = ANY (ARRAY (SELECT id FROM ${t} WHERE "organizationId" = ${organizationId} LIMIT ${batch} FOR UPDATE SKIP LOCKED))`;
      if (n < batch) break;
    }
  }
  // Groups: leaves first (a parent may not go before its children).
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "Group" WHERE id = ANY (ARRAY (
        SELECT id FROM "Group" g WHERE g."organizationId" = ${organizationId}
          AND NOT EXISTS (SELECT 1 FROM "Group" c WHERE c."parentId" = g.id)
        LIMIT ${batch}))`;
    if (n === 0) break;
  }
  await db.organization.deleteMany({ where: { id: organizationId, deletedAt: { not: null } } });
}

/** Finishes purges an interrupted process left (housekeeping calls this). */
export async function purgeDeletedOrganizations(db: Db): Promise<number> {
  const pending = await db.organization.findMany({ where: { deletedAt: { not: null } }, select: { id: true } });
  for (const { id } of pending) await purgeOrganization(db, id);
  return pending.length;
}

// ---- Operators -------------------------------------------------------------------------

export async function listOperators(db: Db, operator: AccountActor) {
  enforce(decideOperate(operator), "Instance");
  return db.user.findMany({ where: { isOperator: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, email: true, lastSignInAt: true } });
}

// Serializes operator changes, so that two operators removing each other at once cannot
// leave none.
const OPERATORS_LOCK = 731_002;

/** `actor` null: the command line, run by whoever holds the server. */
export async function addOperator(db: Db, actor: AccountActor | null, email: string) {
  if (actor) enforce(decideOperate(actor), "Instance");
  const address = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OPERATORS_LOCK})`;
    const user = await tx.user.findUnique({ where: { email: address } });
    if (!user) throw new StewardError("NOT_FOUND", `No account has the address ${address}. The person signs up or is invited first.`);
    if (user.isOperator) throw new StewardError("CONFLICT", `${user.name} is already an operator.`);
    await tx.user.update({ where: { id: user.id }, data: { isOperator: true } });
    await instanceAudit(tx, actor, { action: "instance.operatorAdd", targetType: "User", targetId: user.id, before: { isOperator: false }, after: { isOperator: true, email: user.email } });
    return { id: user.id, name: user.name, email: user.email };
  });
}

export async function removeOperator(db: Db, actor: AccountActor | null, email: string) {
  if (actor) enforce(decideOperate(actor), "Instance");
  const address = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OPERATORS_LOCK})`;
    const user = await tx.user.findUnique({ where: { email: address } });
    if (!user) throw new StewardError("NOT_FOUND", `No account has the address ${address}.`);
    enforce(decideRemoveOperator(user, await tx.user.count({ where: { isOperator: true } })), "Operator");
    await tx.user.update({ where: { id: user.id }, data: { isOperator: false } });
    await instanceAudit(tx, actor, { action: "instance.operatorRemove", targetType: "User", targetId: user.id, before: { isOperator: true, email: user.email }, after: { isOperator: false } });
    return { id: user.id };
  });
}

export const INSTANCE_ACTIONS = [
  "instance.updateSettings",
  "instance.operatorAdd",
  "instance.operatorRemove",
  "organization.suspend",
  "organization.resume",
  "organization.delete",
] as const;

/** Instance-level events (settings, operators, suspensions, deletions), newest first. */
export async function instanceEvents(db: Db, operator: AccountActor, input: { page: number; pageSize: number }) {
  enforce(decideOperate(operator), "Instance");
  // Only the instance's own events: account events (password resets, …) are the person's.
  const where = { organizationId: null, action: { in: [...INSTANCE_ACTIONS] } };
  const [total, rows] = await db.$transaction([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  const actors = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => !!x))] } }, select: { id: true, name: true } });
  const nameOf = new Map(actors.map((a) => [a.id, a.name]));
  return {
    total,
    rows: rows.map((r) => ({ id: r.id, at: r.at, action: r.action, actor: r.actorUserId ? (nameOf.get(r.actorUserId) ?? "A deleted account") : "Command line", before: r.before, after: r.after })),
  };
}
