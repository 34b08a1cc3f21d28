// Reports through the API ("Run reports", seed 004): who runs them on which group, and what
// they count. The expected figures are written here by hand from the seeded tree below and
// docs/authority.md ("Reports"), not read through the same SQL: members the actor sees (rule 3:
// in reach, ranked below), at home in the chosen subtree; two-factor coverage under the
// organization's policy (ADMINS: roles holding any permission); sign-in buckets and dormant
// accounts (no sign-in for 90 days) among active members; pending and expired invitations.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as reportRoute } from "@/app/o/[slug]/reports/[list]/route";
import { decideTwoFactorRequired, type TwoFactorPolicy } from "@/server/authz";
import { membersVisibleSql, membersVisibleTo } from "@/server/authz/members.sql";
import { loadActor } from "@/server/services/actor";
import { effectivePoliciesOfPaths } from "@/server/services/policies";
import { org, type BuiltOrg } from "../factories/org";
import { APP_ORIGIN, cookieFor } from "../support/http";
import { refusal, setProcessDb, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
const api: Record<string, Caller> = {};
const savedUrl = process.env.NEXTAUTH_URL;
let restoreProcessDb: () => void;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** The organization-wide two-factor requirement: the root group's policy. */
async function setRootTwoFactor(twoFactor: TwoFactorPolicy) {
  const groupId = acme.group("");
  await t.db.groupPolicy.upsert({ where: { groupId }, create: { groupId, organizationId: acme.id, twoFactor }, update: { twoFactor } });
}
// Who acts (signed in, so signed in "now", and enrolled in two-factor sign-in as the policy asks).
const ACTORS = ["owner", "sup", "gus", "auditor", "counter", "bex", "uma"];

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  t = await testDatabase();
  restoreProcessDb = setProcessDb({ db: t.db });
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    // A custom role like Support, just below it, and one reaching a subtree with Run reports alone.
    .withRole({ name: "Auditor", rank: 95, reach: "ORGANIZATION", permissions: ["overview.view", "members.view", "reports.run"], ceiling: ["view"] })
    .withRole({ name: "Counter", rank: 35, reach: "SUBTREE", permissions: ["reports.run"], ceiling: ["view"] })
    .withMember("sup", "support")
    .withMember("auditor", "Auditor")
    .withMember("bex", "bulk_exporter")
    .withMember("gus", "group_admin", "Sales")
    .withMember("counter", "Counter", "Engineering")
    .withMember("uma", "user", "Engineering")
    // Ranked above Group Admin, at home in its subtree: never in its reports.
    .withMember("gda", "group_data_admin", "Sales")
    .withMember("tech", "support_technician", "Sales/EMEA")
    // Gus's subtree, below him.
    .withMember("gsr", "group_support_restore", "Sales")
    .withMember("gst", "group_support_technician", "Sales/EMEA")
    .withMember("ena", "user", "Sales/EMEA")
    .withMember("dora", "user", "Sales")
    .withMember("nev", "user", "Sales/EMEA")
    .withMember("dis", "user", "Sales", "DISABLED")
    .withMember("inv", "user", "Sales", "INVITED")
    .withMember("tom", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").withTree("Oslo").withMember("olga", "user", "Oslo").create();
  for (const login of ACTORS) api[login] = await acme.signIn(login);

  await setRootTwoFactor("ADMINS");
  const user = async (login: string, data: { lastSignInAt?: Date | null; totpEnabledAt?: Date | null }) => {
    const m = await t.db.membership.findUniqueOrThrow({ where: { id: acme.member(login) } });
    await t.db.user.update({ where: { id: m.userId }, data });
  };
  for (const login of ACTORS) await user(login, { totpEnabledAt: new Date() });
  await user("gda", { lastSignInAt: daysAgo(1) }); // covered, not enrolled
  await user("tech", { lastSignInAt: daysAgo(3), totpEnabledAt: new Date() });
  await user("gst", { lastSignInAt: daysAgo(2) }); // covered, not enrolled
  await user("ena", { lastSignInAt: daysAgo(20), totpEnabledAt: new Date() }); // not covered, enrolled anyway
  await user("gsr", { lastSignInAt: daysAgo(60), totpEnabledAt: new Date() });
  await user("dora", { lastSignInAt: daysAgo(120) }); // dormant
  await user("dis", { lastSignInAt: daysAgo(200) }); // dormant, but disabled
  await user("tom", { lastSignInAt: daysAgo(100) }); // dormant, in Engineering

  const owner = await t.db.membership.findUniqueOrThrow({ where: { id: acme.member("owner") }, include: { user: true } });
  let n = 0;
  const invite = (email: string, role: string, group: string, expiresAt: Date, status: "PENDING" | "ACCEPTED" = "PENDING") =>
    t.db.invitation.create({
      data: {
        organizationId: acme.id,
        email,
        roleId: acme.role(role),
        groupId: acme.group(group),
        invitedByUserId: owner.userId,
        inviterName: owner.user.name,
        inviterEmail: owner.user.email,
        tokenHash: `report-test-${++n}`,
        status,
        expiresAt,
      },
    });
  await invite("pia@elsewhere.test", "user", "Sales/EMEA", new Date(Date.now() + 5 * DAY));
  await invite("eve@elsewhere.test", "user", "Sales", daysAgo(2));
  await invite("gina@elsewhere.test", "group_data_admin", "Sales", new Date(Date.now() + 3 * DAY)); // above Group Admin
  await invite("ace@elsewhere.test", "user", "Sales", new Date(Date.now() + 3 * DAY), "ACCEPTED");
  await invite("eng@elsewhere.test", "user", "Engineering", new Date(Date.now() + 3 * DAY));
});

