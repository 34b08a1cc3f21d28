// The export tool (seed 004): who runs it, and which members, groups and teams each row
// decision lets into an export. Expected outcomes are literal data written from
// docs/authority.md ("The export tool"), not from server/authz.
import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES, type BuiltInRoleKey, decideExport, decideExportGroup, decideExportMember, decideExportTeam, EXPORT_KINDS } from "@/server/authz";
import { customRole, GROUPS, type GroupName, member } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

// Holders of "Bulk export" among the built-in roles (seed 004): Data Admin and Bulk Exporter.
const EXPORTERS: BuiltInRoleKey[] = ["data_admin", "bulk_exporter"];
const KEYS = BUILT_IN_ROLES.map((r) => r.key);

describe("who runs the export tool", () => {
  const cases = KEYS.flatMap((key) => EXPORT_KINDS.map((kind) => ({ key, kind, expected: EXPORTERS.includes(key) ? ALLOWED : FORBIDDEN })));
  it.each(cases)("$key exports $kind: $expected", ({ key, kind, expected }) => {
    const decision = decideExport(member(key, "Sales"), kind);
    expectDecision(decision, expected);
    if (!decision.allowed) expect(decision.reason).toMatch(/Bulk export/);
  });
});

// Every member of Acme, of every rank, wherever they are, is in an organization-wide
// exporter's export; Globex's never are; nobody else exports anyone.
const WHERE: GroupName[] = ["Acme", "Sales", "Paris", "Platform", "Globex", "Globex Ops"];

describe("which members an export holds", () => {
  const cases = EXPORTERS.flatMap((actor) =>
    KEYS.flatMap((target) =>
      WHERE.map((where) => ({ actor, target, where, expected: (GROUPS[where].organizationId === "org-acme" ? ALLOWED : NOT_FOUND) as Outcome })),
    ),
  );
  it.each(cases)("$actor exports a $target in $where: $expected", ({ actor, target, where, expected }) => {
    const t = member(target, where, { id: `t-${target}-${where}` });
    expectDecision(decideExportMember(member(actor, "Sales"), t), expected);
  });

  it("includes the owner, whom a non-owner Data Admin does not see in the console", () => {
    const owner = member("data_admin", "Acme", { id: "owner", isOwner: true });
    expectDecision(decideExportMember(member("bulk_exporter", "Platform"), owner), ALLOWED);
    expectDecision(decideExportMember(member("data_admin", "Acme"), owner), ALLOWED);
  });

  it("refuses every row to roles without Bulk export, their own account included", () => {
    for (const key of KEYS.filter((k) => !EXPORTERS.includes(k))) {
      const actor = member(key, "Sales");
      expectDecision(decideExportMember(actor, actor), FORBIDDEN);
      expectDecision(decideExportMember(actor, member("user", "Paris")), FORBIDDEN);
    }
  });

  // Custom roles get "Bulk export" only with organization reach (custom-roles.ts); the rows of
  // a narrower role are still decided by its reach, so the decision is total.
  it("follows reach for a narrower role holding Bulk export", () => {
    const subtree = member("user", "Sales", {
      id: "sub",
      role: customRole({ name: "Sales Exporter", rank: 45, reach: "SUBTREE", permissions: ["data.export"] }),
    });
    expectDecision(decideExportMember(subtree, member("group_admin", "Paris")), ALLOWED);
    expectDecision(decideExportMember(subtree, member("data_admin", "Sales")), ALLOWED);
    expectDecision(decideExportMember(subtree, member("user", "Platform")), NOT_FOUND);
    expectDecision(decideExportMember(subtree, member("user", "Acme")), NOT_FOUND);
    const self = member("user", "Sales", { id: "self", role: customRole({ name: "Self Exporter", rank: 5, reach: "SELF", permissions: ["data.export"] }) });
    expectDecision(decideExportMember(self, self), ALLOWED);
    expectDecision(decideExportMember(self, member("user", "Sales")), NOT_FOUND);
  });
});

describe("which groups and teams an export holds", () => {
  const groups: Array<[GroupName, Outcome]> = [
    ["Acme", ALLOWED],
    ["Paris", ALLOWED],
    ["Platform", ALLOWED],
    ["Globex", NOT_FOUND],
  ];
  it.each(groups)("the Bulk Exporter exports the group %s: %s", (where, expected) => {
    expectDecision(decideExportGroup(member("bulk_exporter", "Sales"), GROUPS[where]), expected);
    expectDecision(decideExportTeam(member("bulk_exporter", "Sales"), { organizationId: GROUPS[where].organizationId, group: GROUPS[where] }), expected);
  });

  it("holds organization-wide teams for organization reach only, and no group or team without Bulk export", () => {
    const acmeWide = { organizationId: "org-acme", group: null };
    expectDecision(decideExportTeam(member("bulk_exporter", "Paris"), acmeWide), ALLOWED);
    expectDecision(decideExportTeam(member("bulk_exporter", "Paris"), { organizationId: "org-globex", group: null }), NOT_FOUND);
    const subtree = member("user", "Sales", {
      id: "sub",
      role: customRole({ name: "Sales Exporter", rank: 45, reach: "SUBTREE", permissions: ["data.export"] }),
    });
    expectDecision(decideExportTeam(subtree, acmeWide), NOT_FOUND);
    expectDecision(decideExportTeam(subtree, { organizationId: "org-acme", group: GROUPS.EMEA }), ALLOWED);
    expectDecision(decideExportGroup(member("admin", "Acme"), GROUPS.Paris), FORBIDDEN);
    expectDecision(decideExportTeam(member("group_data_admin", "Sales"), { organizationId: "org-acme", group: GROUPS.EMEA }), FORBIDDEN);
  });
});
