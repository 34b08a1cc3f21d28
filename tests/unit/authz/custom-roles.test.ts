// Custom roles under rule 4: nobody creates, edits, deletes or assigns a role beyond their
// own. Expected outcomes are literal data written from DESIGN.md and docs/authority.md.
import { describe, expect, it } from "vitest";
import {
  ALL_PERMISSIONS,
  decideAssignRole,
  decideCreateRole,
  decideDeleteRole,
  decideEditRole,
  effectiveAccess,
  ranksJustBelow,
  type Permission,
  type RoleDraft,
} from "@/server/authz";
import { customRole, GLOBEX, member, role } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

const ALL_CAPS = ["view", "run", "edit", "data", "share", "admin"];
const draft = (over: Partial<RoleDraft> = {}): RoleDraft => ({
  name: "Auditor",
  rank: 95,
  reach: "ORGANIZATION",
  permissions: ["members.view"],
  ceiling: ["view"],
  ...over,
});

const owner = member("data_admin", "Acme", { isOwner: true, id: "owner" });
const dataAdmin = member("data_admin", "Acme", { id: "dora" });
const admin = member("admin", "Acme");
const support = member("support", "Acme");
const groupAdmin = member("group_admin", "Sales");
// Admin's powers, organization-wide, but a viewer's resource access.
const viewerAdmin = member("admin", "Acme", {
  id: "vera",
  role: customRole({ name: "Viewing Admin", rank: 115, reach: "ORGANIZATION", permissions: [...role("admin").permissions] as Permission[], ceiling: ["view"] }),
});

describe("decideCreateRole", () => {
  it.each<[string, Parameters<typeof decideCreateRole>[0], RoleDraft, Outcome]>([
    ["the owner, anything below the top", owner, draft({ rank: 119, permissions: [...ALL_PERMISSIONS], ceiling: ALL_CAPS }), ALLOWED],
    ["the owner, at the top rank itself (the owner stands above their role)", owner, draft({ rank: 120 }), ALLOWED],
    ["a Data Admin, at its own rank", dataAdmin, draft({ rank: 120 }), FORBIDDEN],
    ["a Data Admin, below it", dataAdmin, draft({ rank: 119 }), ALLOWED],
    ["an Admin, within its powers", admin, draft({ rank: 105, permissions: ["members.view", "groups.view"] }), ALLOWED],
    ["an Admin, a power it lacks (data access)", admin, draft({ rank: 105, permissions: ["members.view", "data.access"] }), FORBIDDEN],
    ["an Admin, above itself", admin, draft({ rank: 115 }), FORBIDDEN],
    ["an Admin, at its own rank", admin, draft({ rank: 110 }), FORBIDDEN],
    ["Support, without “Manage roles”", support, draft({ rank: 50 }), FORBIDDEN],
    ["a Group Admin, subtree reach (roles are organization-wide)", groupAdmin, draft({ rank: 30, reach: "SUBTREE" }), FORBIDDEN],
    ["a viewer-ceiling Admin, giving Run", viewerAdmin, draft({ rank: 100, ceiling: ["view", "run"] }), FORBIDDEN],
    ["a viewer-ceiling Admin, giving View", viewerAdmin, draft({ rank: 100, ceiling: ["view"] }), ALLOWED],
    ["an unknown permission", owner, draft({ permissions: ["members.view", "root.everything"] }), FORBIDDEN],
    ["an unknown capability", owner, draft({ ceiling: ["view", "fly"] }), FORBIDDEN],
    ["a ceiling without View", owner, draft({ ceiling: ["run"] }), FORBIDDEN],
    ["organization reach with no permission at all", owner, draft({ permissions: [] }), FORBIDDEN],
    ["own-account reach with no permission (an end user's)", owner, draft({ reach: "SELF", permissions: [], rank: 5 }), ALLOWED],
    [
      "a subtree role with an organization-only power (Bulk export)",
      owner,
      draft({ reach: "SUBTREE", permissions: ["members.view", "data.export"] }),
      FORBIDDEN,
    ],
  ])("%s: %s", (_, author, d, expected) => {
    expectDecision(decideCreateRole(author, d), expected);
  });
});

const custom = (over: Partial<Parameters<typeof customRole>[0]> = {}) =>
  customRole({ name: "Helpdesk", rank: 95, reach: "ORGANIZATION", permissions: ["members.view", "members.edit"], ...over });

describe("decideEditRole", () => {
  it.each<[string, Parameters<typeof decideEditRole>[0], ReturnType<typeof custom>, RoleDraft, Outcome]>([
    ["an Admin edits a role below it", admin, custom(), draft({ rank: 95, permissions: ["members.view"] }), ALLOWED],
    ["an Admin raises it above itself", admin, custom(), draft({ rank: 111 }), FORBIDDEN],
    ["an Admin edits a role ranked above it", admin, custom({ rank: 115 }), draft({ rank: 100 }), FORBIDDEN],
    ["an Admin edits a role holding a power it lacks", admin, custom({ permissions: ["members.view", "data.access"] }), draft({ rank: 95 }), FORBIDDEN],
    ["an Admin adds a power it lacks", admin, custom(), draft({ rank: 95, permissions: ["data.migrate"] }), FORBIDDEN],
    ["a viewer-ceiling Admin edits a role giving Run", viewerAdmin, custom({ ceiling: ["view", "run"] }), draft({ rank: 95 }), FORBIDDEN],
    ["a built-in role, even by the owner", owner, role("support"), draft({ rank: 100 }), FORBIDDEN],
    ["another organization's role", owner, custom({ organizationId: GLOBEX }), draft(), NOT_FOUND],
    ["Support, without “Manage roles”", support, custom({ rank: 50 }), draft({ rank: 50 }), FORBIDDEN],
  ])("%s: %s", (_, author, existing, d, expected) => {
    expectDecision(decideEditRole(author, existing, d), expected);
  });
});

