// Group policies, pure: the effective policy along a chain (strictest wins, the root may
// loosen a default), subgroups only tighten, who may set a policy (table over the built-in
// roles at home in Sales), email domains and session lifetimes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUILT_IN_ROLES,
  decideEmailDomain,
  decideHomePolicyChange,
  decideManagePolicy,
  decidePolicyTightens,
  decideSessionLifetime,
  decideViewPolicy,
  DEFAULT_POLICY,
  effectivePolicy,
  type BuiltInRoleKey,
  type GroupPolicyLink,
  type PolicySettings,
} from "@/server/authz";
import { GROUPS, member, type GroupName } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

const NONE: PolicySettings = {
  twoFactor: null,
  minPasswordLength: null,
  sessionLifetimeHours: null,
  invitationTtlDays: null,
  allowedEmailDomains: null,
  tokenLifetimeDays: null,
};
const link = (name: string, settings: Partial<PolicySettings>): GroupPolicyLink => ({
  groupId: `g-${name}`,
  groupName: name,
  settings: { ...NONE, ...settings },
});

describe("effectivePolicy", () => {
  it("is the default with no settings anywhere", () => {
    const p = effectivePolicy([link("Acme", {}), link("Sales", {})]);
    expect(p.values).toEqual(DEFAULT_POLICY);
    expect(Object.values(p.sources).every((s) => s === null)).toBe(true);
  });

  it("takes the root's values even looser than the default, and only tighter ones below", () => {
    const p = effectivePolicy([
      link("Acme", { invitationTtlDays: 30, twoFactor: "ADMINS", allowedEmailDomains: ["a.test", "b.test"] }),
      link("Sales", { invitationTtlDays: 60, twoFactor: "EVERYONE", minPasswordLength: 16, allowedEmailDomains: ["b.test", "c.test"] }),
      link("EMEA", { twoFactor: "OFF", minPasswordLength: 12, sessionLifetimeHours: 8 }),
      link("Paris", { sessionLifetimeHours: 8 }),
    ]);
    expect(p.values).toEqual({
      invitationTtlDays: 30,
      twoFactor: "EVERYONE",
      minPasswordLength: 16,
      sessionLifetimeHours: 8,
      allowedEmailDomains: ["b.test"],
      tokenLifetimeDays: DEFAULT_POLICY.tokenLifetimeDays,
    });
    expect(p.sources.invitationTtlDays?.groupName).toBe("Acme");
    expect(p.sources.twoFactor?.groupName).toBe("Sales");
    expect(p.sources.minPasswordLength?.groupName).toBe("Sales");
    expect(p.sources.sessionLifetimeHours?.groupName).toBe("EMEA");
    expect(p.sources.allowedEmailDomains?.groupName).toBe("Sales");
  });

  // A property an implementation that ignored settings (or always took the root's) would fail.
  it("is at least as strict as every subgroup's own setting, and equal to one of them or the root's", () => {
    const settings = fc.record({
      twoFactor: fc.constantFrom(null, "OFF", "ADMINS", "EVERYONE"),
      minPasswordLength: fc.option(fc.integer({ min: 10, max: 128 }), { nil: null }),
      sessionLifetimeHours: fc.option(fc.integer({ min: 1, max: 2160 }), { nil: null }),
      invitationTtlDays: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
      allowedEmailDomains: fc.constant(null),
    }) as fc.Arbitrary<PolicySettings>;
    fc.assert(
      fc.property(fc.array(settings, { minLength: 1, maxLength: 6 }), (chain) => {
        const p = effectivePolicy(chain.map((s, i) => link(`G${i}`, s)));
        const set = (k: "minPasswordLength" | "invitationTtlDays" | "sessionLifetimeHours") => chain.map((s) => s[k]).filter((v): v is number => v !== null);
        const lengths = set("minPasswordLength");
        if (lengths.length) expect(p.values.minPasswordLength).toBe(Math.max(...lengths.slice(1), lengths[0]!));
        const below = chain
          .slice(1)
          .map((s) => s.invitationTtlDays)
          .filter((v): v is number => v !== null);
        for (const v of below) expect(p.values.invitationTtlDays).toBeLessThanOrEqual(v);
        const ttl = set("invitationTtlDays");
        expect(ttl.length ? ttl : [DEFAULT_POLICY.invitationTtlDays]).toContain(p.values.invitationTtlDays);
        const hours = set("sessionLifetimeHours");
        expect(p.values.sessionLifetimeHours).toBe(hours.length ? Math.min(...hours) : null);
      }),
    );
  });
});

