// A member's sessions, for administrators (issue 17): whoever has "Reset credentials" over
// a member sees where they are signed in and may end any one session; that browser is signed
// out at its next request (rule 9), audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
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

describe("a member's sessions", () => {
  it("are listed for their Group Admin; ending one signs that browser out at its next request, and only that one", async () => {
    const laptop = await acme.signIn("ulla");
    const phone = await acme.signIn("ulla");
    const gary = await acme.signIn("gary");
    const sessions = await gary.members.sessions({ membershipId: acme.member("ulla") });
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions[0]).toMatchObject({ userAgent: "vitest", ip: "127.0.0.1" });

    const newest = sessions[0]!;
    await gary.members.endSession({ membershipId: acme.member("ulla"), sessionId: newest.id });
    const outcomes = await Promise.all(
      [laptop, phone].map((c) =>
        c.resources.list({ page: 1, pageSize: 1 }).then(
          () => "OK",
          (e: { code: string }) => e.code,
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(["OK", "UNAUTHORIZED"]);
    expect((await gary.members.sessions({ membershipId: acme.member("ulla") })).map((s) => s.id)).not.toContain(newest.id);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "member.endSession", targetId: acme.member("ulla") } });
    expect(event.after).toEqual({ sessionId: newest.id });
    // An ended session cannot be ended again; another member's session is not theirs to name.
    await expect(gary.members.endSession({ membershipId: acme.member("ulla"), sessionId: newest.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("are out of reach outside the span (NOT_FOUND) and without “Reset credentials” (FORBIDDEN)", async () => {
    await acme.signIn("ulla");
    await expect((await acme.signIn("gabe")).members.sessions({ membershipId: acme.member("ulla") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await acme.signIn("uwe")).members.sessions({ membershipId: acme.member("ulla") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const uweSession = (await (await acme.signIn("owner")).members.sessions({ membershipId: acme.member("uwe") }))[0]!;
    // Gary cannot end Uwe's session by naming it under Ulla, whom he manages.
    await expect((await acme.signIn("gary")).members.endSession({ membershipId: acme.member("ulla"), sessionId: uweSession.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
