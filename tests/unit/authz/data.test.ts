// Seed 004's data migration: who may move what a member owns, and to whom. Both people in
// the actor's span (rule 3), the recipient active and someone else, and the hand-over rule:
// a recipient seen but holding a power the actor lacks is refused with the reason. Expected
// outcomes are literal data.
import { describe, expect, it } from "vitest";
import { type BuiltInRoleKey, decideMigrateData, decideMigrateDataFrom, type MemberFacts } from "@/server/authz";
import { customRole, member } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

const active = (m: MemberFacts, isActive = true) => ({ ...m, active: isActive });

describe("decideMigrateData", () => {
  const paris = member("user", "Paris", { id: "u-paris", name: "Chloé" });
  const emea = member("user", "EMEA", { id: "u-emea", name: "Dan" });
  const platform = member("user", "Platform", { id: "u-platform", name: "Pia" });
  const globex = member("user", "Globex Ops", { id: "u-globex", name: "Gus" });
  const groupAdmin = member("group_admin", "EMEA", { id: "ga-emea", name: "Gail" });
  const peer = member("group_data_admin", "Paris", { id: "gda-paris", name: "Peer" });
  const targets = { paris, emea, platform, globex, groupAdmin, peer } as const;
  type Target = keyof typeof targets;

  it.each([
    { actor: "data_admin", from: "paris", to: "platform", expected: ALLOWED },
    { actor: "data_admin", from: "platform", to: "groupAdmin", expected: ALLOWED },
    { actor: "data_admin", from: "paris", to: "globex", expected: NOT_FOUND },
    { actor: "data_admin", from: "globex", to: "paris", expected: NOT_FOUND },
    { actor: "group_data_admin", from: "paris", to: "emea", expected: ALLOWED },
    { actor: "group_data_admin", from: "paris", to: "groupAdmin", expected: ALLOWED },
    { actor: "group_data_admin", from: "platform", to: "paris", expected: NOT_FOUND },
    { actor: "group_data_admin", from: "paris", to: "platform", expected: NOT_FOUND },
    { actor: "group_data_admin", from: "peer", to: "paris", expected: NOT_FOUND },
    { actor: "group_data_admin", from: "paris", to: "peer", expected: NOT_FOUND },
    { actor: "admin", from: "paris", to: "emea", expected: FORBIDDEN },
    { actor: "group_admin", from: "paris", to: "emea", expected: FORBIDDEN },
    { actor: "support", from: "paris", to: "emea", expected: FORBIDDEN },
    { actor: "bulk_importer", from: "paris", to: "emea", expected: FORBIDDEN },
    { actor: "bulk_exporter", from: "paris", to: "emea", expected: FORBIDDEN },
    { actor: "user", from: "paris", to: "emea", expected: FORBIDDEN },
  ] as Array<{ actor: BuiltInRoleKey; from: Target; to: Target; expected: Outcome }>)(
    "$actor (home Sales) moves $from's data to $to: $expected",
    ({ actor, from, to, expected }) => {
      expectDecision(decideMigrateData(member(actor, "Sales"), targets[from], active(targets[to])), expected);
    },
  );

  it("refuses the same member on both sides, oneself on either side, and an inactive recipient", () => {
    const gina = member("group_data_admin", "Sales", { id: "gina", name: "Gina" });
    const same = decideMigrateData(gina, paris, active(paris));
    expectDecision(same, FORBIDDEN);
    expect(same.reason).toContain("another member");
    expectDecision(decideMigrateData(gina, paris, active(gina)), FORBIDDEN);
    expectDecision(decideMigrateData(gina, gina, active(paris)), FORBIDDEN);
    const inactive = decideMigrateData(gina, paris, active(emea, false));
    expectDecision(inactive, FORBIDDEN);
    expect(inactive.reason).toContain("not an active member");
  });

  it("refuses, with the reason, a recipient seen but holding a power the actor lacks (the hand-over rule)", () => {
    // Ranked below Group Data Admin, home in its subtree, but holding the organization's audit log.
    const clerkRole = customRole({ name: "Audit Clerk", rank: 45, reach: "ORGANIZATION", permissions: ["members.view", "audit.view"] });
    const clerk = member("user", "Paris", { id: "clerk", name: "Clara", role: clerkRole });
    const gina = member("group_data_admin", "Sales", { id: "gina", name: "Gina" });
    const refused = decideMigrateData(gina, paris, active(clerk));
    expectDecision(refused, FORBIDDEN);
    expect(refused.reason).toContain("Clara cannot receive Chloé's data");
    expect(refused.reason).toContain("View audit log");
    expect(refused.reason).toContain("in your span");
    // The Data Admin holds every power, so the same recipient is in its span.
    expectDecision(decideMigrateData(member("data_admin", "Acme"), paris, active(clerk)), ALLOWED);
  });

  it("lets the owner move another top-role holder's data; other top-role holders do not see each other", () => {
    const owner = member("data_admin", "Acme", { id: "owner", isOwner: true });
    const other = member("data_admin", "Engineering", { id: "da-2", name: "Dora" });
    expectDecision(decideMigrateData(owner, other, active(paris)), ALLOWED);
    expectDecision(decideMigrateData(member("data_admin", "Acme"), other, active(paris)), NOT_FOUND);
    expectDecision(decideMigrateData(member("data_admin", "Acme"), paris, active(owner)), NOT_FOUND);
  });
});

describe("decideMigrateDataFrom (what the member's page offers)", () => {
  it.each([
    { actor: "data_admin", group: "Platform", expected: ALLOWED },
    { actor: "group_data_admin", group: "Paris", expected: ALLOWED },
    { actor: "group_data_admin", group: "Platform", expected: NOT_FOUND },
    { actor: "admin", group: "Paris", expected: FORBIDDEN },
    { actor: "group_admin", group: "Paris", expected: FORBIDDEN },
  ] as Array<{ actor: BuiltInRoleKey; group: "Paris" | "Platform"; expected: Outcome }>)(
    "$actor (home Sales) over a user in $group: $expected",
    ({ actor, group, expected }) => {
      expectDecision(decideMigrateDataFrom(member(actor, "Sales"), member("user", group)), expected);
    },
  );
});
