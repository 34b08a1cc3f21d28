// The built-in roles against DESIGN.md's "Built-in roles" table and the permission
// catalog, and the promise that every decision explains itself.
import { describe, expect, it } from "vitest";
import {
  BUILT_IN_ROLES,
  type BuiltInRoleKey,
  type Decision,
  decideAssignRole,
  decideChangeGroup,
  decideChangeRole,
  decideCreateGroup,
  decideDeleteGroup,
  decideMemberAction,
  decideMoveGroup,
  decidePermission,
  decideRenameGroup,
  decideSpan,
  decideViewGroup,
  isPermission,
  type MemberAction,
  type Permission,
  PERMISSIONS,
  type Reach,
} from "@/server/authz";
import { type GroupName, GROUPS, member, role } from "../../factories/authz";

// DESIGN.md, "Built-in roles (seed 004), highest rank first".
const DESIGN_ORDER: Array<[name: string, reach: Reach]> = [
  ["Data Admin", "ORGANIZATION"],
  ["Admin", "ORGANIZATION"],
  ["Support", "ORGANIZATION"],
  ["Support Restore", "ORGANIZATION"],
  ["Support Technician", "ORGANIZATION"],
  ["Bulk Exporter", "ORGANIZATION"],
  ["Bulk Importer", "ORGANIZATION"],
  ["Group Data Admin", "SUBTREE"],
  ["Group Admin", "SUBTREE"],
  ["Group Support Restore", "SUBTREE"],
  ["Group Support Technician", "SUBTREE"],
  ["User", "SELF"],
];

const byName = (name: string) => {
  const found = BUILT_IN_ROLES.find((r) => r.name === name);
  if (!found) throw new Error(`No built-in role named ${name}`);
  return found;
};
const perms = (key: BuiltInRoleKey): readonly string[] => role(key).permissions;
const CATALOG = Object.keys(PERMISSIONS);

describe("built-in roles", () => {
  it("are exactly the twelve roles of DESIGN.md", () => {
    expect(BUILT_IN_ROLES.map((r) => r.name).sort()).toEqual(DESIGN_ORDER.map(([name]) => name).sort());
  });

  it("are ranked strictly decreasing in DESIGN.md's order", () => {
    const ranks = DESIGN_ORDER.map(([name]) => byName(name).rank);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i], `${DESIGN_ORDER[i]?.[0]} below ${DESIGN_ORDER[i - 1]?.[0]}`).toBeLessThan(ranks[i - 1] ?? 0);
  });

  it.each(DESIGN_ORDER)("%s reaches %s", (name, reach) => {
    expect(byName(name).reach).toBe(reach);
  });

  it.each(BUILT_IN_ROLES.map((r) => [r.name, r.permissions] as const))("%s holds only catalog permissions, each once", (_, permissions) => {
    for (const p of permissions) expect(isPermission(p), p).toBe(true);
    expect(new Set(permissions).size).toBe(permissions.length);
  });

  it("gives Data Admin everything and User nothing", () => {
    expect([...perms("data_admin")].sort()).toEqual([...CATALOG].sort());
    expect(perms("user")).toEqual([]);
  });

  it("gives each tool role only its tool, and API tokens to run it from a script", () => {
    expect(perms("bulk_exporter")).toEqual(["data.export", "tokens.use"]);
    expect(perms("bulk_importer")).toEqual(["members.import", "tokens.use"]);
  });

  it("gives API tokens to Data Admin, Group Data Admin and the tool roles only (seed 000: no tokens for the Administrator or Read-only)", () => {
    expect(BUILT_IN_ROLES.filter((r) => (r.permissions as readonly string[]).includes("tokens.use")).map((r) => r.key)).toEqual([
      "data_admin",
      "bulk_exporter",
      "bulk_importer",
      "group_data_admin",
    ]);
  });

  const WRITES: Permission[] = [
    "members.create",
    "members.edit",
    "members.assignRole",
    "members.assignGroup",
    "members.setStatus",
    "members.resetCredentials",
    "members.delete",
    "groups.create",
    "groups.edit",
    "groups.delete",
    "roles.manage",
    "policies.manage",
    "restores.manage",
    "data.access",
    "data.migrate",
    "data.export",
    "members.import",
    "settings.manage",
  ];

  // What DESIGN.md's "may" column says each role holds, and what it must not.
  it.each<{ key: BuiltInRoleKey; holds: Permission[]; lacks: Permission[] }>([
    {
      key: "admin",
      holds: ["members.assignRole", "members.delete", "groups.delete", "policies.manage", "reports.run"],
      lacks: ["data.access", "data.migrate", "data.export", "members.import"],
    },
    { key: "support", holds: ["members.view", "groups.view", "policies.view", "reports.run"], lacks: WRITES },
    { key: "support_restore", holds: ["restores.manage", "reports.run"], lacks: WRITES.filter((p) => p !== "restores.manage") },
    {
      key: "support_technician",
      holds: ["members.create", "members.edit", "groups.create", "groups.edit", "restores.manage", "reports.run"],
      lacks: ["members.delete", "groups.delete", "members.assignRole", "members.assignGroup", "data.access"],
    },
    {
      key: "group_data_admin",
      holds: ["data.access", "data.migrate", "members.delete", "groups.delete", "policies.manage"],
      lacks: ["data.export", "members.import"],
    },
    {
      key: "group_admin",
      holds: ["members.assignRole", "members.delete", "groups.delete", "policies.manage", "reports.run"],
      lacks: ["data.access", "data.migrate"],
    },
    { key: "group_support_restore", holds: ["restores.manage", "reports.run"], lacks: WRITES.filter((p) => p !== "restores.manage") },
    {
      key: "group_support_technician",
      holds: ["members.edit", "groups.create", "groups.edit", "restores.manage"],
      lacks: ["members.delete", "groups.delete", "members.assignRole", "members.assignGroup"],
    },
  ])("$key holds what DESIGN.md says and nothing it denies", ({ key, holds, lacks }) => {
    for (const p of holds) expect(perms(key), `${key} holds ${p}`).toContain(p);
    for (const p of lacks) expect(perms(key), `${key} lacks ${p}`).not.toContain(p);
  });

  it.each(["group_data_admin", "group_admin", "group_support_restore", "group_support_technician"] as const)(
    "%s (subtree reach) holds no organization-only tool",
    (key) => {
      for (const tool of ["data.export", "members.import"]) expect(perms(key)).not.toContain(tool);
    },
  );

  it.each<[BuiltInRoleKey, BuiltInRoleKey]>([
    ["group_admin", "admin"],
    ["group_data_admin", "data_admin"],
    ["group_support_restore", "support_restore"],
    ["group_support_technician", "support_technician"],
  ])("%s holds only permissions of %s", (variant, wide) => {
    expect(perms(variant).filter((p) => !perms(wide).includes(p))).toEqual([]);
  });
});

