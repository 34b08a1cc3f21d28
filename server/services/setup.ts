// First run: creates the first organization with its root group, the built-in roles and
// its owner (a Data Admin), who becomes the instance's first operator. Refuses once any
// organization exists, so that it can never be used to take over an installation. Later
// organizations are made by createOrganization too (server/services/tenants.ts).
import { BUILT_IN_ROLES, OWNER_ROLE_KEY, type RoleSetKey } from "../authz";
import type { Db, Tx } from "../db";
import { generatePassword, hashPassword } from "../auth/password";
import { loadActor } from "./actor";
import { audit } from "./audit";
import { addRoleSetIn } from "./roles";
import { StewardError } from "./errors";

/** `roleSet`: a seed's role set to add beside the built-in roles, just below the owner's. */
export type SetupInput = { organizationName: string; ownerEmail: string; ownerName: string; password?: string; roleSet?: RoleSetKey };
export type SetupResult = { organizationId: string; slug: string; userId: string; oneTimePassword?: string };

/** Setup is done once the instance has an operator (setup makes the first, and the last one
 * cannot be removed) or any organization: deleting every organization never reopens /setup
 * to whoever comes first. */
export async function isSetupDone(db: Db | Tx): Promise<boolean> {
  const [operators, organizations] = await Promise.all([db.user.count({ where: { isOperator: true } }), db.organization.count()]);
  return operators > 0 || organizations > 0;
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "org";
}

// Serializes concurrent first-run attempts: only one can see "no organization yet".
const SETUP_LOCK = 731_001;

export async function setupFirstOrganization(db: Db, input: SetupInput): Promise<SetupResult> {
  const oneTimePassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if (await isSetupDone(tx)) {
      throw new StewardError("FORBIDDEN", "Steward is already set up: setup runs once, on a new installation.");
    }
    const created = await createOrganization(tx, {
      name: input.organizationName,
      owner: { email: input.ownerEmail, name: input.ownerName, passwordHash, mustChangePassword: !input.password },
    });
    await tx.user.update({ where: { id: created.userId }, data: { isOperator: true } });
    await audit(tx, {
      organizationId: null,
      actorUserId: created.userId,
      action: "instance.operatorAdd",
      targetType: "User",
      targetId: created.userId,
      after: { email: input.ownerEmail.trim().toLowerCase(), by: "setup" },
    });
    if (input.roleSet) await addRoleSet(tx, created, input.roleSet);
    return { ...created, oneTimePassword };
  });
}

/** Adds a seed's role set to a new organization, just below its owner's role. */
export async function addRoleSet(tx: Tx, created: { userId: string; slug: string }, set: RoleSetKey) {
  const owner = await loadActor(tx, created.userId, created.slug);
  await addRoleSetIn(tx, owner, { set, placeBelowRoleId: owner.role.id });
}

type NewOwner = { email: string; name: string; passwordHash: string; mustChangePassword: boolean };

/** Creates an organization, its root group, its built-in roles and its owner: an existing
 * account (`userId`) or one made now. Without a slug, one is made from the name. A slug
 * taken meanwhile by another transaction fails on the unique index (callers map it). */
export async function createOrganization(tx: Tx, input: { name: string; slug?: string; owner: NewOwner | { userId: string }; ip?: string | null }) {
  const slug = input.slug ?? (await freeSlug(tx, slugify(input.name)));
  const org = await tx.organization.create({ data: { name: input.name, slug } });
  const root = await tx.group.create({ data: { organizationId: org.id, name: input.name, path: "/", depth: 0 } });
  await tx.group.update({ where: { id: root.id }, data: { path: `/${root.id}/` } });
  await tx.role.createMany({
    data: BUILT_IN_ROLES.map((r) => ({
      organizationId: org.id,
      builtInKey: r.key,
      name: r.name,
      description: r.description,
      rank: r.rank,
      reach: r.reach,
      permissions: [...r.permissions],
    })),
  });
  const ownerRole = await tx.role.findUniqueOrThrow({ where: { organizationId_builtInKey: { organizationId: org.id, builtInKey: OWNER_ROLE_KEY } } });
  const user = await ownerAccount(tx, input.owner);
  const email = user.email;
  const membership = await tx.membership.create({
    data: { userId: user.id, organizationId: org.id, groupId: root.id, roleId: ownerRole.id, isOwner: true },
  });
  await audit(tx, {
    organizationId: org.id,
    actorUserId: user.id,
    action: "organization.create",
    targetType: "Organization",
    targetId: org.id,
    after: { name: org.name, slug, rootGroupId: root.id, ownerMembershipId: membership.id, ownerEmail: email },
    ip: input.ip ?? null,
  });
  return { organizationId: org.id, slug, userId: user.id, rootGroupId: root.id };
}

async function ownerAccount(tx: Tx, owner: NewOwner | { userId: string }) {
  if ("userId" in owner) return tx.user.findUniqueOrThrow({ where: { id: owner.userId } });
  const email = owner.email.trim().toLowerCase();
  return (
    (await tx.user.findUnique({ where: { email } })) ??
    (await tx.user.create({ data: { email, name: owner.name, passwordHash: owner.passwordHash, mustChangePassword: owner.mustChangePassword } }))
  );
}

/** The slug itself or, when taken, the first free "slug-2", "slug-3", … */
export async function freeSlug(tx: Db | Tx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 40 - String(n).length - 1).replace(/-+$/, "")}-${n}`;
    if (!(await tx.organization.findUnique({ where: { slug: candidate } }))) return candidate;
  }
}

/**
 * Built-in roles are defined in server/authz/roles.ts and stored per organization. After
 * an upgrade changes a definition (a new permission, say), this brings every
 * organization's rows in line; `npm run db:migrate` and `npm start` run it.
 */
export async function syncBuiltInRoles(db: Db): Promise<number> {
  let changed = 0;
  for (const r of BUILT_IN_ROLES) {
    const result = await db.role.updateMany({
      where: {
        builtInKey: r.key,
        NOT: { AND: [{ permissions: { equals: [...r.permissions] } }, { rank: r.rank }, { reach: r.reach }, { description: r.description }] },
      },
      data: { permissions: [...r.permissions], rank: r.rank, reach: r.reach, description: r.description },
    });
    changed += result.count;
  }
  return changed;
}
