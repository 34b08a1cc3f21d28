// Rule 4's side paths, as a property: `decideGainedGrants` screens the gained grants in SQL
// and checks only the suspects exactly. For random small organizations (a group tree,
// members of several built-in and random custom roles (tests/factories/custom-roles.ts: any
// rank, reach, permissions and resource ceiling) and scopes, teams, resources private or not with random owners,
// grants to members, teams, groups and addresses with random capability sets, some empty or
// naming a capability Steward does not know), organization-wide grants over a type or all
// (which count as held in the screen, and are gained themselves), every member, joining every team, all teams
// at once, every group, or moving between groups, gets exactly the answer, and the same
// refusal, as the naive check: `decideTypeGrantChange` on every gained organization-wide
// grant, then `accessOf` + `decideGrantChange` on every gained grant, each in id order. PROPERTY_RUNS and PROPERTY_SEED override the run count and seed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_PERMISSIONS,
  CAPABILITIES,
  decideGrantChange,
  decideTypeGrantChange,
  describeCapabilities,
  describeTypeGrant,
  ORGANIZATION_ONLY_PERMISSIONS,
  type Decision,
} from "@/server/authz";
import type { Db } from "@/server/db";
import { accessOf, actorSubject, resourceInclude, toResourceFacts } from "@/server/services/access";
import { loadActor, type ActorContext } from "@/server/services/actor";
import { decideGainedGrants, groupGrantsGained, type GainedGrants } from "@/server/services/side-paths";
import { CAPABILITIES as CAPS, catalogCopyDrift, customRolesArb, describeRoles } from "../factories/custom-roles";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;

const TYPES = ["server", "storage", "job", "monitor"] as const;
/** Roles with every kind of resource reach: none, "See all resources", custody or restores over the organization or a subtree. */
const ROLES = [
  "user",
  "user",
  "admin",
  "support",
  "support_restore",
  "data_admin",
  "group_data_admin",
  "group_data_admin",
  "group_admin",
  "group_support_restore",
] as const;
type Kind = "MEMBER" | "TEAM" | "GROUP" | "EMAIL";

let t: TestDatabase;
let runNo = 0;
const tally: Record<string, number> = {};

beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t.close());

// ---- The naive answer: every gained grant, checked exactly -----------------------------------

async function naive(db: Db, actor: ActorContext, gained: GainedGrants, how: string): Promise<{ decision: Decision; gained: number }> {
  const subject = await actorSubject(db, actor);
  const typeWide = await db.typeGrant.findMany({
    where: { organizationId: actor.organizationId, OR: [{ teamId: { in: [...(gained.teamIds ?? [])] } }, { groupId: { in: [...(gained.groupIds ?? [])] } }] },
    orderBy: { id: "asc" },
  });
  for (const g of typeWide) {
    const decision = decideTypeGrantChange(actor, subject, g.resourceType, { after: g });
    if (!decision.allowed) {
      const reason = `${how} would give ${describeTypeGrant(g, g.resourceType)}, which you could not grant directly: ${decision.reason}`;
      return { gained: typeWide.length, decision: { allowed: false, code: "FORBIDDEN", reason } };
    }
  }
  const grants = await db.grant.findMany({
    where: { organizationId: actor.organizationId, OR: [{ teamId: { in: [...(gained.teamIds ?? [])] } }, { groupId: { in: [...(gained.groupIds ?? [])] } }] },
    include: { resource: { include: resourceInclude } },
    orderBy: { id: "asc" },
  });
  for (const g of grants) {
    const access = await accessOf(db, subject, g.resource);
    const decision = decideGrantChange(access, toResourceFacts(g.resource), { after: g.capabilities });
    if (!decision.allowed) {
      return {
        gained: typeWide.length + grants.length,
        decision: {
          allowed: false,
          code: "FORBIDDEN",
          reason: `${how} would give ${describeCapabilities(g.capabilities)} on ${access.visible ? g.resource.name : "a resource you cannot see"}, which you could not grant directly: ${decision.code === "NOT_FOUND" ? "you have no access to it" : decision.reason}`,
        },
      };
    }
  }
  return { gained: typeWide.length + grants.length, decision: { allowed: true, reason: "" } };
}

