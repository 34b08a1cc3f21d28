// Member lifecycle decisions: creating (rule 4 with seed 004's technicians), disabling
// (rule 6's last top-role holder) and resetting credentials (a password belongs to one
// person across organizations). Expected outcomes are literal data.
import { describe, expect, it } from "vitest";
import {
  type BuiltInRoleKey,
  decideCreateMember,
  decideDeleteMember,
  decideDisableTwoFactor,
  decideTwoFactorRequired,
  decideEditMember,
  decideResetCredentials,
  decideSessionInOrganization,
  decideSetStatus,
  decideTransferOwnership,
} from "@/server/authz";
import { GLOBEX, GROUPS, member, role, type GroupName } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

describe("decideCreateMember", () => {
  it.each([
    { actor: "data_admin", group: "Engineering", given: "admin", expected: ALLOWED },
    { actor: "admin", group: "Paris", given: "group_admin", expected: ALLOWED },
    { actor: "admin", group: "Paris", given: "group_data_admin", expected: FORBIDDEN },
    { actor: "admin", group: "Paris", given: "admin", expected: FORBIDDEN },
    { actor: "support_technician", group: "Engineering", given: "user", expected: ALLOWED },
    { actor: "support_technician", group: "Engineering", given: "group_support_technician", expected: FORBIDDEN },
    { actor: "group_support_technician", group: "EMEA", given: "user", expected: ALLOWED },
    { actor: "group_support_technician", group: "Engineering", given: "user", expected: NOT_FOUND },
    { actor: "group_admin", group: "Paris", given: "group_support_restore", expected: ALLOWED },
    { actor: "group_admin", group: "Paris", given: "support_restore", expected: FORBIDDEN },
    { actor: "group_admin", group: "Platform", given: "user", expected: NOT_FOUND },
    { actor: "support", group: "Sales", given: "user", expected: FORBIDDEN },
    { actor: "bulk_importer", group: "Sales", given: "user", expected: FORBIDDEN },
    { actor: "user", group: "Sales", given: "user", expected: FORBIDDEN },
  ] as Array<{ actor: BuiltInRoleKey; group: GroupName; given: BuiltInRoleKey; expected: Outcome }>)(
    "$actor (home Sales) creates a $given in $group: $expected",
    ({ actor, group, given, expected }) => {
      expectDecision(decideCreateMember(member(actor, "Sales"), GROUPS[group], role(given)), expected);
    },
  );

  it("refuses another organization's role as NOT_FOUND", () => {
    expectDecision(decideCreateMember(member("data_admin", "Acme"), GROUPS.Sales, role("user", GLOBEX)), NOT_FOUND);
  });
});

describe("decideSetStatus", () => {
  const facts = (holders: number) => ({ activeHoldersOfTargetRole: holders, topRank: 120 });

  it("lets an admin disable and enable a lower-ranked member in span", () => {
    expectDecision(decideSetStatus(member("admin", "Acme"), member("user", "Paris"), "DISABLED", facts(5)), ALLOWED);
    expectDecision(decideSetStatus(member("group_admin", "Sales"), member("user", "Paris"), "ACTIVE", facts(5)), ALLOWED);
  });

  it("never disables the owner, even through the import tool", () => {
    const owner = member("data_admin", "Acme", { isOwner: true });
    expectDecision(decideSetStatus(member("bulk_importer", "Acme"), owner, "DISABLED", facts(3), "import"), FORBIDDEN);
  });

  it("keeps the last active holder of the top role", () => {
    const lastDataAdmin = member("data_admin", "Acme", { id: "m-last" });
    expectDecision(decideSetStatus(member("bulk_importer", "Acme"), lastDataAdmin, "DISABLED", facts(1), "import"), FORBIDDEN);
    expectDecision(decideSetStatus(member("bulk_importer", "Acme"), lastDataAdmin, "DISABLED", facts(2), "import"), ALLOWED);
    expectDecision(decideSetStatus(member("bulk_importer", "Acme"), lastDataAdmin, "ACTIVE", facts(1), "import"), ALLOWED);
  });

  it("refuses technicians, who cannot change status", () => {
    expectDecision(decideSetStatus(member("support_technician", "Acme"), member("user", "Paris"), "DISABLED", facts(5)), FORBIDDEN);
  });
});

