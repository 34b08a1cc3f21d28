// The authorization matrix through the tRPC API: every built-in role, six custom roles
// (seed 002) and the owner, as actor x targets of those roles in every relation x every
// member action (members.get, edit, changeRole, changeGroup, setStatus, resetPassword,
// delete), with arguments that change something: a role other than the target's (ones the
// actor may assign and ones it may not, built-in and custom), a group inside and outside the
// actor's reach, a disable.
//
// The expected outcome of each case comes from the tables below, written from DESIGN.md
// ("Built-in roles", "The rules of authority") and docs/authority.md, NOT from
// server/authz: nothing here derives an expectation from BUILT_IN_ROLES or the decisions.
// The custom roles are data here too (rank, reach, permissions), which the setup writes to
// the database. The catalog is imported only to hold the table's permission list to it.
//
// Setup: Acme with root > Sales > EMEA > Paris and root > Engineering, and six custom roles,
// each placed as the Roles page places one, in the middle of the gap below a role (CUSTOM
// says which edge each is for). One actor per role at home in Sales, and the owner (Data
// Admin, root). One target per built-in role in each of Sales (same group), EMEA (subgroup),
// Paris (grandchild), the root (parent) and Engineering (sibling subtree), and one per custom
// role in Sales and Engineering; one per sampled built-in role in Globex (other
// organization); the Acme owner; and the actor itself.
//
// Rule 2 (the permission gate) decides before any target is loaded, so an actor whose role
// lacks an action's permission meets a sample of four targets for it (itself, the owner,
// an end user in its group, one in Globex). Actors that hold the permission meet every
// target, so that most cases are decided by the target (tenant, span, rule 4, reach), with
// two samplings for the custom roles, where a pair of built-in roles already decides the
// same way (relationsOf, argsFor):
// - a pair with a custom role (as actor or target) meets in the actor's own group and, for a
//   subtree actor, in Engineering, outside its reach: the relation decides nothing for an
//   organization-wide actor, and the built-in pairs try all five with four subtree actors;
// - changeRole tries every other built-in role on the actor itself, the owner and the
//   built-in same-group targets (a custom actor: the end user alone, the one built-in role it
//   manages), every custom role too on the same-group end user (whom every holder of "Assign
//   roles" manages, so that rule 4 alone decides), and a low and a high role elsewhere (for
//   a custom target, User and a custom one above it).
//
// Every case runs against the real organization and leaves it as it found it:
// - a disable that succeeds is undone through the API by the same actor (re-enabling, itself
//   a case with an expected outcome); a role or group change that succeeds is put back in
//   the database (changing back is just another change, which the sweep covers already),
//   as is anything that succeeds against the table;
// - resetPassword runs on the real target: it only replaces the password and ends the
//   target's sessions (targets never sign in), so role, group and status stay;
// - delete runs on the real target when the table expects a refusal, and on a fresh
//   duplicate of the target (same organization, role, group and status) when it expects
//   it allowed. Every test checks the organizations are as they were, so tests run in any
//   order, or alone with -t.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { PERMISSIONS } from "@/server/authz/permissions";
import { org, type BuiltOrg } from "../factories/org";
import { PASSWORD } from "../factories/org";
import { signIn, testDatabase, type TestDatabase } from "./harness";

// ---- The design, as data -------------------------------------------------------------

// The permission catalog (DESIGN.md: one catalog in code; docs/authority.md).
const ALL = [
  "overview.view",
  "members.view",
  "members.create",
  "members.edit",
  "members.assignRole",
  "members.assignGroup",
  "members.setStatus",
  "members.resetCredentials",
  "members.delete",
  "groups.view",
  "groups.create",
  "groups.edit",
  "groups.delete",
  "teams.manage",
  "resources.create",
  "resources.viewAll",
  "resources.grantAll",
  "roles.view",
  "roles.manage",
  "policies.view",
  "policies.manage",
  "reports.run",
  "restores.manage",
  "data.access",
  "data.migrate",
  "data.export",
  "members.import",
  "tokens.use",
  "audit.view",
  "settings.manage",
] as const;
type Perm = (typeof ALL)[number];
const minus = (from: readonly Perm[], ...without: Perm[]): Perm[] => from.filter((p) => !without.includes(p));

// "view and create members, edit their info; view, create, rename/move groups; restores; reports"
const TECHNICIAN: Perm[] = [
  "overview.view",
  "members.view",
  "members.create",
  "members.edit",
  "groups.view",
  "groups.create",
  "groups.edit",
  "restores.manage",
  "reports.run",
];
// "view members; manage restores; run reports"
const RESTORER: Perm[] = ["overview.view", "members.view", "restores.manage", "reports.run"];
// Group Data Admin: "Data Admin minus organization-only powers (tools, roles, settings, audit
// log)"; "See all resources" belongs to Data Admin and Admin (docs/authority.md, Resources).
const ORGANIZATION_ONLY: Perm[] = ["data.export", "members.import", "roles.manage", "settings.manage", "audit.view", "resources.viewAll", "resources.grantAll"];
const GROUP_DATA_ADMIN = minus(ALL, ...ORGANIZATION_ONLY);

