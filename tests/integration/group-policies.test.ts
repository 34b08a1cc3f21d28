// Group policies through the API: the strictest value along a member's group chain applies,
// subgroups only tighten, who may set them, and sign-in, passwords, sessions and invitations
// obey the effective policy ("a group policy set on Sales applies to Sales/EMEA/Paris
// members at their next sign-in").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicySettings } from "@/server/authz";
import { checkCredentials } from "@/server/services/account";
import { NO_SETTINGS, requiredPasswordLength } from "@/server/services/policies";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { dryRun, toCsv } from "../support/import";
import { refusal, signIn, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA/Paris", "Engineering")
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("sue", "support", "Sales")
    .withMember("pia", "user", "Sales/EMEA/Paris")
    .withMember("eve", "user", "Engineering")
    .withMember("ian", "bulk_importer")
    .create();
}, 120_000);
afterAll(() => t?.close());

const settings = (s: Partial<PolicySettings>): PolicySettings => ({ ...NO_SETTINGS, ...s });

async function resetPolicies() {
  await t.db.groupPolicy.deleteMany({ where: { organizationId: acme.id } });
}

describe("the effective policy", () => {
  it("is the strictest value along the chain, each with the group it comes from, shown on the member's page", async () => {
    await resetPolicies();
    const adam = await acme.signIn("adam");
    await adam.groups.setPolicy({ groupId: acme.group(""), settings: settings({ invitationTtlDays: 14, minPasswordLength: 12 }) });
    await adam.groups.setPolicy({ groupId: acme.group("Sales"), settings: settings({ minPasswordLength: 14, twoFactor: "ADMINS" }) });
    await adam.groups.setPolicy({ groupId: acme.group("Sales/EMEA"), settings: settings({ sessionLifetimeHours: 8, minPasswordLength: 14 }) });

    const paris = await adam.groups.policy({ groupId: acme.group("Sales/EMEA/Paris") });
    expect(paris.effective.values).toEqual({
      twoFactor: "ADMINS",
      minPasswordLength: 14,
      sessionLifetimeHours: 8,
      invitationTtlDays: 14,
      allowedEmailDomains: null,
      tokenLifetimeDays: 365,
    });
    // An equal value further down takes no credit: Sales set 14 first.
    expect(paris.effective.sources.minPasswordLength?.groupName).toBe("Sales");
    expect(paris.effective.sources.sessionLifetimeHours?.groupName).toBe("EMEA");
    expect(paris.effective.sources.invitationTtlDays?.groupName).toBe("Acme");
    expect(paris.effective.sources.allowedEmailDomains).toBeNull();
    expect(paris.inherited?.values.sessionLifetimeHours).toBe(8);

    const pia = await adam.members.get({ membershipId: acme.member("pia") });
    expect(pia.policy?.values.twoFactor).toBe("ADMINS");
    expect(pia.policy?.sources.twoFactor?.groupName).toBe("Sales");
    // ADMINS covers roles with a permission; Pia is an end user.
    expect(pia.policy?.twoFactorRequired).toBe(false);
    const gary = await adam.members.get({ membershipId: acme.member("gary") });
    expect(gary.policy?.twoFactorRequired).toBe(true);
    // Outside Sales, only the root's settings apply.
    const engineering = await adam.groups.policy({ groupId: acme.group("Engineering") });
    expect(engineering.effective.values).toMatchObject({ twoFactor: "OFF", minPasswordLength: 12, sessionLifetimeHours: null });
  });

  it("lets the root loosen a default (a longer invitation lifetime) but no subgroup loosen what it inherits", async () => {
    await resetPolicies();
    const adam = await acme.signIn("adam");
    await adam.groups.setPolicy({ groupId: acme.group(""), settings: settings({ invitationTtlDays: 30, allowedEmailDomains: ["acme.test", "acme.example"] }) });
    const refusals = [settings({ invitationTtlDays: 31 }), settings({ allowedEmailDomains: ["acme.test", "elsewhere.test"] })];
    await adam.groups.setPolicy({ groupId: acme.group("Sales"), settings: settings({ twoFactor: "EVERYONE", sessionLifetimeHours: 4 }) });
    refusals.push(settings({ twoFactor: "ADMINS" }), settings({ sessionLifetimeHours: 5 }));
    for (const s of refusals) {
      const err = await refusal(() => adam.groups.setPolicy({ groupId: acme.group("Sales/EMEA"), settings: s }));
      expect(err).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("EMEA may only tighten what it inherits") });
    }
    // Tightening is fine, and the same value as the parent's is allowed.
    await adam.groups.setPolicy({
      groupId: acme.group("Sales/EMEA"),
      settings: settings({ twoFactor: "EVERYONE", sessionLifetimeHours: 2, invitationTtlDays: 3, allowedEmailDomains: ["acme.test"] }),
    });
    expect(await t.db.groupPolicy.count({ where: { groupId: acme.group("Sales/EMEA") } })).toBe(1);
  });
});

