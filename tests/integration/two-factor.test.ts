import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/server/auth/crypto";
import { openContent } from "@/server/email/outbox";
import { checkCredentials as check } from "@/server/services/account";
import { NO_SETTINGS } from "@/server/services/policies";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme").withMember("ulla", "user").create();
});
afterAll(() => t.close());

// Sign-in limits have their own tests (throttle.test.ts); here every check starts afresh.
async function checkCredentials(...args: Parameters<typeof check>) {
  await t.db.signInThrottle.deleteMany();
  return check(...args);
}

// The code an authenticator app would show, computed here from the enrolled secret.
const codeAt = (secret: string, timestamp: number) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp });

describe("two-factor sign-in", () => {
  let secret = "";
  let recoveryCodes: string[] = [];

  it("enrolls with a QR code and secret, confirmed by a code, and gives ten recovery codes once", async () => {
    const ulla = await acme.signIn("ulla");
    expect(await ulla.account.twoFactor()).toMatchObject({ enabled: false });
    const details = await ulla.account.beginTwoFactor();
    expect(details.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(details.uri).toContain("otpauth://totp/Steward:ulla%40acme.test");
    secret = details.secret;
    await expect(ulla.account.confirmTwoFactor({ code: "000000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await ulla.account.twoFactor()).toMatchObject({ enabled: false });
    // The previous time step, so that the sign-in below can use the current one.
    const confirmed = await ulla.account.confirmTwoFactor({ code: codeAt(secret, Date.now() - 30_000) });
    recoveryCodes = confirmed.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await ulla.account.twoFactor()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: acme.email("ulla") } });
    expect(stored.totpSecret).not.toContain(secret);
    const hashes = await t.db.recoveryCode.findMany({ where: { userId: stored.id } });
    expect(hashes.some((h) => recoveryCodes.includes(h.codeHash))).toBe(false);
  });

  it("asks for the second factor after the password, accepts a code once, refuses its replay", async () => {
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD)).toEqual({ status: "second-factor-required" });
    expect(await checkCredentials(t.db, acme.email("ulla"), "wrong password")).toEqual({ status: "invalid" });
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, "123456")).toEqual({ status: "second-factor-invalid" });
    const code = codeAt(secret, Date.now());
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, code)).toMatchObject({ status: "ok" });
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, code)).toEqual({ status: "second-factor-invalid" });
    // An older code (the enrollment step) is refused too: steps only move forward.
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, codeAt(secret, Date.now() - 30_000))).toEqual({ status: "second-factor-invalid" });
  });

  it("accepts each recovery code once, whatever its case or spacing", async () => {
    const code = recoveryCodes[0]!;
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, ` ${code.toUpperCase()} `)).toMatchObject({ status: "ok" });
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, code)).toEqual({ status: "second-factor-invalid" });
    // Without its dashes, or with spaces between the groups, it is the same code.
    const bare = recoveryCodes[3]!.replaceAll("-", "").toUpperCase();
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, bare)).toMatchObject({ status: "ok" });
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, recoveryCodes[3]!.replaceAll("-", " "))).toEqual({ status: "second-factor-invalid" });
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, recoveryCodes[4]!.replaceAll("-", " "))).toMatchObject({ status: "ok" });
    const ulla = await t.db.user.findUniqueOrThrow({ where: { email: acme.email("ulla") } });
    expect(await t.db.recoveryCode.count({ where: { userId: ulla.id, usedAt: null } })).toBe(7);
  });

  it("still accepts codes issued before 80-bit codes (12 symbols, stored with their dashes), typed either way", async () => {
    const ulla = await t.db.user.findUniqueOrThrow({ where: { email: acme.email("ulla") } });
    const legacy = ["abcd-efgh-jkmn", "pqrs-tuvw-xyz2"];
    await t.db.recoveryCode.createMany({ data: legacy.map((c) => ({ userId: ulla.id, codeHash: hashToken(c) })) });
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, "ABCDEFGHJKMN")).toMatchObject({ status: "ok" });
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, "abcd-efgh-jkmn")).toEqual({ status: "second-factor-invalid" });
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, " pqrs-tuvw-xyz2 ")).toMatchObject({ status: "ok" });
    await t.db.recoveryCode.deleteMany({ where: { userId: ulla.id, codeHash: { in: legacy.map(hashToken) } } });
  });

  it("lets two racing requests with the same code succeed only once", async () => {
    const code = codeAt(secret, Date.now() + 30_000);
    const results = await Promise.all([1, 2, 3].map(() => checkCredentials(t.db, acme.email("ulla"), PASSWORD, code)));
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
  });

  it("regenerates recovery codes against a current code, voiding the old ones", async () => {
    const claims = await t.db.user.findUniqueOrThrow({ where: { email: acme.email("ulla") } });
    const { callerFor } = await import("./harness");
    const ulla = callerFor(t.db, { userId: claims.id, sessionVersion: claims.sessionVersion }, acme.slug);
    await expect(ulla.account.regenerateRecoveryCodes({ code: "999999" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const fresh = await ulla.account.regenerateRecoveryCodes({ code: recoveryCodes[1]! });
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, recoveryCodes[2]!)).toEqual({ status: "second-factor-invalid" });
    expect(await checkCredentials(t.db, acme.email("ulla"), PASSWORD, fresh.recoveryCodes[0]!)).toMatchObject({ status: "ok" });
  });
});

