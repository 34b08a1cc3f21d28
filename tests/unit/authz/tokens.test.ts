// server/authz/tokens.ts against docs/authority.md "API tokens" and DESIGN.md rule 9: a token
// is never more than its member now, narrowed by its own limits.
import { describe, expect, it } from "vitest";
import {
  decideCreateToken,
  decideManageTokensOf,
  decideTokenAge,
  decideTokenCall,
  decideTokenLifetime,
  decideTokenUse,
  narrowRole,
  type TokenFacts,
} from "@/server/authz";
import { member } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND } from "./expect-decision";

const dana = member("data_admin", "Acme", { id: "dana" });
const adam = member("admin", "Acme", { id: "adam" });
const gina = member("group_data_admin", "EMEA", { id: "gina" });
const ulla = member("user", "EMEA", { id: "ulla" });
const globex = member("user", "Globex", { id: "gus" });

const now = new Date("2026-12-02T12:00:00Z");
const token = (over: Partial<TokenFacts> = {}): TokenFacts => ({
  readOnly: false,
  permissions: [],
  expiresAt: new Date("2027-03-01T00:00:00Z"),
  revokedAt: null,
  sessionVersion: 3,
  createdAt: new Date("2026-12-01T00:00:00Z"),
  ...over,
});
const holder = { role: { name: "Data Admin", permissions: ["tokens.use", "members.view"] }, sessionVersion: 3, sessionsValidFrom: null };

describe("making a token", () => {
  it.each([
    ["Data Admin", dana, [], ALLOWED],
    ["Group Data Admin, narrowed to what it holds", gina, ["members.view"], ALLOWED],
    ["Group Data Admin, narrowed to what it lacks", gina, ["audit.view"], FORBIDDEN],
    ["Admin (seed 000: no access to API tokens)", adam, [], FORBIDDEN],
    ["User", ulla, [], FORBIDDEN],
    ["a name that is no permission", dana, ["everything"], FORBIDDEN],
  ] as const)("%s", (_, actor, permissions, expected) => expectDecision(decideCreateToken(actor, permissions), expected));
});

describe("whose tokens one manages", () => {
  it("one's own always; another's with “Edit member info” over them; another organization's is NOT_FOUND", () => {
    expectDecision(decideManageTokensOf(ulla, ulla), ALLOWED);
    expectDecision(decideManageTokensOf(dana, gina), ALLOWED);
    expectDecision(decideManageTokensOf(adam, gina), FORBIDDEN); // gina holds powers Adam lacks
    expectDecision(decideManageTokensOf(ulla, gina), FORBIDDEN);
    expectDecision(decideManageTokensOf(dana, globex), NOT_FOUND);
  });
});

describe("using a token (rule 9)", () => {
  it("works while nothing has ended it", () => {
    expect(decideTokenUse(token(), holder, now)).toEqual({ allowed: true });
    expect(decideTokenUse(token({ expiresAt: null }), holder, now)).toEqual({ allowed: true });
  });
  it.each([
    ["revoked", token({ revokedAt: new Date("2026-12-02T00:00:00Z") }), holder, "This API token has been revoked."],
    ["expired", token({ expiresAt: new Date("2026-12-02T11:59:59Z") }), holder, "This API token expired on 2026-12-02."],
    ["the password changed", token(), { ...holder, sessionVersion: 4 }, /password or two-factor/],
    ["the membership was disabled after it was made", token(), { ...holder, sessionsValidFrom: new Date("2026-12-01T10:00:00Z") }, /membership was disabled/],
    ["the role lost “Use API tokens”", token(), { ...holder, role: { name: "Group Admin", permissions: ["members.view"] } }, /Group Admin no longer has/],
  ] as const)("ends when %s", (_, t, h, reason) => {
    const d = decideTokenUse(t, h, now);
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.reason).toMatch(reason);
  });
  it("outlives a disabling that came before it was made", () => {
    expect(decideTokenUse(token(), { ...holder, sessionsValidFrom: new Date("2026-11-30T00:00:00Z") }, now)).toEqual({ allowed: true });
  });
});

describe("a token's own limits", () => {
  it("narrows the role to the token's permissions, never widening it", () => {
    const role = { name: "R", permissions: ["members.view", "groups.view"] };
    expect(narrowRole(role, { permissions: [] }).permissions).toEqual(["members.view", "groups.view"]);
    expect(narrowRole(role, { permissions: ["groups.view", "audit.view"] }).permissions).toEqual(["groups.view"]);
  });
  it("read-only refuses mutations and allows queries", () => {
    expectDecision(decideTokenCall({ readOnly: true }, "mutation"), FORBIDDEN);
    expectDecision(decideTokenCall({ readOnly: true }, "query"), ALLOWED);
    expectDecision(decideTokenCall({ readOnly: false }, "mutation"), ALLOWED);
  });
});

describe("a token's lifetime under the group policy (0: no limit)", () => {
  it.each([
    [30, 90, ALLOWED],
    [90, 90, ALLOWED],
    [91, 90, FORBIDDEN],
    [null, 90, FORBIDDEN],
    [null, 0, ALLOWED],
    [365, 0, ALLOWED],
  ] as const)("%s days where the policy allows %s", (days, policy, expected) => {
    expectDecision(decideTokenLifetime(days, policy), expected);
  });

  it("ends a token older than the policy now allows, whatever its own expiry", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const made = (daysAgo: number) => ({ createdAt: new Date(now.getTime() - daysAgo * 86_400_000) });
    expect(decideTokenAge(made(29), 30, now).allowed).toBe(true);
    expect(decideTokenAge(made(31), 30, now)).toEqual({ allowed: false, reason: expect.stringMatching(/older than the 30 days/) });
    expect(decideTokenAge(made(5000), 0, now).allowed).toBe(true);
  });
});