afterAll(async () => {
  process.env.NEXTAUTH_URL = savedUrl;
  restoreProcessDb();
  await t.close();
});

const emails = (rows: Array<{ email: string }>) => rows.map((r) => r.email.split("@")[0]!);

describe("what a report counts", () => {
  it("counts a Group Admin's subtree as its members list shows it: nobody ranked above, whatever their home group", async () => {
    const s = await api.gus!.reports.summary({ groupId: acme.group("Sales") });
    expect(s.group.name).toBe("Sales");
    expect(s.byRole.map((r) => [r.role, r.invited, r.active, r.disabled, r.total])).toEqual([
      ["Group Admin", 0, 1, 0, 1],
      ["Group Support Restore", 0, 1, 0, 1],
      ["Group Support Technician", 0, 1, 0, 1],
      ["User", 1, 3, 1, 5],
    ]);
    expect(s.totals).toEqual({ invited: 1, active: 6, disabled: 1, total: 8 });
    // Gus and Group Support Restore enrolled, Group Support Technician not; end users are not covered under ADMINS.
    expect(s.twoFactor).toEqual({ coveredEnrolled: 2, coveredNotEnrolled: 1, notCovered: 3 });
    expect(s.signIn).toEqual({ within7: 2, within30: 1, within90: 1, dormant: 1, never: 1 });
    // The Group Data Admin invited to Sales is ranked above Gus, the accepted one is closed.
    expect(s.invitations).toEqual({ pending: 1, expired: 1 });
  });

  it("counts the same subtree wider for an organization role ranked higher", async () => {
    for (const login of ["sup", "auditor"]) {
      const s = await api[login]!.reports.summary({ groupId: acme.group("Sales") });
      expect(s.byRole.map((r) => [r.role, r.total])).toEqual([
        ["Support Technician", 1],
        ["Group Data Admin", 1],
        ["Group Admin", 1],
        ["Group Support Restore", 1],
        ["Group Support Technician", 1],
        ["User", 5],
      ]);
      expect(s.totals).toEqual({ invited: 1, active: 8, disabled: 1, total: 10 });
      expect(s.twoFactor).toEqual({ coveredEnrolled: 3, coveredNotEnrolled: 2, notCovered: 3 });
      expect(s.signIn).toEqual({ within7: 4, within30: 1, within90: 1, dormant: 1, never: 1 });
      expect(s.invitations).toEqual({ pending: 2, expired: 1 });
    }
  });

  it("counts a subgroup's subtree only", async () => {
    const s = await api.gus!.reports.summary({ groupId: acme.group("Sales/EMEA") });
    expect(s.totals).toEqual({ invited: 0, active: 3, disabled: 0, total: 3 });
    expect(s.invitations).toEqual({ pending: 1, expired: 0 });
  });

  it("gives a role without View members only its own account, and no invitations", async () => {
    const s = await api.counter!.reports.summary({ groupId: acme.group("Engineering") });
    expect(s.byRole.map((r) => [r.role, r.total])).toEqual([["Counter", 1]]);
    expect(s.invitations).toEqual({ pending: 0, expired: 0 });
  });

  it("agrees with the members list, status by status", async () => {
    for (const login of ["gus", "sup", "owner"]) {
      const s = await api[login]!.reports.summary({ groupId: acme.group("Sales") });
      for (const status of ["INVITED", "ACTIVE", "DISABLED"] as const) {
        const listed = await api[login]!.members.list({ groupId: acme.group("Sales"), status, pageSize: 100 });
        expect(`${login} ${status}: ${s.totals[status.toLowerCase() as "active"]}`).toBe(`${login} ${status}: ${listed.total}`);
      }
    }
  });

  it("counts as covered exactly whom decideTwoFactorRequired covers under their group's effective policy", async () => {
    // The owner sees every member of the organization, themselves included.
    const visible = await t.db.membership.findMany({ where: { organizationId: acme.id, status: "ACTIVE" }, include: { role: true, group: true } });
    const setOn = async (path: string, twoFactor: TwoFactorPolicy | null) => {
      const groupId = acme.group(path);
      await t.db.groupPolicy.upsert({ where: { groupId }, create: { groupId, organizationId: acme.id, twoFactor }, update: { twoFactor } });
    };
    try {
      // Each root policy alone, then the root optional with Sales/EMEA asking everyone and
      // Sales asking administrative roles: the strictest along each member's chain counts.
      const layouts: Array<[string, Array<[string, TwoFactorPolicy | null]>]> = [
        [
          "root OFF",
          [
            ["", "OFF"],
            ["Sales", null],
            ["Sales/EMEA", null],
          ],
        ],
        ["root ADMINS", [["", "ADMINS"]]],
        ["root EVERYONE", [["", "EVERYONE"]]],
        [
          "groups",
          [
            ["", "OFF"],
            ["Sales", "ADMINS"],
            ["Sales/EMEA", "EVERYONE"],
          ],
        ],
      ];
      for (const [name, layout] of layouts) {
        for (const [path, policy] of layout) await setOn(path, policy);
        const s = await api.owner!.reports.summary({ groupId: acme.group("") });
        const effective = await effectivePoliciesOfPaths(
          t.db,
          acme.id,
          visible.map((m) => m.group.path),
        );
        const covered = visible.filter((m) => decideTwoFactorRequired(effective.get(m.group.path)!.twoFactor, m.role).allowed).length;
        expect(`${name}: ${s.twoFactor.coveredEnrolled + s.twoFactor.coveredNotEnrolled}`).toBe(`${name}: ${covered}`);
        expect(s.twoFactor.coveredEnrolled + s.twoFactor.coveredNotEnrolled + s.twoFactor.notCovered).toBe(visible.length);
      }
      // The mixed layout covers someone the root alone would not: the comparison has teeth.
      expect(visible.some((m) => m.groupId === acme.group("Sales/EMEA") && m.role.permissions.length === 0)).toBe(true);
    } finally {
      await t.db.groupPolicy.deleteMany({ where: { organizationId: acme.id } });
      await setRootTwoFactor("ADMINS");
    }
  });
});