describe("decideDeleteRole", () => {
  it.each<[string, Parameters<typeof decideDeleteRole>[0], ReturnType<typeof custom>, { holders: number; invitations: number }, Outcome]>([
    ["unused, below the author", admin, custom(), { holders: 0, invitations: 0 }, ALLOWED],
    ["in use (seed 002: roles in use cannot be deleted)", admin, custom(), { holders: 3, invitations: 0 }, FORBIDDEN],
    ["offered by a pending invitation", admin, custom(), { holders: 0, invitations: 1 }, FORBIDDEN],
    ["built-in, unused", owner, role("bulk_exporter"), { holders: 0, invitations: 0 }, FORBIDDEN],
    ["above the author", admin, custom({ rank: 115 }), { holders: 0, invitations: 0 }, FORBIDDEN],
    ["another organization's", owner, custom({ organizationId: GLOBEX }), { holders: 0, invitations: 0 }, NOT_FOUND],
  ])("%s: %s", (_, author, existing, facts, expected) => {
    expectDecision(decideDeleteRole(author, existing, facts), expected);
  });
});

describe("assigning a custom role", () => {
  it("needs a ceiling no wider than the assigner's, as well as rank and powers", () => {
    expectDecision(decideAssignRole(viewerAdmin, custom({ ceiling: ["view"] })), ALLOWED);
    expectDecision(decideAssignRole(viewerAdmin, custom({ ceiling: ["view", "run"] })), FORBIDDEN);
    expectDecision(decideAssignRole(viewerAdmin, role("user")), FORBIDDEN);
    expectDecision(decideAssignRole(admin, custom({ ceiling: ALL_CAPS })), ALLOWED);
  });
});

describe("the resource ceiling", () => {
  const resource = { id: "r1", organizationId: "org-acme", type: "job", name: "nightly", private: false, ownerMembershipId: "someone" };
  const viaGrant = (capabilities: string[]) => [{ grantId: "g1", capabilities, via: { kind: "member" as const } }];
  const holder = (ceiling?: string[]) => ({
    membershipId: "m1",
    organizationId: "org-acme",
    role: customRole({ name: "Viewer", rank: 5, reach: "SELF", permissions: [] as Permission[], ceiling }),
    scope: [],
  });
  const noOwner = { name: "Someone", inMemberSpan: false };

  it("caps what grants give: a viewer on a job's ACL views it, never runs it (seed 001)", () => {
    const access = effectiveAccess(holder(["view"]), resource, viaGrant(["view", "run"]), noOwner);
    expect(access.capabilities).toEqual(["view"]);
    expect(access.paths[0]).toMatchObject({ kind: "grant", limited: ["run"] });
  });

  it("caps Full access, whose admin would otherwise bring everything", () => {
    expect(effectiveAccess(holder(["view", "run"]), resource, viaGrant(["admin"]), noOwner).capabilities).toEqual(["view", "run"]);
  });

  it("leaves built-in roles (no ceiling) with everything grants give", () => {
    expect(effectiveAccess(holder(undefined), resource, viaGrant(["admin"]), noOwner).capabilities).toEqual(ALL_CAPS);
  });

  it("never hides a private resource a grant shows: View is always within a ceiling", () => {
    const access = effectiveAccess(holder(["view"]), { ...resource, private: true }, viaGrant(["view", "edit"]), noOwner);
    expect(access).toMatchObject({ visible: true, capabilities: ["view"] });
  });

  it("still shows a resource that is not private when the ceiling leaves a grant nothing, as the list does (rule 7)", () => {
    // Found by the consistency test: visibleResourcesSql listed it, and opening it was NOT_FOUND.
    const access = effectiveAccess(holder(["view"]), resource, viaGrant(["data", "share"]), noOwner);
    expect(access).toMatchObject({ visible: true, capabilities: [], paths: [{ kind: "grant", limited: ["data", "share"] }] });
    expect(effectiveAccess(holder(["view"]), { ...resource, private: true }, viaGrant(["data", "share"]), noOwner).visible).toBe(false);
  });
});

describe("placing a role just below another", () => {
  it("halves the gap to the next lower rank, or to zero", () => {
    expect(ranksJustBelow(110, [120, 110, 100, 10])).toEqual([105]);
    expect(ranksJustBelow(10, [120, 10])).toEqual([5]);
    expect(ranksJustBelow(110, [120, 110, 100], 4)).toEqual([108, 106, 104, 102]);
  });

  it("refuses when nothing fits between two ranks", () => {
    // 1 - 2^-53 is the next double below 1: nothing lies between.
    expect(ranksJustBelow(1, [1, 1 - Number.EPSILON / 2])).toEqual([]);
  });
});
