// The authorization matrix through the tRPC API: every built-in role as actor x every
// built-in role as target x every relation x every member action (members.get, edit,
// changeRole, changeGroup, setStatus, resetPassword, delete), 12 x 74 x 7 = 6,216 cases.
//
// The expected outcome of each case comes from the tables below, written from DESIGN.md
// ("Built-in roles", "The rules of authority") and docs/authority.md, NOT from
// server/authz: nothing here imports BUILT_IN_ROLES or the decisions.
//
// Setup: Acme with root > Sales > EMEA > Paris and root > Engineering. One actor per role,
// at home in Sales. One target per role in each of Sales (same group), EMEA (subgroup),
// Paris (grandchild), the root (parent) and Engineering (sibling subtree); one per role in
// Globex (other organization); the Acme owner (Data Admin, root); and the actor itself.
//
// Every call leaves the matrix unchanged, so all cases share one database:
// - get reads; edit sends the target's current name and email; setStatus sends its
//   current status (ACTIVE); changeGroup its current group; changeRole its current role.
//   The services authorize first and then return early, writing nothing.
// - resetPassword runs on the real target: it only replaces the target's password and ends
//   its sessions (targets never sign in here), so role, group and status stay as they were.
// - delete runs on the real target when the table expects a refusal, and on a fresh
//   duplicate of the target (same organization, role, group and status, created just for
//   that case) when the table expects it to be allowed. Every case is therefore executed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

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
// Group Data Admin: "Data Admin minus organization-only powers (tools, roles, settings, audit log)".
const GROUP_DATA_ADMIN = minus(ALL, "data.export", "members.import", "roles.manage", "settings.manage", "audit.view");

type Reach = "organization" | "subtree" | "self";
type RoleSpec = { rank: number; reach: Reach; perms: readonly Perm[] };
// docs/authority.md "Built-in roles", highest rank first.
const ROLES = {
  data_admin: { rank: 120, reach: "organization", perms: ALL },
  admin: { rank: 110, reach: "organization", perms: minus(ALL, "data.access", "data.migrate", "data.export", "members.import") },
  support: { rank: 100, reach: "organization", perms: ["overview.view", "members.view", "groups.view", "roles.view", "policies.view", "reports.run"] },
  support_restore: { rank: 90, reach: "organization", perms: RESTORER },
  support_technician: { rank: 80, reach: "organization", perms: TECHNICIAN },
  bulk_exporter: { rank: 70, reach: "organization", perms: ["data.export"] },
  bulk_importer: { rank: 60, reach: "organization", perms: ["members.import"] },
  group_data_admin: { rank: 50, reach: "subtree", perms: GROUP_DATA_ADMIN },
  group_admin: { rank: 40, reach: "subtree", perms: minus(GROUP_DATA_ADMIN, "data.access", "data.migrate") },
  group_support_restore: { rank: 30, reach: "subtree", perms: RESTORER },
  group_support_technician: { rank: 20, reach: "subtree", perms: TECHNICIAN },
  user: { rank: 10, reach: "self", perms: [] },
} as const satisfies Record<string, RoleSpec>;
type RoleKey = keyof typeof ROLES;
const ROLE_KEYS = Object.keys(ROLES) as RoleKey[];

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

// Relations of a target to an actor at home in Sales; the in-organization groups by path.
const GROUP_RELATIONS = {
  "same group": "Sales",
  subgroup: "Sales/EMEA",
  "grandchild subgroup": "Sales/EMEA/Paris",
  "parent group": "",
  "sibling subtree": "Engineering",
} as const;
type GroupRelation = keyof typeof GROUP_RELATIONS;
type Relation = "self" | GroupRelation | "other organization" | "owner";
const RELATIONS: Relation[] = ["self", ...(Object.keys(GROUP_RELATIONS) as GroupRelation[]), "other organization", "owner"];
const IN_SUBTREE_OF_SALES: Relation[] = ["same group", "subgroup", "grandchild subgroup"];

type Outcome = "OK" | "FORBIDDEN" | "NOT_FOUND";

const holds = (role: RoleKey, p: Perm) => (ROLES[role].perms as readonly Perm[]).includes(p);
const subset = (role: RoleKey, of: RoleKey) => ROLES[role].perms.every((p) => holds(of, p));
const inReach = (actor: RoleKey, rel: Relation) =>
  ROLES[actor].reach === "organization" || (ROLES[actor].reach === "subtree" && IN_SUBTREE_OF_SALES.includes(rel));
// Rule 3: not oneself, home group in reach, strictly lower rank, no power the actor lacks.
const inSpan = (actor: RoleKey, target: RoleKey, rel: Relation) =>
  rel !== "self" && inReach(actor, rel) && ROLES[target].rank < ROLES[actor].rank && subset(target, actor);
// Rule 4: a role ranked below, holding only the actor's powers; subtree actors give no organization-reach role.
const assignable = (actor: RoleKey, role: RoleKey) =>
  ROLES[role].rank < ROLES[actor].rank && subset(role, actor) && !(ROLES[actor].reach !== "organization" && ROLES[role].reach === "organization");

