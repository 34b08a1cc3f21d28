// An organization's own life, through tRPC as its members: the owner changes its address
// (old links lead members on, nobody else), members leave (what they own goes to the owner),
// the owner deletes it (name, password and second factor), and creations racing for the
// same name each get an address.
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { refusal, signIn, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let umbrella: BuiltOrg;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme").withTree("Sales").withMember("adam", "admin").withMember("ulla", "user", "Sales").withMember("sam", "user", "Sales").create();
  umbrella = await org(t.db, "Umbrella").withMember("ursula", "user").create();
});
afterAll(() => t?.close());

const codeAt = (secret: string, timestamp: number) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp });

describe("the organization's address", () => {
  it("is changed by the owner only; an admin of the same organization is refused with the reason", async () => {
    const adam = await acme.signIn("adam");
    expect(await refusal(() => adam.organization.changeAddress({ slug: "acme-corp" }))).toMatchObject({
      code: "FORBIDDEN",
      message: "Only the owner of the organization may change its address.",
    });
    const owner = await acme.signIn("owner");
    expect(await refusal(() => owner.organization.changeAddress({ slug: umbrella.slug }))).toMatchObject({
      code: "CONFLICT",
      message: `The address /o/${umbrella.slug} is already taken. Choose another.`,
    });
    const bad = await refusal(() => owner.organization.changeAddress({ slug: "-nope-" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("Addresses are 2 to 40 lower-case letters");
    expect(bad.message).not.toContain("slug");
    expect(await owner.organization.changeAddress({ slug: "Acme-Corp" })).toEqual({ slug: "acme-corp" });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { organizationId: acme.id, action: "organization.changeAddress" } });
    expect(event).toMatchObject({ before: { slug: acme.slug }, after: { slug: "acme-corp" } });
  });

  it("leads its members from the old address to the new one, and tells nobody else", async () => {
    const ulla = await signIn(t.db, acme.email("ulla"), PASSWORD, "acme-corp");
    expect(await ulla.account.movedOrganization({ slug: acme.slug })).toEqual({ slug: "acme-corp" });
    expect((await ulla.console.you()).organization.slug).toBe("acme-corp");
    expect(await refusal(() => signIn(t.db, acme.email("ulla"), PASSWORD, acme.slug).then((c) => c.console.you()))).toMatchObject({ code: "NOT_FOUND" });
    const ursula = await umbrella.signIn("ursula");
    expect(await ursula.account.movedOrganization({ slug: acme.slug })).toEqual({ slug: null });
  });

  it("frees the old address for another organization, which then owns it", async () => {
    const owner = await signIn(t.db, umbrella.email("owner"), PASSWORD, umbrella.slug);
    await owner.organization.changeAddress({ slug: acme.slug });
    const ulla = await signIn(t.db, acme.email("ulla"), PASSWORD);
    // Acme's member is not led to Umbrella: the address is Umbrella's now, and Acme's members are not in it.
    expect(await refusal(() => signIn(t.db, acme.email("ulla"), PASSWORD, acme.slug).then((c) => c.console.you()))).toMatchObject({ code: "NOT_FOUND" });
    expect((await ulla.account.movedOrganization({ slug: acme.slug })).slug).toBe("acme-corp");
    const moved = await signIn(t.db, umbrella.email("owner"), PASSWORD, acme.slug);
    await moved.organization.changeAddress({ slug: umbrella.slug });
  });
});

describe("leaving an organization", () => {
  it("lets a member leave; what they own goes to the owner, and their account stays", async () => {
    const sam = await signIn(t.db, acme.email("sam"), PASSWORD, "acme-corp");
    const owner = await signIn(t.db, acme.email("owner"), PASSWORD, "acme-corp");
    const made = await owner.resources.create({ type: "job", name: "sam-job" });
    await t.db.resource.update({ where: { id: made.id }, data: { ownerId: acme.member("sam") } });
    expect(await sam.account.leaveOrganization({ organization: "acme-corp" })).toEqual({ left: "Acme" });
    expect(await t.db.membership.count({ where: { id: acme.member("sam") } })).toBe(0);
    expect((await t.db.resource.findUniqueOrThrow({ where: { id: made.id } })).ownerId).toBe(acme.member("owner"));
    expect(await t.db.user.count({ where: { email: acme.email("sam") } })).toBe(1);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { organizationId: acme.id, action: "member.leave" } });
    expect(event.after).toMatchObject({ resourcesTransferred: { count: 1, toMembershipId: acme.member("owner") } });
    expect((await sam.account.me()).organizations).toEqual([]);
    expect(await refusal(() => sam.account.leaveOrganization({ organization: "acme-corp" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses the owner, who hands the organization over first", async () => {
    const owner = await signIn(t.db, acme.email("owner"), PASSWORD);
    const err = await refusal(() => owner.account.leaveOrganization({ organization: "acme-corp" }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toContain("transfer its ownership");
    expect(await t.db.membership.count({ where: { id: acme.member("owner") } })).toBe(1);
  });
});

describe("an operator's account outlives their last membership", () => {
  it("keeps the account of an operator deleted from their only organization, and deletes a plain one's", async () => {
    const oscar = await t.db.user.create({ data: { email: "oscar@ops.test", name: "Oscar", passwordHash: await hashPassword(PASSWORD), isOperator: true } });
    const m = await t.db.membership.create({ data: { userId: oscar.id, organizationId: acme.id, groupId: acme.group(""), roleId: acme.role("user") } });
    const owner = await signIn(t.db, acme.email("owner"), PASSWORD, "acme-corp");
    await owner.members.delete({ membershipId: m.id });
    expect(await t.db.user.count({ where: { id: oscar.id } })).toBe(1);
    await owner.members.delete({ membershipId: acme.member("ulla") });
    expect(await t.db.user.count({ where: { email: acme.email("ulla") } })).toBe(0);
  });
});

describe("the owner deleting the organization", () => {
  let secret = "";
  let recoveryCodes: string[] = [];
  let owner: Awaited<ReturnType<typeof signIn>>;

  it("is refused to anyone but the owner, and to a wrong name, password or code, changing nothing", async () => {
    const adam = await signIn(t.db, acme.email("adam"), PASSWORD, "acme-corp");
    expect(await refusal(() => adam.organization.delete({ confirmName: "Acme", password: PASSWORD }))).toMatchObject({
      code: "FORBIDDEN",
      message: "Only the owner of the organization may delete it.",
    });
    owner = await signIn(t.db, acme.email("owner"), PASSWORD, "acme-corp");
    secret = (await owner.account.beginTwoFactor()).secret;
    recoveryCodes = (await owner.account.confirmTwoFactor({ code: codeAt(secret, Date.now() - 30_000) })).recoveryCodes;
    expect(await refusal(() => owner.organization.delete({ confirmName: "Acme Inc", password: PASSWORD, code: codeAt(secret, Date.now()) }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "Type the organization's name, “Acme”, to confirm its deletion.",
    });
    expect(await refusal(() => owner.organization.delete({ confirmName: "Acme", password: "not the password" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "Your password is not correct.",
    });
    expect(await refusal(() => owner.organization.delete({ confirmName: "Acme", password: PASSWORD }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Enter a code from your authenticator"),
    });
    expect(await refusal(() => owner.organization.delete({ confirmName: "Acme", password: PASSWORD, code: "000000" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("That code is not valid"),
    });
    expect(await t.db.organization.findUniqueOrThrow({ where: { id: acme.id } })).toMatchObject({ deletedAt: null, slug: "acme-corp" });
  });

  it("deletes it with name, password and a code; its members find nothing, the instance keeps the event, accounts stay", async () => {
    const adam = await signIn(t.db, acme.email("adam"), PASSWORD, "acme-corp");
    expect(await owner.organization.delete({ confirmName: " Acme ", password: PASSWORD, code: recoveryCodes[0]! })).toMatchObject({ name: "Acme" });
    expect(await t.db.organization.count({ where: { id: acme.id } })).toBe(0);
    expect(await t.db.membership.count({ where: { organizationId: acme.id } })).toBe(0);
    expect(await t.db.resource.count({ where: { organizationId: acme.id } })).toBe(0);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { organizationId: null, action: "organization.delete", targetId: acme.id } });
    expect(event.after).toEqual({ deletedBy: "owner" });
    expect(await refusal(() => adam.console.you())).toMatchObject({ code: "NOT_FOUND", message: "Organization not found." });
    expect(await t.db.user.count({ where: { email: { in: [acme.email("owner"), acme.email("adam")] } } })).toBe(2);
    expect(await t.db.organization.count({ where: { id: umbrella.id, deletedAt: null } })).toBe(1);
  });
});

describe("creations racing for one name", () => {
  it("gives each its own address when none was chosen", async () => {
    await t.db.instanceSettings.upsert({
      where: { id: "instance" },
      create: { id: "instance", organizationCreation: "MEMBERS" },
      update: { organizationCreation: "MEMBERS" },
    });
    const [a, b] = await Promise.all([umbrella.signIn("ursula"), umbrella.signIn("owner")]);
    const made = await Promise.all([a.instance.createOrganization({ name: "Twin Peaks" }), b.instance.createOrganization({ name: "Twin Peaks" })]);
    expect(made.map((m) => m.slug).sort()).toEqual(["twin-peaks", "twin-peaks-2"]);
  });
});
