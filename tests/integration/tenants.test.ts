// Organizations as tenants, through tRPC as real users (DESIGN.md rules 1 and 11, the
// Instance setting): who creates organizations under each setting, slugs and their races,
// the operators' procedures and who may call them, operators seeing metadata only,
// suspension (requests, invitation links, outbox), deletion and its purge down to the last
// row, the last operator, and isolation between three organizations.
//
// Tests inside a describe run in order and build on each other; each describe uses its own
// organizations, so that counts in one are not disturbed by another.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { openContent } from "@/server/email/outbox";
import { mailboxTransport } from "@/server/email/transport";
import { deliverDueEmails, type RetryPolicy } from "@/server/email/worker";
import { pruneExpired } from "@/server/maintenance/prune";
import { verifyCredentials } from "@/server/services/account";
import { startSession } from "@/server/services/sessions";
import { purgeDeletedOrganizations, purgeOrganization } from "@/server/services/tenants";
import { appRouter } from "@/server/trpc/root";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { callerFor, refusal, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;

type Caller = ReturnType<typeof callerFor>;
type Claims = { userId: string; sessionVersion: number; sessionId: string };

/** Accounts of the instance that belong to no organization at the start. */
const OP = "op@instance.test"; // operator, never a member anywhere
const MAKER = "maker@instance.test"; // operator who creates organizations
const LONER = (tag: string) => `loner-${tag}@instance.test`;

const FORBIDDEN_OPERATE = "Only the operators of this Steward may manage the instance.";
const NOT_SIGNED_IN = "Sign in to continue; your session has ended or is not valid.";
const ORG_NOT_FOUND = "Organization not found.";

const sessions = new Map<string, Claims>();

/** A caller signed in as `email` (one real session per account), acting in `slug`. */
async function as(email: string, slug: string | null = null, db: Db = t.db): Promise<Caller> {
  let claims = sessions.get(email);
  if (!claims) {
    const c = await verifyCredentials(t.db, email, PASSWORD);
    if (!c) throw new Error(`Sign-in failed for ${email}`);
    const sessionId = await startSession(t.db, c.userId, { userAgent: "vitest", ip: "127.0.0.1" });
    claims = { userId: c.userId, sessionVersion: c.sessionVersion, sessionId };
    sessions.set(email, claims);
  }
  return callerFor(db, claims, slug);
}

const anonymous = () => callerFor(t.db, null, null);
const randomId = () => `c${randomBytes(12).toString("hex")}`;

async function account(email: string, isOperator = false) {
  return t.db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: await hashPassword(PASSWORD), isOperator } });
}

/** Everything the outbox has due, delivered by the worker to a mailbox that records the recipients. */
async function drainOutbox(): Promise<string[]> {
  const sent: string[] = [];
  const transport = mailboxTransport((line) => sent.push(line));
  const policy: RetryPolicy = { baseMs: 1, capMs: 5, maxAttempts: 5, leaseMs: 60_000 };
  for (;;) {
    const r = await deliverDueEmails(t.db, transport, policy);
    if (r.sent + r.retrying + r.failed === 0) return sent;
  }
}

/** A tree three deep, members of several roles and a custom role. */
function tenant(name: string) {
  return org(t.db, name)
    .withTree("Sales/EMEA/Paris", "Ops")
    .withRole({ name: "Helpdesk", rank: 65, reach: "ORGANIZATION", permissions: ["members.view"], ceiling: ["view"] })
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("ulla", "user", "Sales/EMEA/Paris")
    .withMember("hana", "Helpdesk", "Ops")
    .create();
}

/** Fills an organization through its owner's and members' callers: a group, resources
 * (one private), a team, grants to every kind of principal, runs, an invitation. */
async function furnish(o: BuiltOrg) {
  const owner = await o.signIn("owner");
  const night = await owner.groups.create({ parentId: o.group("Ops"), name: "Night shift" });
  const server = await owner.resources.create({ type: "server", name: "db-1" });
  const job = await owner.resources.create({ type: "job", name: "backup", private: true });
  const team = await owner.teams.create({ name: "On call" });
  await owner.teams.addMember({ teamId: team.id, membershipId: o.member("ulla") });
  await owner.teams.addMember({ teamId: team.id, membershipId: o.member("hana") });
  await owner.resources.grant({ resourceId: server.id, principal: { kind: "MEMBER", membershipId: o.member("ulla") }, capabilities: ["view", "run"] });
  await owner.resources.grant({ resourceId: job.id, principal: { kind: "TEAM", teamId: team.id }, capabilities: ["view", "run"] });
  await owner.resources.grant({ resourceId: job.id, principal: { kind: "GROUP", groupId: o.group("Sales/EMEA") }, capabilities: ["view"] });
  await owner.resources.grant({ resourceId: server.id, principal: { kind: "EMAIL", email: `watch@${o.slug}.test` }, capabilities: [] });
  const ulla = await o.signIn("ulla");
  const run = await ulla.resources.act({ resourceId: job.id, action: "run" });
  await ulla.resources.finishRun({ activityId: run.activityId, outcome: "SUCCEEDED" });
  await ulla.resources.act({ resourceId: job.id, action: "run", note: "nightly" });
  const [invited] = await owner.invitations.invite({ emails: [`new@${o.slug}.test`], roleId: o.role("user"), groupId: o.group("Ops") });
  return { night: night.id, server: server.id, job: job.id, team: team.id, invitation: invited!.invitationId!, role: o.role("Helpdesk") };
}

