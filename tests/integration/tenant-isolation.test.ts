// Rule 1 for every procedure of the API: the owner of organization A calls each procedure
// whose input names something by id with an id of organization B, one id field at a time,
// the other fields holding valid values of A. The answer is NOT_FOUND (or BAD_REQUEST when
// the input is refused before any lookup), exactly as for a random id: never FORBIDDEN and
// never a success; and nothing of B, nor any audit event, is written.
//
// Procedures and their id fields are read off appRouter and the zod schemas, so a procedure
// added tomorrow with an id field fails "every id field is probed or excluded" until it is
// given an input below or an exclusion with its reason.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/trpc/root";
import { org } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;

// ---- Id fields, read off the schemas ------------------------------------------------------

/** Input fields that name a row by id. */
const ID_FIELD = /^(id|.*Ids?|transferResourcesTo|moveHoldersTo)$/;

type ZodLike = { _zod?: { def: ZodDef } };
type ZodDef = { type: string; shape?: Record<string, ZodLike>; innerType?: ZodLike; in?: ZodLike; element?: ZodLike; options?: ZodLike[] };

/** Dotted paths of the id fields of a schema ("principal.teamId"); union options merged. */
function idFieldsOf(schema: ZodLike | undefined, prefix = ""): string[] {
  const def = schema?._zod?.def;
  if (!def) return [];
  if (def.type === "object")
    return Object.entries(def.shape ?? {}).flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [...(ID_FIELD.test(key) ? [path] : []), ...idFieldsOf(value, path)];
    });
  if (def.type === "union") return [...new Set((def.options ?? []).flatMap((o) => idFieldsOf(o, prefix)))];
  return idFieldsOf(def.innerType ?? def.in ?? def.element, prefix);
}

type ProcedureDef = { _def: { type: "query" | "mutation"; inputs?: ZodLike[] } };
const PROCEDURES = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(([path, p]) => ({
  path,
  type: p._def.type,
  idFields: [...new Set((p._def.inputs ?? []).flatMap((i) => idFieldsOf(i)))].sort(),
}));

// ---- Two organizations with one of everything ---------------------------------------------

type World = Awaited<ReturnType<typeof build>>;