describe("the API token lifetime (0: no limit)", () => {
  it("is a year by default; the root may lift the limit (0) and a subgroup may then set one", () => {
    expect(effectivePolicy([]).values.tokenLifetimeDays).toBe(365);
    expect(effectivePolicy([link("Acme", { tokenLifetimeDays: 0 })]).values.tokenLifetimeDays).toBe(0);
    const below = effectivePolicy([link("Acme", { tokenLifetimeDays: 0 }), link("Sales", { tokenLifetimeDays: 30 })]);
    expect(below.values.tokenLifetimeDays).toBe(30);
    expect(below.sources.tokenLifetimeDays?.groupName).toBe("Sales");
    // "No limit" below a limit is a loosening: it does not apply.
    expect(effectivePolicy([link("Acme", { tokenLifetimeDays: 90 }), link("Sales", { tokenLifetimeDays: 0 })]).values.tokenLifetimeDays).toBe(90);
  });

  it("lets a subgroup tighten it but never lift it to no limit or lengthen it", () => {
    const limited = effectivePolicy([link("Acme", { tokenLifetimeDays: 90 })]);
    expectDecision(decidePolicyTightens("Sales", { ...NONE, tokenLifetimeDays: 30 }, limited), ALLOWED);
    expectDecision(decidePolicyTightens("Sales", { ...NONE, tokenLifetimeDays: 91 }, limited), FORBIDDEN);
    expectDecision(decidePolicyTightens("Sales", { ...NONE, tokenLifetimeDays: 0 }, limited), FORBIDDEN);
    const open = effectivePolicy([link("Acme", { tokenLifetimeDays: 0 })]);
    expectDecision(decidePolicyTightens("Sales", { ...NONE, tokenLifetimeDays: 0 }, open), ALLOWED);
    expectDecision(decidePolicyTightens("Sales", { ...NONE, tokenLifetimeDays: 365 }, open), ALLOWED);
  });
});

describe("decidePolicyTightens", () => {
  const inherited = effectivePolicy([
    link("Sales", { twoFactor: "ADMINS", minPasswordLength: 14, sessionLifetimeHours: 8, invitationTtlDays: 5, allowedEmailDomains: ["a.test", "b.test"] }),
  ]);
  const cases: Array<[string, Partial<PolicySettings>, Outcome]> = [
    ["nothing set", {}, ALLOWED],
    [
      "the same values",
      { twoFactor: "ADMINS", minPasswordLength: 14, sessionLifetimeHours: 8, invitationTtlDays: 5, allowedEmailDomains: ["b.test", "a.test"] },
      ALLOWED,
    ],
    ["two factors for everyone", { twoFactor: "EVERYONE" }, ALLOWED],
    ["two factors optional", { twoFactor: "OFF" }, FORBIDDEN],
    ["longer passwords", { minPasswordLength: 20 }, ALLOWED],
    ["shorter passwords", { minPasswordLength: 12 }, FORBIDDEN],
    ["shorter sessions", { sessionLifetimeHours: 2 }, ALLOWED],
    ["longer sessions", { sessionLifetimeHours: 9 }, FORBIDDEN],
    ["shorter invitations", { invitationTtlDays: 1 }, ALLOWED],
    ["longer invitations", { invitationTtlDays: 6 }, FORBIDDEN],
    ["fewer domains", { allowedEmailDomains: ["a.test"] }, ALLOWED],
    ["another domain", { allowedEmailDomains: ["a.test", "c.test"] }, FORBIDDEN],
  ];
  it.each(cases)("%s", (_, settings, expected) => {
    expectDecision(decidePolicyTightens("EMEA", { ...NONE, ...settings }, inherited), expected);
  });

  it("lets the root set anything, and a subgroup set a limit where none is inherited", () => {
    expectDecision(decidePolicyTightens("Acme", { ...NONE, twoFactor: "OFF", invitationTtlDays: 90 }, null), ALLOWED);
    expectDecision(decidePolicyTightens("EMEA", { ...NONE, sessionLifetimeHours: 2000 }, effectivePolicy([])), ALLOWED);
    expectDecision(decidePolicyTightens("EMEA", { ...NONE, allowedEmailDomains: ["x.test"] }, effectivePolicy([])), ALLOWED);
  });
});