type Reach = "organization" | "subtree" | "self";
type RoleSpec = { name: string; rank: number; reach: Reach; perms: readonly Perm[] };
// docs/authority.md "Built-in roles", highest rank first.
const ROLES = {
  data_admin: { name: "Data Admin", rank: 120, reach: "organization", perms: ALL },
  admin: { name: "Admin", rank: 110, reach: "organization", perms: minus(ALL, "data.access", "data.migrate", "data.export", "members.import", "tokens.use") },
  support: {
    name: "Support",
    rank: 100,
    reach: "organization",
    perms: ["overview.view", "members.view", "groups.view", "roles.view", "policies.view", "reports.run"],
  },
  support_restore: { name: "Support Restore", rank: 90, reach: "organization", perms: RESTORER },
  support_technician: { name: "Support Technician", rank: 80, reach: "organization", perms: TECHNICIAN },
  bulk_exporter: { name: "Bulk Exporter", rank: 70, reach: "organization", perms: ["data.export", "tokens.use"] },
  bulk_importer: { name: "Bulk Importer", rank: 60, reach: "organization", perms: ["members.import", "tokens.use"] },
  group_data_admin: { name: "Group Data Admin", rank: 50, reach: "subtree", perms: GROUP_DATA_ADMIN },
  group_admin: { name: "Group Admin", rank: 40, reach: "subtree", perms: minus(GROUP_DATA_ADMIN, "data.access", "data.migrate", "tokens.use") },
  group_support_restore: { name: "Group Support Restore", rank: 30, reach: "subtree", perms: RESTORER },
  group_support_technician: { name: "Group Support Technician", rank: 20, reach: "subtree", perms: TECHNICIAN },
  user: { name: "User", rank: 10, reach: "self", perms: [] },
} as const satisfies Record<string, RoleSpec>;
type BuiltInKey = keyof typeof ROLES;
const BUILT_IN_KEYS = Object.keys(ROLES) as BuiltInKey[];

// Custom roles (seed 002: a permission set placed at a rank with a reach), each "just below"
// a role, in the middle of the gap to the next lower one as the Roles page places them, and
// each chosen for an edge of rules 3 and 4. Resource ceilings stay at their default: they
// play no part in member actions.
const CUSTOM = {
  // Just below Admin: Admin's "View members", edit and disable, plus "Access members' data",
  // which Admin lacks: Admin sees its holders and cannot manage them; Support does not see them.
  data_steward: {
    name: "Data Steward",
    rank: 105,
    reach: "organization",
    perms: ["overview.view", "members.view", "members.edit", "members.setStatus", "reports.run", "data.access"],
  },
  // Just below Support Restore: "Assign roles" with two other powers, so it may give only the
  // roles made of those (User, Org Viewer, Guest) and refuses the rest by rule 4.
  role_clerk: { name: "Role Clerk", rank: 85, reach: "organization", perms: ["overview.view", "members.view", "members.assignRole"] },
  // Just below Group Data Admin, a subtree role with fewer powers than Group Admin: Group
  // Admin does not see it (it ranks higher), Group Data Admin sees and manages it.
  group_mover: {
    name: "Group Mover",
    rank: 45,
    reach: "subtree",
    perms: ["overview.view", "members.view", "members.edit", "members.assignGroup", "groups.view"],
  },
  // Just below Group Support Technician: organization reach below every subtree role, the one
  // way to see "subtree actors cannot give organization-reach roles" on its own.
  org_viewer: { name: "Org Viewer", rank: 15, reach: "organization", perms: ["overview.view"] },
  // Just below Org Viewer: own account only and no permission, like User, at a fractional rank.
  guest: { name: "Guest", rank: 12.5, reach: "self", perms: [] },
  // Just below Guest: own account only, with "View members" and "Edit member info", so the
  // own-account reach, never met past the gate by a built-in role, decides: it sees itself
  // and nobody else, and edits nobody.
  self_service: { name: "Self Service", rank: 11.25, reach: "self", perms: ["members.view", "members.edit"] },
} as const satisfies Record<string, RoleSpec>;
type CustomKey = keyof typeof CUSTOM;
const CUSTOM_KEYS = Object.keys(CUSTOM) as CustomKey[];

type RoleKey = BuiltInKey | CustomKey;
const ROLE_KEYS: RoleKey[] = [...BUILT_IN_KEYS, ...CUSTOM_KEYS];
const SPECS: Record<RoleKey, RoleSpec> = { ...ROLES, ...CUSTOM };
const isCustom = (role: RoleKey): role is CustomKey => role in CUSTOM;

// What each procedure requires (rule 2).
const ACTIONS = {
  get: "members.view",
  edit: "members.edit",
  changeRole: "members.assignRole",
  changeGroup: "members.assignGroup",
  setStatus: "members.setStatus",
  resetPassword: "members.resetCredentials",
  delete: "members.delete",
} as const satisfies Record<string, Perm>;
type Action = keyof typeof ACTIONS;
const ACTION_KEYS = Object.keys(ACTIONS) as Action[];

// The actors: one per role at home in Sales, and the owner (Data Admin, at home in the root,
// standing just above the other Data Admins: docs/authority.md "The owner").
type ActorKey = RoleKey | "owner";
const ACTORS: ActorKey[] = [...ROLE_KEYS, "owner"];
const actorRole = (a: ActorKey): RoleKey => (a === "owner" ? "data_admin" : a);
const actorSpec = (a: ActorKey): RoleSpec => SPECS[actorRole(a)];
/** Rank (rule 3 and rule 4): strictly lower, but the owner stands just above the other holders
 * of their own role, so a rank equal to the owner's counts as below it unless it is the owner's. */
