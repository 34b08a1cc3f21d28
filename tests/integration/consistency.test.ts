// Consistency, as SpiceDB tests LookupResources against Check: for a generated
// organization, every list filtered in SQL equals exactly the objects for which the single
// decision of server/authz says yes, member by member and resource by resource:
// - the members list, page by page (membersVisibleTo) = decideMemberAction(actor, target, "view");
// - the custodians' span (membersInSpanSql) = "View members" and decideSpan;
// - the group tree (groupsInReach) = decideViewGroup;
// - the resources a member sees (visibleResourcesSql) = effectiveAccess(...).visible, fed with
//   the grants that reach the member and the owner's place in their span as worked out here;
//   and what accessOf reports = that decision, its grants capped by the role's ceiling;
// - the members on a resource's ACL who see it (membersOnAclSql, seed 001's notifications) =
//   on the ACL as docs/authority.md words it, worked out here, and accessOf(...).visible.
// Members hold the twelve built-in roles and random custom roles (tests/factories/
// custom-roles.ts: any rank, reach, permissions and ceiling), since with custom roles a
// drift between a decision and its SQL twin is an escalation. CONSISTENCY_SEED replays an
// organization; the seed is in the name of every test.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupsInReach, groupsInReachSql } from "@/server/authz/groups.sql";
import { membersInSpanSql } from "@/server/authz/members.sql";
import { membersOnAclSql, visibleResourcesSql } from "@/server/authz/resources.sql";
import { accessOf, accessSubject, grantsReaching, resourceInclude, toResourceFacts, type AccessSubject } from "@/server/services/access";
import {
  ALL_PERMISSIONS,
  BUILT_IN_ROLES,
  CAPABILITIES,
  decideMemberAction,
  decideReach,
  decideSpan,
  decideViewGroup,
  effectiveAccess,
  isScopedOut,
  type Capability,
  holds,
  ORGANIZATION_ONLY_PERMISSIONS,
  type MemberFacts,
  type ReachingGrant,
} from "@/server/authz";
import { loadActor, memberFactsInclude, toGroupFacts, toMemberFacts } from "@/server/services/actor";
import { listGroups } from "@/server/services/groups";
import { MEMBER_SORTS, memberPickerOptions } from "@/server/services/members";
import { notifyResourceEvent } from "@/server/services/notifications";
import { catalogCopyDrift, customRolesArb, describeRoles, type CustomRoleSpec } from "../factories/custom-roles";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let customRoles: CustomRoleSpec[];