const TABLES = [
  "Group",
  "Role",
  "Membership",
  "Team",
  "TeamMember",
  "Resource",
  "Grant",
  "ResourceActivity",
  "Invitation",
  "OutboxEmail",
  "AuditEvent",
] as const;

/** Rows per table that belong to these organizations (TeamMember through its team). */
async function rowsOf(...organizationIds: string[]): Promise<Record<(typeof TABLES)[number] | "Organization", number>> {
  const where = { organizationId: { in: organizationIds } };
  return {
    Organization: await t.db.organization.count({ where: { id: { in: organizationIds } } }),
    Group: await t.db.group.count({ where }),
    Role: await t.db.role.count({ where }),
    Membership: await t.db.membership.count({ where }),
    Team: await t.db.team.count({ where }),
    TeamMember: await t.db.teamMember.count({ where: { team: where } }),
    Resource: await t.db.resource.count({ where }),
    Grant: await t.db.grant.count({ where }),
    ResourceActivity: await t.db.resourceActivity.count({ where }),
    Invitation: await t.db.invitation.count({ where }),
    OutboxEmail: await t.db.outboxEmail.count({ where }),
    AuditEvent: await t.db.auditEvent.count({ where }),
  };
}

const zeroRows = { Organization: 0, ...Object.fromEntries(TABLES.map((table) => [table, 0])) };

beforeAll(async () => {
  t = await testDatabase();
  await account(OP, true);
  await account(MAKER, true);
  for (const tag of ["operators", "members", "open", "race"]) await account(LONER(tag));
});
afterAll(() => t.close());

// ==== Creating organizations ==================================================================

describe("who creates organizations under each setting", () => {
  let acme: BuiltOrg;
  beforeAll(async () => {
    acme = await org(t.db, "Acme").withMember("ulla", "user").create();
  });

  async function expectOwned(organizationId: string, email: string, roles = 12) {
    const members = await t.db.membership.findMany({ where: { organizationId }, include: { role: true, group: true, user: true } });
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({
      isOwner: true,
      status: "ACTIVE",
      role: { name: "Data Admin", builtInKey: "data_admin" },
      group: { parentId: null, depth: 0 },
      user: { email },
    });
    expect(await t.db.group.count({ where: { organizationId } })).toBe(1);
    expect(await t.db.role.count({ where: { organizationId } })).toBe(roles);
    expect(await t.db.role.count({ where: { organizationId, builtInKey: { not: null } } })).toBe(12);
    const created = await t.db.auditEvent.findMany({ where: { organizationId, action: "organization.create" } });
    expect(created).toHaveLength(1);
    expect(created[0]!.actorUserId).toBe(members[0]!.userId);
  }

  // setting, who, may create
  const CASES = [
    ["OPERATORS", "operator", true],
    ["OPERATORS", "member", false],
    ["OPERATORS", "no membership", false],
    ["MEMBERS", "operator", true],
    ["MEMBERS", "member", true],
    ["MEMBERS", "no membership", true],
    ["OPEN", "operator", true],
    ["OPEN", "member", true],
    ["OPEN", "no membership", true],
  ] as const;

  it.each(CASES)("under %s, an account that is %s may create: %s", async (setting, who, allowed) => {
    const op = await as(OP);
    await op.instance.updateSettings({ organizationCreation: setting });
    expect(await op.instance.settings()).toEqual({ organizationCreation: setting });
    const email = who === "operator" ? MAKER : who === "member" ? acme.email("ulla") : LONER(setting.toLowerCase());
    const caller = await as(email);
    const name = `${setting} by ${who}`;
    expect(await caller.instance.creation()).toMatchObject({ allowed, setting });
    const before = await t.db.organization.count();
    if (!allowed) {
      const err = await refusal(() => caller.instance.createOrganization({ name }));
      expect(err).toMatchObject({ code: "FORBIDDEN", message: "On this Steward only its operators create organizations. Ask one of them to create yours." });
      expect(await t.db.organization.count()).toBe(before);
      return;
    }
    const created = await caller.instance.createOrganization({ name });
    expect(created.slug).toBe(name.toLowerCase().replace(/ /g, "-"));
    await expectOwned(created.organizationId, email);
    // The new owner works in it at once.
    const inside = await as(email, created.slug);
    expect((await inside.members.list({})).total).toBe(1);
    expect((await caller.account.me()).organizations).toContainEqual({ slug: created.slug, name, role: "Data Admin", isOwner: true, suspended: false });
  });

  it("adds a seed's role set when asked", async () => {
    const created = await (await as(MAKER)).instance.createOrganization({ name: "Initrode", roleSet: "seed-000" });
    await expectOwned(created.organizationId, MAKER, 16);
    const custom = await t.db.role.findMany({ where: { organizationId: created.organizationId, builtInKey: null }, orderBy: { rank: "desc" } });
    expect(custom.map((r) => r.name)).toEqual(["Super Administrator", "Administrator", "Read-only", "Team member"]);
  });

  it("lets only operators change the setting, audited at instance level", async () => {
    const op = await as(OP);
    await op.instance.updateSettings({ organizationCreation: "OPERATORS" });
    const audited = () => t.db.auditEvent.findMany({ where: { action: "instance.updateSettings" }, orderBy: { at: "asc" } });
    const before = await audited();
    await op.instance.updateSettings({ organizationCreation: "MEMBERS" });
    const after = await audited();
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      organizationId: null,
      actorUserId: sessions.get(OP)!.userId,
      targetType: "Instance",
      before: { organizationCreation: "OPERATORS" },
      after: { organizationCreation: "MEMBERS" },
    });
    // Setting what is already set changes nothing and audits nothing.
    await op.instance.updateSettings({ organizationCreation: "MEMBERS" });
    expect(await audited()).toHaveLength(after.length);

    const owner = await acme.signIn("owner");
    expect(await refusal(() => owner.instance.updateSettings({ organizationCreation: "OPEN" }))).toMatchObject({
      code: "FORBIDDEN",
      message: FORBIDDEN_OPERATE,
    });
    expect(await refusal(() => owner.instance.settings())).toMatchObject({ code: "FORBIDDEN", message: FORBIDDEN_OPERATE });
    expect(await refusal(() => anonymous().instance.updateSettings({ organizationCreation: "OPEN" }))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await op.instance.settings()).toEqual({ organizationCreation: "MEMBERS" });
    expect(await audited()).toHaveLength(after.length);
  });
});