function expected(actor: RoleKey, target: RoleKey, rel: Relation, action: Action): Outcome {
  if (!holds(actor, ACTIONS[action])) return "FORBIDDEN"; // rule 2, checked first by the procedure
  if (rel === "other organization") return "NOT_FOUND"; // rule 1
  if (rel === "self") return action === "get" ? "OK" : "FORBIDDEN"; // rule 6: nobody acts on their own account
  if (rel === "owner" || !inSpan(actor, target, rel)) return "NOT_FOUND"; // rule 3 (the owner holds the top rank)
  if (action === "changeRole" && !assignable(actor, target)) return "FORBIDDEN"; // rule 4, for the current role
  return "OK";
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
type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
const callers = new Map<RoleKey, Caller>();
let executed = 0;

beforeAll(async () => {
  t = await testDatabase();
  let a = org(t.db, "Acme").withTree("Sales/EMEA/Paris", "Engineering");
  let g = org(t.db, "Globex");
  for (const role of ROLE_KEYS) {
    a = a.withMember(role, role, "Sales");
    for (const [rel, path] of Object.entries(GROUP_RELATIONS) as [GroupRelation, string][]) a = a.withMember(login(rel, role), role, path);
    g = g.withMember(login("other organization", role), role);
  }
  acme = await a.create();
  globex = await g.create();
  for (const role of ROLE_KEYS) callers.set(role, await acme.signIn(role));
});
afterAll(() => t.close());

type Target = { membershipId: string; name: string; email: string; roleId: string; groupId: string; targetRole: RoleKey };

function targetFor(actor: RoleKey, targetRole: RoleKey, rel: Relation): Target {
  if (rel === "self")
    return {
      membershipId: acme.member(actor),
      name: actor,
      email: acme.email(actor),
      roleId: acme.role(actor),
      groupId: acme.group("Sales"),
      targetRole: actor,
    };
  if (rel === "owner")
    return {
      membershipId: acme.member("owner"),
      name: "Owner",
      email: acme.email("owner"),
      roleId: acme.role("data_admin"),
      groupId: acme.group(""),
      targetRole: "data_admin",
    };
  const o = rel === "other organization" ? globex : acme;
  const name = login(rel, targetRole);
  return {
    membershipId: o.member(name),
    name,
    email: o.email(name),
    roleId: o.role(targetRole),
    groupId: o.group(rel === "other organization" ? "" : GROUP_RELATIONS[rel]),
    targetRole,
  };
}

/** A fresh member like the target (organization, role, group, status) for a delete that should succeed. */
async function duplicateOf(target: Target, tag: string): Promise<string> {
  const source = await t.db.membership.findUniqueOrThrow({ where: { id: target.membershipId } });
  const user = await t.db.user.create({ data: { email: `dup-${tag}@acme.test`, name: `dup ${tag}`, passwordHash: null } });
  const m = await t.db.membership.create({
    data: { userId: user.id, organizationId: source.organizationId, groupId: source.groupId, roleId: source.roleId, status: source.status },
  });
  return m.id;
}

function call(caller: Caller, action: Action, tg: Target, deleteId: string): Promise<unknown> {
  const membershipId = tg.membershipId;
  switch (action) {
    case "get":
      return caller.members.get({ membershipId });
    case "edit":
      return caller.members.edit({ membershipId, name: tg.name, email: tg.email });
    case "changeRole":
      return caller.members.changeRole({ membershipId, roleId: tg.roleId });
    case "changeGroup":
      return caller.members.changeGroup({ membershipId, groupId: tg.groupId });
    case "setStatus":
      return caller.members.setStatus({ membershipId, status: "ACTIVE" });
    case "resetPassword":
      return caller.members.resetPassword({ membershipId });
    case "delete":
      return caller.members.delete({ membershipId: deleteId });
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

// ---- The matrix ---------------------------------------------------------------------------

const TOTAL = ROLE_KEYS.length * ACTION_KEYS.length * RELATIONS.reduce((n, rel) => n + (rel === "self" || rel === "owner" ? 1 : ROLE_KEYS.length), 0);

describe.each(ROLE_KEYS)("%s (home group Sales) acting", (actor) => {
  it.each(RELATIONS)("on members related as %s", async (rel) => {
    const caller = callers.get(actor)!;
    const targets = rel === "self" || rel === "owner" ? [targetFor(actor, actor, rel)] : ROLE_KEYS.map((role) => targetFor(actor, role, rel));
    const mismatches: string[] = [];
    for (const tg of targets) {
      for (const action of ACTION_KEYS) {
        const want = expected(actor, tg.targetRole, rel, action);
        const deleteId = action === "delete" && want === "OK" ? await duplicateOf(tg, String(executed)) : tg.membershipId;
        const got = await outcome(call(caller, action, tg, deleteId));
        executed++;
        if (got !== want) mismatches.push(`${actor} -> ${rel} ${tg.targetRole}: ${action} expected ${want}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("the matrix", () => {
  it(`ran all ${TOTAL} cases, and the table is not trivial`, async () => {
    expect(TOTAL).toBe(6216);
    expect(executed).toBe(TOTAL);
    const all = ROLE_KEYS.flatMap((a) => RELATIONS.flatMap((rel) => ROLE_KEYS.flatMap((r) => ACTION_KEYS.map((x) => expected(a, r, rel, x)))));
    for (const o of ["OK", "FORBIDDEN", "NOT_FOUND"] as const) expect(all).toContain(o);
    // The members that actually got deleted were the duplicates only.
    expect(await t.db.membership.count({ where: { user: { email: { startsWith: "dup-" } } } })).toBe(0);
    expect(await t.db.membership.count()).toBe(1 + ROLE_KEYS.length * 7 + 1);
  });
});