describe("the lists behind the figures", () => {
  it("lists exactly the members each figure counts", async () => {
    const sales = acme.group("Sales");
    const list = async (login: string, which: "dormant" | "neverSignedIn" | "notEnrolled") =>
      emails((await api[login]!.reports.members({ groupId: sales, list: which })).rows);
    expect(await list("gus", "dormant")).toEqual(["dora"]);
    expect(await list("gus", "neverSignedIn")).toEqual(["nev"]);
    expect(await list("gus", "notEnrolled")).toEqual(["gst"]);
    expect(await list("sup", "notEnrolled")).toEqual(["gda", "gst"]);
    const pending = await api.gus!.reports.invitations({ groupId: sales, state: "PENDING" });
    const expired = await api.gus!.reports.invitations({ groupId: sales, state: "EXPIRED" });
    expect([emails(pending.rows), emails(expired.rows)]).toEqual([["pia"], ["eve"]]);
    expect(pending.rows[0]).toMatchObject({ role: "User", group: "EMEA", invitedBy: "Owner" });
  });

  it("pages by key, oldest sign-in first, to the end", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<Caller["reports"]["members"]>> = await api.owner!.reports.members({
        groupId: acme.group(""),
        list: "dormant",
        pageSize: 1,
        cursor,
      });
      expect(page.rows.length).toBeLessThanOrEqual(1);
      seen.push(...emails(page.rows));
      cursor = page.nextCursor;
    } while (cursor);
    // Dora 120 days, Tom 100; Dis is disabled.
    expect(seen).toEqual(["dora", "tom"]);
    const first = await api.sup!.reports.members({ groupId: acme.group("Sales"), list: "notEnrolled", pageSize: 1 });
    const second = await api.sup!.reports.members({ groupId: acme.group("Sales"), list: "notEnrolled", pageSize: 1, cursor: first.nextCursor });
    expect([emails(first.rows), emails(second.rows), second.nextCursor]).toEqual([["gda"], ["gst"], null]);
  });

  it("refuses a cursor it did not make", async () => {
    for (const cursor of ["nonsense", Buffer.from('["x"]').toString("base64url"), Buffer.from('["not a date","x"]').toString("base64url")]) {
      const refused = await refusal(() => api.sup!.reports.members({ groupId: acme.group("Sales"), list: "dormant", cursor }));
      expect(refused.code).toBe("BAD_REQUEST");
    }
  });
});