// ---- Scenarios -------------------------------------------------------------------------------

const capsArb = fc.oneof(
  fc.subarray([...CAPS]),
  // A delegate: share with some of the rest, never admin (where passing on is interesting).
  fc.subarray(["view", "run", "edit", "data"]).map((c) => [...c, "share"]),
  // Small sets, where what custody or the role adds decides.
  fc.constantFrom<string[]>(["share"], ["data"], ["view"], ["view", "data"]),
  // A capability name Steward does not know (older data): ignored by the decision.
  fc.subarray([...CAPS]).map((c) => [...c, "legacy"]),
);
const scenarioArb = fc.record({
  /** Group i hangs under the root (0) or under group j (1-based), chosen among those before it. */
  tree: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  customRoles: customRolesArb({ maxLength: 3 }),
  members: fc.array(
    fc.record({
      role: fc.constantFrom(...ROLES),
      /** Holds custom role `custom % count` instead, when there is one. */
      custom: fc.option(fc.nat(), { freq: 2 }),
      group: fc.nat(),
      scope: fc.option(fc.array(fc.nat(), { maxLength: 2 }), { freq: 3 }),
    }),
    {
      minLength: 2,
      maxLength: 5,
    },
  ),
  teams: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 1, maxLength: 3 }),
  resources: fc.array(fc.record({ type: fc.constantFrom(...TYPES), private: fc.boolean(), owner: fc.nat() }), { minLength: 1, maxLength: 6 }),
  grants: fc.array(
    fc.record({ resource: fc.nat(), kind: fc.constantFrom<Kind>("MEMBER", "MEMBER", "TEAM", "TEAM", "GROUP", "GROUP", "EMAIL"), who: fc.nat(), caps: capsArb }),
    { maxLength: 14 },
  ),
  /** Organization-wide grants: they count as held for the screen, and are gained themselves. */
  typeGrants: fc.array(
    fc.record({
      scope: fc.constantFrom("*", ...TYPES),
      kind: fc.constantFrom<Exclude<Kind, "EMAIL">>("MEMBER", "TEAM", "GROUP"),
      who: fc.nat(),
      caps: fc.oneof(fc.subarray([...CAPS]), fc.constantFrom<string[]>(["view", "share"], ["admin"], ["view"])),
      mayCreate: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  moves: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

async function build(s: Scenario) {
  const paths: string[] = [];
  s.tree.forEach((choice, i) => {
    const p = choice % (i + 1); // 0 = root, j = group j (1-based) among those before
    paths.push(p === 0 ? `G${i + 1}` : `${paths[p - 1]}/G${i + 1}`);
  });
  const groupKeys = ["", ...paths];
  let builder = org(t.db, `SP${++runNo}`).withTree(...paths);
  for (const role of s.customRoles) builder = builder.withRole(role);
  const roleOf = (m: Scenario["members"][number]) => (m.custom !== null && s.customRoles.length ? pick(s.customRoles, m.custom).name : m.role);
  s.members.forEach((m, i) => (builder = builder.withMember(`m${i}`, roleOf(m), pick(groupKeys, m.group))));
  const built: BuiltOrg = await builder.create();
  const o = built.id;
  const memberIds = ["owner", ...s.members.map((_, i) => `m${i}`)].map((login) => built.member(login));
  const groups = await t.db.group.findMany({ where: { organizationId: o }, orderBy: { depth: "asc" } });

  const teamIds: string[] = [];
  for (const [i, picks] of s.teams.entries()) {
    const team = await t.db.team.create({ data: { organizationId: o, name: `T${i}` } });
    const set = new Set(picks.map((n) => pick(memberIds, n)));
    if (set.size) await t.db.teamMember.createMany({ data: [...set].map((membershipId) => ({ teamId: team.id, membershipId })) });
    teamIds.push(team.id);
  }
  const resourceIds: string[] = [];
  for (const [i, r] of s.resources.entries()) {
    const row = await t.db.resource.create({ data: { organizationId: o, type: r.type, name: `r${i}`, private: r.private, ownerId: pick(memberIds, r.owner) } });
    resourceIds.push(row.id);
  }
  const keys = new Set<string>();
  for (const g of s.grants) {
    const resourceId = pick(resourceIds, g.resource);
    const principal =
      g.kind === "MEMBER"
        ? { membershipId: pick(memberIds, g.who) }
        : g.kind === "TEAM"
          ? { teamId: pick(teamIds, g.who) }
          : g.kind === "GROUP"
            ? { groupId: pick(groups, g.who).id }
            : { email: `someone${g.who % 3}@elsewhere.test` };
    const key = `${g.kind.toLowerCase()}:${Object.values(principal)[0]}`;
    if (keys.has(`${resourceId} ${key}`)) continue; // one grant per principal
    keys.add(`${resourceId} ${key}`);
    await t.db.grant.create({
      data: { organizationId: o, resourceId, kind: g.kind, principalKey: key, ...principal, capabilities: g.kind === "EMAIL" ? [] : g.caps },
    });
  }
  for (const g of s.typeGrants) {
    const principal =
      g.kind === "MEMBER"
        ? { membershipId: pick(memberIds, g.who) }
        : g.kind === "TEAM"
          ? { teamId: pick(teamIds, g.who) }
          : { groupId: pick(groups, g.who).id };
    const key = `${g.kind.toLowerCase()}:${Object.values(principal)[0]}`;
    if (keys.has(`${g.scope} ${key}`)) continue; // one per principal and scope
    keys.add(`${g.scope} ${key}`);
    await t.db.typeGrant.create({
      data: { organizationId: o, resourceType: g.scope, kind: g.kind, principalKey: key, ...principal, capabilities: g.caps, mayCreate: g.mayCreate },
    });
  }
  for (const [i, m] of s.members.entries()) {
    const scope = [...new Set((m.scope ?? []).map((n) => pick(resourceIds, n)))];
    if (scope.length) await t.db.membership.update({ where: { id: memberIds[i + 1]! }, data: { resourceScope: scope } });
  }
  const memberships = await t.db.membership.findMany({ where: { organizationId: o }, include: { group: true } });
  const actors = await Promise.all(memberships.map((m) => loadActor(t.db, m.userId, built.slug)));
  return { actors, groups, teamIds, memberships };
}

async function runScenario(s: Scenario) {
  const { actors, groups, teamIds, memberships } = await build(s);
  const gains: GainedGrants[] = [
    ...teamIds.map((id) => ({ teamIds: [id] })),
    { teamIds },
    ...groups.map((g) => groupGrantsGained(null, g.path)),
    ...s.moves.map(([from, to]) => groupGrantsGained(pick(memberships, from).group.path, pick(groups, to).path)),
    { teamIds: teamIds.slice(0, 1), groupIds: groups.slice(-1).map((g) => g.id) },
  ];
  for (const actor of actors) {
    for (const gained of gains) {
      const { gained: count, decision: expected } = await naive(t.db, actor, gained, "Joining");
      const got = await decideGainedGrants(t.db, actor, gained, "Joining");
      expect(got, `actor ${actor.name} (${actor.role.name}) gaining ${JSON.stringify(gained)}\n    ${describeRoles(s.customRoles)}`).toEqual(expected);
      // Allowed with grants gained: the SQL's screen let them all through, not just an empty set.
      const outcome = got.allowed ? (count ? "allowedWithGrants" : "allowedEmpty") : "refused";
      tally[outcome] = (tally[outcome] ?? 0) + 1;
    }
  }
}

describe("decideGainedGrants", () => {
  it("is tried with roles built from the permission catalog, the organization-only permissions and the capabilities as they are", () => {
    expect(catalogCopyDrift({ permissions: ALL_PERMISSIONS, organizationOnly: ORGANIZATION_ONLY_PERMISSIONS, capabilities: CAPABILITIES })).toEqual([]);
  });

  it("answers, and refuses, exactly as checking every gained grant would", async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, runScenario), { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true });
    if (process.env.PROPERTY_TALLY) console.log("side-path outcomes", tally);
    expect(tally.allowedWithGrants ?? 0, "no gained grant was ever allowed").toBeGreaterThan(0);
    expect(tally.refused ?? 0, "nothing was ever refused").toBeGreaterThan(0);
  }, 120_000);

  it("pages past suspects that turn out allowed, to a refusal further on, in few queries", async () => {
    const built = await org(t.db, "Pages").withMember("ada", "user").create();
    const o = built.id;
    const ada = built.member("ada");
    const owner = built.member("owner");
    const team = await t.db.team.create({ data: { organizationId: o, name: "Many" } });
    const grant = (id: string, resourceId: string, principal: { membershipId: string } | { teamId: string }, capabilities: string[]) =>
      t.db.grant.create({
        data: {
          id,
          organizationId: o,
          resourceId,
          kind: "membershipId" in principal ? "MEMBER" : "TEAM",
          principalKey: "membershipId" in principal ? `member:${principal.membershipId}` : `team:${principal.teamId}`,
          ...principal,
          capabilities,
        },
      });
    // 45 resources where Ada holds View + Share, and the team View plus a capability name
    // Steward does not know: every one a suspect for the SQL, every one allowed exactly.
    for (let i = 0; i < 45; i++) {
      const r = await t.db.resource.create({ data: { organizationId: o, type: "job", name: `job${String(i).padStart(2, "0")}`, ownerId: owner } });
      await grant(`pg-ada-${i}`, r.id, { membershipId: ada }, ["view", "share"]);
      await grant(`pg-team-${String(i).padStart(2, "0")}`, r.id, { teamId: team.id }, ["view", "legacy"]);
    }
    const actor = await loadActor(t.db, (await t.db.membership.findUniqueOrThrow({ where: { id: ada } })).userId, built.slug);
    expect(await decideGainedGrants(t.db, actor, { teamIds: [team.id] }, "Joining Many")).toEqual({ allowed: true, reason: "" });

    // The last gained grant, in id order, gives Run, which Ada does not hold.
    const last = await t.db.resource.create({ data: { organizationId: o, type: "job", name: "last", ownerId: owner } });
    await grant("pg-ada-last", last.id, { membershipId: ada }, ["view", "share"]);
    await grant("pg-team-zz", last.id, { teamId: team.id }, ["view", "run"]);
    expect(await decideGainedGrants(t.db, actor, { teamIds: [team.id] }, "Joining Many")).toEqual(
      (await naive(t.db, actor, { teamIds: [team.id] }, "Joining Many")).decision,
    );
    expect(await decideGainedGrants(t.db, actor, { teamIds: [team.id] }, "Joining Many")).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("Joining Many would give Run on last"),
    });

    // Passing on what one provably may: three queries (the organization-wide grants reaching
    // the actor, those the team holds, the screen), however many grants; the actor's resource
    // scope came with the actor, as it does with a request's.
    await t.db.grant.updateMany({ where: { teamId: team.id }, data: { capabilities: ["view"] } });
    const counted = countingQueries(t.db);
    expect(await decideGainedGrants(counted.db, actor, { teamIds: [team.id] }, "Joining Many")).toEqual({ allowed: true, reason: "" });
    expect(counted.count()).toBe(3);
  });
});

/** The database with every client and model call counted (one call, one query here). */
function countingQueries(db: Db) {
  let calls = 0;
  const wrap = <T extends object>(target: T, depth: number): T =>
    new Proxy(target, {
      get(obj, key) {
        const value: unknown = Reflect.get(obj, key);
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            calls++;
            return (value as (...a: unknown[]) => unknown).apply(obj, args);
          };
        }
        return depth === 0 && value && typeof value === "object" ? wrap(value, 1) : value;
      },
    });
  return { db: wrap(db, 0), count: () => calls };
}