async function build(name: string) {
  const o = await org(t.db, name)
    .withTree("Sales/EMEA/Paris", "Ops")
    .withRole({ name: "Helpdesk", rank: 65, reach: "ORGANIZATION", permissions: ["members.view"], ceiling: ["view"] })
    .withMember("adam", "admin")
    .withMember("gary", "group_admin", "Sales")
    .withMember("ulla", "user", "Sales/EMEA/Paris")
    .withMember("hana", "Helpdesk", "Ops")
    .create();
  const owner = await o.signIn("owner");
  const night = await owner.groups.create({ parentId: o.group("Ops"), name: "Night shift" });
  const server = await owner.resources.create({ type: "server", name: "db-1" });
  const job = await owner.resources.create({ type: "job", name: "backup", private: true });
  const team = await owner.teams.create({ name: "On call" });
  await owner.teams.addMember({ teamId: team.id, membershipId: o.member("ulla") });
  await owner.resources.grant({ resourceId: server.id, principal: { kind: "MEMBER", membershipId: o.member("ulla") }, capabilities: ["view", "run"] });
  await owner.resources.grant({ resourceId: job.id, principal: { kind: "TEAM", teamId: team.id }, capabilities: ["view", "run"] });
  await owner.organizationAccess.set({
    principal: { kind: "MEMBER", membershipId: o.member("hana") },
    scope: "server",
    capabilities: ["view"],
    mayCreate: false,
  });
  const ulla = await o.signIn("ulla");
  const done = await ulla.resources.act({ resourceId: job.id, action: "run" });
  await ulla.resources.finishRun({ activityId: done.activityId, outcome: "SUCCEEDED" });
  const running = await ulla.resources.act({ resourceId: job.id, action: "run", note: "nightly" });
  const [invited] = await owner.invitations.invite({ emails: [`new@${o.slug}.test`], roleId: o.role("user"), groupId: o.group("Ops") });
  await owner.tokens.create({ name: "Nightly script" });
  const upload = await owner.importer.upload({ fileName: "members.csv", csv: `email,name\nimported@${o.slug}.test,Imported` });
  const organizationId = o.id;
  // ulla owns a resource, so that deleting her needs somewhere to transfer it.
  await t.db.resource.create({ data: { organizationId, type: "server", name: "ulla's box", ownerId: o.member("ulla") } });
  const ullaUser = await t.db.membership.findUniqueOrThrow({ where: { id: o.member("ulla") } });
  const first = <T>(rows: T[]) => rows[0] ?? fail("missing row");
  return {
    o,
    id: {
      member: o.member("ulla"),
      otherMember: o.member("adam"),
      group: o.group("Sales"),
      night: night.id,
      role: o.role("Helpdesk"),
      team: team.id,
      resource: server.id,
      job: job.id,
      grant: (await t.db.grant.findFirstOrThrow({ where: { resourceId: server.id, kind: "MEMBER" } })).id,
      typeGrant: (await t.db.typeGrant.findFirstOrThrow({ where: { organizationId } })).id,
      activity: running.activityId,
      invitation: invited!.invitationId!,
      token: (await t.db.apiToken.findFirstOrThrow({ where: { organizationId } })).id,
      importJob: upload.id,
      email: first(await t.db.outboxEmail.findMany({ where: { organizationId } })).id,
      session: (await t.db.session.findFirstOrThrow({ where: { userId: ullaUser.userId } })).id,
      user: ullaUser.userId,
    },
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/** B's id for an id field, by the field's name. */
function foreignId(field: string, b: World): string {
  const name = field.split(".").pop()!;
  const byName: Array<[RegExp, string]> = [
    [/^(membershipIds?|fromMembershipId|toMembershipId|transferResourcesTo|asMembershipId)$/, b.id.member],
    [/^(groupId|parentId|newParentId)$/, b.id.group],
    [/^(roleId|moveHoldersTo|placeBelowRoleId)$/, b.id.role],
    [/^teamIds?$/, b.id.team],
    [/^resourceIds?$/, b.id.resource],
    [/^grantId$/, b.id.grant],
    [/^id$/, b.id.typeGrant],
    [/^activityId$/, b.id.activity],
    [/^invitationId$/, b.id.invitation],
    [/^tokenId$/, b.id.token],
    [/^jobId$/, b.id.importJob],
    [/^emailId$/, b.id.email],
    [/^sessionId$/, b.id.session],
    [/^actorUserId$/, b.id.user],
    [/^targetId$/, b.id.member],
  ];
  return byName.find(([pattern]) => pattern.test(name))?.[1] ?? fail(`No id of B for ${field}`);
}

const randomId = () => `c${randomBytes(12).toString("hex")}`;

// ---- Valid inputs in A, one or more per procedure --------------------------------------------

type Input = Record<string, unknown>;
const ROLE_FIELDS = { name: "Taken over", description: "", reach: "ORGANIZATION", permissions: ["members.view"], ceiling: ["view"] };
const PRINCIPALS = (a: World) => [
  { kind: "MEMBER", membershipId: a.id.otherMember },
  { kind: "TEAM", teamId: a.id.team },
  { kind: "GROUP", groupId: a.id.group },
];

const INPUTS: Record<string, (a: World) => Input | Input[]> = {
  "account.endSession": (a) => ({ sessionId: a.id.session }),
  "groups.create": (a) => ({ parentId: a.id.group, name: "Planted" }),
  "groups.rename": (a) => ({ groupId: a.id.night, name: "Taken over" }),
  "groups.move": (a) => ({ groupId: a.id.night, newParentId: a.id.group }),
  "groups.delete": (a) => ({ groupId: a.id.night }),
  "groups.policy": (a) => ({ groupId: a.id.group }),
  "groups.setPolicy": (a) => ({
    groupId: a.id.group,
    settings: { twoFactor: null, minPasswordLength: null, sessionLifetimeHours: null, invitationTtlDays: null, allowedEmailDomains: null },
  }),
  "members.list": (a) => ({ groupId: a.id.group, roleId: a.o.role("user") }),
  "members.changeRole": (a) => ({ membershipId: a.id.member, roleId: a.o.role("support") }),
  "members.get": (a) => ({ membershipId: a.id.member }),
  "members.access": (a) => ({ membershipId: a.id.member }),
  "members.edit": (a) => ({ membershipId: a.id.member, name: "Taken over", email: a.o.email("ulla") }),
  "members.delete": (a) => ({ membershipId: a.id.member, transferResourcesTo: a.id.otherMember }),
  "members.transferOwnership": (a) => ({ membershipId: a.id.otherMember }),
  "members.create": (a) => ({ email: `planted@${a.o.slug}.test`, name: "Planted", groupId: a.id.group, roleId: a.o.role("user") }),
  "members.setResourceScope": (a) => ({ membershipId: a.id.member, resourceIds: [a.id.resource] }),
  "members.setStatus": (a) => ({ membershipId: a.id.member, status: "DISABLED" }),
  "members.resetPassword": (a) => ({ membershipId: a.id.member }),
  // Chosen members, and every member the list's filters match ("select all N matching").
  "members.bulkSetStatus": (a) => [
    { membershipIds: [a.id.member], status: "DISABLED" },
    { matching: { groupId: a.o.group("Ops"), roleId: a.o.role("user") }, status: "DISABLED" },
  ],
  "members.bulkChangeRole": (a) => [
    { membershipIds: [a.id.member], roleId: a.o.role("support") },
    { matching: { groupId: a.o.group("Ops"), roleId: a.o.role("user") }, roleId: a.o.role("support") },
  ],
  "members.bulkChangeGroup": (a) => [
    { membershipIds: [a.id.member], groupId: a.o.group("Ops") },
    { matching: { groupId: a.o.group("Ops"), roleId: a.o.role("user") }, groupId: a.o.group("Ops") },
  ],
  "members.endSessions": (a) => ({ membershipId: a.id.member }),
  "members.unlock": (a) => ({ membershipId: a.id.member }),
  "members.sessions": (a) => ({ membershipId: a.id.member }),
  "members.endSession": (a) => ({ membershipId: a.id.member, sessionId: a.id.session }),
  "members.disableTwoFactor": (a) => ({ membershipId: a.id.member }),
  "members.migrateData": (a) => ({ fromMembershipId: a.id.member, toMembershipId: a.id.otherMember }),
  "members.changeGroup": (a) => ({ membershipId: a.id.member, groupId: a.o.group("Ops") }),
  "roles.create": (a) => ({ ...ROLE_FIELDS, name: "Planted", placeBelowRoleId: a.o.role("admin") }),
  "roles.update": (a) => ({ ...ROLE_FIELDS, roleId: a.id.role, version: 0, placeBelowRoleId: a.o.role("admin") }),
  "roles.delete": (a) => ({ roleId: a.id.role, moveHoldersTo: a.o.role("user") }),
  "roles.addSet": (a) => ({ set: "seed-000", placeBelowRoleId: a.o.role("support") }),
  "importer.job": (a) => ({ jobId: a.id.importJob }),
  "importer.rows": (a) => ({ jobId: a.id.importJob, phase: "plan" }),
  "importer.confirm": (a) => ({ jobId: a.id.importJob }),
  "importer.cancel": (a) => ({ jobId: a.id.importJob }),
  "importer.results": (a) => ({ jobId: a.id.importJob, cursor: null }),
  "importer.resultsDownloaded": (a) => ({ jobId: a.id.importJob }),
  "invitations.invite": (a) => ({ emails: [`planted@${a.o.slug}.test`], roleId: a.o.role("user"), groupId: a.id.group, teamIds: [a.id.team] }),
  "invitations.resend": (a) => ({ invitationId: a.id.invitation }),
  "invitations.revoke": (a) => ({ invitationId: a.id.invitation }),
  "email.open": (a) => ({ emailId: a.id.email }),
  "email.retry": (a) => ({ emailId: a.id.email }),
  "teams.create": (a) => ({ name: "Planted", description: "", groupId: a.id.group }),
  "teams.update": (a) => ({ teamId: a.id.team, name: "Taken over", description: "", groupId: a.id.group }),
  "teams.delete": (a) => ({ teamId: a.id.team }),
  "teams.addMember": (a) => ({ teamId: a.id.team, membershipId: a.id.otherMember }),
  "teams.removeMember": (a) => ({ teamId: a.id.team, membershipId: a.id.member }),
  "resources.list": (a) => ({ asMembershipId: a.id.member }),
  "resources.get": (a) => ({ resourceId: a.id.resource, asMembershipId: a.id.member }),
  "resources.update": (a) => ({ resourceId: a.id.resource, name: "Taken over", description: "", private: false }),
  "resources.delete": (a) => ({ resourceId: a.id.resource }),
  "resources.act": (a) => ({ resourceId: a.id.resource, action: "run" }),
  "resources.finishRun": (a) => ({ activityId: a.id.activity, outcome: "FAILED" }),
  "resources.transfer": (a) => ({ resourceId: a.id.resource, toMembershipId: a.id.otherMember }),
  "resources.activity": (a) => ({ resourceId: a.id.resource }),
  "resources.chart": (a) => ({ resourceId: a.id.resource }),
  "resources.access": (a) => ({ resourceId: a.id.resource }),
  "resources.grant": (a) =>
    [...PRINCIPALS(a), { kind: "EMAIL", email: "watch@elsewhere.test" }].map((principal) => ({ resourceId: a.id.resource, principal, capabilities: ["view"] })),
  "resources.revoke": (a) => ({ resourceId: a.id.resource, grantId: a.id.grant }),
  "resources.principals": (a) => ({ resourceId: a.id.resource, search: "" }),
  "resources.explain": (a) => ({ resourceId: a.id.resource, membershipId: a.id.member }),
  "organizationAccess.set": (a) => PRINCIPALS(a).map((principal) => ({ principal, scope: "job", capabilities: ["view"], mayCreate: false })),
  "organizationAccess.revoke": (a) => ({ id: a.id.typeGrant }),
  "audit.list": (a) => ({ actorUserId: a.id.user, targetId: a.id.member }),
  "audit.exportPage": (a) => ({ actorUserId: a.id.user, targetId: a.id.member }),
  "reports.summary": (a) => ({ groupId: a.id.group }),
  "reports.members": (a) => ({ groupId: a.id.group, list: "dormant" }),
  "reports.invitations": (a) => ({ groupId: a.id.group, state: "PENDING" }),
  "tokens.list": (a) => ({ membershipId: a.id.member }),
  "tokens.revoke": (a) => ({ tokenId: a.id.token }),
  "tokens.revokeAll": (a) => ({ membershipId: a.id.member }),
};

/** Procedures with id fields that this test does not probe, and why. */
const EXCLUDED: Record<string, string> = {
  "instance.suspend": "operator-only (instance.*): organizationId names a tenant by design, and A's owner is refused FORBIDDEN as a non-operator",
  "instance.resume": "operator-only (instance.*), as instance.suspend",
  "instance.deleteOrganization": "operator-only (instance.*), as instance.suspend",
  "audit.recordExport":
    "server-side only (the export route records what it streamed; any other caller is NOT_FOUND 'no such procedure'); its ids are filters stored as given in A's own audit event",
};

/** Id fields that only narrow a list: another organization's id may answer an empty page
 * (or NOT_FOUND), never a row of B. */
const FILTERS = new Set([
  "members.list groupId",
  "members.list roleId",
  // The list's role filter, as "select all matching" sends it: another organization's role matches nobody.
  "members.bulkSetStatus matching.roleId",
  "members.bulkChangeRole matching.roleId",
  "members.bulkChangeGroup matching.roleId",
  "audit.list actorUserId",
  "audit.list targetId",
  "audit.exportPage actorUserId",
  "audit.exportPage targetId",
]);

/** Bulk actions answer a result per member, each its own decision and transaction
 * (services/bulk.ts): B's ids must be refused in that member's row, never done. */
const BULK = new Set(["members.bulkSetStatus", "members.bulkChangeRole", "members.bulkChangeGroup"]);

/** Probes refused as BAD_REQUEST rather than NOT_FOUND: the input is refused before lookup. */
const BAD_REQUEST = new Set<string>([]);

// ---- Probing ------------------------------------------------------------------------------

type Probe = { path: string; field: string; variant: string; input: Input; random: Input };

/** Id paths present in an input ("principal.membershipId"). */
function idPathsIn(input: Input, prefix = ""): string[] {
  return Object.entries(input).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (ID_FIELD.test(key)) return [path];
    if (value && typeof value === "object" && !Array.isArray(value)) return idPathsIn(value as Input, path);
    return [];
  });
}