describe("the permission catalog", () => {
  it.each(Object.entries(PERMISSIONS))("%s has a label and a description", (_, entry) => {
    expect(entry.label.trim()).not.toBe("");
    expect(entry.description.trim()).not.toBe("");
  });
});

// A reason a person can read: non-empty, one or more words, ending like a sentence.
const isSentence = (reason: string) => /^\S[\s\S]*\S[.!?]$/.test(reason.trim()) && reason.trim().split(/\s+/).length >= 3;

const KEYS = BUILT_IN_ROLES.map((r) => r.key);
const ACTIONS: MemberAction[] = ["view", "edit", "changeRole", "changeGroup", "setStatus", "resetCredentials", "delete"];
const PLACES: GroupName[] = ["Sales", "Paris", "Platform", "Acme", "Globex"];
const actors = KEYS.map((k) => member(k, "Sales", { id: "actor" }));
const targets = KEYS.flatMap((k) => PLACES.map((g) => member(k, g, { id: "target" })));
const owner = member("admin", "Paris", { id: "owner", isOwner: true });
const groups = Object.values(GROUPS);
const roles = KEYS.map((k) => role(k));
const facts = [
  { activeHoldersOfTargetRole: 1, topRank: 110 },
  { activeHoldersOfTargetRole: 3, topRank: 120 },
];

const SAMPLES: Record<string, () => Decision[]> = {
  decidePermission: () => actors.flatMap((a) => (CATALOG as Permission[]).map((p) => decidePermission(a, p))),
  decideSpan: () => actors.flatMap((a) => [a, ...targets].map((t) => decideSpan(a, t))),
  "decideMemberAction (console)": () => actors.flatMap((a) => [a, owner, ...targets].flatMap((t) => ACTIONS.map((x) => decideMemberAction(a, t, x)))),
  "decideMemberAction (import)": () => actors.flatMap((a) => [a, owner, ...targets].flatMap((t) => ACTIONS.map((x) => decideMemberAction(a, t, x, "import")))),
  decideAssignRole: () => actors.flatMap((a) => [...roles, role("user", "org-globex")].map((r) => decideAssignRole(a, r))),
  decideChangeRole: () => actors.flatMap((a) => targets.flatMap((t) => roles.flatMap((r) => facts.map((f) => decideChangeRole(a, t, r, f))))),
  decideChangeGroup: () => actors.flatMap((a) => targets.flatMap((t) => groups.map((g) => decideChangeGroup(a, t, g)))),
  decideViewGroup: () => actors.flatMap((a) => groups.map((g) => decideViewGroup(a, g))),
  decideCreateGroup: () => actors.flatMap((a) => groups.map((g) => decideCreateGroup(a, g))),
  decideRenameGroup: () => actors.flatMap((a) => groups.map((g) => decideRenameGroup(a, g))),
  decideMoveGroup: () => actors.flatMap((a) => groups.flatMap((g) => groups.map((p) => decideMoveGroup(a, g, p)))),
  decideDeleteGroup: () =>
    actors.flatMap((a) =>
      groups.flatMap((g) =>
        [
          { subgroups: 0, members: 0 },
          { subgroups: 1, members: 2 },
        ].map((c) => decideDeleteGroup(a, g, c)),
      ),
    ),
};

describe("every decision's reason is a sentence", () => {
  it.each(Object.keys(SAMPLES))("%s explains every answer, allowed or not", (name) => {
    const decisions = SAMPLES[name]?.() ?? [];
    expect(
      decisions.some((d) => d.allowed),
      "the sample holds approvals",
    ).toBe(true);
    expect(
      decisions.some((d) => !d.allowed),
      "the sample holds refusals",
    ).toBe(true);
    const unexplained = decisions.filter((d) => !isSentence(d.reason));
    const examples = [...new Set(unexplained.map((d) => `${d.allowed ? "allowed" : d.code}: "${d.reason}"`))].slice(0, 5);
    expect(examples, `${unexplained.length} of ${decisions.length} decisions`).toEqual([]);
  });
});
