// server/authz/resources.ts against DESIGN.md rules 4, 7 and 8 and seeds 000, 002, 003 and
// 004, with expected outcomes written from those texts.
import { describe, expect, it } from "vitest";
import {
  decideFinishRun,
  decideGrantChange,
  DEFAULT_NOTIFICATIONS,
  notificationCategory,
  decideHandOver,
  decideOpenOutboxEmail,
  decideResource,
  decideViewAs,
  effectiveAccess,
  PRESETS,
  type ReachingGrant,
  type ResourceFacts,
} from "@/server/authz";
import { ACME, GLOBEX, member } from "../../factories/authz";

const ulla = member("user", "EMEA", { id: "ulla" });
const adam = member("admin", "Acme", { id: "adam" });
const dana = member("data_admin", "Acme", { id: "dana" });
const subject = (m: typeof ulla, scope: string[] = []) => ({ ...m, scope });
const job = (over: Partial<ResourceFacts> = {}): ResourceFacts => ({
  id: "job-1",
  organizationId: ACME,
  type: "job",
  name: "nightly",
  private: false,
  ownerMembershipId: "someone",
  ...over,
});
const grant = (capabilities: string[], via: ReachingGrant["via"] = { kind: "member" }): ReachingGrant => ({
  grantId: `g-${capabilities.join("-")}`,
  capabilities,
  via,
});
const noOwner = { name: "Someone", inMemberSpan: false };

describe("effective access (rule 8): the union of what reaches the member", () => {
  it("unites grants from every path (seed 000: the summary of highest access levels)", () => {
    const access = effectiveAccess(
      subject(ulla),
      job(),
      [grant(["view"], { kind: "team", teamName: "Ops" }), grant(["view", "run", "edit"], { kind: "group", groupName: "Sales", memberGroupName: "EMEA" })],
      noOwner,
    );
    expect(access).toMatchObject({ visible: true, capabilities: ["view", "run", "edit"] });
    expect(access.paths.map((p) => p.kind)).toEqual(["grant", "grant"]);
  });

  it("gives the owner Administrator, and admin implies everything", () => {
    expect(effectiveAccess(subject(ulla), job({ ownerMembershipId: "ulla" }), [], noOwner).capabilities).toEqual([...PRESETS.administrator.capabilities]);
    expect(effectiveAccess(subject(ulla), job(), [grant(["admin"])], noOwner).capabilities).toEqual(["view", "run", "edit", "data", "share", "admin"]);
  });

  it("lets “See all resources” view what is not private, nothing more", () => {
    expect(effectiveAccess(subject(adam), job(), [], noOwner)).toMatchObject({ visible: true, capabilities: ["view"] });
    expect(effectiveAccess(subject(adam), job({ private: true }), [], noOwner)).toMatchObject({ visible: false, capabilities: [] });
  });

  it("shows a private resource only with “view” from a grant (seed 003: an Access Manager does not see it)", () => {
    const manager = [grant([...PRESETS.access_manager.capabilities])];
    expect(effectiveAccess(subject(ulla), job({ private: true }), manager, noOwner)).toMatchObject({
      visible: false,
      removed: expect.stringContaining("private"),
    });
    expect(effectiveAccess(subject(ulla), job(), manager, noOwner)).toMatchObject({ visible: true, capabilities: ["data", "share"] });
  });

  it("lets a scope remove servers and storages outside it, never jobs (seed 002)", () => {
    const server = job({ id: "srv-2", type: "server", name: "db-01" });
    expect(effectiveAccess(subject(ulla, ["srv-1"]), server, [grant(["view"])], noOwner)).toMatchObject({
      visible: false,
      removed: expect.stringContaining("scope"),
    });
    expect(effectiveAccess(subject(ulla, ["srv-2"]), server, [grant(["view"])], noOwner).visible).toBe(true);
    expect(effectiveAccess(subject(ulla, ["srv-1"]), job(), [grant(["view"])], noOwner).visible).toBe(true);
  });

  it("gives a custodian View and Data over resources of members in span (seed 004)", () => {
    expect(effectiveAccess(subject(dana), job({ private: true }), [], { name: "Ulla", inMemberSpan: true })).toMatchObject({
      visible: true,
      capabilities: ["view", "data"],
    });
    expect(effectiveAccess(subject(dana), job({ private: true }), [], noOwner).visible).toBe(false);
  });

  it("gives nothing in another organization", () => {
    expect(effectiveAccess(subject(ulla), job({ organizationId: GLOBEX }), [grant(["admin"])], noOwner)).toMatchObject({ visible: false, paths: [] });
  });
});

