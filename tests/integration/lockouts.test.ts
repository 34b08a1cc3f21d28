// The sign-in limit, seen and lifted by administrators (issue 17): a member's page and the
// members list say when their account is locked and how many sign-ins failed; "Reset
// credentials" over the member unlocks it (audited), through the console and the REST API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stewardClient } from "@/client";
import { handleRestRequest } from "@/server/http/rest-handler";
import { checkCredentials } from "@/server/services/account";
import { loginKey, SIGN_IN_LIMITS } from "@/server/services/throttle";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { APP_ORIGIN } from "../support/http";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("gary", "group_admin", "Sales")
    .withMember("gabe", "group_admin", "Engineering")
    .withMember("ulla", "user", "Sales/EMEA")
    .withMember("uwe", "user", "Engineering")
    .create();
});
afterAll(() => t.close());

/** Three wrong passwords (free under the limit), then the window filled up to the limit. */
async function lockOut(login: string) {
  for (let i = 0; i < 3; i++) expect((await checkCredentials(t.db, acme.email(login), "wrong password!")).status).toBe("invalid");
  await t.db.signInThrottle.update({ where: { key: loginKey(acme.email(login)) }, data: { attempts: SIGN_IN_LIMITS.login.attempts } });
}

describe("a locked-out member", () => {
  it("shows failed attempts before the lock, and the lock with its end on their page and in the list", async () => {
    const owner = await acme.signIn("owner");
    for (let i = 0; i < 2; i++) await checkCredentials(t.db, acme.email("uwe"), "wrong password!");
    expect((await owner.members.get({ membershipId: acme.member("uwe") })).signIn).toEqual({ failedAttempts: 2, lockedUntil: null });

    await lockOut("ulla");
    const page = await owner.members.get({ membershipId: acme.member("ulla") });
    expect(page.signIn.failedAttempts).toBe(SIGN_IN_LIMITS.login.attempts);
    expect(page.signIn.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    const list = await owner.members.list({ page: 1, pageSize: 50 });
    const row = (login: string) => list.rows.find((r) => r.id === acme.member(login))!;
    expect(row("ulla").lockedUntil).toEqual(page.signIn.lockedUntil);
    expect(row("uwe").lockedUntil).toBeNull();
    expect(row("gary").lockedUntil).toBeNull();
    // The right password is refused while the lock holds.
    expect((await checkCredentials(t.db, acme.email("ulla"), PASSWORD)).status).toBe("locked");
  });

  it("shows in the list a lock gathered under the member's username, as on their page", async () => {
    const owner = await acme.signIn("owner");
    const uwe = await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("uwe") } });
    await t.db.user.update({ where: { id: uwe.userId }, data: { username: "uwe.u" } });
    const windowStartedAt = new Date();
    await t.db.signInThrottle.create({
      data: { key: loginKey("uwe.u"), attempts: SIGN_IN_LIMITS.login.attempts, windowStartedAt, lastAttemptAt: windowStartedAt },
    });
    const page = await owner.members.get({ membershipId: acme.member("uwe") });
    expect(page.signIn.lockedUntil).toEqual(new Date(windowStartedAt.getTime() + SIGN_IN_LIMITS.login.windowMs));
    const list = await owner.members.list({ page: 1, pageSize: 50 });
    expect(list.rows.find((r) => r.id === acme.member("uwe"))!.lockedUntil).toEqual(page.signIn.lockedUntil);
    await t.db.signInThrottle.delete({ where: { key: loginKey("uwe.u") } });
    await t.db.user.update({ where: { id: uwe.userId }, data: { username: null } });
  });

  it("is unlocked only with “Reset credentials” over them: out of span is NOT_FOUND, without the permission FORBIDDEN", async () => {
    await expect((await acme.signIn("gabe")).members.unlock({ membershipId: acme.member("ulla") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await acme.signIn("uwe")).members.unlock({ membershipId: acme.member("ulla") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await checkCredentials(t.db, acme.email("ulla"), PASSWORD)).status).toBe("locked");
  });

  it("unlocked by their Group Admin: audited with what was lifted, and the right password signs in again", async () => {
    const gary = await acme.signIn("gary");
    expect(await gary.members.unlock({ membershipId: acme.member("ulla") })).toEqual({
      id: acme.member("ulla"),
      wasLocked: true,
      failedAttempts: SIGN_IN_LIMITS.login.attempts,
    });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "member.unlock", targetId: acme.member("ulla") } });
    expect(event.before).toMatchObject({ failedAttempts: SIGN_IN_LIMITS.login.attempts });
    expect((await gary.members.get({ membershipId: acme.member("ulla") })).signIn).toEqual({ failedAttempts: 0, lockedUntil: null });
    expect((await checkCredentials(t.db, acme.email("ulla"), PASSWORD)).status).toBe("ok");
    // Nothing to lift: answered, not refused.
    expect((await gary.members.unlock({ membershipId: acme.member("ulla") })).wasLocked).toBe(false);
  });

  it("can be unlocked by a script with a token (POST /members/{membershipId}/unlock)", async () => {
    await lockOut("uwe");
    const { secret } = await (await acme.signIn("owner")).tokens.create({ name: "helpdesk script" });
    const steward = stewardClient({ baseUrl: APP_ORIGIN, token: secret, fetch: (req) => handleRestRequest(req, () => t.db) });
    const { data, error } = await steward.POST("/members/{membershipId}/unlock", { params: { path: { membershipId: acme.member("uwe") } } });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ wasLocked: true });
    expect((await checkCredentials(t.db, acme.email("uwe"), PASSWORD)).status).toBe("ok");
  });
});
