// server/authz/teams.ts: who manages which team. Organization roles manage every team;
// subtree admins ("as Admin, inside the subtree", DESIGN.md) the teams anchored in their
// reach; nobody else any. Expected outcomes are literal, written from DESIGN.md.
import { describe, expect, it } from "vitest";
import {
  decideDeleteTeam,
  decideManageTeam,
  decideMoveTeam,
  decideTeamAnchor,
  decideTeamMembership,
  type BuiltInRoleKey,
  type TeamFacts,
} from "@/server/authz";
import { extraGroup, GROUPS, member, type GroupName } from "../../factories/authz";

const team = (anchor: GroupName | null): TeamFacts => ({ name: "On call", anchor: anchor ? GROUPS[anchor] : null });

// role, home group, team anchor → may manage
const MANAGE: Array<[BuiltInRoleKey, GroupName, GroupName | null, boolean]> = [
  ["data_admin", "Acme", null, true],
  ["admin", "Acme", null, true],
  ["admin", "Acme", "Paris", true],
  ["group_admin", "Sales", "Sales", true],
  ["group_admin", "Sales", "Paris", true],
  ["group_admin", "Sales", null, false],
  ["group_admin", "Sales", "Engineering", false],
  ["group_admin", "EMEA", "Sales", false],
  ["group_data_admin", "Sales", "EMEA", true],
  ["group_support_technician", "Sales", "Sales", false],
  ["support", "Acme", null, false],
  ["user", "Sales", "Sales", false],
];

describe("managing a team", () => {
  it.each(MANAGE)("%s of %s manages a team anchored at %s: %s", (role, home, anchor, expected) => {
    const actor = member(role, home);
    expect(decideManageTeam(actor, team(anchor)).allowed).toBe(expected);
    expect(decideTeamAnchor(actor, anchor ? GROUPS[anchor] : null).allowed).toBe(expected);
  });

  it("says why, naming the team's group or that it is organization-wide", () => {
    const gary = member("group_admin", "Sales");
    expect(decideManageTeam(gary, team(null)).reason).toBe("On call is an organization-wide team; only roles of organization reach manage it.");
    expect(decideManageTeam(gary, team("Engineering")).reason).toContain("belongs to Engineering, outside Sales");
    expect(decideTeamAnchor(gary, null).reason).toContain("choose a group there");
    expect(decideManageTeam(member("user", "Sales"), team("Sales")).reason).toContain("does not have “Manage teams”");
  });

  it("does not mistake a sibling whose path starts alike for the subtree", () => {
    const salesforce = extraGroup("g-sales2", "Sales 2", "Acme");
    expect(decideTeamAnchor(member("group_admin", "Sales"), salesforce).allowed).toBe(false);
  });
});

describe("members of an anchored team", () => {
  it("must have their home group in the anchor's subtree; an organization-wide team takes anyone", () => {
    const at = (g: GroupName) => ({ name: "Pia", group: GROUPS[g] });
    expect(decideTeamMembership(team("Sales"), at("Paris")).allowed).toBe(true);
    expect(decideTeamMembership(team("Sales"), at("Sales")).allowed).toBe(true);
    expect(decideTeamMembership(team("Sales"), at("Engineering"))).toMatchObject({ allowed: false, reason: expect.stringContaining("outside Sales") });
    expect(decideTeamMembership(team(null), at("Engineering")).allowed).toBe(true);
  });
});

describe("deleting a team", () => {
  it("needs every member in span for a subtree admin, not for an organization admin", () => {
    expect(decideDeleteTeam(member("group_admin", "Sales"), team("Sales"), 0).allowed).toBe(true);
    expect(decideDeleteTeam(member("group_admin", "Sales"), team("Sales"), 2)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("2 members are"),
    });
    expect(decideDeleteTeam(member("admin", "Acme"), team("Sales"), 2).allowed).toBe(true);
    expect(decideDeleteTeam(member("group_admin", "Sales"), team("Engineering"), 0).allowed).toBe(false);
  });
});

describe("moving a team", () => {
  it("needs the new group in reach and every member inside it; to the whole organization only with organization reach", () => {
    const gary = member("group_admin", "Sales");
    expect(decideMoveTeam(gary, team("Sales"), GROUPS.EMEA, 0).allowed).toBe(true);
    expect(decideMoveTeam(gary, team("Sales"), GROUPS.EMEA, 1)).toMatchObject({
      allowed: false,
      reason: "1 member is of On call outside EMEA; remove them first.",
    });
    expect(decideMoveTeam(gary, team("Sales"), GROUPS.Engineering, 0).allowed).toBe(false);
    expect(decideMoveTeam(gary, team("Sales"), null, 0).allowed).toBe(false);
    expect(decideMoveTeam(member("admin", "Acme"), team("Sales"), null, 0).allowed).toBe(true);
  });
});