const ranksBelow = (rank: number, isOwner: boolean, actor: ActorKey) =>
  rank < actorSpec(actor).rank || (actor === "owner" && !isOwner && rank === actorSpec(actor).rank);

// Groups by path below the root; the relations of a target to an actor at home in Sales.
type GroupPath = "" | "Sales" | "Sales/EMEA" | "Sales/EMEA/Paris" | "Engineering";
const GROUP_RELATIONS = {
  "same group": "Sales",
  subgroup: "Sales/EMEA",
  "grandchild subgroup": "Sales/EMEA/Paris",
  "parent group": "",
  "sibling subtree": "Engineering",
} as const satisfies Record<string, GroupPath>;
type GroupRelation = keyof typeof GROUP_RELATIONS;
type Relation = "self" | GroupRelation | "other organization" | "owner";
const GROUP_RELATION_KEYS = Object.keys(GROUP_RELATIONS) as GroupRelation[];
/** Where a custom role meets another role (see the top of the file): the actor's own group,
 * and for a subtree actor also Engineering, outside its reach. */
const CUSTOM_TARGET_RELATIONS: GroupRelation[] = ["same group", "sibling subtree"];
function relationsOf(actor: ActorKey, targetRole: RoleKey): GroupRelation[] {
  if (!isCustom(targetRole) && !isCustom(actorRole(actor))) return GROUP_RELATION_KEYS;
  return actorSpec(actor).reach === "subtree" ? CUSTOM_TARGET_RELATIONS : ["same group"];
}

const holds = (a: ActorKey, p: Perm) => actorSpec(a).perms.includes(p);
const within = (role: RoleSpec, bound: RoleSpec) => role.perms.every((p) => bound.perms.includes(p));
const homeOf = (a: ActorKey): GroupPath => (a === "owner" ? "" : "Sales");
// Reach: the organization, or the home group's subtree (own account only: no group).
const reaches = (a: ActorKey, path: GroupPath) => {
  const reach = actorSpec(a).reach;
  return reach === "organization" || (reach === "subtree" && (path === homeOf(a) || path.startsWith(`${homeOf(a)}/`)));
};

type Arg =
  | { kind: "none" }
  | { kind: "role"; role: RoleKey | "foreign" }
  | { kind: "group"; group: GroupPath | "foreign" }
  | { kind: "status"; status: "ACTIVE" | "DISABLED" };
type Case = { actor: ActorKey; action: Action; rel: Relation; targetRole: RoleKey; arg: Arg };

type Outcome = "OK" | "FORBIDDEN" | "NOT_FOUND";
/** The rule that decides a case: "2" is the permission gate, the others need the target. */
type Rule = "2 permission" | "1 tenant" | "6 own account" | "3 span" | "3 powers" | "6 owner" | "4 escalation" | "3 reach" | "allowed";
type Expected = { outcome: Outcome; rule: Rule };

/** The target's role, group and whether it is the owner. */
function targetOf(c: Pick<Case, "actor" | "rel" | "targetRole">): { role: RoleKey; path: GroupPath; isOwner: boolean } {
  if (c.rel === "self") return { role: actorRole(c.actor), path: homeOf(c.actor), isOwner: c.actor === "owner" };
  if (c.rel === "owner") return { role: "data_admin", path: "", isOwner: true };
  return { role: c.targetRole, path: c.rel === "other organization" ? "" : GROUP_RELATIONS[c.rel], isOwner: false };
}

function expected(c: Case): Expected {
  const actor = actorSpec(c.actor);
  if (!holds(c.actor, ACTIONS[c.action])) return { outcome: "FORBIDDEN", rule: "2 permission" }; // checked first by the procedure
  if (c.rel === "other organization") return { outcome: "NOT_FOUND", rule: "1 tenant" };
  // Rule 6: nobody acts on their own account from the admin pages (seeing it is fine).
  if (c.rel === "self" || (c.rel === "owner" && c.actor === "owner"))
    return c.action === "get" ? { outcome: "OK", rule: "allowed" } : { outcome: "FORBIDDEN", rule: "6 own account" };
  // Rules 3 and 6: the owner stands above everyone, so nobody else acts on them.
  if (c.rel === "owner") return { outcome: "NOT_FOUND", rule: "6 owner" };
  // Rule 3: seen when the home group is in reach and the standing strictly lower (else
  // NOT_FOUND); managed only when they also hold no power the actor lacks (else FORBIDDEN).
  const target = targetOf(c);
  if (!reaches(c.actor, target.path) || !ranksBelow(SPECS[target.role].rank, target.isOwner, c.actor)) return { outcome: "NOT_FOUND", rule: "3 span" };
  if (c.action === "get") return { outcome: "OK", rule: "allowed" };
  // Rule 1 first: an id from another organization does not exist here, whoever the target is.
  if ((c.arg.kind === "role" && c.arg.role === "foreign") || (c.arg.kind === "group" && c.arg.group === "foreign"))
    return { outcome: "NOT_FOUND", rule: "1 tenant" };
  if (!within(SPECS[target.role], actor)) return { outcome: "FORBIDDEN", rule: "3 powers" };
  if (c.arg.kind === "role" && c.arg.role !== "foreign") {
    // Rule 4: ranked below the actor's standing, made of the actor's powers, and no
    // organization-reach role from a subtree actor.
    const r = SPECS[c.arg.role];
    if (!ranksBelow(r.rank, false, c.actor) || !within(r, actor) || (actor.reach !== "organization" && r.reach === "organization"))
      return { outcome: "FORBIDDEN", rule: "4 escalation" };
  }
  if (c.arg.kind === "group" && c.arg.group !== "foreign") {
    // A group outside the actor's reach does not exist for them.
    if (!reaches(c.actor, c.arg.group)) return { outcome: "NOT_FOUND", rule: "3 reach" };
  }
  return { outcome: "OK", rule: "allowed" };
}