describe("slugs", () => {
  const counts = async () => ({
    organizations: await t.db.organization.count(),
    groups: await t.db.group.count(),
    roles: await t.db.role.count(),
    memberships: await t.db.membership.count(),
    audits: await t.db.auditEvent.count(),
  });

  it("refuses a slug already taken with a readable CONFLICT, leaving nothing behind", async () => {
    const maker = await as(MAKER);
    await maker.instance.createOrganization({ name: "Taken", slug: "taken-slug" });
    const before = await counts();
    const err = await refusal(() => maker.instance.createOrganization({ name: "Another", slug: "taken-slug" }));
    expect(err).toMatchObject({ code: "CONFLICT", message: "The address /o/taken-slug is already taken. Choose another." });
    expect(await counts()).toEqual(before);
  });

  it.each(["-bad", "bad-", "a--b", "a", "x".repeat(41), "no spaces", "under_score"])("refuses the slug %j with a sentence, no schema path", async (slug) => {
    const before = await counts();
    const err = await refusal(async () => (await as(MAKER)).instance.createOrganization({ name: "Badly addressed", slug }));
    expect(err).toMatchObject({
      code: "BAD_REQUEST",
      message: "Addresses are 2 to 40 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
    });
    expect(await counts()).toEqual(before);
  });

  it("takes an upper-case slug as its lower case", async () => {
    const created = await (await as(MAKER)).instance.createOrganization({ name: "Shouting", slug: "Shout-Ing" });
    expect(created.slug).toBe("shout-ing");
  });

  it("lets exactly one of two racing creations have a slug, without orphan rows", async () => {
    await (await as(OP)).instance.updateSettings({ organizationCreation: "MEMBERS" });
    const before = await counts();
    const [a, b] = [await as(MAKER, null, t.db), await as(LONER("race"), null, t.another())];
    const results = await Promise.allSettled([
      a.instance.createOrganization({ name: "Race one", slug: "race" }),
      b.instance.createOrganization({ name: "Race two", slug: "race" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: "CONFLICT", message: "The address /o/race is already taken. Choose another." });
    expect(await t.db.organization.count({ where: { slug: "race" } })).toBe(1);
    expect(await counts()).toEqual({
      organizations: before.organizations + 1,
      groups: before.groups + 1,
      roles: before.roles + 12,
      memberships: before.memberships + 1,
      audits: before.audits + 1,
    });
  });
});

// ==== The operators' procedures ===============================================================

describe("operator procedures", () => {
  const ACCOUNT_LEVEL = ["instance.creation", "instance.suggestSlug", "instance.createOrganization"];
  const OPERATOR_PROCEDURES = Object.keys(appRouter._def.procedures)
    .filter((path) => path.startsWith("instance.") && !ACCOUNT_LEVEL.includes(path))
    .map((path) => path.slice("instance.".length));

  let spare: BuiltOrg;
  let doomed: BuiltOrg;
  let deputy: string;
  beforeAll(async () => {
    spare = await org(t.db, "Spare").create();
    doomed = await org(t.db, "Spare two").withMember("deputy", "user").create();
    deputy = doomed.email("deputy");
  });

  /** Inputs that succeed for an operator, in an order where each succeeds (suspend before resume…). */
  const INPUTS: Array<[string, () => unknown]> = [
    ["settings", () => undefined],
    ["updateSettings", () => ({ organizationCreation: "MEMBERS" })],
    ["organizations", () => ({ search: "Spare" })],
    ["suspend", () => ({ organizationId: spare.id, reason: "Checking" })],
    ["resume", () => ({ organizationId: spare.id })],
    ["operators", () => undefined],
    ["addOperator", () => ({ email: deputy })],
    ["removeOperator", () => ({ email: deputy })],
    ["events", () => ({})],
    ["deleteOrganization", () => ({ organizationId: doomed.id, confirmName: "Spare two" })],
  ];

  const call = (caller: Caller, name: string, input: unknown) => (caller.instance as unknown as Record<string, (i: unknown) => Promise<unknown>>)[name]!(input);

  it("are the ten known ones, each with an input here, so that a new one cannot be forgotten", () => {
    expect([...OPERATOR_PROCEDURES].sort()).toEqual(INPUTS.map(([name]) => name).sort());
    expect(OPERATOR_PROCEDURES).toHaveLength(10);
  });

  it("refuse anonymous callers as UNAUTHORIZED", async () => {
    for (const [name, input] of INPUTS) {
      expect(await refusal(() => call(anonymous(), name, input())), name).toMatchObject({ code: "UNAUTHORIZED", message: NOT_SIGNED_IN });
    }
  });

  it("refuse an organization's owner who is not an operator as FORBIDDEN, changing nothing", async () => {
    const owner = await spare.signIn("owner");
    const events = await t.db.auditEvent.count({ where: { organizationId: null } });
    for (const [name, input] of INPUTS) {
      expect(await refusal(() => call(owner, name, input())), name).toMatchObject({ code: "FORBIDDEN", message: FORBIDDEN_OPERATE });
    }
    expect(await t.db.organization.findUniqueOrThrow({ where: { id: spare.id } })).toMatchObject({ suspendedAt: null });
    expect(await t.db.organization.findUniqueOrThrow({ where: { id: doomed.id } })).toMatchObject({ deletedAt: null });
    expect(await t.db.user.findUniqueOrThrow({ where: { email: deputy } })).toMatchObject({ isOperator: false });
    expect(await t.db.auditEvent.count({ where: { organizationId: null } })).toBe(events);
  });

  it("work for an operator", async () => {
    const op = await as(OP);
    for (const [name, input] of INPUTS) await expect(call(op, name, input()), name).resolves.toBeDefined();
    expect(await t.db.organization.count({ where: { id: doomed.id } })).toBe(0);
    const actions = (await op.instance.events({ pageSize: 5 })).rows.map((r) => r.action);
    expect(actions).toEqual(["organization.delete", "instance.operatorRemove", "instance.operatorAdd", "organization.resume", "organization.suspend"]);
  });
});

// ==== What operators see ======================================================================

describe("operators see organizations' metadata only", () => {
  let acme: BuiltOrg;
  beforeAll(async () => {
    acme = await org(t.db, "Meta Acme")
      .withTree("Sales")
      .withMember("adam", "admin")
      .withMember("ulla", "user", "Sales")
      .withMember("ivy", "user", "", "INVITED")
      .create();
  });

  it("gets NOT_FOUND inside an organization it is not a member of, like an unknown one (rule 1)", async () => {
    const inside = await as(OP, acme.slug);
    const nowhere = await as(OP, "no-such-organization");
    for (const caller of [inside, nowhere]) {
      expect(await refusal(() => caller.members.list({}))).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
      expect(await refusal(() => caller.groups.list())).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
      expect(await refusal(() => caller.resources.list({}))).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
      expect(await refusal(() => caller.members.get({ membershipId: acme.member("ulla") }))).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
    }
  });

  it("lists organizations with their member count and owner, and nothing of their insides", async () => {
    const list = await (await as(OP)).instance.organizations({ search: "Meta Acme" });
    expect(list.total).toBe(1);
    expect(list.rows[0]).toEqual({
      id: acme.id,
      name: "Meta Acme",
      slug: acme.slug,
      createdAt: expect.any(Date),
      suspendedAt: null,
      suspendedReason: "",
      members: 3, // owner, adam, ulla; not the invited ivy
      owner: { name: "Owner", email: acme.email("owner") },
    });
  });

  it("pages, searches and filters by status", async () => {
    const built: BuiltOrg[] = [];
    for (let i = 1; i <= 7; i++) built.push(await org(t.db, `Paged ${i}`).create());
    const op = await as(OP);
    const seen: string[] = [];
    for (const [page, size] of [
      [1, 3],
      [2, 3],
      [3, 1],
    ] as const) {
      const result = await op.instance.organizations({ search: "paged", page, pageSize: 3 });
      expect(result).toMatchObject({ total: 7, page, pageSize: 3 });
      expect(result.rows).toHaveLength(size);
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual(built.map((b) => b.id).sort());
    // Newest first.
    expect(seen[0]).toBe(built[6]!.id);

    expect((await op.instance.organizations({ search: "PAGED 3" })).rows.map((r) => r.id)).toEqual([built[2]!.id]);
    expect((await op.instance.organizations({ search: built[4]!.slug })).rows.map((r) => r.id)).toEqual([built[4]!.id]);

    await op.instance.suspend({ organizationId: built[1]!.id, reason: "" });
    await op.instance.suspend({ organizationId: built[5]!.id, reason: "Spam" });
    const suspended = await op.instance.organizations({ search: "paged", status: "SUSPENDED" });
    expect(suspended.total).toBe(2);
    expect(suspended.rows.map((r) => [r.id, r.suspendedReason])).toEqual([
      [built[5]!.id, "Spam"],
      [built[1]!.id, ""],
    ]);
    const active = await op.instance.organizations({ search: "paged", status: "ACTIVE" });
    expect(active.total).toBe(5);
    expect(active.rows.every((r) => r.suspendedAt === null)).toBe(true);
  });
});

// ==== Suspension ==============================================================================

describe("suspending an organization", () => {
  let acme: BuiltOrg;
  let link: { organization: string; token: string };
  let emailId: string;
  const REASON = "Unpaid invoice.";
  const SENTENCE = `Suspendo is suspended by the operators of this Steward; nobody can use it until they resume it. Reason given: ${REASON}`;

  beforeAll(async () => {
    acme = await org(t.db, "Suspendo").withTree("Sales").withMember("adam", "admin").withMember("ulla", "user", "Sales").create();
    const adam = await acme.signIn("adam");
    await adam.invitations.invite({ emails: ["nina@example.test"], roleId: acme.role("user"), groupId: acme.group("Sales") });
    const email = await t.db.outboxEmail.findFirstOrThrow({ where: { organizationId: acme.id, to: "nina@example.test" } });
    emailId = email.id;
    const [, , organization, token] = new URL(openContent(email.content!).link!).pathname.split("/");
    link = { organization: organization!, token: token! };
  });

  it("refuses every member's next request, the owner's too, with the reason", async () => {
    const [owner, adam, ulla] = [await acme.signIn("owner"), await acme.signIn("adam"), await acme.signIn("ulla")];
    expect((await ulla.resources.list({})).total).toBe(0);
    const events = await t.db.auditEvent.count({ where: { action: "organization.suspend", targetId: acme.id } });

    await (await as(OP)).instance.suspend({ organizationId: acme.id, reason: REASON });

    expect(await refusal(() => owner.members.list({}))).toMatchObject({ code: "FORBIDDEN", message: SENTENCE });
    expect(await refusal(() => owner.groups.create({ parentId: acme.group(""), name: "Sneaky" }))).toMatchObject({ code: "FORBIDDEN", message: SENTENCE });
    expect(await refusal(() => adam.invitations.list({}))).toMatchObject({ code: "FORBIDDEN", message: SENTENCE });
    expect(await refusal(() => ulla.resources.list({}))).toMatchObject({ code: "FORBIDDEN", message: SENTENCE });
    expect(await t.db.group.count({ where: { organizationId: acme.id, name: "Sneaky" } })).toBe(0);
    expect((await ulla.account.me()).organizations).toEqual([{ slug: acme.slug, name: "Suspendo", role: "User", isOwner: false, suspended: true }]);

    const audited = await t.db.auditEvent.findMany({ where: { action: "organization.suspend", targetId: acme.id } });
    expect(audited).toHaveLength(events + 1);
    expect(audited.at(-1)).toMatchObject({ organizationId: null, actorUserId: sessions.get(OP)!.userId, after: { suspended: true, reason: REASON } });
  });

  it("refuses its invitation links and keeps its email in the outbox", async () => {
    expect(await refusal(() => anonymous().invitations.preview(link))).toMatchObject({ code: "FORBIDDEN", message: SENTENCE });
    expect(await refusal(() => anonymous().invitations.accept({ ...link, name: "Nina", password: "a fine long passphrase" }))).toMatchObject({
      code: "FORBIDDEN",
      message: SENTENCE,
    });
    expect(await t.db.user.count({ where: { email: "nina@example.test" } })).toBe(0);

    const sent = await drainOutbox();
    expect(sent.join("\n")).not.toContain("nina@example.test");
    expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("cannot be suspended twice", async () => {
    const err = await refusal(async () => (await as(OP)).instance.suspend({ organizationId: acme.id, reason: "Again" }));
    expect(err).toMatchObject({ code: "CONFLICT", message: "Suspendo is already suspended." });
    expect(await t.db.organization.findUniqueOrThrow({ where: { id: acme.id } })).toMatchObject({ suspendedReason: REASON });
  });

  it("works again after resuming: requests, the link, the email", async () => {
    const op = await as(OP);
    await op.instance.resume({ organizationId: acme.id });
    expect(await t.db.auditEvent.findFirst({ where: { action: "organization.resume", targetId: acme.id } })).toMatchObject({
      organizationId: null,
      before: { suspended: true, reason: REASON },
      after: { suspended: false },
    });

    const owner = await acme.signIn("owner");
    expect((await owner.members.list({})).total).toBe(3);
    expect((await (await acme.signIn("ulla")).account.me()).organizations[0]).toMatchObject({ suspended: false });

    const sent = await drainOutbox();
    expect(sent.join("\n")).toContain("nina@example.test");
    expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "SENT", attempts: 1 });

    expect(await anonymous().invitations.preview(link)).toMatchObject({ email: "nina@example.test" });
    await anonymous().invitations.accept({ ...link, name: "Nina", password: "a fine long passphrase" });
    expect(await t.db.membership.count({ where: { organizationId: acme.id, user: { email: "nina@example.test" } } })).toBe(1);

    expect(await refusal(() => op.instance.resume({ organizationId: acme.id }))).toMatchObject({ code: "CONFLICT", message: "Suspendo is not suspended." });
  });

  it("answers NOT_FOUND for an organization id that does not exist", async () => {
    const op = await as(OP);
    expect(await refusal(() => op.instance.suspend({ organizationId: randomId(), reason: "" }))).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
    expect(await refusal(() => op.instance.resume({ organizationId: randomId() }))).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
  });
});

// ==== Deletion ================================================================================

describe("deleting an organization", () => {
  let doomed: BuiltOrg;
  let bystanders: BuiltOrg[];
  let others: string[];

  beforeAll(async () => {
    doomed = await tenant("Doomed");
    await furnish(doomed);
    bystanders = [await tenant("Bystander one"), await tenant("Bystander two")];
    for (const b of bystanders) await furnish(b);
    others = (await t.db.organization.findMany({ where: { id: { not: doomed.id } }, select: { id: true } })).map((o) => o.id);
  });

  it("has something in every table to purge", async () => {
    const rows = await rowsOf(doomed.id);
    for (const [table, n] of Object.entries(rows)) expect(n, table).toBeGreaterThan(0);
    expect(await t.db.group.count({ where: { organizationId: doomed.id, depth: 3 } })).toBe(1);
  });

  it("refuses a wrong confirmation name and changes nothing", async () => {
    const before = await rowsOf(doomed.id);
    for (const confirmName of ["doomed", "Doomed!", "Bystander one"]) {
      const err = await refusal(async () => (await as(OP)).instance.deleteOrganization({ organizationId: doomed.id, confirmName }));
      expect(err).toMatchObject({ code: "BAD_REQUEST", message: "Type the organization's name, “Doomed”, to confirm its deletion." });
    }
    expect(await rowsOf(doomed.id)).toEqual(before);
    expect(await t.db.organization.findUniqueOrThrow({ where: { id: doomed.id } })).toMatchObject({ deletedAt: null, slug: doomed.slug });
    expect((await (await doomed.signIn("ulla")).resources.list({})).total).toBeGreaterThan(0);
  });

  it("removes it everywhere, down to the last row, and leaves the others alone", async () => {
    const ulla = await doomed.signIn("ulla");
    const owner = await doomed.signIn("owner");
    const othersBefore = await rowsOf(...others);
    const users = await t.db.user.count();
    const instanceEvents = await t.db.auditEvent.count({ where: { organizationId: null } });

    const op = await as(OP);
    expect(await op.instance.deleteOrganization({ organizationId: doomed.id, confirmName: " Doomed " })).toEqual({ id: doomed.id, name: "Doomed" });

    expect(await rowsOf(doomed.id)).toEqual(zeroRows);
    expect(await rowsOf(...others)).toEqual(othersBefore);
    expect(await t.db.user.count()).toBe(users);
    const event = await t.db.auditEvent.findMany({ where: { action: "organization.delete", targetId: doomed.id } });
    expect(event).toHaveLength(1);
    expect(event[0]).toMatchObject({
      organizationId: null,
      actorUserId: sessions.get(OP)!.userId,
      before: { name: "Doomed", slug: doomed.slug, members: 5 },
      after: { deletedBy: "operator" },
    });
    expect(await t.db.auditEvent.count({ where: { organizationId: null } })).toBe(instanceEvents + 1);

    expect((await op.instance.organizations({ search: "Doomed" })).total).toBe(0);
    expect((await ulla.account.me()).organizations).toEqual([]);
    const unknown = await refusal(() => callerFor(t.db, sessions.get(OP)!, `nothing-${randomBytes(4).toString("hex")}`).members.list({}));
    for (const caller of [ulla, owner]) {
      expect(await refusal(() => caller.resources.list({}))).toEqual(expect.objectContaining({ code: "NOT_FOUND", message: unknown.message }));
    }
    expect(await refusal(() => owner.members.list({}))).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
    expect(await refusal(() => op.instance.deleteOrganization({ organizationId: doomed.id, confirmName: "Doomed" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("frees its slug for a new organization at once", async () => {
    const created = await (await as(MAKER)).instance.createOrganization({ name: "Doomed reborn", slug: doomed.slug });
    expect(created.slug).toBe(doomed.slug);
    expect(await rowsOf(created.organizationId)).toMatchObject({ Organization: 1, Membership: 1, Group: 1, Role: 12, Resource: 0 });
  });

  it("never purges a live organization", async () => {
    const before = await rowsOf(bystanders[0]!.id);
    await purgeOrganization(t.db, bystanders[0]!.id, 1);
    expect(await rowsOf(bystanders[0]!.id)).toEqual(before);
  });

  /** As deleteOrganization's first step leaves it, when the process stops before the purge. */
  async function markDeleted(o: BuiltOrg) {
    await t.db.organization.update({ where: { id: o.id }, data: { deletedAt: new Date(), slug: `~deleted~${o.id}` } });
  }

  it("finishes an interrupted purge in the housekeeping", async () => {
    const [first, second, third] = [await tenant("Halfway one"), await tenant("Halfway two"), await tenant("Halfway three")];
    for (const o of [first, second, third]) await furnish(o);
    const keep = await rowsOf(...bystanders.map((b) => b.id));

    await markDeleted(first);
    expect(await refusal(async () => (await first.signIn("ulla")).resources.list({}))).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
    // Part of the purge happened before the stop.
    await t.db.resourceActivity.deleteMany({ where: { organizationId: first.id } });
    expect(await purgeDeletedOrganizations(t.db)).toBe(1);
    expect(await rowsOf(first.id)).toEqual(zeroRows);

    await markDeleted(second);
    expect((await pruneExpired(t.db)).deletedOrganizations).toBe(1);
    expect(await rowsOf(second.id)).toEqual(zeroRows);

    // In batches of two rows: every loop goes round more than once.
    await markDeleted(third);
    await purgeOrganization(t.db, third.id, 2);
    expect(await rowsOf(third.id)).toEqual(zeroRows);

    expect(await purgeDeletedOrganizations(t.db)).toBe(0);
    expect(await rowsOf(...bystanders.map((b) => b.id))).toEqual(keep);
  });
});

// ==== Operators ===============================================================================

describe("operators", () => {
  let acme: BuiltOrg;
  let adam: string;
  let eve: string;
  beforeAll(async () => {
    acme = await org(t.db, "Opsco").withMember("adam", "admin").withMember("eve", "user").create();
    adam = acme.email("adam");
    eve = acme.email("eve");
  });
  const operatorCount = () => t.db.user.count({ where: { isOperator: true } });

  it("are added by email address, audited; an unknown address is NOT_FOUND, a second addition CONFLICT", async () => {
    const op = await as(OP);
    expect(await refusal(() => op.instance.addOperator({ email: "Nobody@Example.test" }))).toMatchObject({
      code: "NOT_FOUND",
      message: "No account has the address nobody@example.test. The person signs up or is invited first.",
    });
    expect(await op.instance.addOperator({ email: adam.toUpperCase() })).toMatchObject({ email: adam });
    const adamId = (await t.db.user.findUniqueOrThrow({ where: { email: adam } })).id;
    expect(await t.db.auditEvent.findMany({ where: { action: "instance.operatorAdd", targetId: adamId } })).toEqual([
      expect.objectContaining({ organizationId: null, actorUserId: sessions.get(OP)!.userId, after: { isOperator: true, email: adam } }),
    ]);
    expect(await refusal(() => op.instance.addOperator({ email: adam }))).toMatchObject({ code: "CONFLICT", message: "adam is already an operator." });
    expect((await op.instance.operators()).rows.map((o) => o.email)).toContain(adam);
    // The new operator's very next request may operate, and being one opens no organization.
    expect((await (await as(adam)).instance.settings()).organizationCreation).toBeDefined();
  });

  it("refuses to remove an account that is not an operator", async () => {
    expect(await refusal(async () => (await as(OP)).instance.removeOperator({ email: eve }))).toMatchObject({
      code: "FORBIDDEN",
      message: "This account is not an operator.",
    });
  });

  it("never removes the last one", async () => {
    const op = await as(OP);
    for (const email of [MAKER, adam]) await op.instance.removeOperator({ email });
    expect(await operatorCount()).toBe(1);
    expect(await refusal(async () => (await as(adam)).instance.settings())).toMatchObject({ code: "FORBIDDEN", message: FORBIDDEN_OPERATE });
    expect(await refusal(() => op.instance.removeOperator({ email: OP }))).toMatchObject({
      code: "FORBIDDEN",
      message: "This is the last operator: add another before removing this one, or nobody could manage the instance.",
    });
    expect(await operatorCount()).toBe(1);
  });

  it("keeps at least one when two remove each other at the same moment", async () => {
    await (await as(OP)).instance.addOperator({ email: adam });
    expect(await operatorCount()).toBe(2);
    const results = await Promise.allSettled([
      (await as(OP, null, t.db)).instance.removeOperator({ email: adam }),
      (await as(adam, null, t.another())).instance.removeOperator({ email: OP }),
    ]);
    expect(await operatorCount()).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    // The loser is refused either by the rule (both passed the gate before either wrote) or,
    // when the winner committed first, at the gate: it is no longer an operator at all.
    expect(refused?.reason).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/This is the last operator|Only the operators/) });
    // Leave OP an operator for whatever runs after.
    const remaining = await t.db.user.findFirstOrThrow({ where: { isOperator: true } });
    if (remaining.email !== OP) await (await as(remaining.email)).instance.addOperator({ email: OP });
  });
});

// ==== Isolation between organizations =========================================================

describe("isolation across three organizations", () => {
  let orgs: BuiltOrg[];
  let ids: Array<Awaited<ReturnType<typeof furnish>>>;
  beforeAll(async () => {
    orgs = [await tenant("Iso A"), await tenant("Iso B"), await tenant("Iso C")];
    ids = [];
    for (const o of orgs) ids.push(await furnish(o));
  });

  type Probe = [name: string, call: (caller: Caller, other: { o: BuiltOrg; id: Awaited<ReturnType<typeof furnish>> } | null) => Promise<unknown>];
  // Each probe, given another organization's ids (or none: random ids), calls in the caller's organization.
  const rid = randomId;
  const PROBES: Probe[] = [
    ["members.get", (c, x) => c.members.get({ membershipId: x ? x.o.member("ulla") : rid() })],
    ["members.changeRole", (c, x) => c.members.changeRole({ membershipId: x ? x.o.member("ulla") : rid(), roleId: x ? x.o.role("support") : rid() })],
    ["groups.rename", (c, x) => c.groups.rename({ groupId: x ? x.id.night : rid(), name: "Taken over" })],
    ["groups.create", (c, x) => c.groups.create({ parentId: x ? x.o.group("Sales") : rid(), name: "Planted" })],
    ["groups.delete", (c, x) => c.groups.delete({ groupId: x ? x.id.night : rid() })],
    ["resources.get", (c, x) => c.resources.get({ resourceId: x ? x.id.server : rid() })],
    ["resources.update", (c, x) => c.resources.update({ resourceId: x ? x.id.job : rid(), name: "renamed", description: "", private: false })],
    ["resources.activity", (c, x) => c.resources.activity({ resourceId: x ? x.id.job : rid() })],
    ["teams.update", (c, x) => c.teams.update({ teamId: x ? x.id.team : rid(), name: "Taken over", description: "" })],
    ["teams.delete", (c, x) => c.teams.delete({ teamId: x ? x.id.team : rid() })],
    [
      "roles.update",
      (c, x) =>
        c.roles.update({
          roleId: x ? x.id.role : rid(),
          version: 0,
          name: "Taken over",
          description: "",
          reach: "ORGANIZATION",
          permissions: ["members.view"],
          ceiling: ["view"],
        }),
    ],
    ["roles.delete", (c, x) => c.roles.delete({ roleId: x ? x.id.role : rid() })],
    ["invitations.revoke", (c, x) => c.invitations.revoke({ invitationId: x ? x.id.invitation : rid() })],
    ["invitations.resend", (c, x) => c.invitations.resend({ invitationId: x ? x.id.invitation : rid() })],
  ];

  /** Everything of every organization, to see that refused calls changed none of it. */
  const everything = async () => ({ rows: await rowsOf(...orgs.map((o) => o.id)), audit: await t.db.auditEvent.count() });

  it.each(PROBES.map(([name]) => name))("%s with another organization's id is NOT_FOUND, like a random id", async (name) => {
    const probe = PROBES.find(([n]) => n === name)![1];
    const before = await everything();
    for (let i = 0; i < 3; i++) {
      const here = await orgs[i]!.signIn("owner");
      const random = await refusal(() => probe(here, null));
      expect(random.code, `${name} in ${orgs[i]!.slug} with a random id`).toBe("NOT_FOUND");
      for (let j = 0; j < 3; j++) {
        if (j === i) continue;
        const err = await refusal(() => probe(here, { o: orgs[j]!, id: ids[j]! }));
        expect({ code: err.code, message: err.message }, `${name} in ${orgs[i]!.slug} with ${orgs[j]!.slug}'s id`).toEqual({
          code: "NOT_FOUND",
          message: random.message,
        });
      }
    }
    expect(await everything()).toEqual(before);
  });

  it("mixes no organization's ids into another's team or grants", async () => {
    const [a, b] = orgs as [BuiltOrg, BuiltOrg];
    const owner = await a.signIn("owner");
    const before = await everything();
    const memberIntoTeam = await refusal(() => owner.teams.addMember({ teamId: ids[0]!.team, membershipId: b.member("ulla") }));
    expect(memberIntoTeam.code).toBe("NOT_FOUND");
    for (const principal of [
      { kind: "MEMBER" as const, membershipId: b.member("ulla") },
      { kind: "TEAM" as const, teamId: ids[1]!.team },
      { kind: "GROUP" as const, groupId: b.group("Sales") },
    ]) {
      expect((await refusal(() => owner.resources.grant({ resourceId: ids[0]!.server, principal, capabilities: ["view"] }))).code, principal.kind).toBe(
        "NOT_FOUND",
      );
    }
    expect(await everything()).toEqual(before);
  });

  it("shows in every list only the organization's own rows", async () => {
    for (const o of orgs) {
      const owner = await o.signIn("owner");
      const own = { organizationId: o.id };
      const select = { select: { id: true } } as const;
      const expected = {
        members: (await t.db.membership.findMany({ where: own, ...select })).map((r) => r.id).sort(),
        groups: (await t.db.group.findMany({ where: own, ...select })).map((r) => r.id).sort(),
        resources: (await t.db.resource.findMany({ where: own, ...select })).map((r) => r.id).sort(),
        teams: (await t.db.team.findMany({ where: own, ...select })).map((r) => r.id).sort(),
        roles: (await t.db.role.findMany({ where: own, ...select })).map((r) => r.id).sort(),
      };
      const listed = {
        members: (await owner.members.list({ pageSize: 200 })).rows.map((r) => r.id).sort(),
        groups: (await owner.groups.list()).map((r) => r.id).sort(),
        resources: (await owner.resources.list({ pageSize: 200 })).rows.map((r) => r.id).sort(),
        teams: (await owner.teams.list()).map((r) => r.id).sort(),
        roles: (await owner.roles.list()).map((r) => r.id).sort(),
      };
      expect(listed, o.slug).toEqual(expected);
      expect(expected.members.length).toBeGreaterThan(1);
      expect(expected.resources.length).toBe(2);
    }
  });

  it("keeps an operator who is a member of none out of all three (rule 11)", async () => {
    for (const [i, o] of orgs.entries()) {
      const op = await as(OP, o.slug);
      expect(await refusal(() => op.resources.get({ resourceId: ids[i]!.server }))).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
      expect(await refusal(() => op.teams.list())).toMatchObject({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
    }
  });
});
