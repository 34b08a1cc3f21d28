// Rotating the encryption key: authenticators enrolled and emails queued under one key stay
// usable after `rotate-key` moves them to the next and the old key leaves the configuration;
// values from before Steward had its own key ("v1", under NEXTAUTH_SECRET) move too.
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials as check } from "@/server/services/account";
import { rotateEncryptionKey } from "@/server/services/key-rotation";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { kidOf, newKey, saveEnv, sealV1 } from "../support/keys";
import { refusal, testDatabase, type TestDatabase } from "./harness";

const restore = saveEnv("STEWARD_ENCRYPTION_KEY", "NEXTAUTH_SECRET", "SMTP_URL");
let t: TestDatabase;
let acme: BuiltOrg;
beforeAll(async () => {
  delete process.env.SMTP_URL; // the built-in mailbox, which the owner may open
  t = await testDatabase();
  acme = await org(t.db, "Acme").withMember("ulla", "user").withMember("una", "user").create();
});
afterAll(async () => {
  await t.close();
  restore();
});

const useKeys = (...keys: string[]) => (process.env.STEWARD_ENCRYPTION_KEY = keys.join(","));
const codeAt = (secret: string, timestamp: number) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp });

// Each sign-in below starts with fresh sign-in limits (throttle.test.ts covers them).
async function signInWith(login: string, code: string) {
  await t.db.signInThrottle.deleteMany();
  return (await check(t.db, acme.email(login), PASSWORD, code)).status;
}

/** Enrolls the member (confirmed with the previous step's code, leaving the current one to sign in). */
async function enroll(login: string) {
  const caller = await acme.signIn(login);
  const { secret } = await caller.account.beginTwoFactor();
  const { recoveryCodes } = await caller.account.confirmTwoFactor({ code: codeAt(secret, Date.now() - 30_000) });
  return { secret, recoveryCodes };
}

/** The owner invites an address: one email queued in the outbox. Returns its id. */
async function queueInvitation(address: string) {
  const owner = await acme.signIn("owner");
  await owner.invitations.invite({ emails: [address], roleId: acme.role("user"), groupId: acme.group("") });
  return (await t.db.outboxEmail.findFirstOrThrow({ where: { to: address } })).id;
}

async function openAsOwner(emailId: string) {
  return (await acme.signIn("owner")).email.open({ emailId });
}

async function sealed(login: string, emailId: string) {
  const user = await t.db.user.findUniqueOrThrow({ where: { email: acme.email(login) } });
  const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: emailId } });
  return [user.totpSecret!, email.content!];
}

describe("rotating from key A to key B", () => {
  const A = newKey();
  const B = newKey("base64url");

  it("reseals under B with A kept, after which A can go and everything still opens", async () => {
    useKeys(A);
    const { secret } = await enroll("ulla");
    const emailId = await queueInvitation("nora@example.test");
    for (const value of await sealed("ulla", emailId)) expect(value.startsWith(`v2.${kidOf(A)}.`)).toBe(true);

    // The operator puts B first and keeps A: new values go under B, old ones still open.
    useKeys(B, A);
    expect((await openAsOwner(emailId)).text).toContain("/join/");

    const first = await rotateEncryptionKey(t.db, { batchSize: 1 });
    expect(first.kid).toBe(kidOf(B));
    const [totp, pending, contents] = first.columns;
    expect(totp).toMatchObject({ resealed: 1, current: 1, unreadable: {} });
    expect(pending).toMatchObject({ resealed: 0, unreadable: {} });
    const emails = await t.db.outboxEmail.count();
    expect(contents).toMatchObject({ resealed: emails, current: emails, unreadable: {} });
    for (const value of await sealed("ulla", emailId)) expect(value.startsWith(`v2.${kidOf(B)}.`)).toBe(true);

    // Audited as the system (no actor, no organization), one event per batch of one.
    const events = await t.db.auditEvent.findMany({ where: { action: "encryptionKey.reseal" } });
    expect(events).toHaveLength(1 + emails);
    expect(events.every((e) => e.organizationId === null && e.actorUserId === null && e.targetId === kidOf(B))).toBe(true);
    expect(events.find((e) => (e.after as { column: string }).column === "User.totpSecret")?.after).toEqual({
      column: "User.totpSecret",
      resealed: 1,
      from: { [kidOf(A)]: 1 },
    });

    // Running it again finds nothing left to do.
    const again = await rotateEncryptionKey(t.db);
    expect(again.columns.map((c) => c.resealed)).toEqual([0, 0, 0, 0]);
    expect(await t.db.auditEvent.count({ where: { action: "encryptionKey.reseal" } })).toBe(1 + emails);

    useKeys(B);
    expect(await signInWith("ulla", codeAt(secret, Date.now()))).toBe("ok");
    expect((await openAsOwner(emailId)).text).toContain("/join/");
  });
});

