// Whom the principal picker may list (rule 5), table-driven over the twelve built-in roles.
// Expected scopes are literal data read from the roles' permissions in DESIGN.md ("Built-in
// roles"): "View members" with a reach opens the span, "Manage teams" every team, "View
// groups" with a reach the groups in reach; everyone else finds colleagues by full address.
import { describe, expect, it } from "vitest";
import { type BuiltInRoleKey, decideExplainAccessOf, decidePrincipalDirectory, type PrincipalDirectory } from "@/server/authz";
import { customRole, member } from "../../factories/authz";

type Scopes = Omit<PrincipalDirectory, "reason">;

const ROWS: Array<[BuiltInRoleKey, Scopes]> = [
  ["data_admin", { members: "span", teams: "organization", groups: "reach" }],
  ["admin", { members: "span", teams: "organization", groups: "reach" }],
  ["support", { members: "span", teams: "own", groups: "reach" }],
  ["support_restore", { members: "span", teams: "own", groups: "own" }],
  ["support_technician", { members: "span", teams: "own", groups: "reach" }],
  ["bulk_exporter", { members: "address", teams: "own", groups: "own" }],
  ["bulk_importer", { members: "address", teams: "own", groups: "own" }],
  ["group_data_admin", { members: "span", teams: "organization", groups: "reach" }],
  ["group_admin", { members: "span", teams: "organization", groups: "reach" }],
  ["group_support_restore", { members: "span", teams: "own", groups: "own" }],
  ["group_support_technician", { members: "span", teams: "own", groups: "reach" }],
  ["user", { members: "address", teams: "own", groups: "own" }],
];

describe("the principal directory of each built-in role", () => {
  it.each(ROWS)("%s", (key, expected) => {
    const { reason, ...scopes } = decidePrincipalDirectory(member(key, key.startsWith("group_") ? "Sales" : "Acme"));
    expect(scopes).toEqual(expected);
    expect(reason).toMatch(/^Your role /);
  });
});

describe("the reason names the role and the permission that decides each part", () => {
  it("a User finds others by full address only, their own teams and their own groups", () => {
    const { reason } = decidePrincipalDirectory(member("user", "EMEA"));
    expect(reason).toContain("Your role User does not have “View members”: you find others by their full email address only.");
    expect(reason).toContain("Your role User does not have “Manage teams”: only your own teams are listed.");
    expect(reason).toContain("Your role User does not have “View groups”: only your home group and the groups above it are listed.");
  });

  it("an Admin searches their span, every team and the groups in reach", () => {
    const { reason } = decidePrincipalDirectory(member("admin", "Acme"));
    expect(reason).toContain("Your role Admin has “View members”");
    expect(reason).toContain("Your role Admin has “Manage teams”: every team is listed.");
    expect(reason).toContain("Your role Admin has “View groups”");
  });
});

describe("a role reaching only its own account has no span and no groups, whatever it holds", () => {
  const selfOnly = customRole({ name: "Self viewer", rank: 15, reach: "SELF", permissions: ["members.view", "groups.view", "teams.manage"] });
  const actor = member("user", "Sales", { role: selfOnly });

  it("members by address, every team (teams are not in groups), own groups", () => {
    const { reason, ...scopes } = decidePrincipalDirectory(actor);
    expect(scopes).toEqual({ members: "address", teams: "organization", groups: "own" });
    expect(reason).toContain("Your role Self viewer reaches only your own account: you find others by their full email address only.");
    expect(reason).toContain("Your role Self viewer reaches no group: only your home group and the groups above it are listed.");
  });

  it("the same permissions with a subtree reach open the span and the groups in reach", () => {
    const subtree = customRole({ name: "Subtree viewer", rank: 15, reach: "SUBTREE", permissions: ["members.view", "groups.view"] });
    const { members, groups, teams } = decidePrincipalDirectory(member("user", "Sales", { role: subtree }));
    expect({ members, groups, teams }).toEqual({ members: "span", groups: "reach", teams: "own" });
  });
});

describe("explaining another member's access", () => {
  it.each([
    [{ isActor: true, onAccessList: false, inActorSpan: false }, true],
    [{ isActor: false, onAccessList: true, inActorSpan: false }, true],
    [{ isActor: false, onAccessList: false, inActorSpan: true }, true],
    [{ isActor: false, onAccessList: false, inActorSpan: false }, "NOT_FOUND"],
  ] as const)("%o → %s", (target, expected) => {
    const decision = decideExplainAccessOf(target);
    if (expected === "NOT_FOUND") expect(decision).toMatchObject({ allowed: false, code: "NOT_FOUND" });
    else expect(decision.allowed).toBe(true);
  });
});