// ---- The cases --------------------------------------------------------------------------

/** A group of the Sales subtree other than the current one, and one outside it. */
const INSIDE_SALES: Record<GroupPath, GroupPath> = {
  "": "Sales/EMEA",
  Sales: "Sales/EMEA/Paris",
  "Sales/EMEA": "Sales",
  "Sales/EMEA/Paris": "Sales/EMEA",
  Engineering: "Sales/EMEA/Paris",
};
const outsideSales = (current: GroupPath): GroupPath => (current === "Engineering" ? "" : "Engineering");
/** Targets in another organization: NOT_FOUND whatever their role, so a sample of roles. */
const FOREIGN_TARGET_ROLES: BuiltInKey[] = ["data_admin", "admin", "group_admin", "user"];

/**
 * What each case asks for. changeRole: other roles as the top of the file says, a low and a
 * high one where it does not sweep them. changeGroup: a group inside the Sales subtree and
 * one outside it (an organization-wide actor reaches both, so it gets the outside one only).
 * Another organization's target is NOT_FOUND before any argument is looked at: one each.
 * The same-group targets also get another organization's role or group.
 */
function argsFor(actor: ActorKey, action: Action, rel: Relation, targetRole: RoleKey): Arg[] {
  const current = targetOf({ actor, rel, targetRole });
  const foreignArg = (arg: Arg): Arg[] => (rel === "same group" ? [arg] : []);
  let args: Arg[];
  switch (action) {
    case "changeRole": {
      // The custom roles only on the same-group end user, whom every holder of "Assign roles"
      // manages, so that rule 4 alone decides each of them.
      const endUser = rel === "same group" && current.role === "user";
      const others = ROLE_KEYS.filter((r) => r !== current.role && (!isCustom(r) || endUser));
      // A custom actor manages few of the built-in roles: it sweeps on the end user alone.
      const sweep = rel === "self" || rel === "owner" || (rel === "same group" && !isCustom(current.role) && (endUser || !isCustom(actorRole(actor))));
      const low: RoleKey = current.role === "user" ? "group_support_technician" : "user";
      // A custom target gets a custom high role, so that custom roles also replace each other.
      const high: RoleKey = isCustom(current.role)
        ? current.role === "data_steward"
          ? "role_clerk"
          : "data_steward"
        : current.role === "admin"
          ? "support"
          : "admin";
      args = [...(sweep ? others : [low, high]).map((role): Arg => ({ kind: "role", role })), ...foreignArg({ kind: "role", role: "foreign" })];
      break;
    }
    case "changeGroup": {
      const outside: Arg = { kind: "group", group: outsideSales(current.path) };
      const inside: Arg = { kind: "group", group: INSIDE_SALES[current.path] };
      args = [...(actorSpec(actor).reach === "organization" ? [outside] : [inside, outside]), ...foreignArg({ kind: "group", group: "foreign" })];
      break;
    }
    case "setStatus":
      args = [{ kind: "status", status: "DISABLED" }];
      break;
    default:
      args = [{ kind: "none" }];
  }
  return rel === "other organization" ? args.slice(0, 1) : args;
}

/** Every target an actor holding the action's permission meets, but itself and the owner. */
const targetsOf = (actor: ActorKey): Array<{ rel: Relation; targetRole: RoleKey }> => [
  ...ROLE_KEYS.flatMap((targetRole) => relationsOf(actor, targetRole).map((rel) => ({ rel, targetRole }))),
  ...FOREIGN_TARGET_ROLES.map((targetRole) => ({ rel: "other organization" as const, targetRole })),
];

/** The cases of one actor and action: every target if the actor holds the permission, else a
 * sample with one argument each (refused at the gate before any target is loaded). */
function casesFor(actor: ActorKey, action: Action): Case[] {
  const gated = !holds(actor, ACTIONS[action]);
  const ownerAndSelf: Array<{ rel: Relation; targetRole: RoleKey }> = [
    { rel: "self", targetRole: actorRole(actor) },
    ...(actor === "owner" ? [] : [{ rel: "owner" as const, targetRole: "data_admin" as const }]),
  ];
  const targets = gated
    ? [...ownerAndSelf, { rel: "same group" as const, targetRole: "user" as const }, { rel: "other organization" as const, targetRole: "user" as const }]
    : [...ownerAndSelf, ...targetsOf(actor)];
  return targets.flatMap(({ rel, targetRole }) =>
    argsFor(actor, action, rel, targetRole)
      .slice(0, gated ? 1 : undefined)
      .map((arg) => ({ actor, action, rel, targetRole, arg })),
  );
}