function withField(input: Input, path: string, value: unknown): Input {
  const [head, ...rest] = path.split(".");
  if (!rest.length) return { ...input, [head!]: value };
  return { ...input, [head!]: withField(input[head!] as Input, rest.join("."), value) };
}

function fieldOf(input: Input, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Input)[k], input);
}

/** One probe per id field of each valid input: the field alone takes B's id (arrays: B's id
 * alone, and B's beside A's). Each is paired with the same input holding a random id. */
function probesOf(path: string, a: World, b: World): Probe[] {
  const bases = [INPUTS[path]!(a)].flat();
  return bases.flatMap((base) =>
    idPathsIn(base).flatMap((field) => {
      const own = fieldOf(base, field);
      const foreign = foreignId(field, b);
      const label = (v: string) => `${path} ${field}${bases.length > 1 ? ` (${JSON.stringify(fieldOf(base, field.split(".")[0]!)).slice(0, 40)})` : ""} ${v}`;
      if (Array.isArray(own)) {
        const r = randomId();
        const alone = { path, field, variant: label("[B]"), input: withField(base, field, [foreign]), random: withField(base, field, [r]) };
        // Bulk actions do A's members in their own transactions: B's beside A's says nothing more.
        if (BULK.has(path)) return [alone];
        return [
          alone,
          { path, field, variant: label("[A, B]"), input: withField(base, field, [...own, foreign]), random: withField(base, field, [...own, r]) },
        ];
      }
      return [{ path, field, variant: label("B"), input: withField(base, field, foreign), random: withField(base, field, randomId()) }];
    }),
  );
}

