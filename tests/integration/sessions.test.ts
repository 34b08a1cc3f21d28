// Staleness and sessions (rule 9): every request re-reads the user's status, session
// version and membership, so a change takes effect at the very next request of a caller
// that already exists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/services/account";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { callerFor, signIn, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;

const NEW_PASSWORD = "a brand new passphrase";

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("ulla", "user", "Sales/EMEA")
    .withMember("dave", "group_support_technician", "Engineering")
    .withMember("pia", "user", "Engineering")
    .withMember("wes", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").withTree("Labs").withMember("gil", "group_admin", "Labs").withMember("gus", "user", "Labs").create();
});
afterAll(() => t.close());

const user = (email: string) => t.db.user.findUniqueOrThrow({ where: { email } });
const claimsOf = async (email: string) => {
  const u = await user(email);
  return { userId: u.id, sessionVersion: u.sessionVersion };
};

describe("role changes take effect at the next request", () => {
  it("demotes a Group Admin to User: the same caller is refused at once", async () => {
    const gary = await acme.signIn("gary");
    expect((await gary.groups.list()).map((g) => g.name)).toContain("EMEA");
    expect((await gary.members.list({})).total).toBeGreaterThan(1);
    const adam = await acme.signIn("adam");
    await adam.members.changeRole({ membershipId: acme.member("gary"), roleId: acme.role("user") });
    await expect(gary.groups.list()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("User") });
    await expect(gary.members.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(gary.members.changeRole({ membershipId: acme.member("ulla"), roleId: acme.role("user") })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("promotes a User: the same caller gains the new role's powers at once", async () => {
    const ulla = await acme.signIn("ulla");
    await expect(ulla.groups.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const adam = await acme.signIn("adam");
    await adam.members.changeRole({ membershipId: acme.member("ulla"), roleId: acme.role("group_support_technician") });
    expect((await ulla.groups.list()).map((g) => g.name)).toEqual(["EMEA"]);
    await adam.members.changeGroup({ membershipId: acme.member("ulla"), groupId: acme.group("Engineering") });
    expect((await ulla.groups.list()).map((g) => g.name)).toEqual(["Engineering"]);
  });
});

describe("ending sessions", () => {
  it("a disabled user's existing caller is UNAUTHORIZED at the next request, and cannot sign in", async () => {
    const dave = await acme.signIn("dave");
    await expect(dave.account.me()).resolves.toMatchObject({ email: acme.email("dave") });
    await t.db.user.update({ where: { email: acme.email("dave") }, data: { status: "DISABLED" } });
    await expect(dave.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(dave.groups.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(acme.signIn("dave")).rejects.toThrow("Sign-in failed");
    await t.db.user.update({ where: { email: acme.email("dave") }, data: { status: "ACTIVE" } });
    await expect(dave.account.me()).resolves.toMatchObject({ email: acme.email("dave") });
  });

  it("a password change ends every earlier session; the new password signs in, the old one no longer does", async () => {
    const pia = await acme.signIn("pia");
    const oldClaims = await claimsOf(acme.email("pia"));
    const second = callerFor(t.db, oldClaims, acme.slug);
    await expect(second.account.me()).resolves.toMatchObject({ email: acme.email("pia") });
    await pia.account.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect((await user(acme.email("pia"))).sessionVersion).toBe(oldClaims.sessionVersion + 1);
    await expect(pia.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(second.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(t.db, oldClaims, acme.slug).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(acme.signIn("pia")).rejects.toThrow("Sign-in failed");
    const again = await signIn(t.db, acme.email("pia"), NEW_PASSWORD, acme.slug);
    await expect(again.account.me()).resolves.toMatchObject({ email: acme.email("pia"), mustChangePassword: false });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.changePassword", targetId: oldClaims.userId } });
    expect(event.actorUserId).toBe(oldClaims.userId);
  });

  it("refuses a wrong current password or a short new one with BAD_REQUEST, changing nothing", async () => {
    const wes = await acme.signIn("wes");
    const before = await user(acme.email("wes"));
    const audits = await t.db.auditEvent.count();
    await expect(wes.account.changePassword({ currentPassword: "not my password", newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("current password"),
    });
    await expect(wes.account.changePassword({ currentPassword: PASSWORD, newPassword: "123456789" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Use at least 10 characters."),
    });
    await expect(wes.account.changePassword({ currentPassword: PASSWORD, newPassword: PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(wes.account.changePassword({ currentPassword: PASSWORD, newPassword: "Password1234" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("most common"),
    });
    expect(await user(acme.email("wes"))).toEqual(before);
    expect(await t.db.auditEvent.count()).toBe(audits);
    await expect(wes.account.me()).resolves.toMatchObject({ email: acme.email("wes") });
    expect(await verifyCredentials(t.db, acme.email("wes"), NEW_PASSWORD)).toBeNull();
  });
});

describe("a person in two organizations", () => {
  it("acts in each organization with that organization's role", async () => {
    const adam = await acme.signIn("adam");
    const added = await adam.members.create({
      name: "gil",
      email: globex.email("gil"),
      roleId: acme.role("group_support_technician"),
      groupId: acme.group("Sales"),
    });
    expect(await verifyCredentials(t.db, globex.email("gil"), added.oneTimePassword)).toBeNull();
    const inGlobex = await globex.signIn("gil");
    const inAcme = await signIn(t.db, globex.email("gil"), PASSWORD, acme.slug);
    expect((await inAcme.account.me()).organizations).toEqual([
      { slug: acme.slug, name: "Acme", role: "Group Support Technician", isOwner: false, suspended: false },
      { slug: globex.slug, name: "Globex", role: "Group Admin", isOwner: false, suspended: false },
    ]);
    expect((await inGlobex.members.list({})).rows.map((r) => r.name).sort()).toEqual(["gil", "gus"]);
    expect((await inAcme.groups.list()).map((g) => g.name)).toEqual(["Sales", "EMEA"]);
    expect((await inGlobex.groups.list()).map((g) => g.name)).toEqual(["Labs"]);
    // Assigning roles is a power of the Globex role only.
    await expect(inAcme.members.changeRole({ membershipId: acme.member("ulla"), roleId: acme.role("user") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Assign roles"),
    });
    await inGlobex.members.changeRole({ membershipId: globex.member("gus"), roleId: globex.role("group_support_technician") });
    await inGlobex.members.changeRole({ membershipId: globex.member("gus"), roleId: globex.role("user") });
    await expect(callerFor(t.db, await claimsOf(globex.email("gil")), null).members.list({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(t.db, await claimsOf(globex.email("gil")), "no-such-org").members.list({})).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a disabled membership hides that organization only: NOT_FOUND there, gone from account.me", async () => {
    const inAcme = await signIn(t.db, globex.email("gil"), PASSWORD, acme.slug);
    const inGlobex = await globex.signIn("gil");
    await t.db.membership.update({ where: { id: globex.member("gil") }, data: { status: "DISABLED" } });
    await expect(inGlobex.members.list({})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inGlobex.groups.list()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await inGlobex.account.me()).organizations.map((o) => o.slug)).toEqual([acme.slug]);
    expect((await inAcme.groups.list()).map((g) => g.name)).toEqual(["Sales", "EMEA"]);
    const gus = await globex.signIn("gus");
    await expect(gus.account.me()).resolves.toMatchObject({ organizations: [expect.objectContaining({ slug: globex.slug })] });
    await t.db.membership.update({ where: { id: globex.member("gil") }, data: { status: "INVITED" } });
    await expect(inGlobex.groups.list()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await inGlobex.account.me()).organizations.map((o) => o.slug)).toEqual([acme.slug]);
  });
});

describe("a one-time password", () => {
  it("must be changed before any organization procedure, then a fresh sign-in works", async () => {
    const adam = await acme.signIn("adam");
    const { oneTimePassword } = await adam.members.create({
      name: "Otto",
      email: "otto@acme.test",
      roleId: acme.role("group_admin"),
      groupId: acme.group("Sales"),
    });
    const otto = await signIn(t.db, "otto@acme.test", oneTimePassword!, acme.slug);
    await expect(otto.account.me()).resolves.toMatchObject({ mustChangePassword: true });
    const refused = { code: "FORBIDDEN", message: expect.stringContaining("one-time password") };
    await expect(otto.groups.list()).rejects.toMatchObject(refused);
    await expect(otto.members.list({})).rejects.toMatchObject(refused);
    await expect(otto.members.changeGroup({ membershipId: acme.member("ulla"), groupId: acme.group("Sales") })).rejects.toMatchObject(refused);
    await otto.account.changePassword({ currentPassword: oneTimePassword!, newPassword: NEW_PASSWORD });
    await expect(otto.groups.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const fresh = await signIn(t.db, "otto@acme.test", NEW_PASSWORD, acme.slug);
    await expect(fresh.account.me()).resolves.toMatchObject({ mustChangePassword: false });
    expect((await fresh.groups.list()).map((g) => g.name)).toEqual(["Sales", "EMEA"]);
  });
});
