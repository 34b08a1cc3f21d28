// Invitations end to end through tRPC: the email goes through the outbox to a real SMTP
// server on loopback, its link is opened and accepted once; closed links are refused with
// what happened, and refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/services/account";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { deliverTo, linkIn, startSmtpCatcher, type SmtpCatcher } from "../support/smtp-catcher";
import { callerFor, signIn, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
let smtp: SmtpCatcher;

beforeAll(async () => {
  t = await testDatabase();
  smtp = await startSmtpCatcher();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("ulla", "user", "Sales/EMEA")
    .create();
  globex = await org(t.db, "Globex").withMember("gil", "user").create();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const anonymous = () => callerFor(t.db, null, null);

/** Delivers everything due to the loopback SMTP server, as the worker does. */
const deliver = () => deliverTo(t.db, smtp.url);

/** Invites one address as `login` and returns the link from the delivered email. */
async function invite(login: string, address: string, role = "user", group = "Sales/EMEA") {
  const caller = await acme.signIn(login);
  const [result] = await caller.invitations.invite({ emails: [address], roleId: acme.role(role), groupId: acme.group(group) });
  expect(result).toMatchObject({ email: address, outcome: "invited" });
  await deliver();
  const mail = await smtp.waitFor(address);
  const url = new URL(linkIn(mail, "/join/"));
  const [, , organization, token] = url.pathname.split("/");
  return { mail, organization: organization!, token: token!, invitationId: result!.invitationId! };
}

/** Everything an acceptance could write. */
async function snapshot() {
  const [users, memberships, accepted, audits] = await Promise.all([
    t.db.user.count(),
    t.db.membership.count(),
    t.db.invitation.count({ where: { status: "ACCEPTED" } }),
    t.db.auditEvent.count(),
  ]);
  return { users, memberships, accepted, audits };
}

describe("inviting and accepting", () => {
  it("emails an invitation with HTML and text parts that activates a new account once", async () => {
    const { mail, organization, token } = await invite("adam", "nora@example.test", "support", "Sales");
    expect(mail.subject).toBe("adam invited you to Acme on Steward");
    expect(mail.from).toContain("steward@steward.test");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Acme");
      expect(part).toContain("adam");
      expect(part).toContain("Support");
      expect(part).toContain(`/join/${acme.slug}/${token}`);
    }
    expect(mail.html).toMatch(/<html/i);
    expect(token).toHaveLength(43);
    // Only the hash is stored, and the delivered email's content is dropped.
    const row = await t.db.invitation.findFirstOrThrow({ where: { email: "nora@example.test" } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const sent = await t.db.outboxEmail.findFirstOrThrow({ where: { to: "nora@example.test" } });
    expect(sent).toMatchObject({ status: "SENT", content: null, transport: "smtp", attempts: 1 });

    const preview = await anonymous().invitations.preview({ organization, token });
    expect(preview).toMatchObject({
      email: "nora@example.test",
      role: "Support",
      group: "Sales",
      accountExists: false,
      viewer: "anonymous",
      invitedBy: { name: "adam" },
    });

    const accepted = await anonymous().invitations.accept({ organization, token, name: "Nora North", password: "a fine long passphrase" });
    expect(accepted).toEqual({ organizationSlug: acme.slug, email: "nora@example.test", newAccount: true });
    const nora = await signIn(t.db, "nora@example.test", "a fine long passphrase", acme.slug);
    const me = await nora.account.me();
    expect(me.organizations.map((o) => o.slug)).toEqual([acme.slug]);
    expect(await nora.members.list({})).toMatchObject({ total: expect.any(Number) });
    expect(await t.db.auditEvent.count({ where: { action: "invitation.accept" } })).toBe(1);

    // The link works once.
    const before = await snapshot();
    await expect(anonymous().invitations.accept({ organization, token, name: "Nora Again", password: "another long passphrase" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already used"),
    });
    await expect(anonymous().invitations.preview({ organization, token })).rejects.toMatchObject({ message: expect.stringContaining("already used") });
    expect(await snapshot()).toEqual(before);
  });

  it("enforces the password policy and asks for a name", async () => {
    const { organization, token } = await invite("adam", "weak@example.test");
    await expect(anonymous().invitations.accept({ organization, token, name: "Weak", password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at least 10"),
    });
    await expect(anonymous().invitations.accept({ organization, token, name: "Weak", password: "password123" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anonymous().invitations.accept({ organization, token })).rejects.toMatchObject({
      message: expect.stringContaining("Choose your name and a password"),
    });
    expect(await t.db.user.count({ where: { email: "weak@example.test" } })).toBe(0);
    expect((await t.db.invitation.findFirstOrThrow({ where: { email: "weak@example.test" } })).status).toBe("PENDING");
  });

  it("lets a person with an account elsewhere join by signing in, keeping their password", async () => {
    const gilEmail = globex.email("gil");
    const { organization, token, mail } = await invite("adam", gilEmail);
    expect(mail.text).toContain("already have a Steward account");
    expect(await anonymous().invitations.preview({ organization, token })).toMatchObject({ accountExists: true, viewer: "anonymous" });
    await expect(anonymous().invitations.accept({ organization, token, name: "Mallory", password: "mallory's own password" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: expect.stringContaining(`sign in as ${gilEmail}`),
    });
    const ulla = await acme.signIn("ulla");
    expect(await ulla.invitations.preview({ organization, token })).toMatchObject({ viewer: "someone-else" });
    await expect(ulla.invitations.accept({ organization, token })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const gil = await globex.signIn("gil");
    expect(await gil.invitations.preview({ organization, token })).toMatchObject({ viewer: "invitee" });
    expect(await gil.invitations.accept({ organization, token })).toMatchObject({ newAccount: false });
    expect(await verifyCredentials(t.db, gilEmail, PASSWORD)).not.toBeNull();
    expect((await gil.account.me()).organizations.map((o) => o.slug).sort()).toEqual([acme.slug, globex.slug].sort());
  });

  it("invites several addresses at once, skipping members and pending invitations", async () => {
    const adam = await acme.signIn("adam");
    await adam.invitations.invite({ emails: ["pat@example.test"], roleId: acme.role("user"), groupId: acme.group("Engineering") });
    const results = await adam.invitations.invite({
      emails: ["Quinn@Example.test", "pat@example.test", acme.email("ulla"), "quinn@example.test", "rae@example.test"],
      roleId: acme.role("user"),
      groupId: acme.group("Engineering"),
    });
    expect(results.map((r) => [r.email, r.outcome])).toEqual([
      ["quinn@example.test", "invited"],
      ["pat@example.test", "skipped"],
      [acme.email("ulla"), "skipped"],
      ["rae@example.test", "invited"],
    ]);
    expect(results[1]!.reason).toContain("resend");
    expect(results[2]!.reason).toContain("Already a member");
  });

  it("answers a mistyped address on its own and still invites the others", async () => {
    const adam = await acme.signIn("adam");
    const results = await adam.invitations.invite({
      emails: ["val@example.test", "val at example.test", " Wes@Example.test ", "", "val at example.test"],
      roleId: acme.role("user"),
      groupId: acme.group("Engineering"),
    });
    expect(results.map((r) => [r.email, r.outcome, r.reason.startsWith("Not a valid email address")])).toEqual([
      ["val@example.test", "invited", false],
      ["val at example.test", "skipped", true],
      ["wes@example.test", "invited", false],
      ["", "skipped", true],
    ]);
    const sent = await t.db.invitation.findMany({ where: { email: { in: ["val@example.test", "wes@example.test", "val at example.test"] } } });
    expect(sent.map((i) => i.email).sort()).toEqual(["val@example.test", "wes@example.test"]);
  });
});

describe("who may invite", () => {
  it("applies the rules of creating a member: reach and rank", async () => {
    const gary = await acme.signIn("gary");
    await expect(gary.invitations.invite({ emails: ["x@example.test"], roleId: acme.role("user"), groupId: acme.group("Engineering") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(gary.invitations.invite({ emails: ["x@example.test"], roleId: acme.role("admin"), groupId: acme.group("Sales") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const ulla = await acme.signIn("ulla");
    await expect(ulla.invitations.invite({ emails: ["x@example.test"], roleId: acme.role("user"), groupId: acme.group("Sales/EMEA") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await t.db.invitation.count({ where: { email: "x@example.test" } })).toBe(0);
  });

  it("lists only invitations in the actor's reach, with who invited whom", async () => {
    const gary = await acme.signIn("gary");
    await gary.invitations.invite({ emails: ["sam@example.test"], roleId: acme.role("user"), groupId: acme.group("Sales/EMEA") });
    const garys = await gary.invitations.list({});
    expect(garys.rows.every((r) => r.group === "Sales" || r.group === "EMEA")).toBe(true);
    expect(garys.rows.map((r) => r.email)).toContain("sam@example.test");
    expect(garys.rows.map((r) => r.email)).not.toContain("pat@example.test"); // Engineering
    const adam = await acme.signIn("adam");
    const all = await adam.invitations.list({});
    expect(all.rows.find((r) => r.email === "sam@example.test")).toMatchObject({
      invitedBy: { name: "gary" },
      state: "PENDING",
      can: { resend: true, revoke: true },
    });
    expect(all.rows.find((r) => r.email === "nora@example.test")).toMatchObject({ state: "ACCEPTED", can: { resend: false, revoke: false } });
    const pending = await adam.invitations.list({ state: "PENDING" });
    expect(pending.rows.every((r) => r.state === "PENDING")).toBe(true);
    // Another organization sees none of them.
    const gil = await globex.signIn("owner");
    expect((await gil.invitations.list({})).rows.map((r) => r.email)).not.toContain("sam@example.test");
  });

  it("refuses an invitation whose inviter can no longer give that role", async () => {
    const { organization, token } = await invite("gary", "late@example.test", "user", "Sales");
    await t.db.membership.update({ where: { id: acme.member("gary") }, data: { groupId: acme.group("Engineering") } });
    try {
      const before = await snapshot();
      await expect(anonymous().invitations.accept({ organization, token, name: "Late", password: "a fine long passphrase" })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("gary can no longer give the role User"),
      });
      expect(await snapshot()).toEqual(before);
    } finally {
      await t.db.membership.update({ where: { id: acme.member("gary") }, data: { groupId: acme.group("Sales") } });
    }
  });
});

describe("closed and bad links change nothing", () => {
  it("refuses a tampered or unknown token", async () => {
    const { organization, token } = await invite("adam", "tamper@example.test");
    const before = await snapshot();
    const flipped = (token[0] === "A" ? "B" : "A") + token.slice(1);
    for (const bad of [flipped, token.slice(0, 40), `${token}x`, "not-a-token"]) {
      await expect(anonymous().invitations.accept({ organization, token: bad, name: "T", password: "a fine long passphrase" })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringContaining("not valid"),
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a link opened under another organization", async () => {
    const { token } = await invite("adam", "wrongorg@example.test");
    const before = await snapshot();
    await expect(anonymous().invitations.accept({ organization: globex.slug, token, name: "W", password: "a fine long passphrase" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`not for the organization “${globex.slug}”`),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an expired link, naming the date and whom to ask", async () => {
    const { organization, token, invitationId } = await invite("adam", "expired@example.test");
    await t.db.invitation.update({ where: { id: invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await snapshot();
    await expect(anonymous().invitations.accept({ organization, token, name: "E", password: "a fine long passphrase" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/expired on .* Ask adam \(adam@acme\.test\)/),
    });
    expect(await snapshot()).toEqual(before);
    const adam = await acme.signIn("adam");
    expect((await adam.invitations.list({ state: "EXPIRED" })).rows.map((r) => r.email)).toContain("expired@example.test");
  });

  it("refuses a revoked link; revoking twice is refused", async () => {
    const { organization, token, invitationId } = await invite("adam", "revoked@example.test");
    const adam = await acme.signIn("adam");
    await adam.invitations.revoke({ invitationId });
    await expect(adam.invitations.revoke({ invitationId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const before = await snapshot();
    await expect(anonymous().invitations.accept({ organization, token, name: "R", password: "a fine long passphrase" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("withdrawn by adam"),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("resending replaces the link: the old one stops working, the new one works", async () => {
    const { organization, token, invitationId } = await invite("adam", "resend@example.test");
    const adam = await acme.signIn("adam");
    await adam.invitations.resend({ invitationId });
    await deliver();
    const mails = smtp.messages.filter((m) => m.to.includes("resend@example.test"));
    expect(mails).toHaveLength(2);
    const fresh = new URL(linkIn(mails[1]!, "/join/")).pathname.split("/")[3]!;
    expect(fresh).not.toBe(token);
    await expect(anonymous().invitations.preview({ organization, token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await anonymous().invitations.accept({ organization, token: fresh, name: "Res", password: "a fine long passphrase" });
    expect((await t.db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).sendCount).toBe(2);
  });

  it("a Group Admin cannot revoke an invitation outside their subtree", async () => {
    const { invitationId } = await invite("adam", "outside@example.test", "user", "Engineering");
    const gary = await acme.signIn("gary");
    await expect(gary.invitations.revoke({ invitationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gary.invitations.resend({ invitationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("concurrency", () => {
  it("accepts one of two simultaneous acceptances and refuses the other", async () => {
    const { organization, token } = await invite("adam", "twice@example.test");
    const before = await snapshot();
    const attempts = await Promise.allSettled([
      anonymous().invitations.accept({ organization, token, name: "One", password: "a fine long passphrase" }),
      anonymous().invitations.accept({ organization, token, name: "Two", password: "another long passphrase" }),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.filter((a) => a.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("already used") });
    const after = await snapshot();
    expect(after.users - before.users).toBe(1);
    expect(after.memberships - before.memberships).toBe(1);
    expect(await t.db.membership.count({ where: { user: { email: "twice@example.test" } } })).toBe(1);
  });
});

describe("the outbox in the console", () => {
  it("shows admins their organization's emails; only the owner opens them, in mailbox mode", async () => {
    const adam = await acme.signIn("adam");
    const outbox = await adam.email.outbox({});
    expect(outbox.mode).toBe("mailbox");
    expect(outbox.rows.length).toBeGreaterThan(0);
    expect(outbox.rows.every((r) => r.subject.includes("Acme") || r.subject.includes("Steward"))).toBe(true);
    expect(outbox.rows.some((r) => r.to === globex.email("gil"))).toBe(true);
    // Globex sees none of Acme's emails.
    const globexOwner = await globex.signIn("owner");
    expect((await globexOwner.email.outbox({})).total).toBe(0);
    // Over SMTP the content is dropped once delivered; the rows that still hold it open for the owner alone.
    const pendingId = (await adam.invitations.invite({ emails: ["mailbox@example.test"], roleId: acme.role("user"), groupId: acme.group("Sales") }))[0]!
      .invitationId;
    expect(pendingId).toBeTruthy();
    const row = (await adam.email.outbox({ status: "PENDING" })).rows.find((r) => r.to === "mailbox@example.test")!;
    expect(row.can.open).toBe(false);
    await expect(adam.email.open({ emailId: row.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("owner") });
    const owner = await acme.signIn("owner");
    const opened = await owner.email.open({ emailId: row.id });
    expect(opened.text).toContain("/join/acme/");
    await expect(globexOwner.email.open({ emailId: row.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const gary = await acme.signIn("gary");
    await expect(gary.email.outbox({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets an admin put a failed email back in the queue", async () => {
    const adam = await acme.signIn("adam");
    await adam.invitations.invite({ emails: ["bounce@example.test"], roleId: acme.role("user"), groupId: acme.group("Sales") });
    smtp.refuse({ code: 550, message: "Mailbox unavailable" });
    try {
      await deliver();
    } finally {
      smtp.refuse(null);
    }
    const failed = (await adam.email.outbox({ status: "FAILED" })).rows.find((r) => r.to === "bounce@example.test")!;
    expect(failed).toMatchObject({ status: "FAILED", can: { retry: true } });
    expect(failed.lastError).toContain("Mailbox unavailable");
    await adam.email.retry({ emailId: failed.id });
    await expect(adam.email.retry({ emailId: failed.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await deliver();
    await smtp.waitFor("bounce@example.test");
    expect(await t.db.auditEvent.count({ where: { action: "email.retry", targetId: failed.id } })).toBe(1);
  });
});