describe("who may set a policy", () => {
  it("is a holder of Manage policies within reach, who only tightens their own home group's; viewing needs View policies", async () => {
    await resetPolicies();
    const adam = await acme.signIn("adam");
    await adam.groups.setPolicy({ groupId: acme.group("Sales"), settings: settings({ sessionLifetimeHours: 12 }) });
    const gary = await acme.signIn("gary");
    await gary.groups.setPolicy({ groupId: acme.group("Sales/EMEA"), settings: settings({ minPasswordLength: 16 }) });
    // Seed 004: a Group Admin creates policies for their own group too, but cannot undo what binds them.
    await gary.groups.setPolicy({ groupId: acme.group("Sales"), settings: settings({ sessionLifetimeHours: 10, minPasswordLength: 12 }) });
    expect(await refusal(() => gary.groups.setPolicy({ groupId: acme.group("Sales"), settings: settings({ minPasswordLength: 12 }) }))).toMatchObject({
      code: "FORBIDDEN",
      message: "Sales is your home group: you may tighten its policy, not loosen what binds you (sessions of at most 10 hours).",
    });
    expect(await refusal(() => gary.groups.setPolicy({ groupId: acme.group("Engineering"), settings: settings({ minPasswordLength: 16 }) }))).toMatchObject({
      code: "NOT_FOUND",
    });
    await adam.groups.setPolicy({ groupId: acme.group("Sales"), settings: NO_SETTINGS });
    const listed = await gary.groups.list();
    expect(listed.find((g) => g.name === "EMEA")).toMatchObject({ hasPolicy: true, can: { viewPolicy: true, managePolicy: true } });
    expect(listed.find((g) => g.name === "Sales")).toMatchObject({ hasPolicy: false, can: { viewPolicy: true, managePolicy: true } });

    const sue = await acme.signIn("sue");
    expect((await sue.groups.policy({ groupId: acme.group("Sales/EMEA") })).effective.values.minPasswordLength).toBe(16);
    expect(await refusal(() => sue.groups.setPolicy({ groupId: acme.group("Sales/EMEA"), settings: NO_SETTINGS }))).toMatchObject({ code: "FORBIDDEN" });
    const pia = await acme.signIn("pia");
    expect(await refusal(() => pia.groups.policy({ groupId: acme.group("Sales/EMEA/Paris") }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("audits each change with before and after, and a save that changes nothing writes nothing", async () => {
    await resetPolicies();
    const adam = await acme.signIn("adam");
    const groupId = acme.group("Engineering");
    const before = await t.db.auditEvent.count({ where: { action: "group.setPolicy", targetId: groupId } });
    await adam.groups.setPolicy({ groupId, settings: settings({ allowedEmailDomains: ["@Acme.TEST", "acme.test"] }) });
    await adam.groups.setPolicy({ groupId, settings: settings({ allowedEmailDomains: ["acme.test"] }) });
    const events = await t.db.auditEvent.findMany({ where: { action: "group.setPolicy", targetId: groupId }, orderBy: { at: "asc" } });
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      before: expect.objectContaining({ name: "Engineering", allowedEmailDomains: null }),
      after: expect.objectContaining({ allowedEmailDomains: ["acme.test"] }),
    });
    const log = await adam.audit.list({ action: "group.setPolicy" });
    expect(log.rows[0]?.sentence).toBe("Adam changed the policy of Engineering: invitations only to @acme.test");
  });

  it("refuses bad settings with a readable reason", async () => {
    const adam = await acme.signIn("adam");
    const groupId = acme.group("Engineering");
    for (const [s, message] of [
      [{ ...NO_SETTINGS, minPasswordLength: 4 }, "The minimum password length is at least 10 characters."],
      [{ ...NO_SETTINGS, sessionLifetimeHours: 0 }, "The session lifetime is at least 1 hours."],
      [{ ...NO_SETTINGS, allowedEmailDomains: ["not a domain"] }, "Enter domains such as example.com."],
      [{ ...NO_SETTINGS, allowedEmailDomains: [] }, "List at least one domain, or let the group inherit."],
    ] as const) {
      const err = await refusal(() => adam.groups.setPolicy({ groupId, settings: s as PolicySettings }));
      expect(err.code).toBe("BAD_REQUEST");
      expect(err.message).toContain(message);
    }
  });
});

describe("what obeys the effective policy", () => {
  it("a minimum password length set on Sales makes a Paris member change a shorter password at their next sign-in", async () => {
    await resetPolicies();
    const adam = await acme.signIn("adam");
    await adam.groups.setPolicy({ groupId: acme.group("Sales"), settings: settings({ minPasswordLength: PASSWORD.length + 4 }) });
    expect(await checkCredentials(t.db, acme.email("pia"), PASSWORD)).toMatchObject({ status: "ok" });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: acme.email("pia") } })).mustChangePassword).toBe(true);
    // Eve, in Engineering, is not covered.
    expect(await checkCredentials(t.db, acme.email("eve"), PASSWORD)).toMatchObject({ status: "ok" });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: acme.email("eve") } })).mustChangePassword).toBe(false);

    const pia = await signIn(t.db, acme.email("pia"), PASSWORD, acme.slug);
    expect(await refusal(() => pia.resources.list({}))).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("one-time password") });
    expect(await refusal(() => pia.account.changePassword({ currentPassword: PASSWORD, newPassword: "short-but-fine" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: `Acme's policy asks for at least ${PASSWORD.length + 4} characters.`,
    });
    await pia.account.changePassword({ currentPassword: PASSWORD, newPassword: "a-much-longer-passphrase" });
    const after = await t.db.user.findUniqueOrThrow({ where: { email: acme.email("pia") } });
    expect(after.mustChangePassword).toBe(false);
    await t.db.user.update({
      where: { id: after.id },
      data: { passwordHash: (await t.db.user.findUniqueOrThrow({ where: { email: acme.email("eve") } })).passwordHash },
    });
  });

  it("two-factor sign-in required on Sales holds back Paris members and leaves Engineering alone", async () => {
    await resetPolicies();
    const adam = await acme.signIn("adam");
    await adam.groups.setPolicy({ groupId: acme.group("Sales"), settings: settings({ twoFactor: "EVERYONE" }) });
    const pia = await acme.signIn("pia");
    expect(await refusal(() => pia.resources.list({}))).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("two-factor") });
    const eve = await acme.signIn("eve");
    await expect(eve.resources.list({})).resolves.toBeTruthy();
  });

  it("a session lifetime ends older sessions in that subtree only", async () => {
    await resetPolicies();
    const adam = await acme.signIn("adam");
    await adam.groups.setPolicy({ groupId: acme.group("Sales/EMEA"), settings: settings({ sessionLifetimeHours: 1 }) });
    const pia = await acme.signIn("pia");
    const eve = await acme.signIn("eve");
    await expect(pia.resources.list({})).resolves.toBeTruthy();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const login of ["pia", "eve"]) {
      const user = await t.db.user.findUniqueOrThrow({ where: { email: acme.email(login) } });
      await t.db.session.updateMany({ where: { userId: user.id }, data: { createdAt: twoHoursAgo } });
    }
    expect(await refusal(() => pia.resources.list({}))).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("after 1 hour") });
    await expect(eve.resources.list({})).resolves.toBeTruthy();
    // Signing in again starts a new session, which the policy accepts.
    await expect((await acme.signIn("pia")).resources.list({})).resolves.toBeTruthy();
  });

  it("invitations go only to the allowed domains and last as long as the group's policy says", async () => {
    await resetPolicies();
    const adam = await acme.signIn("adam");
    await adam.groups.setPolicy({ groupId: acme.group("Sales"), settings: settings({ allowedEmailDomains: ["acme.test"] }) });
    await adam.groups.setPolicy({ groupId: acme.group("Sales/EMEA"), settings: settings({ invitationTtlDays: 2 }) });
    const results = await adam.invitations.invite({
      emails: ["new.one@acme.test", "outsider@elsewhere.test"],
      roleId: acme.role("user"),
      groupId: acme.group("Sales/EMEA"),
    });
    expect(results.map((r) => [r.email, r.outcome])).toEqual([
      ["new.one@acme.test", "invited"],
      ["outsider@elsewhere.test", "skipped"],
    ]);
    expect(results[0]!.reason).toBe("Invitation sent; it expires in 2 days.");
    expect(results[1]!.reason).toBe("Sales's policy allows invitations only to @acme.test.");
    const invitation = await t.db.invitation.findFirstOrThrow({ where: { email: "new.one@acme.test" } });
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.9);
    expect(days).toBeLessThanOrEqual(2);
    // Engineering has no domain rule.
    const other = await adam.invitations.invite({ emails: ["outsider@elsewhere.test"], roleId: acme.role("user"), groupId: acme.group("Engineering") });
    expect(other[0]!.outcome).toBe("invited");

    // Adding someone directly or by import follows the same rule.
    const created = { name: "Out Sider", groupId: acme.group("Sales/EMEA/Paris"), roleId: acme.role("user") };
    expect(await refusal(() => adam.members.create({ ...created, email: "out.sider@elsewhere.test" }))).toMatchObject({
      code: "FORBIDDEN",
      message: "Sales's policy allows invitations only to @acme.test.",
    });
    await adam.members.create({ ...created, email: "in.sider@acme.test" });
    const ian = await acme.signIn("ian");
    const { rows } = await dryRun(
      t.db,
      ian,
      toCsv([
        { email: "far@elsewhere.test", name: "Far Away", group: "Sales/EMEA" },
        { email: "near@acme.test", name: "Near By", group: "Sales/EMEA" },
      ]),
    );
    expect(rows.map((r) => [r.email, r.outcome])).toEqual([
      ["far@elsewhere.test", "refused"],
      ["near@acme.test", "create"],
    ]);
    expect(rows[0]!.message).toBe("Sales's policy allows invitations only to @acme.test.");
  });

  it("a person in several organizations needs the longest minimum of any, each read along its own chain", async () => {
    await resetPolicies();
    const globex = await org(t.db, "Globex").withTree("Research").create();
    const pia = await t.db.user.findUniqueOrThrow({ where: { email: acme.email("pia") } });
    const elsewhere = await t.db.membership.create({
      data: { userId: pia.id, organizationId: globex.id, groupId: globex.group("Research"), roleId: globex.role("user"), status: "ACTIVE" },
    });
    const adam = await acme.signIn("adam");
    await adam.groups.setPolicy({ groupId: acme.group("Sales"), settings: settings({ minPasswordLength: 14 }) });
    // Globex's root sets it for Research; Acme's Engineering sets more, off pia's chain.
    await t.db.groupPolicy.create({ data: { groupId: globex.group(""), organizationId: globex.id, minPasswordLength: 16 } });
    await adam.groups.setPolicy({ groupId: acme.group("Engineering"), settings: settings({ minPasswordLength: 20 }) });
    expect(await requiredPasswordLength(t.db, pia.id)).toEqual({ length: 16, organization: "Globex" });
    await t.db.groupPolicy.update({ where: { groupId: globex.group("") }, data: { minPasswordLength: 12 } });
    expect(await requiredPasswordLength(t.db, pia.id)).toEqual({ length: 14, organization: "Acme" });
    await t.db.membership.delete({ where: { id: elsewhere.id } });
  });
});
