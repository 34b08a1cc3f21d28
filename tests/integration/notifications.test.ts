// Seed 001: resource events are emailed to everyone on the ACL and to the plain addresses on
// it, through the outbox; members choose which kinds of event they get. "Everyone on the
// ACL" is every member a grant reaches (directly, through a team, through a group subtree)
// and the owner, as far as rule 7 still shows them the resource.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_NOTIFICATIONS } from "@/server/authz";
import { org, type BuiltOrg } from "../factories/org";
import { deliverTo, linkIn, startSmtpCatcher, type SmtpCatcher } from "../support/smtp-catcher";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let smtp: SmtpCatcher;
let job: string;
let ops: string;

beforeAll(async () => {
  t = await testDatabase();
  smtp = await startSmtpCatcher();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("erin", "user", "Sales/EMEA")
    .withMember("ulla", "user", "Engineering")
    .withMember("uwe", "user", "Engineering")
    .withMember("una", "user", "Engineering")
    .withMember("dora", "user", "Sales/EMEA", "DISABLED")
    .create();
  const owner = await acme.signIn("owner");
  job = (await owner.resources.create({ type: "job", name: "nightly", description: "", private: false })).id;
  ops = (await owner.teams.create({ name: "Ops", description: "" })).id;
  await owner.teams.addMember({ teamId: ops, membershipId: acme.member("ulla") });
  await owner.teams.addMember({ teamId: ops, membershipId: acme.member("uwe") });
  await owner.resources.grant({ resourceId: job, principal: { kind: "TEAM", teamId: ops }, capabilities: ["view", "run"] });
  await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("adam") }, capabilities: ["view"] });
  await owner.resources.grant({ resourceId: job, principal: { kind: "GROUP", groupId: acme.group("Sales") }, capabilities: ["view"] });
  await owner.resources.grant({ resourceId: job, principal: { kind: "EMAIL", email: "oncall@example.test" }, capabilities: [] });
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});
beforeEach(async () => {
  await t.db.outboxEmail.deleteMany();
  smtp.messages.length = 0;
  await t.db.membership.updateMany({ where: { organizationId: acme.id }, data: { notifyOn: ["failures", "access"], resourceScope: [] } });
});

const recipients = async () => (await t.db.outboxEmail.findMany({ where: { kind: "resource-event" }, orderBy: { to: "asc" } })).map((e) => e.to);
const sorted = (...to: string[]) => [...to].sort();

async function startRun(login = "ulla") {
  const caller = await acme.signIn(login);
  const { activityId } = await caller.resources.act({ resourceId: job, action: "run" });
  await t.db.outboxEmail.deleteMany();
  return { caller, activityId };
}

