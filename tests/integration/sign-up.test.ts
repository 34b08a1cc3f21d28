// Sign-up through tRPC, from the request to the account: refused unless anyone may create
// organizations; the same answer for new and registered addresses (each gets the email of
// its kind, read from the outbox); the link creates one account, once, even under races;
// limits; and refusals that change nothing.
vi.mock("@/server/auth/password", async (original) => {
  const real = await original<typeof import("@/server/auth/password")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as passwords from "@/server/auth/password";
import { hashToken } from "@/server/auth/crypto";
import { newLinkToken } from "@/server/auth/link-token";
import { decideSignUp, type OrganizationCreation } from "@/server/authz";
import type { Db } from "@/server/db";
import { openContent } from "@/server/email/outbox";
import { DEFAULT_RETENTION, pruneExpired } from "@/server/maintenance/prune";
import { SIGN_UP_TTL_MS } from "@/server/services/sign-up";
import { SIGN_UP_LIMITS } from "@/server/services/throttle";
import { createCaller } from "@/server/trpc/root";
import { org, type BuiltOrg } from "../factories/org";
import { refusal, signIn, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
const SECRET = "a long sign-up passphrase";

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme").withMember("rita", "user").create();
});
afterAll(() => t.close());

async function setting(value: OrganizationCreation) {
  await t.db.instanceSettings.upsert({
    where: { id: "instance" },
    create: { id: "instance", organizationCreation: value },
    update: { organizationCreation: value },
  });
}
beforeEach(() => setting("OPEN"));

// Each caller comes from its own address, so that the per-address limit of one test does not
// reach into another.
let addresses = 0;
const anonymous = (db: Db = t.db, ip = `192.0.2.${++addresses}`) => createCaller({ db, claims: null, orgSlug: null, ip }).signUp;

async function mailsTo(address: string) {
  const rows = await t.db.outboxEmail.findMany({ where: { to: address }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ kind: r.kind, subject: r.subject, ...openContent(r.content!) }));
}
const tokenIn = (mail: { text: string }) => mail.text.match(/\/signup\/verify\/([A-Za-z0-9_-]{43})/)?.[1];

/** Asks for an account and returns the token of the emailed link. */
async function requestToken(email: string, name = "Nora New") {
  const normalized = email.toLowerCase();
  expect(await anonymous().request({ name, email, password: SECRET })).toEqual({ email: normalized });
  const token = tokenIn((await mailsTo(normalized)).at(-1)!);
  expect(token).toBeDefined();
  return token!;
}

async function snapshot() {
  const [users, requests, outbox, audits] = await Promise.all([
    t.db.user.count(),
    t.db.signUpRequest.findMany({ orderBy: { id: "asc" } }),
    t.db.outboxEmail.count(),
    t.db.auditEvent.count(),
  ]);
  return { users, requests, outbox, audits };
}

describe("while sign-up is closed", () => {
  it.each(["OPERATORS", "MEMBERS"] as const)("refuses with the setting's reason under %s, hashes nothing and sends nothing", async (value) => {
    const token = await requestToken("early@example.test");
    await setting(value);
    const reason = decideSignUp(value).reason;
    expect(await anonymous().status()).toEqual({ open: false, reason });
    const hash = vi.mocked(passwords.hashPassword);
    hash.mockClear();
    const before = await snapshot();
    expect(await refusal(() => anonymous().request({ name: "Cleo", email: "cleo@example.test", password: SECRET }))).toMatchObject({
      code: "FORBIDDEN",
      message: reason,
    });
    // A link sent while sign-ups were open stops working once they close.
    expect(await refusal(() => anonymous().verify({ token }))).toMatchObject({ code: "FORBIDDEN", message: reason });
    expect(hash).not.toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
  });

  it("says it is open under OPEN", async () => {
    expect(await anonymous().status()).toEqual({ open: true, reason: decideSignUp("OPEN").reason });
  });
});

