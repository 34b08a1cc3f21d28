// Organizations as tenants of the instance: who may create them, the operators who run the
// instance, suspension and deletion. Operators see organizations' metadata (name, slug,
// member count, owner), never their members, groups or resources: those stay behind the
// organization's own rules (rule 1). Instance-level events are AuditEvents without an
// organization, so that they outlive the organizations they are about.
import {
  decideCreateOrganization,
  decideLeaveOrganization,
  decideOperate,
  decideOwnerAction,
  decideRemoveOperator,
  ORGANIZATION_CREATION,
  type OrganizationCreation,
  type RoleSetKey,
} from "../authz";
import type { Db, Tx } from "../db";
import { isForeignKeyViolation, isUniqueViolation } from "../db/errors";
import { Prisma } from "../db/generated/client";
import { generatePassword, hashPassword, verifyPassword } from "../auth/password";
import { loadActor, type ActorContext } from "./actor";
import { audit, auditBy, type AuditEntry, type AuditTarget } from "./audit";
import { acceptSecondFactor } from "./two-factor";
import { enforce, StewardError } from "./errors";
import { addRoleSet, createOrganization, freeSlug, slugify } from "./setup";
import { likeLiteral } from "../db/like";

/** Who acts at instance level: the signed-in account (and, for the audit, where from). */
export type AccountActor = { userId: string; isOperator: boolean; ip?: string | null };

/** Operators' procedures take an account that must be an operator, or null for the command
 * line, which whoever holds the server runs (audited without an actor). */
export type OperatorActor = AccountActor | null;

function mustOperate(actor: OperatorActor) {
  if (actor) enforce(decideOperate(actor), "Instance");
}

const SETTINGS_ID = "instance";

// ---- Instance settings ----------------------------------------------------------------

export async function organizationCreationSetting(db: Db | Tx): Promise<OrganizationCreation> {
  const row = await db.instanceSettings.findUnique({ where: { id: SETTINGS_ID } });
  return row?.organizationCreation ?? "OPERATORS";
}

export async function setOrganizationCreation(db: Db, operator: OperatorActor, value: OrganizationCreation) {
  mustOperate(operator);
  if (!ORGANIZATION_CREATION.includes(value)) throw new StewardError("BAD_REQUEST", "Choose who may create organizations: operators, members or anyone.");
  return db.$transaction(async (tx) => {
    const before = await organizationCreationSetting(tx);
    if (before === value) return { organizationCreation: value };
    await tx.instanceSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, organizationCreation: value },
      update: { organizationCreation: value },
    });
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

function instanceAudit(tx: Tx, actor: OperatorActor, entry: Omit<AuditEntry, "organizationId" | "actorUserId" | "ip"> & AuditTarget) {
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
  // Without a chosen slug, one made from the name that another creation took meanwhile is
  // not this person's conflict: the next free one is tried.
  for (let attempt = 1; !input.slug; attempt++) {
    try {
      return await createOrganizationOnce(db, account, input);
    } catch (err) {
      if (!(err instanceof StewardError && err.code === "CONFLICT") || attempt === 3) throw err;
    }
  }
  return createOrganizationOnce(db, account, input);
}