describe("who is emailed about a resource event", () => {
  it("a failure reaches the owner, direct, team and group-subtree grantees and the plain addresses; not the actor", async () => {
    const { caller: ulla, activityId } = await startRun();
    await ulla.resources.finishRun({ activityId, outcome: "FAILED", output: "exit status 12" });
    // gary (Sales) and erin (Sales/EMEA) through the Sales group grant; dora is disabled.
    expect(await recipients()).toEqual(
      sorted(acme.email("owner"), acme.email("adam"), acme.email("uwe"), acme.email("gary"), acme.email("erin"), "oncall@example.test"),
    );
    await deliverTo(t.db, smtp.url);
    const toErin = await smtp.waitFor(acme.email("erin"));
    expect(toErin.subject).toBe("nightly: run failed");
    expect(toErin.text).toContain("A run of the job nightly failed, as ulla reported.");
    expect(toErin.text).toContain("exit status 12");
    expect(linkIn(toErin, `/o/${acme.slug}/resources/${job}`)).toBeTruthy();
    const toOncall = await smtp.waitFor("oncall@example.test");
    expect(toOncall.text).toContain("failed");
    expect(toOncall.text).not.toContain("/resources/");
    expect(toOncall.text).toContain("notification list of nightly");
  });

  it("starts and successes reach only the members who asked for them, never the plain addresses", async () => {
    const uwe = await acme.signIn("uwe");
    expect(await uwe.account.notifications()).toEqual([{ organization: { name: "Acme", slug: acme.slug }, events: ["failures", "access"] }]);
    await uwe.account.setNotifications({ organization: acme.slug, events: ["activity"] });
    const ulla = await acme.signIn("ulla");
    const { activityId } = await ulla.resources.act({ resourceId: job, action: "run" });
    expect(await recipients()).toEqual([acme.email("uwe")]);
    const [started] = await t.db.outboxEmail.findMany({ where: { kind: "resource-event" } });
    expect(started!.subject).toBe("nightly: run started by ulla");

    await t.db.outboxEmail.deleteMany();
    await ulla.resources.finishRun({ activityId, outcome: "SUCCEEDED" });
    expect(await recipients()).toEqual([acme.email("uwe")]);

    // uwe chose runs and restores only, so a failure now skips him.
    const next = await startRun();
    await next.caller.resources.finishRun({ activityId: next.activityId, outcome: "FAILED" });
    expect(await recipients()).not.toContain(acme.email("uwe"));
    expect(await t.db.auditEvent.count({ where: { action: "member.notificationPreferences", targetId: acme.member("uwe") } })).toBe(1);
  });

  it("access changes reach everyone on the ACL, including whoever a removed grant reached", async () => {
    const owner = await acme.signIn("owner");
    await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("una") }, capabilities: ["view"] });
    expect(await recipients()).toEqual(
      sorted(acme.email("adam"), acme.email("una"), acme.email("ulla"), acme.email("uwe"), acme.email("gary"), acme.email("erin"), "oncall@example.test"),
    );
    await t.db.outboxEmail.deleteMany();
    const { grants } = await owner.resources.access({ resourceId: job });
    const unas = grants.find((g) => g.kind === "MEMBER" && g.principal.name === "una")!;
    await owner.resources.revoke({ resourceId: job, grantId: unas.id });
    expect(await recipients()).toContain(acme.email("una"));
  });

  it("follow rule 7: a resource scope that leaves the resource out, or a private resource seen without view, sends nothing", async () => {
    const owner = await acme.signIn("owner");
    const store = (await owner.resources.create({ type: "storage", name: "vault", description: "", private: true })).id;
    const other = (await owner.resources.create({ type: "storage", name: "other", description: "", private: false })).id;
    await owner.resources.grant({ resourceId: store, principal: { kind: "TEAM", teamId: ops }, capabilities: ["view", "data"] });
    // The Sales subtree manages the ACL but cannot see a private resource (seed 003).
    await owner.resources.grant({ resourceId: store, principal: { kind: "GROUP", groupId: acme.group("Sales") }, capabilities: ["data", "share"] });
    const adam = await acme.signIn("adam");
    await adam.members.setResourceScope({ membershipId: acme.member("uwe"), resourceIds: [other] });
    await t.db.outboxEmail.deleteMany();

    const ulla = await acme.signIn("ulla");
    const { activityId } = await ulla.resources.act({ resourceId: store, action: "restore" });
    await ulla.resources.finishRun({ activityId, outcome: "FAILED" });
    // Not uwe (his scope leaves the vault out), not gary or erin (no view on a private resource).
    expect(await recipients()).toEqual([acme.email("owner")]);
  });

  it("are part of the change: a refused run or report sends nothing", async () => {
    const adam = await acme.signIn("adam");
    await expect(adam.resources.act({ resourceId: job, action: "run" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { activityId } = await startRun();
    await expect(adam.resources.finishRun({ activityId, outcome: "FAILED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await recipients()).toEqual([]);
  });

  it("a new member starts with the default choices, which the schema and the rules share", async () => {
    const owner = await acme.signIn("owner");
    const { membershipId } = await owner.members.create({
      email: "newcomer@acme.test",
      name: "Newcomer",
      groupId: acme.group("Engineering"),
      roleId: acme.role("user"),
    });
    const row = await t.db.membership.findUniqueOrThrow({ where: { id: membershipId } });
    expect([...row.notifyOn].sort()).toEqual([...DEFAULT_NOTIFICATIONS].sort());
  });

  it("preferences are per organization and only one's own", async () => {
    const uwe = await acme.signIn("uwe");
    await expect(uwe.account.setNotifications({ organization: "no-such-org", events: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(uwe.account.setNotifications({ organization: acme.slug, events: ["everything" as never] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