/** The re-enabling that follows an allowed disable, by the same actor. */
const reenable = (c: Case): Case | null => (c.action === "setStatus" ? { ...c, arg: { kind: "status", status: "ACTIVE" } } : null);

/** Every case of the matrix, with the re-enabling that follows each expected disable. */
function plan(actor: ActorKey, action: Action): Case[] {
  return casesFor(actor, action).flatMap((c) => {
    const undo = expected(c).outcome === "OK" ? reenable(c) : null;
    return undo ? [c, undo] : [c];
  });
}

// ---- The organizations ----------------------------------------------------------------

const SLUG: Record<GroupRelation, string> = {
  "same group": "same",
  subgroup: "sub",
  "grandchild subgroup": "grand",
  "parent group": "parent",
  "sibling subtree": "sibling",
};
const login = (rel: GroupRelation | "other organization", role: RoleKey) => `${rel === "other organization" ? "globex" : SLUG[rel]}-${role}`;

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
/** Acme's custom roles and the memberships of their holders (by login), made by the setup. */
const customRoleIds = new Map<CustomKey, string>();
const customMembers = new Map<string, string>();
type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
const callers = new Map<ActorKey, Caller>();
let initialState: string;

/** Role, group and status of every membership of both organizations. */
async function state(): Promise<string> {
  const rows = await t.db.membership.findMany({
    where: { organizationId: { in: [acme.id, globex.id] } },
    select: { id: true, roleId: true, groupId: true, status: true, isOwner: true },
    orderBy: { id: "asc" },
  });
  return JSON.stringify(rows);
}

beforeAll(async () => {
  t = await testDatabase();
  let a = org(t.db, "Acme").withTree("Sales/EMEA/Paris", "Engineering");
  let g = org(t.db, "Globex");
  for (const role of BUILT_IN_KEYS) {
    a = a.withMember(role, role, "Sales");
    for (const rel of GROUP_RELATION_KEYS) a = a.withMember(login(rel, role), role, GROUP_RELATIONS[rel]);
    g = g.withMember(login("other organization", role), role);
  }
  acme = await a.create();
  globex = await g.create();
  // The custom roles and their holders, straight into the database (the factory knows only
  // the roles an organization starts with). Holders sign in with the factory's password.
  const { passwordHash } = await t.db.user.findUniqueOrThrow({ where: { email: acme.email("owner") }, select: { passwordHash: true } });
  for (const key of CUSTOM_KEYS) {
    const r = CUSTOM[key];
    const role = await t.db.role.create({
      data: {
        organizationId: acme.id,
        name: r.name,
        rank: r.rank,
        reach: r.reach === "organization" ? "ORGANIZATION" : r.reach === "subtree" ? "SUBTREE" : "SELF",
        permissions: [...r.perms],
      },
    });
    customRoleIds.set(key, role.id);
    const holders: Array<[string, GroupPath]> = [
      [key, "Sales"],
      ...CUSTOM_TARGET_RELATIONS.map((rel): [string, GroupPath] => [login(rel, key), GROUP_RELATIONS[rel]]),
    ];
    for (const [who, path] of holders) {
      const user = await t.db.user.create({ data: { email: acme.email(who), name: who, passwordHash } });
      const m = await t.db.membership.create({
        data: { userId: user.id, organizationId: acme.id, groupId: acme.group(path), roleId: role.id, status: "ACTIVE" },
      });
      customMembers.set(who, m.id);
    }
  }
  for (const actor of ACTORS) callers.set(actor, await acme.signIn(actor));
  // Being an instance operator changes no decision inside an organization (rule 1): these
  // actors are operators, and the tables expect of them what they expect of their roles.
  await t.db.user.updateMany({ where: { email: { in: OPERATOR_ACTORS.map((a) => acme.email(a)) } }, data: { isOperator: true } });
  initialState = await state();
});

/** Actors who are also instance operators (see beforeAll). */
const OPERATOR_ACTORS: ActorKey[] = ["owner", "user", "support", "group_admin", "role_clerk"];
afterAll(() => t.close());

type Target = { membershipId: string; name: string; email: string; roleId: string; groupId: string; status: "ACTIVE" };

const memberId = (o: BuiltOrg, who: string) => (o === acme ? customMembers.get(who) : undefined) ?? o.member(who);
const roleId = (r: RoleKey | "foreign") => (r === "foreign" ? globex.role("user") : isCustom(r) ? customRoleIds.get(r)! : acme.role(r));
const groupId = (g: GroupPath | "foreign") => (g === "foreign" ? globex.group("") : acme.group(g));

function targetFor(c: Case): Target {
  const tg = targetOf(c);
  if (c.rel === "self" || c.rel === "owner") {
    const who = c.rel === "owner" ? "owner" : c.actor;
    return {
      membershipId: memberId(acme, who),
      name: who === "owner" ? "Owner" : who,
      email: acme.email(who),
      roleId: roleId(tg.role),
      groupId: acme.group(tg.path),
      status: "ACTIVE",
    };
  }
  const o = c.rel === "other organization" ? globex : acme;
  const name = login(c.rel, c.targetRole);
  return {
    membershipId: memberId(o, name),
    name,
    email: o.email(name),
    roleId: o === globex ? globex.role(tg.role) : roleId(tg.role),
    groupId: o.group(tg.path),
    status: "ACTIVE",
  };
}

