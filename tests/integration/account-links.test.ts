// Forgot password and email change end to end through tRPC: the email goes through the
// outbox to a real SMTP server on loopback, its link is used once; bad, used and expired
// links are refused with what happened, and refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/services/account";
import { PASSWORD_RESET_RESPONSE_FLOOR_MS } from "@/server/services/account-links";
import { SIGN_IN_LIMITS, reserveSignIn } from "@/server/services/throttle";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { deliverTo, linkIn, startSmtpCatcher, type SmtpCatcher } from "../support/smtp-catcher";
import { callerFor, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let smtp: SmtpCatcher;
const NEW_PASSWORD = "a brand new passphrase";

// One member per test, so that sign-in limits and mail counts of one test do not leak into another.
const LOGINS = ["rita", "una", "ravi", "tess", "lou", "cora", "ella", "tom", "wes", "nick", "rae"];

beforeAll(async () => {
  t = await testDatabase();
  smtp = await startSmtpCatcher();
  let builder = org(t.db, "Acme");
  for (const login of LOGINS) builder = builder.withMember(login, "user");
  acme = await builder.create();
});
afterAll(async () => {
  await smtp.close();
  await t.close();
});

const anonymous = () => callerFor(t.db, null, null);
const links = () => anonymous().accountLinks;

const deliver = () => deliverTo(t.db, smtp.url);

const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.toLowerCase().includes(address));
const tokenIn = (mail: { text: string }, path: string) => new URL(linkIn(mail, path)).pathname.split("/")[2]!;

/** Asks for a reset of `login`'s password and returns the token from the delivered email. */
async function resetToken(login: string) {
  const address = acme.email(login);
  const sent = mailsTo(address).length;
  expect(await links().requestPasswordReset({ email: address })).toEqual({ ok: true });
  await deliver();
  const mails = mailsTo(address);
  expect(mails).toHaveLength(sent + 1);
  return tokenIn(mails.at(-1)!, "/reset-password/");
}

/** Everything a link could change for this user, plus what it could send or record. */
async function snapshot(email: string) {
  const [user, outbox, audits, openTokens] = await Promise.all([
    t.db.user.findUnique({ where: { email }, select: { email: true, passwordHash: true, sessionVersion: true } }),
    t.db.outboxEmail.count(),
    t.db.auditEvent.count(),
    t.db.accountToken.count({ where: { usedAt: null } }),
  ]);
  return { user, outbox, audits, openTokens };
}

