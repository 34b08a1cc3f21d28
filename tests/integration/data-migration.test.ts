// Seed 004's data migration through tRPC: a holder of "Migrate data" moves everything one
// member owns to another, both in their span (rule 3), under the hand-over rule of deletion
// (the recipient becomes Administrator, so only a member the actor manages). One transaction:
// owners, one audit event and an email to each person; refusals change nothing. Grants the
// source holds are access, not data, and stay theirs.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const owned: Record<string, string[]> = {};
let shared = "";

async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

/** Everything a migration changes: every resource's owner, the audit events and the emails. */
const snapshot = async () => ({
  owners: (await t.db.resource.findMany({ orderBy: { id: "asc" }, select: { id: true, ownerId: true } })).map((r) => `${r.id}:${r.ownerId}`),
  events: await t.db.auditEvent.count({ where: { action: "member.migrateData" } }),
  emails: await t.db.outboxEmail.count({ where: { kind: "data-migrated" } }),
});

const ownersOf = async (ids: string[]) => (await t.db.resource.findMany({ where: { id: { in: ids } } })).map((r) => r.ownerId);

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withRole({ name: "Audit Clerk", rank: 45, reach: "ORGANIZATION", permissions: ["members.view", "audit.view"], ceiling: ["view"] })
    .withMember("dana", "data_admin")
    .withMember("adam", "admin")
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("gary", "group_admin", "Sales")
    .withMember("chloe", "user", "Sales/EMEA")
    .withMember("dan", "user", "Sales")
    .withMember("ida", "user", "Sales", "DISABLED")
    .withMember("nell", "user", "Sales")
    .withMember("clara", "Audit Clerk", "Sales/EMEA")
    .withMember("uwe", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").withMember("gil", "user").create();
  const own = async (o: BuiltOrg, login: string, names: string[]) => {
    owned[login] = [];
    for (const name of names) {
      const r = await t.db.resource.create({ data: { organizationId: o.id, type: "job", name, ownerId: o.member(login), private: name.endsWith("secret") } });
      owned[login].push(r.id);
    }
  };
  await own(acme, "chloe", ["chloe-job", "chloe-report", "chloe-secret"]);
  await own(acme, "uwe", ["uwe-job"]);
  await own(globex, "gil", ["gil-job"]);
  // Chloé can also run the owner's job: a grant is access, not data, and stays hers.
  const owner = await acme.signIn("owner");
  shared = (await owner.resources.create({ type: "job", name: "owner-job" })).id;
  await owner.resources.grant({ resourceId: shared, principal: { kind: "MEMBER", membershipId: acme.member("chloe") }, capabilities: ["view", "run"] });
});
afterAll(() => t.close());

