// A person's signed-in browsers: listed, ended one by one or all but this one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme").withMember("ulla", "user").withMember("ute", "user").withMember("adam", "admin").create();
});
afterAll(() => t.close());

describe("active sessions", () => {
  it("lists each sign-in, marks the current one, and ends one at its next request", async () => {
    const laptop = await acme.signIn("ulla");
    const phone = await acme.signIn("ulla");
    const sessions = await laptop.account.sessions();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const phoneSession = sessions.find((s) => !s.current)!;
    expect(phoneSession).toMatchObject({ userAgent: "vitest", ip: "127.0.0.1" });
    await laptop.account.endSession({ sessionId: phoneSession.id });
    await expect(phone.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(laptop.account.me()).resolves.toBeTruthy();
    expect(await laptop.account.sessions()).toHaveLength(1);
  });

  it("a session unseen for longer than its token lives is over: refused, and gone from the list", async () => {
    const desk = await acme.signIn("ute");
    const attic = await acme.signIn("ute");
    const [current] = (await desk.account.sessions()).filter((x) => x.current);
    const atticSession = (await desk.account.sessions()).find((x) => !x.current)!;
    // The attic browser was last used 12 hours and 2 minutes ago (the token's life plus a margin).
    await t.db.session.update({ where: { id: atticSession.id }, data: { lastSeenAt: new Date(Date.now() - (12 * 60 + 2) * 60_000) } });
    await expect(attic.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await desk.account.sessions()).map((x) => x.id)).toEqual([current!.id]);
    // Seen 11 hours ago: still live.
    await t.db.session.update({ where: { id: current!.id }, data: { lastSeenAt: new Date(Date.now() - 11 * 60 * 60_000) } });
    await expect(desk.account.me()).resolves.toBeTruthy();
  });

  it("ends every other session, and never someone else's", async () => {
    const a = await acme.signIn("ulla");
    const b = await acme.signIn("ulla");
    const adam = await acme.signIn("adam");
    const adamSession = (await adam.account.sessions())[0]!;
    await expect(a.account.endSession({ sessionId: adamSession.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await a.account.endOtherSessions()).toEqual({ ended: 2 });
    await expect(b.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(a.account.me()).resolves.toBeTruthy();
    await expect(adam.account.me()).resolves.toBeTruthy();
  });

  it("ends all of them when the password is reset", async () => {
    const ulla = await acme.signIn("ulla");
    const adam = await acme.signIn("adam");
    await adam.members.resetPassword({ membershipId: acme.member("ulla") });
    await expect(ulla.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: acme.email("ulla") } });
    expect(await t.db.session.count({ where: { userId: user.id, endedAt: null } })).toBe(0);
  });
});

describe("an admin signing a member out everywhere", () => {
  it("ends the member's sessions in span, is refused outside it, and is audited", async () => {
    const ute = await acme.signIn("ute");
    const adam = await acme.signIn("adam");
    await expect(ute.members.endSessions({ membershipId: acme.member("adam") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adam.members.endSessions({ membershipId: acme.member("owner") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await adam.members.endSessions({ membershipId: acme.member("ute") });
    await expect(ute.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(adam.account.me()).resolves.toBeTruthy();
    expect(await t.db.auditEvent.count({ where: { action: "member.endSessions", targetId: acme.member("ute") } })).toBe(1);
  });
});