describe("forgot password", () => {
  it("emails a link with HTML and text parts that sets a new password once and signs out everywhere", async () => {
    const address = acme.email("rita");
    const browser = await acme.signIn("rita");
    await t.db.user.update({ where: { email: address }, data: { mustChangePassword: true } });

    expect(await links().requestPasswordReset({ email: `  ${address.toUpperCase()} ` })).toEqual({ ok: true });
    await deliver();
    const mail = await smtp.waitFor(address);
    const token = tokenIn(mail, "/reset-password/");
    expect(mail.subject).toBe("Reset your Steward password");
    expect(mail.html).toMatch(/<html/i);
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("rita");
      expect(part).toContain(`/reset-password/${token}`);
    }
    expect(token).toHaveLength(43);
    const row = await t.db.accountToken.findFirstOrThrow({ where: { user: { email: address }, purpose: "PASSWORD_RESET" } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 60_000);
    expect(await t.db.auditEvent.count({ where: { action: "account.passwordResetRequested", targetId: row.userId, actorUserId: null } })).toBe(1);

    expect(await links().previewPasswordReset({ token })).toEqual({ email: "r***@acme.test" });
    expect(await links().resetPassword({ token, newPassword: NEW_PASSWORD })).toEqual({ email: address });

    await expect(browser.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await t.db.session.count({ where: { userId: row.userId, endedAt: null } })).toBe(0);
    expect(await verifyCredentials(t.db, address, PASSWORD)).toBeNull();
    expect(await verifyCredentials(t.db, address, NEW_PASSWORD)).toMatchObject({ userId: row.userId });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: row.userId } })).toMatchObject({ mustChangePassword: false });
    expect(await t.db.auditEvent.count({ where: { action: "account.passwordReset", targetId: row.userId } })).toBe(1);

    // The link works once.
    const before = await snapshot(address);
    await expect(links().resetPassword({ token, newPassword: "yet another passphrase" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already used"),
    });
    await expect(links().previewPasswordReset({ token })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already used"),
    });
    expect(await snapshot(address)).toEqual(before);
  });

  it("answers an unknown address exactly as a known one, no sooner, and sends nothing", async () => {
    const before = await snapshot("nobody@example.test");
    const started = performance.now();
    expect(await links().requestPasswordReset({ email: "nobody@example.test" })).toEqual({ ok: true });
    // Finding no account is quick; the answer waits as long as sending would take.
    expect(performance.now() - started).toBeGreaterThanOrEqual(PASSWORD_RESET_RESPONSE_FLOOR_MS - 5);
    expect(await links().requestPasswordReset({ email: "no-such-login" })).toEqual({ ok: true });
    await deliver();
    expect(await snapshot("nobody@example.test")).toEqual(before);
    expect(mailsTo("nobody@example.test")).toHaveLength(0);
  });

  it("accepts a username as sign-in does", async () => {
    await t.db.user.update({ where: { email: acme.email("una") }, data: { username: "una.u" } });
    expect(await links().requestPasswordReset({ email: "Una.U" })).toEqual({ ok: true });
    await deliver();
    expect(mailsTo(acme.email("una"))).toHaveLength(1);
  });

  it("sends at most 3 reset emails per account in 15 minutes, answering the same", async () => {
    const address = acme.email("ravi");
    for (let i = 0; i < 4; i++) expect(await links().requestPasswordReset({ email: address })).toEqual({ ok: true });
    await deliver();
    expect(mailsTo(address)).toHaveLength(3);
    expect(await t.db.accountToken.count({ where: { user: { email: address } } })).toBe(3);
    expect(await t.db.outboxEmail.count({ where: { to: address } })).toBe(3);

    // Once the window has passed, a request is honoured again.
    await t.db.accountToken.updateMany({ where: { user: { email: address } }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    await links().requestPasswordReset({ email: address });
    await deliver();
    expect(mailsTo(address)).toHaveLength(4);
  });

  it("refuses tampered, expired and replaced links, changing nothing", async () => {
    const address = acme.email("tess");
    const token = await resetToken("tess");
    const before = await snapshot(address);
    const flipped = (token[0] === "A" ? "B" : "A") + token.slice(1);
    for (const bad of [flipped, token.slice(0, 40), `${token}x`, "not-a-token"]) {
      await expect(links().previewPasswordReset({ token: bad })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("not valid") });
      await expect(links().resetPassword({ token: bad, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringContaining("This password reset link is not valid"),
      });
    }
    expect(await snapshot(address)).toEqual(before);

    await t.db.accountToken.updateMany({ where: { user: { email: address } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(links().previewPasswordReset({ token })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("expired") });
    await expect(links().resetPassword({ token, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/expired.*ask for a new link/i),
    });
    expect(await snapshot(address)).toEqual(before);

    // Using one link closes the others the account still had.
    const first = await resetToken("tess");
    const second = await resetToken("tess");
    await links().resetPassword({ token: second, newPassword: NEW_PASSWORD });
    const after = await snapshot(address);
    await expect(links().resetPassword({ token: first, newPassword: "yet another passphrase" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already used"),
    });
    expect(await snapshot(address)).toEqual(after);
    expect(await verifyCredentials(t.db, address, NEW_PASSWORD)).not.toBeNull();
  });

  it("enforces the password policy", async () => {
    const token = await resetToken("cora");
    await expect(links().resetPassword({ token, newPassword: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at least 10"),
    });
    await expect(links().resetPassword({ token, newPassword: "password123" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await links().previewPasswordReset({ token })).toEqual({ email: "c***@acme.test" });
  });

  it("lifts the sign-in lockout of the account's logins", async () => {
    const address = acme.email("lou");
    await t.db.user.update({ where: { email: address }, data: { username: "lou.l" } });
    // Lock both logins out, as a run of wrong passwords would, spaced past the delays.
    const start = Date.now() - 12 * 60_000;
    for (const login of [address, "lou.l"]) {
      for (let i = 0; i < SIGN_IN_LIMITS.login.attempts; i++) await reserveSignIn(t.db, login, null, new Date(start + i * 70_000));
      expect(await reserveSignIn(t.db, login, null)).toMatchObject({ allowed: false });
    }
    const token = await resetToken("lou");
    await links().resetPassword({ token, newPassword: NEW_PASSWORD });
    expect(await verifyCredentials(t.db, address, NEW_PASSWORD)).not.toBeNull();
    expect(await verifyCredentials(t.db, "lou.l", NEW_PASSWORD)).not.toBeNull();
  });

  it("of two simultaneous resets with one link, accepts one and refuses the other", async () => {
    const address = acme.email("nick");
    const token = await resetToken("nick");
    const attempts = await Promise.allSettled([
      links().resetPassword({ token, newPassword: "the first passphrase" }),
      links().resetPassword({ token, newPassword: "the second passphrase" }),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.filter((a) => a.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("already used") });
    const winner = attempts[0]!.status === "fulfilled" ? "the first passphrase" : "the second passphrase";
    const loser = winner === "the first passphrase" ? "the second passphrase" : "the first passphrase";
    expect(await verifyCredentials(t.db, address, loser)).toBeNull();
    expect(await verifyCredentials(t.db, address, winner)).not.toBeNull();
    const user = await t.db.user.findUniqueOrThrow({ where: { email: address } });
    expect(await t.db.auditEvent.count({ where: { action: "account.passwordReset", targetId: user.id } })).toBe(1);
  });
});

describe("changing one's email address", () => {
  it("confirms at the new address, tells the old one, and changes nothing until confirmed", async () => {
    const oldAddress = acme.email("ella");
    const newAddress = "ella.new@example.test";
    const ella = await acme.signIn("ella");
    const pendingReset = await resetToken("ella");

    expect(await ella.accountLinks.requestEmailChange({ newEmail: " Ella.New@Example.test ", currentPassword: PASSWORD })).toEqual({ newEmail: newAddress });
    await deliver();
    const confirmation = await smtp.waitFor(newAddress);
    expect(confirmation.subject).toBe("Confirm your new email address for Steward");
    expect(confirmation.html).toMatch(/<html/i);
    const token = tokenIn(confirmation, "/confirm-email/");
    for (const part of [confirmation.html, confirmation.text]) {
      expect(part).toContain(`/confirm-email/${token}`);
      expect(part).toContain(oldAddress);
    }
    const notices = mailsTo(oldAddress).filter((m) => m.subject.includes("email address"));
    expect(notices.map((m) => m.subject)).toEqual(["A change of your Steward email address was requested"]);
    expect(notices[0]!.text).toContain(newAddress);
    expect(notices[0]!.text).not.toContain("/confirm-email/");

    // Nothing changes until the new address confirms.
    expect((await ella.account.me()).email).toBe(oldAddress);
    expect(await verifyCredentials(t.db, newAddress, PASSWORD)).toBeNull();
    expect(await verifyCredentials(t.db, oldAddress, PASSWORD)).not.toBeNull();

    expect(await links().confirmEmailChange({ token })).toEqual({ email: newAddress });
    expect(await verifyCredentials(t.db, newAddress, PASSWORD)).not.toBeNull();
    expect(await verifyCredentials(t.db, oldAddress, PASSWORD)).toBeNull();
    // The session that asked stays signed in, now under the new address.
    expect((await ella.account.me()).email).toBe(newAddress);
    await deliver();
    expect(mailsTo(oldAddress).at(-1)).toMatchObject({ subject: "Your Steward email address was changed" });
    const userId = (await ella.account.me()).userId;
    expect(await t.db.auditEvent.findFirstOrThrow({ where: { action: "account.emailChanged", targetId: userId } })).toMatchObject({
      before: { email: oldAddress },
      after: { email: newAddress },
    });
    // A reset link sent to the old address no longer works.
    await expect(links().previewPasswordReset({ token: pendingReset })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    // The link works once.
    const before = await snapshot(newAddress);
    await expect(links().confirmEmailChange({ token })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already used"),
    });
    expect(await snapshot(newAddress)).toEqual(before);
  });

  it("refuses a wrong current password, the current address and a taken one, sending nothing", async () => {
    const tom = await acme.signIn("tom");
    const before = await snapshot(acme.email("tom"));
    await expect(tom.accountLinks.requestEmailChange({ newEmail: "tom.new@example.test", currentPassword: "not my password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Your current password is not correct.",
    });
    await expect(tom.accountLinks.requestEmailChange({ newEmail: acme.email("tom"), currentPassword: PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("already your email address"),
    });
    await expect(tom.accountLinks.requestEmailChange({ newEmail: acme.email("wes").toUpperCase(), currentPassword: PASSWORD })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "That address is already used by another Steward account.",
    });
    await expect(tom.accountLinks.requestEmailChange({ newEmail: "not an address", currentPassword: PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anonymous().accountLinks.requestEmailChange({ newEmail: "tom.new@example.test", currentPassword: PASSWORD })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await snapshot(acme.email("tom"))).toEqual(before);
  });

  it("refuses to confirm an address taken meanwhile, changing nothing", async () => {
    const wes = await acme.signIn("wes");
    await wes.accountLinks.requestEmailChange({ newEmail: "contested@example.test", currentPassword: PASSWORD });
    await deliver();
    const token = tokenIn(await smtp.waitFor("contested@example.test"), "/confirm-email/");
    await t.db.user.update({ where: { email: acme.email("rae") }, data: { email: "contested@example.test" } });
    const before = await snapshot(acme.email("wes"));
    await expect(links().confirmEmailChange({ token })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "That address is already used by another Steward account.",
    });
    expect(await snapshot(acme.email("wes"))).toEqual(before);
    expect(await verifyCredentials(t.db, acme.email("wes"), PASSWORD)).not.toBeNull();
  });

  it("only the latest request can be confirmed; bad and expired links are refused", async () => {
    const una = await acme.signIn("una");
    await una.accountLinks.requestEmailChange({ newEmail: "typo@exmaple.test", currentPassword: PASSWORD });
    await una.accountLinks.requestEmailChange({ newEmail: "una.new@example.test", currentPassword: PASSWORD });
    await deliver();
    const mistyped = tokenIn(await smtp.waitFor("typo@exmaple.test"), "/confirm-email/");
    const latest = tokenIn(await smtp.waitFor("una.new@example.test"), "/confirm-email/");
    const before = await snapshot(acme.email("una"));
    await expect(links().confirmEmailChange({ token: mistyped })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(links().confirmEmailChange({ token: latest.slice(1) })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("This email confirmation link is not valid"),
    });
    // A password reset link is not an email confirmation link.
    await expect(links().confirmEmailChange({ token: await resetToken("una") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await t.db.accountToken.updateMany({ where: { newEmail: "una.new@example.test" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expiredBefore = await snapshot(acme.email("una"));
    await expect(links().confirmEmailChange({ token: latest })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("expired"),
    });
    expect(await snapshot(acme.email("una"))).toEqual(expiredBefore);
    expect(expiredBefore.user).toEqual(before.user);
  });
});