describe("refusals change nothing", () => {
  it("a role without “Migrate data” is FORBIDDEN, and its member page offers no move", async () => {
    const before = await snapshot();
    for (const login of ["adam", "gary", "chloe"]) {
      const err = await refusal((await acme.signIn(login)).members.migrateData({ fromMembershipId: acme.member("chloe"), toMembershipId: acme.member("dan") }));
      expect({ login, code: err.code }).toEqual({ login, code: "FORBIDDEN" });
    }
    expect((await (await acme.signIn("adam")).members.get({ membershipId: acme.member("chloe") })).canMigrateData).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it("a Group Data Admin stays in its subtree: a source or recipient outside is NOT_FOUND", async () => {
    const before = await snapshot();
    const gina = await acme.signIn("gina");
    for (const [from, to] of [
      ["uwe", "dan"],
      ["chloe", "uwe"],
      ["chloe", "adam"],
      ["dana", "dan"],
    ] as const) {
      const err = await refusal(gina.members.migrateData({ fromMembershipId: acme.member(from), toMembershipId: acme.member(to) }));
      expect({ from, to, code: err.code }).toEqual({ from, to, code: "NOT_FOUND" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a recipient who would gain what the actor cannot give is refused with the reason, as on a hand-over", async () => {
    const before = await snapshot();
    const gina = await acme.signIn("gina");
    // Clara (Audit Clerk) is in Gina's subtree and ranked below her, but holds the audit log.
    const err = await refusal(gina.members.migrateData({ fromMembershipId: acme.member("chloe"), toMembershipId: acme.member("clara") }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toContain("clara cannot receive chloe's data");
    expect(err.message).toContain("View audit log");
    // The same recipient through the single-resource hand-over: the same rule answers.
    await expect(gina.resources.transfer({ resourceId: owned.chloe![0]!, toMembershipId: acme.member("clara") })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("in your span"),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses the source as recipient, oneself, an inactive recipient, and a source who owns nothing", async () => {
    const before = await snapshot();
    const gina = await acme.signIn("gina");
    const move = (from: string, to: string) => refusal(gina.members.migrateData({ fromMembershipId: acme.member(from), toMembershipId: acme.member(to) }));
    expect((await move("chloe", "chloe")).code).toBe("BAD_REQUEST");
    expect((await move("chloe", "gina")).code).toBe("FORBIDDEN");
    expect((await move("gina", "dan")).code).toBe("FORBIDDEN");
    const inactive = await move("chloe", "ida");
    expect(inactive.code).toBe("FORBIDDEN");
    expect(inactive.message).toContain("not an active member");
    const empty = await move("nell", "dan");
    expect(empty.code).toBe("PRECONDITION_FAILED");
    expect(empty.message).toBe("nell owns no resources, so there is nothing to move.");
    expect(await snapshot()).toEqual(before);
  });

  it("another organization's ids are NOT_FOUND, on either side", async () => {
    const before = await snapshot();
    const dana = await acme.signIn("dana");
    for (const [from, to] of [
      [globex.member("gil"), acme.member("dan")],
      [acme.member("chloe"), globex.member("gil")],
    ]) {
      expect((await refusal(dana.members.migrateData({ fromMembershipId: from!, toMembershipId: to! }))).code).toBe("NOT_FOUND");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("moving the data", () => {
  it("a Group Data Admin moves everything the source owns inside its subtree, audited and emailed to both", async () => {
    const gina = await acme.signIn("gina");
    const page = await gina.members.get({ membershipId: acme.member("chloe") });
    expect({ can: page.canMigrateData, owned: page.ownedResources }).toEqual({ can: true, owned: 3 });

    const result = await gina.members.migrateData({ fromMembershipId: acme.member("chloe"), toMembershipId: acme.member("dan") });
    expect(result).toEqual({ count: 3, from: "chloe", to: "dan" });
    expect(await ownersOf(owned.chloe!)).toEqual([acme.member("dan"), acme.member("dan"), acme.member("dan")]);
    expect(await ownersOf(owned.uwe!)).toEqual([acme.member("uwe")]);

    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "member.migrateData" } });
    expect(event.targetId).toBe(acme.member("chloe"));
    expect(event.after).toMatchObject({ ownerId: acme.member("dan"), count: 3, resourceIds: [...owned.chloe!].sort() });
    const history = (await gina.members.get({ membershipId: acme.member("chloe") })).history;
    expect(history[0]?.sentence).toBe("Gina moved 3 resources from chloe to dan");

    const emails = await t.db.outboxEmail.findMany({ where: { kind: "data-migrated" }, orderBy: { to: "asc" } });
    expect(emails.map((e) => ({ to: e.to, subject: e.subject }))).toEqual([
      { to: acme.email("chloe"), subject: "Your resources in Acme were moved to dan" },
      { to: acme.email("dan"), subject: "You now own 3 resources in Acme" },
    ]);
  });

  it("the recipient owns them with Administrator, and the source keeps the access granted to them", async () => {
    const dan = await acme.signIn("dan");
    const secret = await dan.resources.get({ resourceId: owned.chloe![2]! });
    expect(secret.owner.isYou).toBe(true);
    expect(secret.access.capabilities).toEqual(["view", "run", "edit", "data", "share", "admin"]);
    const chloe = await acme.signIn("chloe");
    expect((await chloe.resources.get({ resourceId: shared })).access.capabilities).toEqual(["view", "run"]);
    await expect(chloe.resources.get({ resourceId: owned.chloe![2]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a Data Admin moves data across the organization", async () => {
    const dana = await acme.signIn("dana");
    await dana.members.migrateData({ fromMembershipId: acme.member("dan"), toMembershipId: acme.member("uwe") });
    expect(await ownersOf([...owned.chloe!, ...owned.uwe!])).toEqual(Array(4).fill(acme.member("uwe")));
    expect(await t.db.auditEvent.count({ where: { action: "member.migrateData" } })).toBe(2);
    expect(await t.db.outboxEmail.count({ where: { kind: "data-migrated" } })).toBe(4);
  });

  it("moves the data of a disabled member too: the usual case of someone who left", async () => {
    const left = await t.db.resource.create({ data: { organizationId: acme.id, type: "server", name: "ida-server", ownerId: acme.member("ida") } });
    await (await acme.signIn("gina")).members.migrateData({ fromMembershipId: acme.member("ida"), toMembershipId: acme.member("dan") });
    expect(await ownersOf([left.id])).toEqual([acme.member("dan")]);
  });
});