const SEED = process.env.CONSISTENCY_SEED ? Number(process.env.CONSISTENCY_SEED) : Math.floor(Math.random() * 2 ** 31);
const CUSTOM_ROLES = 14;
const TYPES = ["server", "storage", "job", "task", "monitor", "endpoint"] as const;
const RESOURCES = 30;
const GRANTS = 70;
const TYPE_GRANTS = 8;
const TEAMS = 4;

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
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  customRoles = fc.sample(customRolesArb({ minLength: CUSTOM_ROLES, maxLength: CUSTOM_ROLES }), { seed: SEED, numRuns: 1 })[0]!;
  let builder = org(t.db, "Acme").withTree(...TREE);
  for (const role of customRoles) builder = builder.withRole(role);
  const roleKeys = [...BUILT_IN_ROLES.map((r) => r.key), ...customRoles.map((r) => r.name)];
  for (let i = 0; i < MEMBERS; i++) {
    // Every role at least once and active, then at random; a few invited and disabled members.
    const role = roleKeys[i] ?? pick(roleKeys);
    const status = i >= roleKeys.length && random() < 0.1 ? pick(["INVITED", "DISABLED"] as const) : "ACTIVE";
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

  // Resources of every type, some private, owned by anyone; teams; grants to members, teams,
  // groups and addresses with random capabilities (often a delegate's: share with some of the
  // rest); scopes for a few members.
  const memberIds = (await t.db.membership.findMany({ where: { organizationId: acme.id }, orderBy: { id: "asc" } })).map((m) => m.id);
  const subset = <T>(items: readonly T[], p: number) => items.filter(() => random() < p);
  const teamIds: string[] = [];
  for (let i = 0; i < TEAMS; i++) {
    const team = await t.db.team.create({ data: { organizationId: acme.id, name: `T${i}` } });
    await t.db.teamMember.createMany({ data: subset(memberIds, 0.15).map((membershipId) => ({ teamId: team.id, membershipId })) });
    teamIds.push(team.id);
  }
  const resourceIds: string[] = [];
  for (let i = 0; i < RESOURCES; i++) {
    const r = await t.db.resource.create({
      data: { organizationId: acme.id, type: TYPES[i % TYPES.length]!, name: `r${i}`, private: random() < 0.3, ownerId: pick(memberIds) },
    });
    resourceIds.push(r.id);
  }
  for (let i = 0; i < GRANTS; i++) {
    const resourceId = pick(resourceIds);
    const kind = pick(["MEMBER", "MEMBER", "TEAM", "GROUP", "GROUP", "EMAIL"] as const);
    const principal =
      kind === "MEMBER"
        ? { membershipId: pick(memberIds) }
        : kind === "TEAM"
          ? { teamId: pick(teamIds) }
          : kind === "GROUP"
            ? { groupId: acme.group(pick(GROUPS)) }
            : { email: `someone${i % 3}@elsewhere.test` };
    const key = `${kind.toLowerCase()}:${Object.values(principal)[0]}`;
    const caps = random() < 0.4 ? [...subset(["view", "run", "edit", "data"], 0.5), "share"] : subset(CAPABILITIES, 0.35);
    if (kind !== "EMAIL" && !caps.length) caps.push(pick(CAPABILITIES));
    await t.db.grant.upsert({
      where: { resourceId_principalKey: { resourceId, principalKey: key } },
      update: {},
      create: { organizationId: acme.id, resourceId, kind, principalKey: key, ...principal, capabilities: kind === "EMAIL" ? [] : caps },
    });
  }
  for (const id of subset(memberIds, 0.15)) {
    await t.db.membership.update({ where: { id }, data: { resourceScope: subset(resourceIds, 0.2) } });
  }
  // A few organization-wide grants (seed 000's user groups) to members, teams and groups below
  // the root, over one type or every type; some give only "may create", which opens nothing.
  for (let i = 0; i < TYPE_GRANTS; i++) {
    const kind = pick(["MEMBER", "MEMBER", "TEAM", "GROUP"] as const);
    const principal =
      kind === "MEMBER" ? { membershipId: pick(memberIds) } : kind === "TEAM" ? { teamId: pick(teamIds) } : { groupId: acme.group(pick(GROUPS.slice(1))) };
    const resourceType = random() < 0.25 ? "*" : pick(TYPES);
    const capabilities = random() < 0.2 ? [] : subset(CAPABILITIES, 0.3);
    await t.db.typeGrant.upsert({
      where: {
        organizationId_resourceType_principalKey: {
          organizationId: acme.id,
          resourceType,
          principalKey: `${kind.toLowerCase()}:${Object.values(principal)[0]}`,
        },
      },
      update: {},
      create: {
        organizationId: acme.id,
        resourceType,
        kind,
        principalKey: `${kind.toLowerCase()}:${Object.values(principal)[0]}`,
        ...principal,
        capabilities,
        mayCreate: !capabilities.length || random() < 0.3,
      },
    });
  }
}, 120_000);
afterAll(() => t.close());

async function memberFacts(): Promise<Array<MemberFacts & { status: string }>> {
  const rows = await t.db.membership.findMany({ where: { organizationId: acme.id }, include: memberFactsInclude });
  return rows.map((m) => ({ ...toMemberFacts(m), status: m.status }));
}

function loginOf(membershipId: string, logins: string[]) {
  return logins.find((l) => acme.member(l) === membershipId)!;
}

/** Every role of the organization, built-in and custom, with what the tests need of it. */
const allRoles = () => [
  ...BUILT_IN_ROLES.map((r) => ({ id: acme.role(r.key), name: r.name, permissions: r.permissions as readonly string[] })),
  ...customRoles.map((r) => ({ id: acme.role(r.name), name: r.name, permissions: r.permissions })),
];

