// Organization-wide access (server/authz/type-grants.ts; seed 000's user groups: "View only"
// to everything, "Full access" on servers, "Create new job") against DESIGN.md rules 4, 7
// and 8. Expected outcomes are written from those texts and docs/authority.md.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CAPABILITIES,
  creatableTypes,
  decideCreateResource,
  decideTypeGrantChange,
  describeTypeGrant,
  effectiveAccess,
  heldTypeWide,
  type ReachingGrant,
  type ResourceFacts,
  type TypeGrantFacts,
} from "@/server/authz";
import { customRole, member } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN } from "./expect-decision";

const ALL = ["view", "run", "edit", "data", "share", "admin"];
const TYPES = ["server", "storage", "job", "task", "monitor", "endpoint"];

const ulla = member("user", "EMEA", { id: "ulla" });
const adam = member("admin", "Acme", { id: "adam" });
const owner = member("data_admin", "Acme", { id: "owner", isOwner: true });
const dana = member("data_admin", "Acme", { id: "dana" });
const gina = member("group_admin", "EMEA", { id: "gina" });
const subject = (m: typeof ulla) => ({ ...m, scope: [] as string[] });
const resource = (type: string, over: Partial<ResourceFacts> = {}): ResourceFacts => ({
  id: `${type}-1`,
  organizationId: "acme",
  type,
  name: `the ${type}`,
  private: false,
  ownerMembershipId: "someone",
  ...over,
});
const noOwner = { name: "Someone", inMemberSpan: false };
const typeWide = (scope: string, capabilities: string[], via: ReachingGrant["via"] = { kind: "team", teamName: "Ops" }): ReachingGrant => ({
  grantId: `tg-${scope}-${capabilities.join("-")}`,
  capabilities,
  via,
  typeWide: scope,
});
const held = (scope: string, capabilities: string[], mayCreate = false): TypeGrantFacts => ({
  grantId: `tg-${scope}`,
  scope,
  capabilities,
  mayCreate,
  via: { kind: "team", teamName: "Ops" },
});
/** Organization-wide grants reaching the member, and no resource scope. */
const h = (...typeGrants: TypeGrantFacts[]) => ({ typeGrants, scope: [] as string[] });
// Acme's own organization id, as the factory gives it.
const acme = (r: ResourceFacts) => ({ ...r, organizationId: ulla.organizationId });

describe("effective access through organization-wide access (rules 7 and 8)", () => {
  it("covers every resource of its type, and “*” every type", () => {
    for (const type of TYPES) {
      const onServers = effectiveAccess(subject(ulla), acme(resource(type)), [typeWide("server", ["view", "run"])], noOwner);
      expect({ type, caps: onServers.capabilities }).toEqual({ type, caps: type === "server" ? ["view", "run"] : [] });
      expect(effectiveAccess(subject(ulla), acme(resource(type)), [typeWide("*", ["view"])], noOwner).capabilities).toEqual(["view"]);
    }
  });

  it("never reaches a private resource: only a grant on it opens one", () => {
    const access = effectiveAccess(subject(ulla), acme(resource("server", { private: true })), [typeWide("*", ALL)], noOwner);
    expect(access).toMatchObject({ visible: false, capabilities: [], paths: [] });
  });

  it("unites with grants on the resource (seed 000: “View only” to everything and “Edit & Run” on a job gives Edit & Run)", () => {
    const job = acme(resource("job"));
    const onJob: ReachingGrant = { grantId: "g1", capabilities: ["view", "run", "edit"], via: { kind: "team", teamName: "Deploy" } };
    const access = effectiveAccess(subject(ulla), job, [typeWide("*", ["view"]), onJob], noOwner);
    expect(access.capabilities).toEqual(["view", "run", "edit"]);
    expect(access.paths.map((p) => (p.kind === "grant" ? (p.typeWide ?? "resource") : p.kind))).toEqual(["*", "resource"]);
  });

  it("shows nothing when it gives only “may create”", () => {
    expect(effectiveAccess(subject(ulla), acme(resource("job")), [typeWide("job", [])], noOwner)).toMatchObject({ visible: false, paths: [] });
  });

  it("is capped by the role's ceiling, and still shows what is not private", () => {
    const viewer = member("user", "EMEA", { id: "vic", role: customRole({ name: "Viewer", rank: 5, reach: "SELF", permissions: [], ceiling: ["view"] }) });
    const access = effectiveAccess(subject(viewer), acme(resource("job")), [typeWide("job", ["view", "run"])], noOwner);
    expect(access).toMatchObject({ visible: true, capabilities: ["view"] });
    expect(access.paths[0]).toMatchObject({ kind: "grant", limited: ["run"], typeWide: "job" });
  });
});