describe("asking for an account", () => {
  it("answers a new and a registered address alike, and emails each the right kind of message", async () => {
    const hash = vi.mocked(passwords.hashPassword);
    hash.mockClear();
    const registered = acme.email("rita");
    const fresh = "  Nora.New@Example.TEST ";
    const answers = [
      await anonymous().request({ name: "Nora New", email: fresh, password: SECRET }),
      await anonymous().request({ name: "Mallory", email: registered.toUpperCase(), password: SECRET }),
    ];
    expect(answers).toEqual([{ email: "nora.new@example.test" }, { email: registered }]);
    // Both paths hash, so that their time does not tell them apart.
    expect(hash).toHaveBeenCalledTimes(2);

    const [verify] = await mailsTo("nora.new@example.test");
    expect(verify).toMatchObject({ kind: "sign-up-verify", subject: "Confirm your email address to finish signing up to Steward" });
    const token = tokenIn(verify!);
    expect(verify!.html).toContain(`/signup/verify/${token}`);
    expect(verify!.text).toContain("Nora New");
    expect(verify!.link).toMatch(new RegExp(`/signup/verify/${token}$`));

    const row = await t.db.signUpRequest.findFirstOrThrow({ where: { email: "nora.new@example.test" } });
    expect(row).toMatchObject({ name: "Nora New", usedAt: null, ip: expect.stringMatching(/^192\.0\.2\./), tokenHash: hashToken(token!) });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SIGN_UP_TTL_MS);

    const [notice, ...more] = await mailsTo(registered);
    expect(more).toHaveLength(0);
    expect(notice).toMatchObject({ kind: "sign-up-existing", subject: "Someone tried to sign up to Steward with your address", link: null });
    expect(notice!.text).toMatch(/already has an account/);
    expect(notice!.text).toContain("/forgot-password");
    expect(notice!.text).not.toContain("/signup");
    expect(await t.db.signUpRequest.count({ where: { email: registered } })).toBe(0);
    expect(await t.db.user.count({ where: { email: registered } })).toBe(1);
  });

  it("keeps only the latest request of an address open", async () => {
    const first = await requestToken("twice@example.test", "First Try");
    const second = await requestToken("twice@example.test", "Second Try");
    expect(await refusal(() => anonymous().verify({ token: first }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("newer sign-up"),
    });
    await anonymous().verify({ token: second });
    expect(await t.db.user.findUniqueOrThrow({ where: { email: "twice@example.test" } })).toMatchObject({ name: "Second Try" });
  });

  it("refuses unsafe and invalid input in sentences, before any hashing", async () => {
    const hash = vi.mocked(passwords.hashPassword);
    hash.mockClear();
    const cases = [
      { name: "Nul\u0000Name", email: "nul@example.test", password: SECRET },
      { name: "Ok", email: "not an address", password: SECRET },
      { name: "   ", email: "blank@example.test", password: SECRET },
      { name: "Ok", email: "short@example.test", password: "short" },
      { name: "Ok", email: "common@example.test", password: "password123" },
    ];
    for (const input of cases) {
      const refused = await refusal(() => anonymous().request(input));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toMatch(/^[A-Z].*\.$/);
      expect(refused.message).not.toMatch(/\binput\.|\["|issues|zod/i);
    }
    expect(hash).not.toHaveBeenCalled();
    expect(await refusal(() => anonymous().verify({ token: "abc\u0000" }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("following the link", () => {
  it("creates exactly one account, without memberships, that signs in", async () => {
    const token = await requestToken("Ivy@Example.test", "Ivy Ito");
    expect(await anonymous().verify({ token })).toEqual({ email: "ivy@example.test" });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ivy@example.test" }, include: { memberships: true } });
    expect(user).toMatchObject({ name: "Ivy Ito", status: "ACTIVE", isOperator: false, memberships: [] });
    expect(await t.db.auditEvent.findFirstOrThrow({ where: { action: "account.signUp", targetId: user.id } })).toMatchObject({
      organizationId: null,
      actorUserId: user.id,
    });
    const me = await signIn(t.db, "ivy@example.test", SECRET);
    expect(await me.account.me()).toMatchObject({ email: "ivy@example.test" });

    // Used twice: a clear answer, and nothing more happens.
    const before = await snapshot();
    expect(await refusal(() => anonymous().verify({ token }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/already used.*sign in/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an expired link, asking to ask again", async () => {
    const token = await requestToken("late@example.test");
    await t.db.signUpRequest.updateMany({ where: { email: "late@example.test" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await snapshot();
    expect(await refusal(() => anonymous().verify({ token }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/expired.*Ask again/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses made-up and mangled links as not valid", async () => {
    for (const token of ["A".repeat(43), "short", "A".repeat(200), newLinkToken().token]) {
      expect(await refusal(() => anonymous().verify({ token }))).toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringContaining("This sign-up link is not valid."),
      });
    }
  });

  it("creates one account when the same link is followed twice at once", async () => {
    const token = await requestToken("race@example.test");
    const results = await Promise.allSettled([anonymous().verify({ token }), anonymous(t.another()).verify({ token })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected");
    expect(lost?.reason).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("already used") });
    expect(await t.db.user.count({ where: { email: "race@example.test" } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "account.signUp", after: { path: ["email"], equals: "race@example.test" } } })).toBe(1);
  });

  it("creates one account when two open links of one address are followed at once", async () => {
    // Two requests that raced each other may both stay open; the unique address settles it.
    const email = "double@example.test";
    const passwordHash = await passwords.hashPassword(SECRET);
    const links = [newLinkToken(), newLinkToken()];
    for (const { tokenHash } of links) {
      await t.db.signUpRequest.create({ data: { email, name: "Dee", passwordHash, tokenHash, expiresAt: new Date(Date.now() + SIGN_UP_TTL_MS) } });
    }
    const results = await Promise.allSettled([anonymous().verify({ token: links[0]!.token }), anonymous(t.another()).verify({ token: links[1]!.token })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected");
    expect(lost?.reason).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((lost as PromiseRejectedResult).reason.message).toMatch(/already has an account: sign in|already used/);
    expect(await t.db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses when the address got an account meanwhile, and creates nothing", async () => {
    const token = await requestToken("taken@example.test");
    // As accepting an invitation would.
    await t.db.user.create({ data: { email: "taken@example.test", name: "Invited Tina" } });
    const before = await snapshot();
    expect(await refusal(() => anonymous().verify({ token }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("This address already has an account: sign in"),
    });
    expect(await snapshot()).toEqual(before);
    expect(await t.db.user.findUniqueOrThrow({ where: { email: "taken@example.test" } })).toMatchObject({ name: "Invited Tina", passwordHash: null });
  });
});

describe("limits", () => {
  it("sends at most the limit per address in the window, answering the same past it", async () => {
    const email = "flood@example.test";
    const hash = vi.mocked(passwords.hashPassword);
    hash.mockClear();
    const limit = SIGN_UP_LIMITS.email.attempts;
    for (let i = 0; i < limit + 2; i++) expect(await anonymous().request({ name: "Flo", email, password: SECRET })).toEqual({ email });
    expect(await mailsTo(email)).toHaveLength(limit);
    expect(hash).toHaveBeenCalledTimes(limit);
    // The same for a registered address: the limit tells nothing about accounts.
    for (let i = 0; i < limit + 2; i++) await anonymous().request({ name: "Flo", email: acme.email("owner"), password: SECRET });
    expect(await mailsTo(acme.email("owner"))).toHaveLength(limit);
  });

  it("refuses a client address past its limit, saying when to try again", async () => {
    const ip = "198.51.100.7";
    const limit = SIGN_UP_LIMITS.address.attempts;
    for (let i = 0; i < limit; i++) await anonymous(t.db, ip).request({ name: "Bot", email: `bot${i}@example.test`, password: SECRET });
    const hash = vi.mocked(passwords.hashPassword);
    hash.mockClear();
    const before = await snapshot();
    expect(await refusal(() => anonymous(t.db, ip).request({ name: "Bot", email: "one-more@example.test", password: SECRET }))).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/^Too many sign-ups came from your network in the last hour\. Try again in \d+ minutes?\.$/),
    });
    expect(hash).not.toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
    // Another address is not held back.
    expect(await anonymous().request({ name: "Person", email: "one-more@example.test", password: SECRET })).toEqual({ email: "one-more@example.test" });
  });
});

describe("pruning", () => {
  it("deletes sign-up requests (and their password hashes) a day after they expired or were used", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 2 * 86_400_000);
    const passwordHash = "$argon2id$placeholder";
    await t.db.signUpRequest.createMany({
      data: [
        { email: "gone1@example.test", name: "G", passwordHash, tokenHash: hashToken("gone1"), expiresAt: old },
        { email: "gone2@example.test", name: "G", passwordHash, tokenHash: hashToken("gone2"), expiresAt: now, usedAt: old },
        { email: "kept@example.test", name: "K", passwordHash, tokenHash: hashToken("kept"), expiresAt: new Date(now.getTime() + 3_600_000) },
      ],
    });
    const counts = await pruneExpired(t.db, now, DEFAULT_RETENTION);
    expect(counts.accountTokens).toBeGreaterThanOrEqual(2);
    expect(await t.db.signUpRequest.count({ where: { email: { in: ["gone1@example.test", "gone2@example.test"] } } })).toBe(0);
    expect(await t.db.signUpRequest.count({ where: { email: "kept@example.test" } })).toBe(1);
  });
});