async function createOrganizationOnce(db: Db, account: AccountActor, input: NewOrganizationInput) {
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

/**
 * The command line's `org create`: an organization for the account with this address, made
 * now with a one-time password when there is none. The instance's setting does not apply:
 * whoever runs the command holds the server.
 */
export async function createOrganizationFromCli(db: Db, input: NewOrganizationInput & { ownerEmail: string; ownerName?: string }) {
  const email = input.ownerEmail.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email } });
  const oneTimePassword = existing ? undefined : generatePassword();
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : "";
  try {
    return await db.$transaction(async (tx) => {
      if (input.slug && (await tx.organization.findUnique({ where: { slug: input.slug } }))) throw slugTaken(input.slug);
      const owner = existing
        ? { userId: existing.id }
        : { email, name: input.ownerName?.trim() || email.split("@")[0]!, passwordHash, mustChangePassword: true };
      const created = await createOrganization(tx, { name: input.name, slug: input.slug, owner });
      if (input.roleSet) await addRoleSet(tx, created, input.roleSet);
      return { slug: created.slug, ownerEmail: email, oneTimePassword };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(input.slug ?? slugify(input.name));
    throw err;
  }
}

/** An organization by its slug, for the command line. */
export async function organizationBySlug(db: Db, slug: string) {
  const org = await db.organization.findFirst({ where: { slug: slug.trim().toLowerCase(), deletedAt: null } });
  if (!org) throw new StewardError("NOT_FOUND", `No organization has the address /o/${slug}.`);
  return org;
}

// ---- Operators' view of organizations ---------------------------------------------------

export type OrganizationListInput = { search?: string; status?: "ACTIVE" | "SUSPENDED"; page: number; pageSize: number };

/** Organizations with their metadata, newest first, paged in the database. */
export async function listOrganizations(db: Db, operator: OperatorActor, input: OrganizationListInput) {
  mustOperate(operator);
  const filters: Prisma.OrganizationWhereInput[] = [{ deletedAt: null }];
  const q = input.search?.trim();
  if (q) filters.push({ OR: [{ name: { contains: likeLiteral(q), mode: "insensitive" } }, { slug: { contains: likeLiteral(q.toLowerCase()) } }] });
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
export async function suspendOrganization(db: Db, operator: OperatorActor, input: { organizationId: string; reason: string }) {
  mustOperate(operator);
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

export async function resumeOrganization(db: Db, operator: OperatorActor, input: { organizationId: string }) {
  mustOperate(operator);
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
export async function deleteOrganization(db: Db, actor: OperatorActor, input: { organizationId: string; confirmName: string }, via: "operator" | "owner") {
  const deleted = await db.$transaction(async (tx) => {
    const org = await liveOrganization(tx, input.organizationId);
    if (input.confirmName.trim() !== org.name) throw confirmNameRefusal(org.name);
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
  // Nobody finds it any more; its rows go now, and what a crash or a stubborn late write
  // leaves, the hourly housekeeping finishes (purgeDeletedOrganizations). The deletion has
  // happened either way, so the person deleting is told so.
  await purgeOrganization(db, deleted.id).catch((err: unknown) =>
    console.error(`[steward] organization ${deleted.id} is deleted; the housekeeping will finish removing its rows:`, err),
  );
  return deleted;
}

const confirmNameRefusal = (name: string) => new StewardError("BAD_REQUEST", `Type the organization's name, “${name}”, to confirm its deletion.`);

const PURGE_BATCH = 5_000;

/** The tables of a tenant, in an order that no foreign key blocks: what points at a
 * membership, group or role goes before it. */
const PURGE_ORDER = ["ResourceActivity", "Grant", "Resource", "Team", "Invitation", "OutboxEmail", "AuditEvent", "Membership", "Role"] as const;

/** Passes over a tenant's tables before the purge gives up (the housekeeping tries again). */
const PURGE_ATTEMPTS = 5;

/**
 * Deletes a deleted organization's rows, PURGE_BATCH at a time, then the organization.
 * Safe to run twice or concurrently: each batch deletes what is still there. A member's write
 * already past its checks when the organization was marked deleted may commit after its
 * table's pass (a resource created a moment late); the rows it points at then refuse to go
 * (a foreign key), and the purge starts its passes over, a few times, to take it too.
 */
export async function purgeOrganization(db: Db, organizationId: string, batch = PURGE_BATCH): Promise<void> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { deletedAt: true } });
  if (!org?.deletedAt) return; // never purge a live organization
  for (let attempt = 1; ; attempt++) {
    try {
      return await purgePasses(db, organizationId, batch);
    } catch (err) {
      if (attempt >= PURGE_ATTEMPTS || !isForeignKeyViolation(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

async function purgePasses(db: Db, organizationId: string, batch: number): Promise<void> {
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

// ---- Inside an organization: its address, leaving it, its owner deleting it ------------

/**
 * The owner gives the organization a new address. The old one is remembered (the ten most
 * recent), so that members' bookmarks lead to the new one; another organization may take
 * it later, and then it is theirs.
 */
export async function changeOrganizationAddress(db: Db, actor: ActorContext, slug: string) {
  enforce(decideOwnerAction(actor, "change its address"), "Organization");
  try {
    return await db.$transaction(async (tx) => {
      const org = await liveOrganization(tx, actor.organizationId);
      if (org.slug === slug) return { slug };
      if (await tx.organization.findUnique({ where: { slug } })) throw slugTaken(slug);
      const previousSlugs = [org.slug, ...org.previousSlugs.filter((s) => s !== slug && s !== org.slug)].slice(0, 10);
      await tx.organization.update({ where: { id: org.id }, data: { slug, previousSlugs } });
      await auditBy(tx, actor, {
        action: "organization.changeAddress",
        targetType: "Organization",
        targetId: org.id,
        before: { slug: org.slug },
        after: { slug },
      });
      return { slug };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(slug);
    throw err;
  }
}

/** Where an organization that had this address lives now, for one of its active members
 * (nobody else learns that it moved). */
export async function movedOrganization(db: Db, userId: string, oldSlug: string): Promise<string | null> {
  const membership = await db.membership.findFirst({
    where: { userId, status: "ACTIVE", organization: { previousSlugs: { has: oldSlug }, deletedAt: null } },
    select: { organization: { select: { slug: true } } },
  });
  return membership?.organization.slug ?? null;
}

/**
 * A member leaves. What they own goes to the organization's owner, who holds every power
 * there, so the hand-over opens no side path (rule 6); their grants and team places go with
 * the membership. Their account stays theirs.
 */
export async function leaveOrganization(db: Db, userId: string, organizationSlug: string, ip: string | null) {
  return db.$transaction(async (tx) => {
    const actor = await loadActor(tx, userId, organizationSlug);
    enforce(decideLeaveOrganization(actor), "Organization");
    const owner = await tx.membership.findFirst({
      where: { organizationId: actor.organizationId, isOwner: true },
      include: { user: { select: { name: true } } },
    });
    const owned = await tx.resource.count({ where: { ownerId: actor.membershipId } });
    if (owned && owner) await tx.resource.updateMany({ where: { ownerId: actor.membershipId }, data: { ownerId: owner.id } });
    await tx.membership.delete({ where: { id: actor.membershipId } });
    await auditBy(
      tx,
      { ...actor, ip },
      {
        action: "member.leave",
        targetType: "Membership",
        targetId: actor.membershipId,
        before: { name: actor.name, role: actor.role.name, group: actor.group.name },
        after: owned && owner ? { resourcesTransferred: { count: owned, to: owner.user.name, toMembershipId: owner.id } } : {},
      },
    );
    return { left: actor.organizationName };
  });
}

/**
 * The owner deletes their organization: the operators' deletion, confirmed by the name, the
 * owner's password and, when they use it, a second-factor code.
 */
export async function deleteOwnOrganization(db: Db, actor: ActorContext, input: { confirmName: string; password: string; code?: string }) {
  enforce(decideOwnerAction(actor, "delete it"), "Organization");
  // The name first: a slip of the keyboard must not spend a second-factor code.
  if (input.confirmName.trim() !== actor.organizationName) throw confirmNameRefusal(actor.organizationName);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) throw new StewardError("BAD_REQUEST", "Your password is not correct.");
  if (user.totpEnabledAt) {
    if (!input.code) throw new StewardError("BAD_REQUEST", "Enter a code from your authenticator (or a recovery code) to confirm.");
    if (!(await acceptSecondFactor(db, actor.userId, input.code)))
      throw new StewardError("BAD_REQUEST", "That code is not valid. Enter a current code from your authenticator, or an unused recovery code.");
  }
  return deleteOrganization(
    db,
    { userId: actor.userId, isOperator: false, ip: actor.ip },
    { organizationId: actor.organizationId, confirmName: input.confirmName },
    "owner",
  );
}

// ---- Operators -------------------------------------------------------------------------

export async function listOperators(db: Db, operator: OperatorActor, input: { page: number; pageSize: number } = { page: 1, pageSize: 50 }) {
  mustOperate(operator);
  const where = { isOperator: true };
  const [total, rows] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, name: true, email: true, lastSignInAt: true },
    }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, rows };
}

// Serializes operator changes, so that two operators removing each other at once cannot
// leave none.
const OPERATORS_LOCK = 731_002;

export async function addOperator(db: Db, actor: OperatorActor, email: string) {
  mustOperate(actor);
  const address = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OPERATORS_LOCK})`;
    const user = await tx.user.findUnique({ where: { email: address } });
    if (!user) throw new StewardError("NOT_FOUND", `No account has the address ${address}. The person signs up or is invited first.`);
    if (user.isOperator) throw new StewardError("CONFLICT", `${user.name} is already an operator.`);
    await tx.user.update({ where: { id: user.id }, data: { isOperator: true } });
    await instanceAudit(tx, actor, {
      action: "instance.operatorAdd",
      targetType: "User",
      targetId: user.id,
      before: { isOperator: false },
      after: { isOperator: true, email: user.email },
    });
    return { id: user.id, name: user.name, email: user.email };
  });
}

export async function removeOperator(db: Db, actor: OperatorActor, email: string) {
  mustOperate(actor);
  const address = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OPERATORS_LOCK})`;
    const user = await tx.user.findUnique({ where: { email: address } });
    if (!user) throw new StewardError("NOT_FOUND", `No account has the address ${address}.`);
    enforce(decideRemoveOperator(user, await tx.user.count({ where: { isOperator: true } })), "Operator");
    await tx.user.update({ where: { id: user.id }, data: { isOperator: false } });
    await instanceAudit(tx, actor, {
      action: "instance.operatorRemove",
      targetType: "User",
      targetId: user.id,
      before: { isOperator: true, email: user.email },
      after: { isOperator: false },
    });
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
export async function instanceEvents(db: Db, operator: OperatorActor, input: { page: number; pageSize: number }) {
  mustOperate(operator);
  // Only the instance's own events: account events (password resets, …) are the person's.
  const where = { organizationId: null, action: { in: [...INSTANCE_ACTIONS] } };
  const [total, rows] = await db.$transaction([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  const actors = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => !!x))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(actors.map((a) => [a.id, a.name]));
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      actor: r.actorUserId ? (nameOf.get(r.actorUserId) ?? "A deleted account") : "Command line",
      before: r.before,
      after: r.after,
    })),
  };
}