/** A message with the probe's ids blanked, so that one naming the id it did not find compares. */
const anonymized = (message: string, probe: Probe) =>
  [fieldOf(probe.input, probe.field), fieldOf(probe.random, probe.field)].flat().reduce<string>((m, id) => m.replaceAll(String(id), "<id>"), message);

type Outcome = { code: string; message: string; result?: unknown };

async function call(caller: unknown, path: string, input: Input): Promise<Outcome> {
  const [area, name] = path.split(".") as [string, string];
  // A caller indexed by a path read off the router: its types are the router's, not ours.
  const fn = (caller as Record<string, Record<string, (i: Input) => Promise<unknown>>>)[area]![name]!;
  try {
    const result = await fn(input);
    if (BULK.has(path)) {
      // A result per member: refused everywhere reads as the refusal the rows give.
      const rows = result as Array<{ ok: boolean; message: string }>;
      if (rows.every((r) => !r.ok) && rows.every((r) => /not found/i.test(r.message)))
        return { code: "NOT_FOUND", message: [...new Set(rows.map((r) => r.message))].join(" | ") };
    }
    return { code: "OK", message: "", result };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { code: err.code ?? "THROWN", message: err.message ?? String(e) };
  }
}

/** Every row of B that a probe could touch, and the instance's audit count. */
async function snapshot(a: World, b: World) {
  const organizationId = b.o.id;
  const own = { where: { organizationId }, orderBy: { id: "asc" as const } };
  const members = await t.db.membership.findMany(own);
  return {
    audit: await t.db.auditEvent.count(),
    aCounts: [
      await t.db.membership.count({ where: { organizationId: a.o.id } }),
      await t.db.teamMember.count({ where: { team: { organizationId: a.o.id } } }),
      await t.db.grant.count({ where: { organizationId: a.o.id } }),
      await t.db.typeGrant.count({ where: { organizationId: a.o.id } }),
      await t.db.group.count({ where: { organizationId: a.o.id } }),
      await t.db.role.count({ where: { organizationId: a.o.id } }),
    ],
    b: {
      organization: await t.db.organization.findUniqueOrThrow({ where: { id: organizationId } }),
      groups: await t.db.group.findMany(own),
      policies: await t.db.groupPolicy.findMany({ where: { organizationId }, orderBy: { groupId: "asc" } }),
      roles: await t.db.role.findMany(own),
      members,
      users: await t.db.user.findMany({ where: { id: { in: members.map((m) => m.userId) } }, orderBy: { id: "asc" } }),
      sessions: await t.db.session.findMany({ where: { userId: { in: members.map((m) => m.userId) } }, orderBy: { id: "asc" } }),
      teams: await t.db.team.findMany(own),
      teamMembers: await t.db.teamMember.findMany({ where: { team: { organizationId } }, orderBy: [{ teamId: "asc" }, { membershipId: "asc" }] }),
      resources: await t.db.resource.findMany(own),
      grants: await t.db.grant.findMany(own),
      typeGrants: await t.db.typeGrant.findMany(own),
      activity: await t.db.resourceActivity.findMany(own),
      invitations: await t.db.invitation.findMany(own),
      tokens: await t.db.apiToken.findMany(own),
      importJobs: await t.db.importJob.findMany(own),
      emails: await t.db.outboxEmail.findMany(own),
    },
  };
}

