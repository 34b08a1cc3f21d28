import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, signIn, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

describe("first-run setup", () => {
  it("reports setup as pending, then creates the organization, root group, roles and owner", async () => {
    const anonymous = callerFor(t.db, null, null);
    expect(await anonymous.setup.status()).toEqual({ done: false });
    const { slug } = await anonymous.setup.create({
      organizationName: "Umbrella Corp",
      ownerName: "Alice Owner",
      ownerEmail: "Alice@Example.COM",
      password: "correct horse battery",
    });
    expect(slug).toBe("umbrella-corp");
    expect(await anonymous.setup.status()).toEqual({ done: true });

    const owner = await t.db.membership.findFirstOrThrow({ include: { role: true, group: true, user: true } });
    expect(owner.isOwner).toBe(true);
    expect(owner.role.name).toBe("Data Admin");
    expect(owner.group.parentId).toBeNull();
    expect(owner.group.path).toBe(`/${owner.group.id}/`);
    expect(owner.user.email).toBe("alice@example.com");
    expect(owner.user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await t.db.role.count()).toBe(12);
    expect(await t.db.auditEvent.count({ where: { action: "organization.create" } })).toBe(1);
  });

  it("can never run again once an organization exists", async () => {
    const anonymous = callerFor(t.db, null, null);
    await expect(
      anonymous.setup.create({ organizationName: "Takeover", ownerName: "Mallory", ownerEmail: "m@evil.test", password: "0123456789ab" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.organization.count()).toBe(1);
    expect(await t.db.user.count({ where: { email: "m@evil.test" } })).toBe(0);
  });

  it("rejects malformed input with a specific message and writes nothing", async () => {
    const anonymous = callerFor(t.db, null, null);
    const err = await anonymous.setup.create({ organizationName: "X", ownerName: "", ownerEmail: "not-an-email", password: "short" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    const message = String((err as Error).message);
    expect(message).toContain("Enter a valid email address.");
    expect(message).toContain("Use at least 10 characters.");
    expect(message).not.toMatch(/ownerEmail|password:/);
  });

  it("signs the owner in, with the organization listed for switching, as the instance's first operator", async () => {
    const alice = await signIn(t.db, "ALICE@example.com", "correct horse battery");
    const me = await alice.account.me();
    expect(me.organizations).toEqual([{ slug: "umbrella-corp", name: "Umbrella Corp", role: "Data Admin", isOwner: true, suspended: false }]);
    expect(me.isOperator).toBe(true);
    expect((await alice.instance.operators()).rows).toEqual([expect.objectContaining({ email: "alice@example.com" })]);
  });
});

describe("after every organization is gone", () => {
  it("stays closed: deleting the last organization never reopens setup to whoever comes first", async () => {
    const alice = await signIn(t.db, "alice@example.com", "correct horse battery");
    const [umbrella] = (await alice.instance.organizations({ page: 1, pageSize: 10 })).rows;
    await alice.instance.deleteOrganization({ organizationId: umbrella!.id, confirmName: "Umbrella Corp" });
    expect(await t.db.organization.count()).toBe(0);
    const anonymous = callerFor(t.db, null, null);
    expect(await anonymous.setup.status()).toEqual({ done: true });
    await expect(
      anonymous.setup.create({ organizationName: "Takeover", ownerName: "Mallory", ownerEmail: "m@evil.test", password: "0123456789ab" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Steward is already set up: setup runs once, on a new installation." });
    expect(await t.db.user.count({ where: { email: "m@evil.test" } })).toBe(0);
  });
});

describe("setup with a role set", () => {
  it("adds the seed's roles just below the owner's, as custom roles, audited", async () => {
    const fresh = await testDatabase();
    try {
      const { setupFirstOrganization } = await import("@/server/services/setup");
      const { slug } = await setupFirstOrganization(fresh.db, {
        organizationName: "Initrode",
        ownerName: "Bill",
        ownerEmail: "bill@initrode.test",
        password: "correct horse battery",
        roleSet: "seed-000",
      });
      const roles = await fresh.db.role.findMany({ where: { organization: { slug } }, orderBy: { rank: "desc" } });
      expect(roles.map((r) => r.name).slice(0, 5)).toEqual(["Data Admin", "Super Administrator", "Administrator", "Read-only", "Team member"]);
      expect(roles.filter((r) => r.builtInKey === null)).toHaveLength(4);
      expect(await fresh.db.auditEvent.count({ where: { action: "role.create" } })).toBe(4);
    } finally {
      await fresh.close();
    }
  });
});
