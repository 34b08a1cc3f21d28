// Rule 4 (no escalation) and rule 6 (safety rails) for role assignment. Expected outcomes
// are literal data from DESIGN.md: a role may be given only if ranked strictly below the
// actor's, made of permissions the actor holds, and (for subtree actors) not reaching
// the whole organization.
import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES, type BuiltInRoleKey, decideAssignRole, decideChangeRole, decideMemberAction, type MemberAction } from "@/server/authz";
import { customRole, GLOBEX, member, type OrgRole, role } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

const KEYS = BUILT_IN_ROLES.map((r) => r.key);

// Which built-in roles each role may give. Giving a role needs "Assign roles" (rule 2),
// which only the admin roles hold. Admin lacks the data powers and both tools, so it
// cannot give Group Data Admin, Bulk Exporter or Bulk Importer.
const ASSIGNABLE: Record<BuiltInRoleKey, BuiltInRoleKey[]> = {
  data_admin: [
    "admin",
    "support",
    "support_restore",
    "support_technician",
    "bulk_exporter",
    "bulk_importer",
    "group_data_admin",
    "group_admin",
    "group_support_restore",
    "group_support_technician",
    "user",
  ],
  admin: ["support", "support_restore", "support_technician", "group_admin", "group_support_restore", "group_support_technician", "user"],
  support: [],
  support_restore: [],
  support_technician: [],
  bulk_exporter: [],
  bulk_importer: [],
  group_data_admin: ["group_admin", "group_support_restore", "group_support_technician", "user"],
  group_admin: ["group_support_restore", "group_support_technician", "user"],
  group_support_restore: [],
  group_support_technician: [],
  user: [],
};

describe("decideAssignRole over the built-in roles", () => {
  const cases = KEYS.flatMap((actor) => KEYS.map((given) => ({ actor, given, expected: ASSIGNABLE[actor].includes(given) ? ALLOWED : FORBIDDEN })));
  it.each(cases)("$actor gives $given: $expected", ({ actor, given, expected }) => {
    expectDecision(decideAssignRole(member(actor, "Sales"), role(given)), expected);
  });

  it("never lets a role give itself or any role ranked above it", () => {
    for (const actor of KEYS) {
      const rank = role(actor).rank;
      for (const given of KEYS.filter((k) => role(k).rank >= rank)) {
        expectDecision(decideAssignRole(member(actor, "Sales"), role(given)), FORBIDDEN);
      }
    }
  });

  it("refuses a role of another organization as NOT_FOUND, whatever its rank", () => {
    for (const given of ["user", "admin"] as const) {
      expectDecision(decideAssignRole(member("data_admin", "Acme"), role(given, GLOBEX)), NOT_FOUND);
    }
  });
});

describe("decideAssignRole over custom roles", () => {
  const viewerWide = customRole({ name: "Org Viewer", rank: 15, reach: "ORGANIZATION", permissions: ["members.view"] });
  const viewerLocal = customRole({ name: "Local Viewer", rank: 15, reach: "SUBTREE", permissions: ["members.view"] });
  const dataPeeker = customRole({ name: "Data Peeker", rank: 5, reach: "SELF", permissions: ["data.access"] });

  // Same rank and permissions, two reaches: only the reach differs for subtree actors.
  it.each([
    { actor: "data_admin", wide: ALLOWED, local: ALLOWED },
    { actor: "admin", wide: ALLOWED, local: ALLOWED },
    { actor: "support", wide: FORBIDDEN, local: FORBIDDEN },
    { actor: "support_restore", wide: FORBIDDEN, local: FORBIDDEN },
    { actor: "support_technician", wide: FORBIDDEN, local: FORBIDDEN },
    { actor: "bulk_exporter", wide: FORBIDDEN, local: FORBIDDEN },
    { actor: "bulk_importer", wide: FORBIDDEN, local: FORBIDDEN },
    { actor: "group_data_admin", wide: FORBIDDEN, local: ALLOWED },
    { actor: "group_admin", wide: FORBIDDEN, local: ALLOWED },
    { actor: "group_support_restore", wide: FORBIDDEN, local: FORBIDDEN },
    { actor: "group_support_technician", wide: FORBIDDEN, local: FORBIDDEN },
    { actor: "user", wide: FORBIDDEN, local: FORBIDDEN },
  ] as Array<{ actor: BuiltInRoleKey; wide: Outcome; local: Outcome }>)("$actor: organization-reach $wide, subtree-reach $local", ({ actor, wide, local }) => {
    expectDecision(decideAssignRole(member(actor, "Sales"), viewerWide), wide);
    expectDecision(decideAssignRole(member(actor, "Sales"), viewerLocal), local);
  });

  it("refuses a low-ranked role carrying a power the actor lacks", () => {
    expectDecision(decideAssignRole(member("admin", "Acme"), dataPeeker), FORBIDDEN);
    expectDecision(decideAssignRole(member("group_admin", "Sales"), dataPeeker), FORBIDDEN);
    expectDecision(decideAssignRole(member("group_data_admin", "Sales"), dataPeeker), ALLOWED);
  });

  it("refuses a custom role of another organization as NOT_FOUND", () => {
    const foreign = customRole({ name: "Foreign", rank: 5, reach: "SELF", permissions: [], organizationId: GLOBEX });
    expectDecision(decideAssignRole(member("data_admin", "Acme"), foreign), NOT_FOUND);
  });
});