describe(`the generator's copies (CONSISTENCY_SEED=${SEED})`, () => {
  it("are the permission catalog, the organization-only permissions and the capabilities of server/authz", () => {
    expect(catalogCopyDrift({ permissions: ALL_PERMISSIONS, organizationOnly: ORGANIZATION_ONLY_PERMISSIONS, capabilities: CAPABILITIES })).toEqual([]);
  });
});

describe(`the custodians' SQL span (membersInSpanSql) = those the actor may manage: “View members” and decideSpan (CONSISTENCY_SEED=${SEED})`, () => {
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
      expect(got, `${actor.name} (${actor.role.name} in ${actor.group.name})\n    ${describeRoles(customRoles)}`).toEqual(expected);
    }
  });
});

describe(`members list = decideMemberAction(..., 'view'), page by page (CONSISTENCY_SEED=${SEED})`, () => {
  it("holds for every active member whose role may view members, under every sort", async () => {
    const facts = await memberFacts();
    const logins = ["owner", ...Array.from({ length: MEMBERS }, (_, i) => `m${String(i).padStart(3, "0")}`)];
    const actors = facts.filter((a) => a.status === "ACTIVE" && holds(a.role, "members.view"));
    expect(actors.length).toBeGreaterThan(40);
    // Every kind of viewer is exercised: each role holding "View members", built-in or custom, acts at least once.
    const viewerRoles = allRoles()
      .filter((r) => r.permissions.includes("members.view"))
      .map((r) => r.name);
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
      expect([...seen].sort(), `${actor.name} (${actor.role.name} in ${actor.group.name})\n    ${describeRoles(customRoles)}`).toEqual([...expected].sort());
      sizes.add(expected.length);
    }
    // The generated organization gives viewers genuinely different spans.
    expect(sizes.size).toBeGreaterThan(5);
  });

  it("holds for filtered lists: each group's subtree, each role, each status", async () => {
    const facts = await memberFacts();
    const actors = facts.filter((a) => a.status === "ACTIVE" && holds(a.role, "members.view"));
    // One actor per built-in role and per reach of the custom roles, so the check stays quick.
    const byRole = [...new Map(actors.map((a) => [a.role.builtInKey ?? a.role.reach, a])).values()];
    const logins = ["owner", ...Array.from({ length: MEMBERS }, (_, i) => `m${String(i).padStart(3, "0")}`)];
    const groups = new Map((await t.db.group.findMany({ where: { organizationId: acme.id } })).map((g) => [g.id, toGroupFacts(g)]));
    for (const [n, actor] of byRole.entries()) {
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
      // Each role is filtered on by a third of the actors.
      for (const role of allRoles().filter((_, i) => i % 3 === n % 3)) {
        const res = await caller.members.list({ pageSize: 200, roleId: role.id });
        expect(res.rows.map((r) => r.id).sort()).toEqual(
          visible
            .filter((m) => m.role.id === role.id)
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
    expect(new Set(others.map((a) => a.role.name))).toEqual(
      new Set(["Bulk Exporter", "Bulk Importer", "User", ...customRoles.filter((r) => !r.permissions.includes("members.view")).map((r) => r.name)]),
    );
    for (const actor of others) {
      const caller = await acme.signIn(loginOf(actor.membershipId, logins));
      await expect(caller.members.list({ pageSize: PAGE_SIZE })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe(`the group tree (groupsInReach) = decideViewGroup (CONSISTENCY_SEED=${SEED})`, () => {
  it("holds for every active member, and is refused to roles without “View groups”", async () => {
    const groups = (await t.db.group.findMany({ where: { organizationId: acme.id } })).map(toGroupFacts);
    const rows = await t.db.membership.findMany({ where: { organizationId: acme.id, status: "ACTIVE" }, select: { userId: true } });
    for (const row of rows) {
      const actor = await loadActor(t.db, row.userId, acme.slug);
      if (!holds(actor.role, "groups.view")) {
        await expect(listGroups(t.db, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
        continue;
      }
      const got = (await listGroups(t.db, actor)).map((g) => g.id).sort();
      const expected = groups
        .filter((g) => decideViewGroup(actor, g).allowed)
        .map((g) => g.id)
        .sort();
      expect(got, `${actor.name} (${actor.role.name} in ${actor.group.name})`).toEqual(expected);
    }
  });

  it("reads the same in SQL (groupsInReachSql), and the members page's pickers offer exactly those groups", async () => {
    const rows = await t.db.membership.findMany({ where: { organizationId: acme.id, status: "ACTIVE" }, select: { userId: true } });
    const offered = { some: 0, none: 0 };
    for (const row of rows) {
      const actor = await loadActor(t.db, row.userId, acme.slug);
      const who = `${actor.name} (${actor.role.name} in ${actor.group.name})`;
      const viaPrisma = (await t.db.group.findMany({ where: groupsInReach(actor), select: { id: true } })).map((g) => g.id).sort();
      const viaSql = (await t.db.$queryRaw<Array<{ id: string }>>`SELECT g.id FROM "Group" g WHERE ${groupsInReachSql(actor)}`).map((g) => g.id).sort();
      expect(viaSql, who).toEqual(viaPrisma);
      const picked = (await memberPickerOptions(t.db, actor)).groups.map((g) => g.id).sort();
      expect(picked, who).toEqual(holds(actor.role, "groups.view") ? viaPrisma : []);
      offered[picked.length ? "some" : "none"]++;
    }
    // Both branches fired: some actors are offered groups, and some (no "View groups", or a
    // role reaching only its own account) none.
    expect(offered.some).toBeGreaterThan(0);
    expect(offered.none).toBeGreaterThan(0);
  });
});

/**
 * Whether a grant (on a resource, or organization-wide) reaches the member, worked out here
 * from the rows: to them, to a team they are in, or to a group on their home group's chain.
 * Addresses reach nobody.
 */
function reachesMember(m: { id: string; group: { path: string }; teams: Array<{ teamId: string }> }) {
  const chain = m.group.path.split("/").filter(Boolean);
  const teams = new Set(m.teams.map((tm) => tm.teamId));
  return (g: { membershipId: string | null; teamId: string | null; groupId: string | null }) =>
    g.membershipId === m.id || (g.teamId !== null && teams.has(g.teamId)) || (g.groupId !== null && chain.includes(g.groupId));
}

/** What custody and restores give (seed 004), written out here rather than imported. */
const CUSTODIAN_CAPS: Capability[] = ["view", "data"];

describe(`resources a member sees (visibleResourcesSql) = effectiveAccess(...).visible (CONSISTENCY_SEED=${SEED})`, () => {
  it("holds for every member, and accessOf reports exactly the decision, what grants give capped by the role's ceiling", async () => {
    const members = await t.db.membership.findMany({ where: { organizationId: acme.id }, include: { ...memberFactsInclude, teams: true } });
    const facts = new Map(members.map((m) => [m.id, toMemberFacts(m)]));
    const grants = await t.db.grant.findMany({ where: { organizationId: acme.id }, orderBy: { createdAt: "asc" } });
    const typeGrants = await t.db.typeGrant.findMany({ where: { organizationId: acme.id }, orderBy: { createdAt: "asc" } });
    const resources = await t.db.resource.findMany({ where: { organizationId: acme.id }, include: resourceInclude });
    const organization = await loadActor(t.db, members.find((m) => m.isOwner)!.userId, acme.slug);
    const seen = { visible: 0, capped: 0, custodian: 0, restorer: 0, visibleWithNothing: 0, typeWide: 0 };
    for (const m of members) {
      const subject = (await accessSubject(t.db, organization, m.id))!;
      const who = `${m.user.name} (${m.role.name} in ${m.group.name}, ${m.status})`;
      const listed = (await t.db.$queryRaw<Array<{ id: string }>>`SELECT r.id FROM "Resource" r WHERE ${visibleResourcesSql(subject)}`).map((r) => r.id).sort();
      const reaches = reachesMember(m);
      const ceiling = m.role.ceiling;
      const reachingHere = grants.filter(reaches);
      // Organization-wide grants that reach them: effectiveAccess keeps those covering each resource.
      const typeWideHere: ReachingGrant[] = typeGrants
        .filter(reaches)
        .map((g) => ({ grantId: g.id, capabilities: g.capabilities, via: { kind: "member" }, typeWide: g.resourceType }));
      const reachingSql = await t.db.grant.findMany({ where: grantsReaching(subject), select: { id: true } });
      expect(reachingSql.map((g) => g.id).sort(), `${who}: the grants reaching them (grantsReaching)`).toEqual(reachingHere.map((g) => g.id).sort());
      const expected: string[] = [];
      for (const r of resources) {
        const reaching: ReachingGrant[] = [
          ...reachingHere
            .filter((g) => g.resourceId === r.id)
            .map((g): ReachingGrant => ({ grantId: g.id, capabilities: g.capabilities, via: { kind: "member" } })),
          ...typeWideHere,
        ];
        // Custody and restores (seed 004): "Access members' data" or "Manage restores" over an owner the member may manage.
        const owner = facts.get(r.ownerId)!;
        const inMemberSpan = r.ownerId !== m.id && holds(m.role, "members.view") && decideSpan(subject.asActor, owner).allowed;
        const decision = effectiveAccess(subject, toResourceFacts(r), reaching, { name: owner.name, inMemberSpan });
        if (decision.visible) expected.push(r.id);
        const custodian = inMemberSpan && holds(m.role, "data.access");
        // Restores give View and Data too, but only what the ceiling holds.
        const restorer = inMemberSpan && holds(m.role, "restores.manage");
        if (restorer && r.ownerId !== m.id && !isScopedOut(subject.scope, r)) {
          const fromRestore = CUSTODIAN_CAPS.filter((c) => ceiling.includes(c));
          expect(
            fromRestore.filter((c) => !decision.capabilities.includes(c)),
            `${who} on ${r.name}: what restores give`,
          ).toEqual([]);
        }
        // Only the owner, custody and "See all resources" give what the ceiling lacks.
        const unexplained = decision.capabilities.filter(
          (c) =>
            !ceiling.includes(c) &&
            r.ownerId !== m.id &&
            !(custodian && CUSTODIAN_CAPS.includes(c)) &&
            !(c === "view" && !r.private && holds(m.role, "resources.viewAll")),
        );
        expect(unexplained, `${who} on ${r.name}: beyond the ceiling ${ceiling.join("+")}`).toEqual([]);
        // The service's own composition (grantsReaching, the owner in span by membersInSpanSql), on a sample of pairs.
        if ((members.indexOf(m) + resources.indexOf(r)) % 10 === 0) {
          const got = await accessOf(t.db, subject, r);
          expect({ visible: got.visible, capabilities: got.capabilities }, `${who} on ${r.name}: accessOf`).toEqual({
            visible: decision.visible,
            capabilities: decision.capabilities,
          });
        }
        seen.visible += decision.visible ? 1 : 0;
        seen.visibleWithNothing += decision.visible && !decision.capabilities.length ? 1 : 0;
        seen.capped += decision.paths.some((p) => p.kind === "grant" && p.limited.length) ? 1 : 0;
        seen.custodian += custodian ? 1 : 0;
        seen.restorer += restorer && !custodian ? 1 : 0;
        seen.typeWide += decision.visible && decision.paths.some((p) => p.kind === "grant" && p.typeWide !== undefined) ? 1 : 0;
      }
      expect(listed, `${who}: the resources listed\n    ${describeRoles(customRoles)}`).toEqual(expected.sort());
    }
    // The organization exercises every path: grants the ceiling cut down, custodians.
    expect(seen.visible, "resources seen").toBeGreaterThan(200);
    expect(seen.capped, "grants capped by a ceiling").toBeGreaterThan(0);
    expect(seen.custodian, "custodian paths").toBeGreaterThan(0);
    expect(seen.restorer, "restorer paths").toBeGreaterThan(0);
    expect(seen.typeWide, "resources shown by organization-wide access").toBeGreaterThan(0);
  });
});

describe(`the members on a resource's ACL who see it (membersOnAclSql) = on the ACL and accessOf(...).visible (CONSISTENCY_SEED=${SEED})`, () => {
  it("holds for every resource and every member, whatever their status, and the notification service emails exactly them", async () => {
    const members = await t.db.membership.findMany({ where: { organizationId: acme.id }, include: { ...memberFactsInclude, teams: true, user: true } });
    const grants = await t.db.grant.findMany({ where: { organizationId: acme.id } });
    const typeGrants = await t.db.typeGrant.findMany({ where: { organizationId: acme.id } });
    const resources = await t.db.resource.findMany({ where: { organizationId: acme.id }, include: resourceInclude });
    const organization = await loadActor(t.db, members.find((m) => m.isOwner)!.userId, acme.slug);
    const subjects = new Map<string, AccessSubject>();
    for (const m of members) subjects.set(m.id, (await accessSubject(t.db, organization, m.id))!);
    const seen = { listed: 0, throughTypeWide: 0, onAclUnseen: 0, seenOffAcl: 0 };
    const actors = members.filter((m) => m.status === "ACTIVE");
    for (const [n, r] of resources.entries()) {
      const listed = (await t.db.$queryRaw<Array<{ id: string }>>`${membersOnAclSql(r)}`).map((row) => row.id).sort();
      const expected: string[] = [];
      for (const m of members) {
        const reaches = reachesMember(m);
        // docs/authority.md, "Notifications (seed 001)": the owner, and the members a grant
        // reaches directly, through a team or through a group subtree (on a private resource,
        // a grant that gives "view"; "admin" holds it); organization-wide access counts like
        // other grants, never on a private resource ("Organization-wide access"). So a
        // custodian or restorer who sees a private resource, reached by a grant without View,
        // is not on its ACL.
        const byGrant = grants.filter(
          (g) => g.resourceId === r.id && g.kind !== "EMAIL" && reaches(g) && (!r.private || g.capabilities.some((c) => c === "view" || c === "admin")),
        );
        const byTypeWide = r.private
          ? []
          : typeGrants.filter(
              (g) =>
                reaches(g) &&
                (g.resourceType === "*" || g.resourceType === r.type) &&
                g.capabilities.some((c) => (CAPABILITIES as readonly string[]).includes(c)),
            );
        const onAcl = r.ownerId === m.id || byGrant.length > 0 || byTypeWide.length > 0;
        // Rule 7 as the service that opens resources decides it.
        const { visible } = await accessOf(t.db, subjects.get(m.id)!, r);
        if (onAcl && visible) expected.push(m.id);
        seen.throughTypeWide += onAcl && visible && r.ownerId !== m.id && !byGrant.length ? 1 : 0;
        seen.onAclUnseen += onAcl && !visible ? 1 : 0;
        seen.seenOffAcl += !onAcl && visible ? 1 : 0;
      }
      expect(listed, `${r.name} (${r.type}${r.private ? ", private" : ""})`).toEqual(expected.sort());
      seen.listed += listed.length;

      // The service composes the rule with its own conditions: active members, not the actor
      // (everyone here wants access changes, the default).
      const actor = await loadActor(t.db, actors[(n * 7) % actors.length]!.userId, acme.slug);
      const emailed = await t.db
        .$transaction(async (tx) => {
          await notifyResourceEvent(tx, actor, r, { kind: "access" }, "consistency");
          throw new Rollback((await tx.outboxEmail.findMany({ where: { kind: "resource-event" } })).map((e) => e.to));
        })
        .catch((e: unknown) => (e instanceof Rollback ? e.emails : Promise.reject(e)));
      const emailOf = new Map(members.map((m) => [m.id, m.user.email]));
      const activeListed = listed.filter((id) => id !== actor.membershipId && members.find((m) => m.id === id)!.status === "ACTIVE");
      expect(emailed.filter((e) => e.endsWith("@acme.test")).sort(), `${r.name}: emailed on ${actor.name}'s access change`).toEqual(
        activeListed.map((id) => emailOf.get(id)!).sort(),
      );
    }
    // The organization exercises every side: organization-wide access, members on the ACL whom
    // a resource scope hides it from, and members who see a resource without being on its ACL
    // ("See all resources", custody, restores).
    expect(seen.listed, "members listed").toBeGreaterThan(100);
    expect(seen.throughTypeWide, "listed through organization-wide access alone").toBeGreaterThan(0);
    expect(seen.onAclUnseen, "on the ACL, hidden by rule 7").toBeGreaterThan(0);
    expect(seen.seenOffAcl, "seeing without being on the ACL").toBeGreaterThan(0);
  }, 180_000);
});

/** Undoes a transaction, carrying out what it read. */
class Rollback extends Error {
  constructor(readonly emails: string[]) {
    super("rollback");
  }
}
