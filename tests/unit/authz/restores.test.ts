// The restorer path of server/authz/resources.ts (seed 004: Support Restore and Group Support
// Restore "manage restores for lower-ranked members", in their subtree for the latter): View
// and Data over the resources of owners in the actor's span, under the role's ceiling and
// the member's scope; never run, edit, share or administer.
import { describe, expect, it } from "vitest";
import { decideResource, decideSpan, decideTransferResource, effectiveAccess, type MemberFacts, type ResourceFacts } from "@/server/authz";
import { ACME, customRole, member } from "../../factories/authz";

const restorer = member("support_restore", "Acme", { id: "rita" });
const groupRestorer = member("group_support_restore", "Sales", { id: "gus" });
const ulla = member("user", "EMEA", { id: "ulla", name: "Ulla" });
const pete = member("user", "Platform", { id: "pete", name: "Pete" });
const adam = member("admin", "Acme", { id: "adam", name: "Adam" });
const gina = member("group_data_admin", "Sales", { id: "gina", name: "Gina" });
const capped = member("user", "Acme", {
  id: "cara",
  role: customRole({ name: "Capped Restore", rank: 85, reach: "ORGANIZATION", permissions: ["members.view", "restores.manage"], ceiling: ["view"] }),
});

const resource = (owner: MemberFacts, over: Partial<ResourceFacts> = {}): ResourceFacts => ({
  id: `job-${owner.membershipId}`,
  organizationId: ACME,
  type: "job",
  name: "nightly",
  private: false,
  ownerMembershipId: owner.membershipId,
  ...over,
});
/** The access as the services compute it: the owner's place in the actor's span decided by decideSpan. */
const access = (actor: MemberFacts, owner: MemberFacts, over: Partial<ResourceFacts> = {}, scope: string[] = []) =>
  effectiveAccess({ ...actor, scope }, resource(owner, over), [], {
    name: owner.name,
    inMemberSpan: owner.membershipId !== actor.membershipId && decideSpan(actor, owner).allowed,
  });

describe("the restorer path (seed 004)", () => {
  it.each([
    ["Support Restore over a lower-ranked User", restorer, ulla],
    ["Group Support Restore over a User in its subtree", groupRestorer, ulla],
  ])("gives %s View and Data, private resources included", (_, actor, owner) => {
    for (const priv of [false, true]) {
      const got = access(actor, owner, { private: priv });
      expect(got).toMatchObject({ visible: true, capabilities: ["view", "data"] });
      expect(got.paths).toEqual([{ kind: "restorer", roleName: actor.role.name, ownerName: owner.name, capabilities: ["view", "data"], limited: [] }]);
    }
  });

  it("allows restore and nothing else: not run, edit, share, delete or transfer", () => {
    const got = access(restorer, ulla);
    const storage = resource(ulla, { type: "storage" });
    expect(decideResource(access(restorer, ulla, { type: "storage" }), storage, "restore").allowed).toBe(true);
    for (const op of ["run", "edit", "share", "delete"] as const) {
      expect(decideResource(got, resource(ulla), op)).toMatchObject({
        allowed: false,
        code: "FORBIDDEN",
        reason: expect.stringContaining("you have View + Data"),
      });
    }
    expect(decideTransferResource(got, resource(ulla)).allowed).toBe(false);
  });

  it.each([
    ["a higher-ranked owner", restorer, adam],
    ["an owner outside the subtree", groupRestorer, pete],
    ["an owner holding a power the actor lacks", groupRestorer, member("group_data_admin", "EMEA", { id: "gemma" })],
    ["an owner of the same rank", groupRestorer, member("group_support_restore", "EMEA", { id: "gwen" })],
  ])("gives nothing over %s", (_, actor, owner) => {
    const got = access(actor, owner, { private: true });
    expect(got).toMatchObject({ visible: false, capabilities: [], paths: [] });
  });

  it("is not listed for a custodian, who holds all of it already", () => {
    expect(access(gina, ulla).paths.map((p) => p.kind)).toEqual(["custodian"]);
  });

  it("needs “Manage restores”", () => {
    const viewer = member("user", "Acme", {
      id: "vic",
      role: customRole({ name: "Member Viewer", rank: 85, reach: "ORGANIZATION", permissions: ["members.view"] }),
    });
    expect(access(viewer, ulla)).toMatchObject({ visible: false, paths: [] });
  });

  it("is capped by the role's ceiling, and says what the ceiling left out", () => {
    const got = access(capped, ulla);
    expect(got).toMatchObject({ visible: true, capabilities: ["view"] });
    expect(got.paths).toEqual([{ kind: "restorer", roleName: "Capped Restore", ownerName: "Ulla", capabilities: ["view"], limited: ["data"] }]);
    expect(decideResource(access(capped, ulla, { type: "storage" }), resource(ulla, { type: "storage" }), "restore").allowed).toBe(false);
  });

  it("yields to the resource scope, like every path", () => {
    const storage = { id: "st-1", type: "storage" };
    expect(access(restorer, ulla, storage, ["st-2"])).toMatchObject({ visible: false, removed: expect.stringContaining("scope") });
    expect(access(restorer, ulla, storage, ["st-1"])).toMatchObject({ visible: true, capabilities: ["view", "data"] });
    expect(access(restorer, ulla, {}, ["st-2"])).toMatchObject({ visible: true });
  });
});