/** B's ids and names, none of which may appear in an answer to A. */
const traceOf = (b: World) => [...Object.values(b.id), b.o.id, b.o.slug];

beforeAll(async () => {
  t = await testDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("every procedure with an id field, called with another organization's ids", () => {
  it("every id field is probed or excluded with its reason", () => {
    const withIds = PROCEDURES.filter((p) => p.idFields.length > 0);
    const unlisted = withIds.filter((p) => !INPUTS[p.path] && !EXCLUDED[p.path]).map((p) => `${p.path} (${p.idFields.join(", ")})`);
    expect(unlisted, "give these procedures an input in INPUTS, or an entry in EXCLUDED with the reason").toEqual([]);
    // Every id field of the schema appears in some valid input; no input names a field the schema lacks.
    const stale = Object.keys(INPUTS).filter((path) => !PROCEDURES.some((p) => p.path === path));
    expect(stale).toEqual([]);
  });

  it("answers NOT_FOUND like a random id, and writes nothing", async () => {
    const a = await build("Iso A");
    const b = await build("Iso B");
    const owner = await a.o.signIn("owner");
    const trace = traceOf(b);
    const unprobed: string[] = [];
    const faults: string[] = [];
    const table: string[] = [];
    const before = await snapshot(a, b);
    const started = Date.now();
    let probes = 0;
    for (const p of PROCEDURES.filter((p) => INPUTS[p.path])) {
      const ps = probesOf(p.path, a, b);
      unprobed.push(...p.idFields.filter((f) => !ps.some((x) => x.field === f)).map((f) => `${p.path} ${f}`));
      for (const probe of ps) {
        probes++;
        const audit = await t.db.auditEvent.count();
        const got = await call(owner, p.path, probe.input);
        const random = await call(owner, p.path, probe.random);
        if ((await t.db.auditEvent.count()) !== audit) faults.push(`${probe.variant}: wrote an audit event (B's id, then a random one)`);
        const key = `${p.path} ${probe.field}`;
        const leaks = trace.filter((id) => JSON.stringify(got.result ?? got.message).includes(id));
        table.push(`${probe.variant}: ${got.code}${got.code === "OK" ? "" : ` "${got.message}"`}`);
        if (FILTERS.has(key) && (got.code === "OK" || got.code === "NOT_FOUND")) {
          if (leaks.length) faults.push(`${probe.variant}: an answer naming B's ${leaks.join(", ")}`);
          continue;
        }
        const expected = BAD_REQUEST.has(probe.variant) ? "BAD_REQUEST" : "NOT_FOUND";
        if (got.code !== expected) faults.push(`${probe.variant}: ${got.code} "${got.message}" (expected ${expected})`);
        else if (anonymized(got.message, probe) !== anonymized(random.message, probe))
          faults.push(`${probe.variant}: "${got.message}" differs from a random id's ${random.code} "${random.message}"`);
        if (leaks.length) faults.push(`${probe.variant}: an answer naming B's ${leaks.join(", ")}`);
      }
    }
    console.log(`tenant isolation: ${Object.keys(INPUTS).length} procedures, ${probes} probes in ${Date.now() - started} ms\n${table.join("\n")}`);
    expect(unprobed, "id fields no valid input holds").toEqual([]);
    expect(faults).toEqual([]);
    expect(await snapshot(a, b)).toEqual(before);
  }, 120_000);
});