describe("decisions on a resource", () => {
  const run = effectiveAccess(subject(ulla), job(), [grant([...PRESETS.run.capabilities])], noOwner);
  it("hides what is not visible (NOT_FOUND) and names what is missing (FORBIDDEN)", () => {
    expect(decideResource(effectiveAccess(subject(ulla), job(), [], noOwner), job(), "view")).toMatchObject({ allowed: false, code: "NOT_FOUND" });
    expect(decideResource(run, job(), "run").allowed).toBe(true);
    expect(decideResource(run, job(), "edit")).toMatchObject({ allowed: false, code: "FORBIDDEN", reason: expect.stringContaining("Edit") });
    expect(decideResource(run, job({ type: "monitor" }), "run")).toMatchObject({ allowed: false, reason: expect.stringContaining("cannot run") });
  });

  it("lets only share holders change the ACL, never beyond what they hold (rule 4)", () => {
    const editShare = effectiveAccess(subject(ulla), job(), [grant(["view", "run", "edit", "share"])], noOwner);
    expect(decideGrantChange(run, job(), { after: ["view"] }).allowed).toBe(false);
    expect(decideGrantChange(editShare, job(), { after: ["view", "run"] }).allowed).toBe(true);
    expect(decideGrantChange(editShare, job(), { after: ["data"] })).toMatchObject({ allowed: false, reason: expect.stringContaining("Data") });
    expect(decideGrantChange(editShare, job(), { before: ["admin"] })).toMatchObject({ allowed: false, reason: expect.stringContaining("change or remove") });
    expect(decideGrantChange(editShare, job(), { after: [] })).toMatchObject({ allowed: false, reason: "Choose at least one capability." });
  });

  it("hands a resource over to anyone as its administrator, and only within span as a custodian", () => {
    const administrator = { capabilities: [...PRESETS.administrator.capabilities] };
    const custodian = { capabilities: ["view", "data"] as const };
    expect(decideHandOver(administrator, { isActor: false, inActorSpan: false }).allowed).toBe(true);
    expect(decideHandOver({ capabilities: [...custodian.capabilities] }, { isActor: false, inActorSpan: false }).allowed).toBe(false);
    expect(decideHandOver({ capabilities: [...custodian.capabilities] }, { isActor: true, inActorSpan: false }).allowed).toBe(true);
    expect(decideHandOver({ capabilities: [] }, { isActor: false, inActorSpan: true }).allowed).toBe(true);
  });

  it("previews a member's view only for admins over members in span, never oneself", () => {
    expect(decideViewAs(adam, ulla).allowed).toBe(true);
    expect(decideViewAs(adam, adam).allowed).toBe(false);
    expect(decideViewAs(ulla, adam).allowed).toBe(false);
    expect(decideViewAs(member("group_admin", "Sales"), ulla)).toMatchObject({ allowed: false, reason: expect.stringContaining("cannot preview") });
  });
});

describe("reporting how a run or restore ended", () => {
  const storage = job({ type: "storage", name: "vault" });
  const table: Array<[string, string[], ResourceFacts, "run" | "restore", boolean | "NOT_FOUND"]> = [
    ["Run reports a run", [...PRESETS.run.capabilities], job(), "run", true],
    ["View only cannot report a run", ["view"], job(), "run", false],
    ["Activity Manager reports a run", [...PRESETS.activity_manager.capabilities], job(), "run", true],
    ["Run cannot report a restore", ["view", "run"], storage, "restore", false],
    ["Data reports a restore", ["view", "data"], storage, "restore", true],
    ["Administrator reports anything", ["admin"], storage, "restore", true],
    ["no grant: the resource is NOT_FOUND", [], job(), "run", "NOT_FOUND"],
  ];
  it.each(table)("%s", (_, capabilities, resource, action, expected) => {
    const access = effectiveAccess(subject(ulla), resource, capabilities.length ? [grant(capabilities)] : [], noOwner);
    const decision = decideFinishRun(access, resource, action);
    if (expected === "NOT_FOUND") expect(decision).toMatchObject({ allowed: false, code: "NOT_FOUND" });
    else expect(decision.allowed).toBe(expected);
    if (expected === false) expect(decision.reason).toContain(`Reporting how a ${action} ended needs what starting it needs.`);
  });
});

describe("which preference a resource event answers to", () => {
  it("sends failures, other run news and access changes to their own choices; plain addresses get the defaults", () => {
    expect(notificationCategory({ kind: "run", phase: "failed" })).toBe("failures");
    expect(notificationCategory({ kind: "restore", phase: "failed" })).toBe("failures");
    expect(notificationCategory({ kind: "run", phase: "started" })).toBe("activity");
    expect(notificationCategory({ kind: "restore", phase: "succeeded" })).toBe("activity");
    expect(notificationCategory({ kind: "access" })).toBe("access");
    expect([...DEFAULT_NOTIFICATIONS].sort()).toEqual(["access", "failures"]);
  });
});

describe("opening an email of the outbox", () => {
  it("is for the owner, and only when the built-in mailbox is the destination", () => {
    expect(decideOpenOutboxEmail({ isOwner: true }, "mailbox").allowed).toBe(true);
    expect(decideOpenOutboxEmail({ isOwner: false }, "mailbox").allowed).toBe(false);
    expect(decideOpenOutboxEmail({ isOwner: true }, "smtp").allowed).toBe(false);
  });
});