describe("who may see and set a group's policy (actor at home in Sales)", () => {
  const MANAGERS: BuiltInRoleKey[] = ["data_admin", "admin", "group_data_admin", "group_admin"];
  const VIEWERS: BuiltInRoleKey[] = [...MANAGERS, "support"];
  const ORGANIZATION_REACH = new Set<string>(BUILT_IN_ROLES.filter((r) => r.reach === "ORGANIZATION").map((r) => r.key));
  const targets: GroupName[] = ["Acme", "Sales", "EMEA", "Engineering", "Globex"];
  for (const definition of BUILT_IN_ROLES) {
    const key = definition.key as BuiltInRoleKey;
    it(`${key}`, () => {
      const actor = member(key, "Sales");
      for (const target of targets) {
        const group = GROUPS[target];
        const inReach = target !== "Globex" && definition.reach !== "SELF" && (ORGANIZATION_REACH.has(key) || ["Sales", "EMEA"].includes(target));
        const manage: Outcome = !inReach ? NOT_FOUND : MANAGERS.includes(key) ? ALLOWED : FORBIDDEN;
        const view: Outcome = !inReach ? NOT_FOUND : VIEWERS.includes(key) ? ALLOWED : FORBIDDEN;
        expectDecision(decideManagePolicy(actor, group), manage);
        expectDecision(decideViewPolicy(actor, group), view);
      }
    });
  }
});

describe("decideHomePolicyChange", () => {
  const before = effectivePolicy([link("Acme", { invitationTtlDays: 10 }), link("Sales", { twoFactor: "ADMINS", sessionLifetimeHours: 8 })]);
  const after = (sales: Partial<PolicySettings>) => effectivePolicy([link("Acme", { invitationTtlDays: 10 }), link("Sales", sales)]);
  it("lets a subtree role tighten its home group's policy, never loosen it", () => {
    const gary = member("group_admin", "Sales");
    expectDecision(
      decideHomePolicyChange(gary, GROUPS.Sales, before, after({ twoFactor: "EVERYONE", sessionLifetimeHours: 8, invitationTtlDays: 3 })),
      ALLOWED,
    );
    expectDecision(decideHomePolicyChange(gary, GROUPS.Sales, before, after({ twoFactor: "ADMINS" })), FORBIDDEN);
    expectDecision(decideHomePolicyChange(gary, GROUPS.Sales, before, after({ sessionLifetimeHours: 9, twoFactor: "ADMINS" })), FORBIDDEN);
  });
  it("does not bind an organization-reach role, nor a subtree role below its home group", () => {
    expectDecision(decideHomePolicyChange(member("admin", "Sales"), GROUPS.Sales, before, after({})), ALLOWED);
    expectDecision(decideHomePolicyChange(member("group_admin", "Sales"), GROUPS.EMEA, before, after({})), ALLOWED);
  });
});

describe("decideEmailDomain and decideSessionLifetime", () => {
  it("allows any address without a list, and only listed domains with one", () => {
    expectDecision(decideEmailDomain("a@x.test", null, "Sales"), ALLOWED);
    expectDecision(decideEmailDomain("a@X.test", ["x.test"], "Sales"), ALLOWED);
    expectDecision(decideEmailDomain("a@sub.x.test", ["x.test"], "Sales"), FORBIDDEN);
    expect(decideEmailDomain("a@y.test", ["x.test", "z.test"], "Sales").reason).toBe("Sales's policy allows invitations only to @x.test, @z.test.");
  });

  it("ends a session older than the lifetime, counting from sign-in", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expectDecision(decideSessionLifetime(new Date("2026-12-01T04:00:00Z"), 8, now), ALLOWED);
    expectDecision(decideSessionLifetime(new Date("2026-12-01T03:59:00Z"), 8, now), FORBIDDEN);
    expectDecision(decideSessionLifetime(new Date("2026-01-01T00:00:00Z"), null, now), ALLOWED);
  });
});