describe("dropping a key before rotate-key has run", () => {
  const C = newKey();
  const D = newKey();

  it("refuses to open what needs it, with a clear message, and rotate-key names the missing key", async () => {
    useKeys(C);
    const { secret, recoveryCodes } = await enroll("una");
    const emailId = await queueInvitation("omar@example.test");
    useKeys(D);

    const refused = await refusal(() => openAsOwner(emailId));
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("cannot be read with the server's encryption keys") });
    expect(refused.message).not.toMatch(/authenticate|decipher|v2\./i);
    // The authenticator cannot be checked, but a recovery code (a hash) still signs in.
    expect(await signInWith("una", codeAt(secret, Date.now()))).toBe("second-factor-invalid");
    expect(await signInWith("una", recoveryCodes[0]!)).toBe("ok");

    const stuck = await rotateEncryptionKey(t.db);
    expect(stuck.columns[0]!.unreadable[kidOf(C)]).toBe(1);
    expect(stuck.columns[2]!.unreadable[kidOf(C)]).toBe(1);
    expect((await sealed("una", emailId)).every((v) => v.startsWith(`v2.${kidOf(C)}.`))).toBe(true);

    // Put back after the current key, C's values move to D.
    useKeys(D, C);
    const fixed = await rotateEncryptionKey(t.db);
    expect(fixed.columns[0]!.unreadable[kidOf(C)]).toBeUndefined();
    useKeys(D);
    expect(await signInWith("una", codeAt(secret, Date.now()))).toBe("ok");
    expect((await openAsOwner(emailId)).text).toContain("/join/");
  });
});

describe("values sealed before Steward had its own key", () => {
  const E = newKey();

  it("open under the NEXTAUTH_SECRET they were sealed with, and rotate-key moves them off it", async () => {
    useKeys(E);
    process.env.NEXTAUTH_SECRET = "the session key of an install from before";
    const secret = new Secret({ size: 20 }).base32;
    const vera = await org(t.db, "Vera").withMember("vic", "user").create();
    const vic = await t.db.user.update({
      where: { email: vera.email("vic") },
      data: { totpSecret: sealV1(secret, process.env.NEXTAUTH_SECRET), totpEnabledAt: new Date() },
    });
    const email = await t.db.outboxEmail.create({
      data: {
        organizationId: vera.id,
        kind: "password-reset",
        to: "vic@vera.test",
        subject: "Reset your password",
        content: sealV1(JSON.stringify({ html: "<p>old</p>", text: "old email text", link: null }), process.env.NEXTAUTH_SECRET),
      },
    });
    const signInVic = async (code: string) => {
      await t.db.signInThrottle.deleteMany();
      return (await check(t.db, vera.email("vic"), PASSWORD, code)).status;
    };
    expect(await signInVic(codeAt(secret, Date.now() - 30_000))).toBe("ok");

    const report = await rotateEncryptionKey(t.db);
    expect(report.columns[0]!.resealed).toBe(1);
    expect(report.columns[2]!.resealed).toBe(1);
    const after = await t.db.user.findUniqueOrThrow({ where: { id: vic.id } });
    expect(after.totpSecret!.startsWith(`v2.${kidOf(E)}.`)).toBe(true);
    const audited = await t.db.auditEvent.findMany({ where: { action: "encryptionKey.reseal", targetId: kidOf(E) } });
    expect(audited.map((e) => (e.after as { from: object }).from)).toContainEqual({ v1: 1 });

    // Now the session key can change (everybody is signed out) without costing anything else.
    process.env.NEXTAUTH_SECRET = "a new session key";
    expect(await signInVic(codeAt(secret, Date.now()))).toBe("ok");
    const owner = await vera.signIn("owner");
    expect((await owner.email.open({ emailId: email.id })).text).toBe("old email text");
  });
});