/** A fresh member like the target (organization, role, group, status) for a delete that should succeed. */
let duplicates = 0;
async function duplicateOf(tg: Target): Promise<string> {
  const source = await t.db.membership.findUniqueOrThrow({ where: { id: tg.membershipId } });
  const tag = ++duplicates;
  const user = await t.db.user.create({ data: { email: `dup-${tag}@acme.test`, name: `dup ${tag}`, passwordHash: null } });
  const m = await t.db.membership.create({
    data: { userId: user.id, organizationId: source.organizationId, groupId: source.groupId, roleId: source.roleId, status: source.status },
  });
  return m.id;
}

async function call(c: Case, tg: Target, deleteId: string): Promise<unknown> {
  const m = callers.get(c.actor)!.members;
  const membershipId = tg.membershipId;
  switch (c.action) {
    case "get":
      return m.get({ membershipId });
    case "edit":
      // The current name and email: the decision is taken, then nothing needs writing.
      return m.edit({ membershipId, name: tg.name, email: tg.email });
    case "changeRole":
      return m.changeRole({ membershipId, roleId: roleId((c.arg as Extract<Arg, { kind: "role" }>).role) });
    case "changeGroup":
      return m.changeGroup({ membershipId, groupId: groupId((c.arg as Extract<Arg, { kind: "group" }>).group) });
    case "setStatus":
      return m.setStatus({ membershipId, status: (c.arg as Extract<Arg, { kind: "status" }>).status });
    case "resetPassword":
      return m.resetPassword({ membershipId });
    case "delete":
      return m.delete({ membershipId: deleteId });
  }
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (err) {
    return err instanceof TRPCError ? err.code : `unexpected ${String(err)}`;
  }
}

const describeCase = (c: Case) => {
  const arg = c.arg.kind === "role" ? ` to ${c.arg.role}` : c.arg.kind === "group" ? ` to "${c.arg.group}"` : c.arg.kind === "status" ? ` ${c.arg.status}` : "";
  return `${c.actor} -> ${c.rel} ${c.rel === "self" || c.rel === "owner" ? "" : c.targetRole}: ${c.action}${arg}`;
};

/** What an allowed change must have written: the membership's new role, group or status. */
function written(c: Case, tg: Target): { roleId: string; groupId: string; status: string } {
  const arg = c.arg;
  return {
    roleId: arg.kind === "role" ? roleId(arg.role) : tg.roleId,
    groupId: arg.kind === "group" ? groupId(arg.group) : tg.groupId,
    status: arg.kind === "status" ? arg.status : tg.status,
  };
}

/** Runs one actor's cases for one action; returns the mismatches and how many ran. */
async function runCases(actor: ActorKey, action: Action): Promise<{ mismatches: string[]; ran: number }> {
  const mismatches: string[] = [];
  let ran = 0;
  const run = async (c: Case): Promise<string> => {
    const tg = targetFor(c);
    const want = expected(c);
    const deleteId = c.action === "delete" && want.outcome === "OK" ? await duplicateOf(tg) : tg.membershipId;
    const got = await outcome(call(c, tg, deleteId));
    ran++;
    if (got !== want.outcome) mismatches.push(`${describeCase(c)}: expected ${want.outcome} (${want.rule}), got ${got}`);
    if (got === "OK" && c.arg.kind !== "none") {
      const row = await t.db.membership.findUniqueOrThrow({ where: { id: tg.membershipId }, select: { roleId: true, groupId: true, status: true } });
      if (JSON.stringify(row) !== JSON.stringify(written(c, tg)))
        mismatches.push(`${describeCase(c)}: allowed, but the membership is now ${JSON.stringify(row)}`);
    }
    return got;
  };
  for (const c of casesFor(actor, action)) {
    const got = await run(c);
    if (got !== "OK" || c.arg.kind === "none") continue;
    const undo = expected(c).outcome === "OK" ? reenable(c) : null;
    const undone = undo ? await run(undo) : "not tried";
    if (undone !== "OK") {
      const tg = targetFor(c);
      await t.db.membership.update({ where: { id: tg.membershipId }, data: { roleId: tg.roleId, groupId: tg.groupId, status: tg.status } });
    }
  }
  return { mismatches, ran };
}

// ---- The tables against the application ---------------------------------------------------