describe("decideChangeRole", () => {
  const many = { activeHoldersOfTargetRole: 5, topRank: 120 };
  const orgViewer = customRole({ name: "Org Viewer", rank: 15, reach: "ORGANIZATION", permissions: ["members.view"] });
  type ChangeCase = { name: string; actor: ReturnType<typeof member>; target: ReturnType<typeof member>; to: OrgRole; expected: Outcome };

  it.each<ChangeCase>([
    {
      name: "Admin promotes a User to Group Admin",
      actor: member("admin", "Acme"),
      target: member("user", "EMEA"),
      to: role("group_admin"),
      expected: ALLOWED,
    },
    {
      name: "Admin gives Group Data Admin (data powers it lacks)",
      actor: member("admin", "Acme"),
      target: member("user", "EMEA"),
      to: role("group_data_admin"),
      expected: FORBIDDEN,
    },
    { name: "Admin gives its own role", actor: member("admin", "Acme"), target: member("user", "EMEA"), to: role("admin"), expected: FORBIDDEN },
    {
      name: "Admin gives the Bulk Importer tool it lacks",
      actor: member("admin", "Acme"),
      target: member("user", "EMEA"),
      to: role("bulk_importer"),
      expected: FORBIDDEN,
    },
    {
      name: "Admin re-roles a Group Data Admin (seen, but holding data powers Admin lacks)",
      actor: member("admin", "Acme"),
      target: member("group_data_admin", "EMEA"),
      to: role("user"),
      expected: FORBIDDEN,
    },
    { name: "Admin re-roles itself", actor: member("admin", "Acme"), target: member("admin", "Acme"), to: role("user"), expected: FORBIDDEN },
    {
      name: "Admin re-roles a member of another organization",
      actor: member("admin", "Acme"),
      target: member("user", "Globex"),
      to: role("user"),
      expected: NOT_FOUND,
    },
    {
      name: "Data Admin gives a role of another organization",
      actor: member("data_admin", "Acme"),
      target: member("user", "EMEA"),
      to: role("support", GLOBEX),
      expected: NOT_FOUND,
    },
    {
      name: "Group Admin demotes a Group Support Technician in its subtree",
      actor: member("group_admin", "Sales"),
      target: member("group_support_technician", "Paris"),
      to: role("user"),
      expected: ALLOWED,
    },
    {
      name: "Group Admin gives an organization-reach role",
      actor: member("group_admin", "Sales"),
      target: member("user", "Paris"),
      to: orgViewer,
      expected: FORBIDDEN,
    },
    {
      name: "Group Admin re-roles outside its subtree",
      actor: member("group_admin", "Sales"),
      target: member("user", "Platform"),
      to: role("group_support_technician"),
      expected: NOT_FOUND,
    },
    {
      name: "Support (no Assign roles) re-roles a User",
      actor: member("support", "Acme"),
      target: member("user", "EMEA"),
      to: role("user"),
      expected: FORBIDDEN,
    },
    {
      name: "Support Technician (creates as User only) re-roles a User",
      actor: member("support_technician", "Acme"),
      target: member("user", "EMEA"),
      to: role("group_support_technician"),
      expected: FORBIDDEN,
    },
    { name: "Bulk Importer re-roles a User", actor: member("bulk_importer", "Acme"), target: member("user", "EMEA"), to: role("user"), expected: FORBIDDEN },
  ])("$name: $expected", ({ actor, target, to, expected }) => {
    expectDecision(decideChangeRole(actor, target, to, many), expected);
  });

  // The top role's last active holder cannot be removed: the rail fires only when the
  // target's rank is the top rank AND at most one active member holds that role.
  it.each([
    { activeHoldersOfTargetRole: 1, topRank: 110, expected: FORBIDDEN },
    { activeHoldersOfTargetRole: 0, topRank: 110, expected: FORBIDDEN },
    { activeHoldersOfTargetRole: 2, topRank: 110, expected: ALLOWED },
    { activeHoldersOfTargetRole: 1, topRank: 120, expected: ALLOWED },
  ] as Array<{ activeHoldersOfTargetRole: number; topRank: number; expected: Outcome }>)(
    "Data Admin demotes an Admin with $activeHoldersOfTargetRole active holder(s), top rank $topRank: $expected",
    ({ expected, ...facts }) => {
      expectDecision(decideChangeRole(member("data_admin", "Acme"), member("admin", "Sales"), role("support"), facts), expected);
    },
  );

  it("names the last holder rail in its refusal", () => {
    const decision = decideChangeRole(member("data_admin", "Acme"), member("admin", "Sales"), role("support"), { activeHoldersOfTargetRole: 1, topRank: 110 });
    expectDecision(decision, FORBIDDEN);
    expect(decision.reason).toMatch(/last/i);
  });
});