describe("what a member holds on every resource of a scope (heldTypeWide)", () => {
  it("gives the owner everything, “See all resources” View, and one's own organization-wide access covering the scope", () => {
    expect(heldTypeWide(owner, h(), "server")).toEqual(ALL);
    expect(heldTypeWide(dana, h(), "*")).toEqual(["view"]);
    expect(heldTypeWide(ulla, h(), "*")).toEqual([]);
    expect(heldTypeWide(ulla, h(held("server", ["view", "run"])), "server")).toEqual(["view", "run"]);
    // A grant on servers says nothing of the other types, nor of "*".
    expect(heldTypeWide(ulla, h(held("server", ALL)), "job")).toEqual([]);
    expect(heldTypeWide(ulla, h(held("server", ALL)), "*")).toEqual([]);
    // "*" covers every scope; admin brings everything along.
    expect(heldTypeWide(ulla, h(held("*", ["admin"])), "storage")).toEqual(ALL);
  });

  it("is nothing on servers, storages or every type for a member whose resource scope limits them (seed 002)", () => {
    const scoped = { typeGrants: [held("*", ALL)], scope: ["server-1"] };
    expect(heldTypeWide(owner, scoped, "server")).toEqual([]);
    expect(heldTypeWide(adam, scoped, "storage")).toEqual([]);
    expect(heldTypeWide(adam, scoped, "*")).toEqual([]);
    // A scope limits servers and storages only.
    expect(heldTypeWide(adam, scoped, "job")).toEqual(ALL);
    expectDecision(
      decideTypeGrantChange(adam, { typeGrants: [], scope: ["server-1"] }, "*", { after: { capabilities: ["view"], mayCreate: false } }),
      FORBIDDEN,
    );
    expectDecision(
      decideTypeGrantChange(adam, { typeGrants: [], scope: ["server-1"] }, "job", { after: { capabilities: ["view"], mayCreate: false } }),
      ALLOWED,
    );
  });

  it("is cut to the role's ceiling", () => {
    const runner = member("user", "EMEA", {
      id: "rex",
      role: customRole({ name: "Runner", rank: 5, reach: "SELF", permissions: [], ceiling: ["view", "run"] }),
    });
    expect(heldTypeWide(runner, h(held("*", ALL)), "job")).toEqual(["view", "run"]);
  });
});

