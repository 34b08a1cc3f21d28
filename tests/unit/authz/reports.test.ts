// Reports (seed 004: "run reports for any group" for organization roles, "for their own group
// or any of its subgroups" for group roles): who may run a report on which group. Expected
// outcomes are literal data written from DESIGN.md and docs/authority.md ("Reports"), not
// from server/authz.
import { describe, expect, it } from "vitest";
import { BUILT_IN_ROLES, type BuiltInRoleKey, decideRunReport } from "@/server/authz";
import { customRole, extraGroup, GROUPS, type GroupName, member } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

// Holders of "Run reports" (docs/authority.md, "Built-in roles"): everyone administrative but
// the two tool roles; User holds nothing.
const REPORTERS: Record<BuiltInRoleKey, "ORGANIZATION" | "SUBTREE" | null> = {
  data_admin: "ORGANIZATION",
  admin: "ORGANIZATION",
  support: "ORGANIZATION",
  support_restore: "ORGANIZATION",
  support_technician: "ORGANIZATION",
  bulk_exporter: null,
  bulk_importer: null,
  group_data_admin: "SUBTREE",
  group_admin: "SUBTREE",
  group_support_restore: "SUBTREE",
  group_support_technician: "SUBTREE",
  user: null,
};

// Every actor is at home in Sales (Acme > Sales > EMEA > Paris; Acme > Engineering > Platform).
const IN_SALES_SUBTREE: Record<GroupName, boolean> = {
  Acme: false,
  Sales: true,
  EMEA: true,
  Paris: true,
  Engineering: false,
  Platform: false,
  Globex: false,
  "Globex Ops": false,
};
const ACME_GROUPS: Record<GroupName, boolean> = { ...IN_SALES_SUBTREE, Acme: true, Sales: true, Engineering: true, Platform: true };

function expected(key: BuiltInRoleKey, where: GroupName): Outcome {
  const reach = REPORTERS[key];
  if (!reach) return FORBIDDEN;
  if (reach === "ORGANIZATION") return ACME_GROUPS[where] ? ALLOWED : NOT_FOUND;
  return IN_SALES_SUBTREE[where] ? ALLOWED : NOT_FOUND;
}

describe("who runs a report on which group", () => {
  it("covers every built-in role", () => {
    expect(Object.keys(REPORTERS).sort()).toEqual(BUILT_IN_ROLES.map((r) => r.key).sort());
  });

  const cases = BUILT_IN_ROLES.flatMap(({ key }) => (Object.keys(GROUPS) as GroupName[]).map((where) => ({ key, where, expected: expected(key, where) })));
  it.each(cases)("$key on $where: $expected", ({ key, where, expected }) => {
    const decision = decideRunReport(member(key, "Sales"), GROUPS[where]);
    expectDecision(decision, expected);
    if (expected === FORBIDDEN) expect(decision.reason).toMatch(/“Run reports”/);
    if (expected === ALLOWED) expect(decision.reason).toMatch(new RegExp(`${GROUPS[where].name} and its subgroups`));
  });

  it("reads reach by path, never by a name or id that merely begins the same way", () => {
    // "/g-acme/g-sales-x/" starts with "/g-acme/g-sales" but not with Sales's path "/g-acme/g-sales/".
    const lookalike = extraGroup("g-sales-x", "Sales X", "Acme");
    expectDecision(decideRunReport(member("group_admin", "Sales"), lookalike), NOT_FOUND);
    expectDecision(decideRunReport(member("admin", "Sales"), lookalike), ALLOWED);
  });
});

describe("custom roles holding Run reports", () => {
  const reporter = (reach: "ORGANIZATION" | "SUBTREE" | "SELF", permissions: Array<"reports.run" | "members.view"> = ["reports.run"]) =>
    member("user", "EMEA", { id: `custom-${reach}`, role: customRole({ name: `Reporter ${reach}`, rank: 35, reach, permissions }) });

  it.each([
    ["ORGANIZATION", "Acme", ALLOWED],
    ["ORGANIZATION", "Platform", ALLOWED],
    ["ORGANIZATION", "Globex", NOT_FOUND],
    ["SUBTREE", "EMEA", ALLOWED],
    ["SUBTREE", "Paris", ALLOWED],
    ["SUBTREE", "Sales", NOT_FOUND],
    ["SUBTREE", "Engineering", NOT_FOUND],
    // A role reaching only its own account reaches no group, so no report either.
    ["SELF", "EMEA", NOT_FOUND],
  ] as const)("%s reach on %s: %s", (reach, where, outcome) => {
    expectDecision(decideRunReport(reporter(reach), GROUPS[where]), outcome);
  });

  it("refuses a custom role without Run reports, with the permission as the reason", () => {
    const viewer = reporter("ORGANIZATION", ["members.view"]);
    const decision = decideRunReport(viewer, GROUPS.Acme);
    expectDecision(decision, FORBIDDEN);
    expect(decision.reason).toBe("Your role Reporter ORGANIZATION does not have “Run reports”.");
  });
});