describe("an admin turning off a member's two-factor sign-in (seed 002)", () => {
  it("is for members in span who have it; it ends their sessions and is audited", async () => {
    const admin = await org(t.db, "Beta").withMember("adam", "admin").withMember("gus", "group_support_technician").withMember("una", "user").create();
    const una = await admin.signIn("una");
    const { secret: unaSecret } = await una.account.beginTwoFactor();
    await una.account.confirmTwoFactor({ code: codeAt(unaSecret, Date.now()) });
    const adam = await admin.signIn("adam");
    expect(await adam.members.get({ membershipId: admin.member("una") })).toMatchObject({ hasTwoFactor: true });
    const gus = await admin.signIn("gus");
    await expect(gus.members.disableTwoFactor({ membershipId: admin.member("una") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adam.members.disableTwoFactor({ membershipId: admin.member("gus") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("no two-factor"),
    });
    await expect(adam.members.disableTwoFactor({ membershipId: acme.member("ulla") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await adam.members.disableTwoFactor({ membershipId: admin.member("una") });
    await expect(una.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await checkCredentials(t.db, admin.email("una"), PASSWORD)).toMatchObject({ status: "ok" });
    expect(await t.db.auditEvent.count({ where: { action: "member.disableTwoFactor", targetId: admin.member("una") } })).toBe(1);
    // The member is told by email, once (the refusals above sent nothing).
    const emails = await t.db.outboxEmail.findMany({ where: { kind: "two-factor-disabled" } });
    expect(emails.map((e) => [e.to, e.subject])).toEqual([[admin.email("una"), "Two-factor sign-in was turned off for your Steward account"]]);
    const { text, html } = openContent(emails[0]!.content!);
    for (const part of [text, html]) expect(part).toContain(`adam (${admin.email("adam")}), an administrator of Beta`);
  });
});

describe("the organization's two-factor policy (the root group's)", () => {
  it("holds administrative members back until they enroll, leaves end users alone when only admins must, and is audited", async () => {
    const gamma = await org(t.db, "Gamma")
      .withTree("Sales")
      .withMember("adam", "admin")
      .withMember("gary", "group_admin", "Sales")
      .withMember("una", "user", "Sales")
      .create();
    const root = gamma.group("");
    const policy = (twoFactor: "OFF" | "ADMINS" | "EVERYONE") => ({ ...NO_SETTINGS, twoFactor });
    const gary = await gamma.signIn("gary");
    await expect(gary.groups.setPolicy({ groupId: root, settings: policy("ADMINS") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const owner = await gamma.signIn("owner");
    await expect(owner.groups.setPolicy({ groupId: root, settings: policy("ADMINS") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("for yourself"),
    });
    const enrollment = await owner.account.beginTwoFactor();
    await owner.account.confirmTwoFactor({ code: codeAt(enrollment.secret, Date.now()) });
    await owner.groups.setPolicy({ groupId: root, settings: policy("ADMINS") });
    expect(await t.db.auditEvent.count({ where: { action: "group.setPolicy", targetId: root } })).toBe(1);

    await expect(gary.groups.list()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("requires two-factor sign-in") });
    const una = await gamma.signIn("una");
    await expect(una.members.list({})).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("View members") });
    // Enrolling is allowed while held back (account procedures are not organization-scoped).
    const { secret } = await gary.account.beginTwoFactor();
    await gary.account.confirmTwoFactor({ code: codeAt(secret, Date.now()) });
    expect((await gary.groups.list()).map((g) => g.name)).toEqual(["Sales"]);

    await owner.groups.setPolicy({ groupId: root, settings: policy("EVERYONE") });
    await expect(una.account.me()).resolves.toBeTruthy();
    await expect(una.organization.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