describe("giving organization-wide access (rule 4)", () => {
  const full = { capabilities: ALL, mayCreate: false };
  const view = { capabilities: ["view"], mayCreate: false };
  const cases: Array<[string, Parameters<typeof decideTypeGrantChange>, typeof ALLOWED]> = [
    ["a User lacks “Grant organization-wide access”", [ulla, h(held("*", ALL)), "*", { after: view }], FORBIDDEN],
    ["a Group Admin reaches no further than its subtree", [gina, h(), "*", { after: view }], FORBIDDEN],
    ["the owner gives Full access on servers", [owner, h(), "server", { after: full }], ALLOWED],
    ["an Admin gives View on everything (“See all resources”)", [adam, h(), "*", { after: view }], ALLOWED],
    [
      "an Admin cannot give Run on jobs: it does not hold it on all of them",
      [adam, h(), "job", { after: { capabilities: ["view", "run"], mayCreate: false } }],
      FORBIDDEN,
    ],
    ["an Admin holding Full access on servers gives it on servers", [adam, h(held("server", ALL)), "server", { after: full }], ALLOWED],
    ["… but not on every type", [adam, h(held("server", ALL)), "*", { after: full }], FORBIDDEN],
    ["… nor on jobs", [adam, h(held("server", ALL)), "job", { after: full }], FORBIDDEN],
    ["an Admin cannot remove access giving more than it holds", [adam, h(), "*", { before: full }], FORBIDDEN],
    ["an Admin removes View on everything", [adam, h(), "*", { before: view }], ALLOWED],
    ["an Admin cannot lower Full access to View (that changes what it cannot give)", [adam, h(), "*", { before: full, after: view }], FORBIDDEN],
    ["“may create” by someone who may create", [adam, h(), "job", { after: { capabilities: [], mayCreate: true } }], ALLOWED],
    ["nothing at all is refused", [owner, h(), "job", { after: { capabilities: [], mayCreate: false } }], FORBIDDEN],
  ];
  it.each(cases)("%s", (_, args, expected) => expectDecision(decideTypeGrantChange(...args), expected));

  it("refuses “may create” to someone who may not create that type", () => {
    const clerk = member("user", "Acme", {
      id: "clerk",
      role: customRole({ name: "Access clerk", rank: 105, reach: "ORGANIZATION", permissions: ["resources.grantAll", "resources.viewAll"] }),
    });
    expectDecision(decideTypeGrantChange(clerk, h(), "job", { after: { capabilities: ["view"], mayCreate: true } }), FORBIDDEN);
    expectDecision(decideTypeGrantChange(clerk, h(held("job", [], true)), "job", { after: { capabilities: ["view"], mayCreate: true } }), ALLOWED);
    // A right to create jobs is not a right to create everything.
    expectDecision(decideTypeGrantChange(clerk, h(held("job", [], true)), "*", { after: { capabilities: [], mayCreate: true } }), FORBIDDEN);
  });

  it("says what is beyond the actor, in words", () => {
    const d = decideTypeGrantChange(adam, h(), "job", { after: { capabilities: ["view", "run"], mayCreate: false } });
    expect(d.reason).toBe("You cannot give “Run” on all jobs: you hold View only there.");
  });

  it("never lets anything through that the actor does not hold on the whole scope, and lets through all that it does (property)", () => {
    const scope = fc.constantFrom("*", ...TYPES);
    const caps = fc.subarray(ALL);
    const reaching = fc.array(fc.record({ scope, capabilities: caps, mayCreate: fc.boolean() }), { maxLength: 4 });
    const actor = fc.constantFrom(owner, adam, dana, ulla, gina);
    fc.assert(
      fc.property(actor, reaching, scope, caps, fc.boolean(), (who, rows, target, given, mayCreate) => {
        const facts = rows.map((r, i) => ({ ...r, grantId: `t${i}`, via: { kind: "member" as const } }));
        const decision = decideTypeGrantChange(who, h(...facts), target, { after: { capabilities: given, mayCreate } });
        const holds = heldTypeWide(who, h(...facts), target);
        const sound = given.every((c) => (holds as string[]).includes(c));
        if (decision.allowed) expect(sound).toBe(true);
        // Complete: an organization-wide actor with the permission gives whatever it holds.
        const entitled = who.role.permissions.includes("resources.grantAll") && who.role.reach === "ORGANIZATION";
        if (entitled && sound && given.length > 0 && !mayCreate) expect(decision.allowed).toBe(true);
      }),
    );
  });
});

describe("creating resources through organization-wide access (seed 000 “Create new job”)", () => {
  it("needs “Create resources”, or “may create” for that type", () => {
    expectDecision(decideCreateResource(adam, "server"), ALLOWED);
    expectDecision(decideCreateResource(ulla, "job"), FORBIDDEN);
    expectDecision(decideCreateResource(ulla, "job", [held("job", [], true)]), ALLOWED);
    expectDecision(decideCreateResource(ulla, "server", [held("job", [], true)]), FORBIDDEN);
    expectDecision(decideCreateResource(ulla, "server", [held("*", ["view"], true)]), ALLOWED);
    // Access without "may create" creates nothing.
    expectDecision(decideCreateResource(ulla, "job", [held("job", ALL, false)]), FORBIDDEN);
    expect(decideCreateResource(ulla, "job", [held("job", [], true)]).reason).toBe("Team Ops's organization-wide access lets you create jobs.");
  });

  it("lists the types a member may create", () => {
    expect(creatableTypes(adam, [])).toEqual(TYPES);
    expect(creatableTypes(ulla, [])).toEqual([]);
    expect(creatableTypes(ulla, [held("job", [], true), held("task", ["view"], false)])).toEqual(["job"]);
  });
});

describe("how organization-wide access reads", () => {
  it("names the access, the scope and the right to create", () => {
    expect(describeTypeGrant({ capabilities: [...CAPABILITIES], mayCreate: true }, "server")).toBe("Full access on all servers; may create servers");
    expect(describeTypeGrant({ capabilities: ["view"], mayCreate: false }, "*")).toBe("View only on all resources");
    expect(describeTypeGrant({ capabilities: [], mayCreate: true }, "*")).toBe("may create resources of any type");
  });
});
