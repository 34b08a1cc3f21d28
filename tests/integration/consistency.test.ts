// Consistency, as SpiceDB tests LookupResources against Check: for a generated
// organization, the members list every member sees, page by page, equals exactly the
// memberships for which the single decision, decideMemberAction(actor, target, "view"),
// says yes. The list is filtered in SQL (membersVisibleTo); this holds the two together.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membersInSpanSql } from "@/server/authz/members.sql";
import { BUILT_IN_ROLES, decideMemberAction, decideReach, decideSpan, holds, type MemberFacts } from "@/server/authz";
import { loadActor, memberFactsInclude, toGroupFacts, toMemberFacts } from "@/server/services/actor";
import { MEMBER_SORTS } from "@/server/services/members";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;

/** Four levels below the root, three top-level subtrees, sibling names that share prefixes. */
const TREE = ["North/N1/N1a/N1a1", "North/N1/N1b", "North/N10", "South/S1/S1a/S1a1", "South/S1/S1a/S1a2", "South/S2", "West"];
const GROUPS = ["", ...new Set(TREE.flatMap((p) => p.split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/"))))];
const MEMBERS = 96;
const PAGE_SIZE = 7;

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  t = await testDatabase();
  const random = prng(20260412);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  let builder = org(t.db, "Acme").withTree(...TREE);
  for (let i = 0; i < MEMBERS; i++) {
    // Every role key at least once, then at random; a few invited and disabled members.
    const role = (BUILT_IN_ROLES[i] ?? pick(BUILT_IN_ROLES)).key;
    const status = i >= BUILT_IN_ROLES.length && random() < 0.1 ? pick(["INVITED", "DISABLED"] as const) : "ACTIVE";
    builder = builder.withMember(`m${String(i).padStart(3, "0")}`, role, pick(GROUPS), status);
  }
  acme = await builder.create();
  // Another organization with the same shape of tree and roles: none of it may ever leak in.
  let other = org(t.db, "Globex").withTree(...TREE);
  for (const [i, r] of BUILT_IN_ROLES.entries()) other = other.withMember(`g${i}`, r.key, pick(GROUPS));
  await other.create();
  // Shared names, so that paging must break ties in a stable way.
  const users = await t.db.user.findMany({ where: { email: { endsWith: "@acme.test" } }, orderBy: { email: "asc" } });
  for (const [i, u] of users.entries()) if (i % 4 === 0) await t.db.user.update({ where: { id: u.id }, data: { name: `Same Name ${i % 3}` } });
}, 120_000);
afterAll(() => t.close());

async function memberFacts(): Promise<Array<MemberFacts & { status: string }>> {
  const rows = await t.db.membership.findMany({ where: { organizationId: acme.id }, include: memberFactsInclude });
  return rows.map((m) => ({ ...toMemberFacts(m), status: m.status }));
}

function loginOf(membershipId: string, logins: string[]) {
  return logins.find((l) => acme.member(l) === membershipId)!;
}

describe("the custodians' SQL span (membersInSpanSql) = those the actor may manage: “View members” and decideSpan", () => {
  it("holds for every active member of every role", async () => {
    const facts = await memberFacts();
    const rows = await t.db.membership.findMany({ where: { organizationId: acme.id, status: "ACTIVE" }, select: { id: true, userId: true } });
    for (const row of rows) {
      const actor = await loadActor(t.db, row.userId, acme.slug);
      const span = membersInSpanSql(actor);
      const got = span ? (await t.db.$queryRaw<Array<{ id: string }>>`${span}`).map((r) => r.id).sort() : [];
      const expected = facts
        .filter((target) => holds(actor.role, "members.view") && decideSpan(actor, target).allowed)
        .map((m) => m.membershipId)
        .sort();
      expect(got, `${actor.name} (${actor.role.name} in ${actor.group.name})`).toEqual(expected);
    }
  });
});

describe("members list = decideMemberAction(..., 'view'), page by page", () => {
  it("holds for every active member whose role may view members, under every sort", async () => {
    const facts = await memberFacts();
    const logins = ["owner", ...Array.from({ length: MEMBERS }, (_, i) => `m${String(i).padStart(3, "0")}`)];
    const actors = facts.filter((a) => a.status === "ACTIVE" && holds(a.role, "members.view"));
    expect(actors.length).toBeGreaterThan(40);
    // Every kind of viewer is exercised: each role holding "View members" acts at least once.
    const viewerRoles = BUILT_IN_ROLES.filter((r) => (r.permissions as readonly string[]).includes("members.view")).map((r) => r.name);
    expect(new Set(actors.map((a) => a.role.name))).toEqual(new Set(viewerRoles));
    const sizes = new Set<number>();
    for (const [n, actor] of actors.entries()) {
      const expected = facts.filter((target) => decideMemberAction(actor, target, "view").allowed).map((m) => m.membershipId);
      const caller = await acme.signIn(loginOf(actor.membershipId, logins));
      const sort = MEMBER_SORTS[n % MEMBER_SORTS.length];
      const direction = n % 2 ? "desc" : "asc";
      const seen: string[] = [];
      const pages = Math.max(1, Math.ceil(expected.length / PAGE_SIZE));
      for (let page = 1; page <= pages + 1; page++) {
        const res = await caller.members.list({ page, pageSize: PAGE_SIZE, sort, direction });
        expect(res.total, `total for ${actor.name} (${actor.role.name})`).toBe(expected.length);
        expect(res.rows.length).toBe(page <= pages ? Math.min(PAGE_SIZE, expected.length - (page - 1) * PAGE_SIZE) : 0);
        seen.push(...res.rows.map((r) => r.id));
      }
      expect(new Set(seen).size, `duplicates across pages for ${actor.role.name} sorted by ${sort}`).toBe(seen.length);
      expect([...seen].sort(), `${actor.name} (${actor.role.name} in ${actor.group.name})`).toEqual([...expected].sort());
      sizes.add(expected.length);
    }
    // The generated organization gives viewers genuinely different spans.
    expect(sizes.size).toBeGreaterThan(5);
  });

  it("holds for filtered lists: each group's subtree, each role, each status", async () => {
    const facts = await memberFacts();
    const actors = facts.filter((a) => a.status === "ACTIVE" && holds(a.role, "members.view"));
    // One actor per role, so the check stays quick.
    const byRole = [...new Map(actors.map((a) => [a.role.name, a])).values()];
    const logins = ["owner", ...Array.from({ length: MEMBERS }, (_, i) => `m${String(i).padStart(3, "0")}`)];
    const groups = new Map((await t.db.group.findMany({ where: { organizationId: acme.id } })).map((g) => [g.id, toGroupFacts(g)]));
    for (const actor of byRole) {
      const caller = await acme.signIn(loginOf(actor.membershipId, logins));
      const visible = facts.filter((target) => decideMemberAction(actor, target, "view").allowed);
      for (const path of GROUPS) {
        const group = groups.get(acme.group(path))!;
        const inReach = decideReach(actor, group).allowed;
        const request = caller.members.list({ pageSize: 200, groupId: acme.group(path) });
        if (!inReach) {
          await expect(request).rejects.toMatchObject({ code: "NOT_FOUND" });
          continue;
        }
        const expected = visible
          .filter((m) => m.group.path.startsWith(group.path))
          .map((m) => m.membershipId)
          .sort();
        expect((await request).rows.map((r) => r.id).sort(), `${actor.role.name} filtering ${path || "root"}`).toEqual(expected);
      }
      for (const role of BUILT_IN_ROLES) {
        const res = await caller.members.list({ pageSize: 200, roleId: acme.role(role.key) });
        expect(res.rows.map((r) => r.id).sort()).toEqual(
          visible
            .filter((m) => m.role.builtInKey === role.key)
            .map((m) => m.membershipId)
            .sort(),
        );
      }
      for (const status of ["ACTIVE", "INVITED", "DISABLED"] as const) {
        const res = await caller.members.list({ pageSize: 200, status });
        expect(res.total).toBe(visible.filter((m) => m.status === status).length);
      }
    }
  });

  it("refuses the list to every active member whose role cannot view members", async () => {
    const facts = await memberFacts();
    const logins = Array.from({ length: MEMBERS }, (_, i) => `m${String(i).padStart(3, "0")}`);
    const others = facts.filter((a) => a.status === "ACTIVE" && !holds(a.role, "members.view"));
    expect(new Set(others.map((a) => a.role.name))).toEqual(new Set(["Bulk Exporter", "Bulk Importer", "User"]));
    for (const actor of others) {
      const caller = await acme.signIn(loginOf(actor.membershipId, logins));
      await expect(caller.members.list({ pageSize: PAGE_SIZE })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