describe("the owner cannot be re-roled, disabled or deleted", () => {
  // An owner holding Admin is inside a Data Admin's span, so only the owner rail refuses.
  const ownerAdmin = member("admin", "Sales", { id: "owner", isOwner: true });
  const ownerDataAdmin = member("data_admin", "Acme", { id: "owner", isOwner: true });
  const ownerUser = member("user", "Paris", { id: "owner", isOwner: true });

  it.each<{ action: MemberAction; expected: Outcome }>([
    { action: "changeRole", expected: FORBIDDEN },
    { action: "setStatus", expected: FORBIDDEN },
    { action: "delete", expected: FORBIDDEN },
    { action: "edit", expected: ALLOWED },
    { action: "changeGroup", expected: ALLOWED },
    { action: "resetCredentials", expected: ALLOWED },
    { action: "view", expected: ALLOWED },
  ])("Data Admin may $action an owner holding Admin from the console: $expected", ({ action, expected }) => {
    expectDecision(decideMemberAction(member("data_admin", "Acme"), ownerAdmin, action), expected);
  });

  it("refuses re-roling the owner through decideChangeRole", () => {
    expectDecision(decideChangeRole(member("data_admin", "Acme"), ownerAdmin, role("support"), { activeHoldersOfTargetRole: 3, topRank: 120 }), FORBIDDEN);
  });

  it.each<{ owner: ReturnType<typeof member>; action: MemberAction; expected: Outcome }>([
    { owner: ownerDataAdmin, action: "setStatus", expected: FORBIDDEN },
    { owner: ownerDataAdmin, action: "delete", expected: FORBIDDEN },
    { owner: ownerDataAdmin, action: "changeRole", expected: FORBIDDEN },
    { owner: ownerDataAdmin, action: "edit", expected: ALLOWED },
    { owner: ownerUser, action: "setStatus", expected: FORBIDDEN },
    { owner: ownerUser, action: "delete", expected: FORBIDDEN },
    { owner: ownerUser, action: "edit", expected: ALLOWED },
  ])("Bulk Importer may $action the owner ($owner.role.name) through the import tool: $expected", ({ owner, action, expected }) => {
    expectDecision(decideMemberAction(member("bulk_importer", "Engineering"), owner, action, "import"), expected);
  });

  it("refuses the owner rail to the Data Admin's import path too", () => {
    expectDecision(decideMemberAction(member("data_admin", "Engineering"), ownerUser, "delete", "import"), FORBIDDEN);
    expectDecision(decideMemberAction(member("data_admin", "Engineering"), ownerAdmin, "setStatus", "import"), FORBIDDEN);
  });
});