describe("the tables", () => {
  it("list exactly the permission catalog, as exported and as the API shows it", async () => {
    expect([...ALL].sort()).toEqual(Object.keys(PERMISSIONS).sort());
    // Data Admin holds every permission (DESIGN.md), so its row in roles.list is the catalog.
    const roles = await callers.get("owner")!.roles.list();
    expect([...ALL].sort()).toEqual([...roles.find((r) => r.name === ROLES.data_admin.name)!.permissions].sort());
    expect([...new Set(roles.flatMap((r) => r.permissions))].sort()).toEqual([...ALL].sort());
  });

  it("give each built-in and custom role the rank, reach and permissions the API lists", async () => {
    const roles = await callers.get("owner")!.roles.list();
    const row = (r: RoleSpec) => ({ name: r.name, rank: r.rank, reach: r.reach.toUpperCase(), perms: [...r.perms].sort() });
    const listed = (builtIn: boolean) =>
      roles.filter((r) => r.builtIn === builtIn).map((r) => ({ name: r.name, rank: r.rank, reach: r.reach, perms: [...r.permissions].sort() }));
    expect(listed(true)).toEqual(Object.values(ROLES).map(row));
    expect(listed(false)).toEqual(
      Object.values(CUSTOM)
        .map(row)
        .sort((x, y) => y.rank - x.rank),
    );
  });

  it("make the custom roles ones the Roles page could make (docs/authority.md, Custom roles)", () => {
    // Each placed just below a role, in the order of the table: the middle of the gap to the
    // next lower role there was.
    const ranks: number[] = Object.values(ROLES).map((r) => r.rank);
    for (const r of Object.values(CUSTOM)) {
      const above = Math.min(...ranks.filter((x) => x > r.rank));
      const next = Math.max(0, ...ranks.filter((x) => x < r.rank));
      expect(r.rank, r.name).toBe((above + next) / 2);
      ranks.push(r.rank);
      // A role reaching a subtree or the organization holds a permission; the
      // organization-only ones need organization reach.
      if (r.reach !== "self") expect(r.perms.length, r.name).toBeGreaterThan(0);
      if (r.reach !== "organization")
        expect(
          r.perms.filter((p) => ORGANIZATION_ONLY.includes(p)),
          r.name,
        ).toEqual([]);
    }
  });

  it("make most cases a target decision, and reach every rule both ways", () => {
    const cases = ACTORS.flatMap((a) => ACTION_KEYS.flatMap((x) => plan(a, x)));
    const byRule: Record<string, number> = {};
    for (const c of cases) byRule[expected(c).rule] = (byRule[expected(c).rule] ?? 0) + 1;
    const gated = byRule["2 permission"] ?? 0;
    const custom = cases.filter(
      (c) =>
        isCustom(actorRole(c.actor)) ||
        (c.rel !== "self" && c.rel !== "owner" && isCustom(c.targetRole)) ||
        (c.arg.kind === "role" && c.arg.role !== "foreign" && isCustom(c.arg.role)),
    );
    console.log(`authorization matrix: ${cases.length} cases (${custom.length} with a custom role), ${cases.length - gated} past the permission gate`, byRule);
    expect((cases.length - gated) / cases.length).toBeGreaterThan(0.9);
    for (const rule of ["2 permission", "1 tenant", "6 own account", "3 span", "3 powers", "6 owner", "4 escalation", "3 reach", "allowed"])
      expect(byRule[rule]).toBeGreaterThan(0);
    const changes = (action: Action, want: Outcome, by?: ActorKey) =>
      cases.filter((c) => c.action === action && expected(c).outcome === want && (!by || c.actor === by)).length;
    // Rule 4 both ways for each actor that may assign roles but the owner, who may give every
    // role (the top one included: docs/authority.md "The owner").
    for (const actor of ACTORS.filter((a) => holds(a, "members.assignRole"))) {
      if (actor !== "owner") expect(cases.some((c) => c.actor === actor && c.action === "changeRole" && expected(c).rule === "4 escalation")).toBe(true);
      expect(changes("changeRole", "OK", actor)).toBeGreaterThan(0);
    }
    expect(cases.some((c) => c.actor === "owner" && c.arg.kind === "role" && c.arg.role === "data_admin" && expected(c).outcome === "OK")).toBe(true);
    expect(cases.some((c) => c.arg.kind === "role" && c.arg.role === "org_viewer" && expected(c).rule === "4 escalation")).toBe(true);
    for (const action of ["changeGroup", "setStatus", "delete"] as const) expect(changes(action, "OK")).toBeGreaterThan(0);
  });

  it("meet the edges the custom roles are chosen for", () => {
    const cases = ACTORS.flatMap((a) => ACTION_KEYS.flatMap((x) => plan(a, x)));
    const foreignArg = (c: Case) => (c.arg.kind === "role" && c.arg.role === "foreign") || (c.arg.kind === "group" && c.arg.group === "foreign");
    /** The cases of an actor on targets of a role in Acme's groups, past the gate and with Acme's arguments. */
    const on = (actor: ActorKey, targetRole: RoleKey, rels: readonly Relation[] = GROUP_RELATION_KEYS, action?: Action) =>
      cases.filter(
        (c) =>
          c.actor === actor &&
          c.targetRole === targetRole &&
          rels.includes(c.rel) &&
          (!action || c.action === action) &&
          holds(actor, ACTIONS[c.action]) &&
          !foreignArg(c),
      );
    const outcomes = (cs: Case[]) => [...new Set(cs.map((c) => `${expected(c).outcome} ${expected(c).rule}`))].sort();
    // Admin sees Data Stewards (ranked below it) and manages none: they hold a power it lacks.
    // Support, ranked below them, does not see them; Data Admin manages them.
    expect(outcomes(on("admin", "data_steward", GROUP_RELATION_KEYS, "get"))).toEqual(["OK allowed"]);
    expect(outcomes(on("admin", "data_steward").filter((c) => c.action !== "get"))).toEqual(["FORBIDDEN 3 powers"]);
    expect(outcomes(on("support", "data_steward"))).toEqual(["NOT_FOUND 3 span"]);
    expect(outcomes(on("data_admin", "data_steward"))).toEqual(["OK allowed"]);
    // Group Admin does not see a Group Mover (ranked higher) even in its subtree; Group Data
    // Admin sees and manages one there, and sees none outside.
    expect(outcomes(on("group_admin", "group_mover"))).toEqual(["NOT_FOUND 3 span"]);
    const noRoleOrGroup = (cs: Case[]) => cs.filter((c) => c.arg.kind !== "role" && c.arg.kind !== "group");
    expect(outcomes(noRoleOrGroup(on("group_data_admin", "group_mover", ["same group"])))).toEqual(["OK allowed"]);
    expect(outcomes(on("group_data_admin", "group_mover", ["sibling subtree"]))).toEqual(["NOT_FOUND 3 span"]);
    // The Role Clerk assigns exactly the lower roles made of its few powers.
    const assigned = cases.filter((c) => c.actor === "role_clerk" && expected(c).outcome === "OK").flatMap((c) => (c.arg.kind === "role" ? [c.arg.role] : []));
    expect([...new Set(assigned)].sort()).toEqual(["guest", "org_viewer", "user"]);
    // A subtree actor manages a holder of an organization-reach role in its subtree.
    expect(outcomes(on("group_support_technician", "org_viewer", ["same group"], "edit"))).toEqual(["OK allowed"]);
    // The custom actors that change members manage some and are refused others by rule 3 both ways.
    for (const actor of ["data_steward", "role_clerk", "group_mover"] as const) {
      const rules = outcomes(cases.filter((c) => c.actor === actor && c.action !== "get"));
      for (const rule of ["OK allowed", "FORBIDDEN 3 powers", "NOT_FOUND 3 span"]) expect(rules, actor).toContain(rule);
    }
    expect(outcomes(cases.filter((c) => c.actor === "group_mover"))).toContain("NOT_FOUND 3 reach");
    // Own-account reach past the gate: itself and nobody else, and no change to itself.
    expect(outcomes(on("self_service", "self_service", ["self"]))).toEqual(["FORBIDDEN 6 own account", "OK allowed"]);
    expect(outcomes(ROLE_KEYS.flatMap((role) => on("self_service", role)))).toEqual(["NOT_FOUND 3 span"]);
    // Roles of no member permission (own account only, or none of the member actions) stop at the gate.
    for (const actor of ["guest", "org_viewer"] as const) expect(outcomes(cases.filter((c) => c.actor === actor))).toEqual(["FORBIDDEN 2 permission"]);
  });
});

