// Seed 001: resource events are emailed to everyone on the ACL and to the plain addresses on
// it, through the outbox; members choose which kinds of event they get (seed 002).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { deliverTo, linkIn, startSmtpCatcher, type SmtpCatcher } from "../support/smtp-catcher";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let smtp: SmtpCatcher;
let job: string;

beforeAll(async () => {
  t = await testDatabase();
  smtp = await startSmtpCatcher();
  acme = await org(t.db, "Acme")
    .withTree("Sales", "Engineering")
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("ulla", "user", "Engineering")
    .withMember("uwe", "user", "Engineering")
    .withMember("una", "user", "Engineering")
    .create();
  const owner = await acme.signIn("owner");
  job = (await owner.resources.create({ type: "job", name: "nightly", description: "", private: false })).id;
  const ops = (await owner.teams.create({ name: "Ops", description: "" })).id;
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
});

const recipients = async (kind = "resource-event") => (await t.db.outboxEmail.findMany({ where: { kind }, orderBy: { to: "asc" } })).map((e) => e.to);

describe("resource event emails", () => {
  it("go to the owner, direct and team grantees and the plain addresses, not to the actor or a whole group", async () => {
    const ulla = await acme.signIn("ulla");
    await ulla.resources.act({ resourceId: job, action: "run" });
    expect(await recipients()).toEqual([acme.email("adam"), acme.email("owner"), acme.email("uwe"), "oncall@example.test"].sort());
    await deliverTo(t.db, smtp.url);
    const toUwe = await smtp.waitFor(acme.email("uwe"));
    expect(toUwe.subject).toBe("nightly was run by ulla");
    expect(toUwe.html).toContain("started a run of the job nightly");
    expect(linkIn(toUwe, `/o/${acme.slug}/resources/${job}`)).toBeTruthy();
    const toOncall = await smtp.waitFor("oncall@example.test");
    expect(toOncall.text).toContain("started a run of the job nightly");
    expect(toOncall.text).not.toContain("/resources/");
    expect(toOncall.text).toContain("notification list of nightly");
  });

  it("follow each member's choice of events", async () => {
    const uwe = await acme.signIn("uwe");
    expect(await uwe.account.notifications()).toEqual([{ organization: { name: "Acme", slug: acme.slug }, events: ["activity", "access"] }]);
    await uwe.account.setNotifications({ organization: acme.slug, events: ["access"] });
    const ulla = await acme.signIn("ulla");
    await ulla.resources.act({ resourceId: job, action: "run" });
    expect(await recipients()).not.toContain(acme.email("uwe"));
    // Access changes still reach him.
    await t.db.outboxEmail.deleteMany();
    const owner = await acme.signIn("owner");
    await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("una") }, capabilities: ["view"] });
    expect(await recipients()).toEqual([acme.email("adam"), acme.email("una"), acme.email("ulla"), acme.email("uwe"), "oncall@example.test"].sort());
    expect(await t.db.auditEvent.count({ where: { action: "member.notificationPreferences", targetId: acme.member("uwe") } })).toBe(1);
  });

  it("are part of the change: a refused run sends nothing", async () => {
    const una = await acme.signIn("una");
    await expect(una.resources.act({ resourceId: job, action: "run" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await recipients()).toEqual([]);
  });

  it("preferences are per organization and only one's own", async () => {
    const uwe = await acme.signIn("uwe");
    await expect(uwe.account.setNotifications({ organization: "no-such-org", events: [] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(uwe.account.setNotifications({ organization: acme.slug, events: ["everything" as never] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