describe("who runs reports on which group", () => {
  it("answers a group out of reach, of another organization or unknown with the same NOT_FOUND", async () => {
    const cases: Array<[string, string]> = [
      ["gus", acme.group("Engineering")],
      ["gus", acme.group("")],
      ["counter", acme.group("Sales")],
      ["sup", globex.group("Oslo")],
      ["sup", "clxxxxxxxxxxxxxxxxxxxxxxx"],
    ];
    for (const [login, groupId] of cases as Array<[string, string]>) {
      for (const call of [
        () => api[login]!.reports.summary({ groupId }),
        () => api[login]!.reports.members({ groupId, list: "dormant" }),
        () => api[login]!.reports.invitations({ groupId, state: "PENDING" }),
      ]) {
        const refused = await refusal(call);
        expect(`${login}: ${refused.code}`).toBe(`${login}: NOT_FOUND`);
        expect(refused.message).toMatch(/^Group not found within your reach/);
      }
    }
  });

  it("refuses roles without Run reports with the reason, as the page shows it", async () => {
    const refused: Array<[string, string]> = [
      ["bex", "Bulk Exporter"],
      ["uma", "User"],
    ];
    for (const [login, role] of refused) {
      for (const call of [() => api[login]!.reports.groups(), () => api[login]!.reports.summary({ groupId: acme.group("") })]) {
        const answer = await refusal(call);
        expect(answer.code).toBe("FORBIDDEN");
        expect(answer.message).toBe(`Your role ${role} does not have “Run reports”.`);
      }
    }
  });

  it("offers the groups in reach, in tree order", async () => {
    expect((await api.gus!.reports.groups()).map((g) => [g.label, g.level])).toEqual([
      ["Sales", 0],
      ["Sales / EMEA", 1],
    ]);
    expect((await api.auditor!.reports.groups()).map((g) => g.label)).toEqual(["Acme", "Acme / Engineering", "Acme / Sales", "Acme / Sales / EMEA"]);
  });
});

describe("the SQL rendering of seeing", () => {
  it("lists exactly membersVisibleTo, for every member as actor", async () => {
    const all = await t.db.membership.findMany({ where: { organizationId: acme.id, status: "ACTIVE" }, include: { user: true } });
    expect(all.length).toBeGreaterThan(12);
    for (const m of all) {
      const actor = await loadActor(t.db, m.userId, acme.slug);
      const prisma = (await t.db.membership.findMany({ where: membersVisibleTo(actor), select: { id: true } })).map((r) => r.id).sort();
      const sql = (
        await t.db.$queryRaw<Array<{ id: string }>>`
        SELECT m.id FROM "Membership" m JOIN "Role" ro ON ro.id = m."roleId" JOIN "Group" g ON g.id = m."groupId" WHERE ${membersVisibleSql(actor)}`
      )
        .map((r) => r.id)
        .sort();
      expect(`${m.user.email}: ${sql.join(",")}`).toBe(`${m.user.email}: ${prisma.join(",")}`);
      expect(prisma.length).toBeGreaterThan(0);
    }
  });
});

describe("the CSV download of a list", () => {
  const download = (slug: string, list: string, query: string, cookie?: string) =>
    reportRoute(new Request(`${APP_ORIGIN}/o/${slug}/reports/${list}?${query}`, { headers: cookie ? { cookie } : {} }), {
      params: Promise.resolve({ slug, list }),
    });

  it("streams every row of the list, with the gate's refusals as plain sentences", async () => {
    // Two-factor enrolled (the policy asks it of them), so signed in without the password check.
    const cookie = async (login: string) => {
      const m = await t.db.membership.findUniqueOrThrow({ where: { id: acme.member(login) }, include: { user: true } });
      return (await cookieFor(t.db, { userId: m.userId, sessionVersion: m.user.sessionVersion })).cookie;
    };
    const [sup, gus, uma] = [await cookie("sup"), await cookie("gus"), await cookie("uma")];
    const sales = `group=${acme.group("Sales")}`;

    const res = await download(acme.slug, "not-enrolled", sales, sup);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".*not-enrolled.*\.csv"/);
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r.email!.split("@")[0])).toEqual(["gda", "gst"]);
    expect(parsed.meta.fields).toEqual(["name", "email", "role", "group", "status", "last_sign_in_utc", "two_factor", "member_since_utc"]);

    const invitations = await download(acme.slug, "expired-invitations", sales, gus);
    const rows = Papa.parse<Record<string, string>>(await invitations.text(), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.email)).toEqual(["eve@elsewhere.test"]);

    const cases = [
      [await download(acme.slug, "dormant", sales), 401],
      [await download(acme.slug, "dormant", sales, uma), 403],
      [await download(acme.slug, "dormant", `group=${acme.group("Engineering")}`, gus), 404],
      [await download(acme.slug, "secrets", sales, sup), 404],
      [await download(acme.slug, "dormant", "", sup), 400],
    ] as const;
    for (const [r, status] of cases) {
      expect(r.status).toBe(status);
      expect(r.headers.get("content-type")).toMatch(/text\/plain/);
    }
  });
});