describe("decideResetCredentials", () => {
  it("resets only for members of this organization alone", () => {
    expectDecision(decideResetCredentials(member("admin", "Acme"), member("user", "Paris"), { otherOrganizations: 0 }), ALLOWED);
    expectDecision(decideResetCredentials(member("admin", "Acme"), member("user", "Paris"), { otherOrganizations: 1 }), FORBIDDEN);
  });

  it("follows span and permission first", () => {
    expectDecision(decideResetCredentials(member("group_admin", "Sales"), member("user", "Platform"), { otherOrganizations: 0 }), NOT_FOUND);
    expectDecision(decideResetCredentials(member("support_technician", "Acme"), member("user", "Paris"), { otherOrganizations: 0 }), FORBIDDEN);
  });
});

describe("decideDeleteMember", () => {
  const facts = (holders: number) => ({ activeHoldersOfTargetRole: holders, topRank: 120 });
  it.each([
    { actor: "admin", home: "Acme", target: "user", at: "Paris", expected: ALLOWED },
    { actor: "group_admin", home: "Sales", target: "user", at: "Paris", expected: ALLOWED },
    { actor: "group_admin", home: "Sales", target: "user", at: "Platform", expected: NOT_FOUND },
    { actor: "support_technician", home: "Acme", target: "user", at: "Paris", expected: FORBIDDEN },
    { actor: "group_support_technician", home: "Sales", target: "user", at: "Paris", expected: FORBIDDEN },
    { actor: "admin", home: "Acme", target: "group_data_admin", at: "Paris", expected: FORBIDDEN },
  ] as Array<{ actor: BuiltInRoleKey; home: GroupName; target: BuiltInRoleKey; at: GroupName; expected: Outcome }>)(
    "$actor in $home deletes a $target in $at: $expected",
    ({ actor, home, target, at, expected }) => {
      expectDecision(decideDeleteMember(member(actor, home), member(target, at), facts(5)), expected);
    },
  );

  it("the import tool deletes end users only, never the owner nor the last top-role holder", () => {
    const importer = member("bulk_importer", "Acme");
    expectDecision(decideDeleteMember(importer, member("user", "Paris"), facts(5), "import"), ALLOWED);
    expectDecision(decideDeleteMember(importer, member("group_admin", "Paris"), facts(5), "import"), FORBIDDEN);
    expectDecision(decideDeleteMember(importer, member("data_admin", "Acme", { isOwner: true }), facts(3), "import"), FORBIDDEN);
  });
});

describe("decideEditMember", () => {
  it("edits people of this organization alone, in span", () => {
    expectDecision(decideEditMember(member("support_technician", "Acme"), member("user", "Paris"), { otherOrganizations: 0 }), ALLOWED);
    expectDecision(decideEditMember(member("support_technician", "Acme"), member("user", "Paris"), { otherOrganizations: 2 }), FORBIDDEN);
    expectDecision(decideEditMember(member("support", "Acme"), member("user", "Paris"), { otherOrganizations: 0 }), FORBIDDEN);
    expectDecision(decideEditMember(member("bulk_importer", "Acme"), member("admin", "Acme"), { otherOrganizations: 0 }, "import"), ALLOWED);
  });
});

describe("decideTransferOwnership", () => {
  const owner = member("data_admin", "Acme", { id: "owner", isOwner: true });
  const active = (m: ReturnType<typeof member>, isActive = true) => ({ ...m, active: isActive });
  it.each([
    { name: "owner to another active Data Admin", actor: owner, target: active(member("data_admin", "Sales")), expected: ALLOWED },
    { name: "owner to an Admin", actor: owner, target: active(member("admin", "Sales")), expected: FORBIDDEN },
    { name: "owner to a disabled Data Admin", actor: owner, target: active(member("data_admin", "Sales"), false), expected: FORBIDDEN },
    { name: "owner to themself", actor: owner, target: active(owner), expected: FORBIDDEN },
    { name: "a non-owner Data Admin", actor: member("data_admin", "Sales"), target: active(member("data_admin", "EMEA")), expected: FORBIDDEN },
    { name: "owner to another organization", actor: owner, target: active(member("data_admin", "Globex")), expected: NOT_FOUND },
  ])("$name: $expected", ({ actor, target, expected }) => {
    expectDecision(decideTransferOwnership(actor, target, { topRank: 120 }), expected);
  });
});