// ---- An instance operator outside the organization -------------------------------------------

describe("an instance operator who is a member of a third organization only", () => {
  it("gets NOT_FOUND for every member action in Acme and with Acme's ids at home, as with a random id, changing nothing", async () => {
    const initrode = await org(t.db, "Initrode").withMember("bill", "user").create();
    await t.db.user.update({ where: { email: initrode.email("owner") }, data: { isOperator: true } });
    const inAcme = await signIn(t.db, initrode.email("owner"), PASSWORD, acme.slug);
    const atHome = await initrode.signIn("owner");
    const random = "cjld2cjxh0000qzrmn831i7rn";
    const targets = [acme.member("owner"), acme.member(login("same group", "user")), acme.member("admin"), random];
    const outcomes = new Set<string>();
    for (const caller of [inAcme, atHome]) {
      for (const membershipId of targets) {
        const calls: Array<() => Promise<unknown>> = [
          () => caller.members.get({ membershipId }),
          () => caller.members.edit({ membershipId, name: "x", email: "x@acme.test" }),
          () => caller.members.changeRole({ membershipId, roleId: acme.role("user") }),
          () => caller.members.changeGroup({ membershipId, groupId: acme.group("Sales") }),
          () => caller.members.setStatus({ membershipId, status: "DISABLED" }),
          () => caller.members.resetPassword({ membershipId }),
          () => caller.members.delete({ membershipId }),
        ];
        for (const run of calls) {
          const err = await run().then(
            () => null,
            (e: unknown) => e as TRPCError,
          );
          outcomes.add(err ? `${err.code} ${caller === inAcme ? err.message : err.message.replace(/ within your reach.*/, "")}` : "OK");
        }
      }
    }
    expect([...outcomes].sort()).toEqual(["NOT_FOUND Member not found", "NOT_FOUND Organization not found."]);
    expect(await state(), "Acme and Globex are as they were").toBe(initialState);
  });
});

// ---- The matrix ---------------------------------------------------------------------------

describe.each(ACTORS)("%s acting", (actor) => {
  it.each(ACTION_KEYS)("%s on every target", async (action) => {
    const { mismatches, ran } = await runCases(actor, action);
    expect(mismatches).toEqual([]);
    expect(ran).toBe(plan(actor, action).length);
    const leftover = await t.db.user.deleteMany({ where: { email: { startsWith: "dup-" } } });
    expect(leftover.count, "every duplicate made for an allowed delete was deleted").toBe(0);
    expect(await state(), "the organizations are as they were").toBe(initialState);
  });
});