describe("the owner stands just above the other holders of their role", () => {
  const owner = member("data_admin", "Acme", { id: "owner", isOwner: true });
  const otherDataAdmin = member("data_admin", "Sales", { id: "dora" });

  it("lets the owner appoint and manage other Data Admins, and nobody else", () => {
    expectDecision(decideCreateMember(owner, GROUPS.Sales, role("data_admin")), ALLOWED);
    expectDecision(decideCreateMember(otherDataAdmin, GROUPS.Sales, role("data_admin")), FORBIDDEN);
    expectDecision(decideSetStatus(owner, otherDataAdmin, "DISABLED", { activeHoldersOfTargetRole: 2, topRank: 120 }), ALLOWED);
    expectDecision(decideSetStatus(otherDataAdmin, owner, "DISABLED", { activeHoldersOfTargetRole: 2, topRank: 120 }), NOT_FOUND);
    expectDecision(decideSetStatus(otherDataAdmin, member("data_admin", "EMEA"), "DISABLED", { activeHoldersOfTargetRole: 3, topRank: 120 }), NOT_FOUND);
  });
});

describe("decideDisableTwoFactor", () => {
  it("follows the credentials-reset rules, and needs a second factor to turn off", () => {
    const facts = { otherOrganizations: 0, hasTwoFactor: true };
    expectDecision(decideDisableTwoFactor(member("admin", "Acme"), member("user", "Paris"), facts), ALLOWED);
    expectDecision(decideDisableTwoFactor(member("admin", "Acme"), member("user", "Paris"), { ...facts, hasTwoFactor: false }), FORBIDDEN);
    expectDecision(decideDisableTwoFactor(member("admin", "Acme"), member("user", "Paris"), { ...facts, otherOrganizations: 1 }), FORBIDDEN);
    expectDecision(decideDisableTwoFactor(member("group_admin", "Sales"), member("user", "Platform"), facts), NOT_FOUND);
    expectDecision(decideDisableTwoFactor(member("support_technician", "Acme"), member("user", "Paris"), facts), FORBIDDEN);
  });
});

describe("decideTwoFactorRequired", () => {
  it.each([
    { policy: "OFF", role: "data_admin", required: false },
    { policy: "ADMINS", role: "group_support_technician", required: true },
    { policy: "ADMINS", role: "bulk_exporter", required: true },
    { policy: "ADMINS", role: "user", required: false },
    { policy: "EVERYONE", role: "user", required: true },
  ] as const)("$policy for $role: $required", ({ policy, role: key, required }) => {
    expect(decideTwoFactorRequired(policy, role(key)).allowed).toBe(required);
  });
});

describe("decideSessionInOrganization (rule 9: disabling ends sessions, enabling revives none)", () => {
  const at = (iso: string) => new Date(`2026-12-01T${iso}Z`);
  it.each([
    { started: "09:00:00", validFrom: null, outcome: ALLOWED },
    { started: "09:00:00", validFrom: "10:00:00", outcome: NOT_FOUND },
    { started: "10:00:00", validFrom: "10:00:00", outcome: NOT_FOUND },
    { started: "10:00:01", validFrom: "10:00:00", outcome: ALLOWED },
    { started: null, validFrom: "10:00:00", outcome: NOT_FOUND },
    { started: null, validFrom: null, outcome: ALLOWED },
  ] as const)("a session begun at $started, valid from $validFrom: $outcome", ({ started, validFrom, outcome }) => {
    expectDecision(decideSessionInOrganization(started ? at(started) : null, validFrom ? at(validFrom) : null), outcome);
  });
});
