// The resources, runs, reports and export routes of the REST API (/api/v1), called only through
// the typed client generated from the OpenAPI document (client/), so that a route or an
// answer that drifts from the document fails to compile or to run. A token is its member
// now (seed 000): the last part compares REST answers with the same calls made with a
// session, case by case, for a table of members, relations and operations.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stewardClient } from "@/client";
import { CAPABILITIES, RESOURCE_TYPE_KEYS } from "@/server/authz";
import { handleRestRequest } from "@/server/http/rest-handler";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const db = () => t.db;

type Session = Awaited<ReturnType<BuiltOrg["signIn"]>>;
type Client = ReturnType<typeof stewardClient>;

const client = (token: string) => stewardClient({ baseUrl: "http://localhost:3000", token, fetch: (req) => handleRestRequest(req, db) });

/** A token of this member (and a client with it), made by the member in the console. */
async function tokenOf(login: string, limits: { readOnly?: boolean; permissions?: string[] } = {}, built: BuiltOrg = acme) {
  const { secret } = await (await built.signIn(login)).tokens.create({ name: `${login}'s script`, ...limits });
  return client(secret);
}

/** A valid id that names nothing. */
const MISSING = "cmissing00000000000000000";

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    // Seed 000's agent: API tokens, and at most view and run on what it is granted.
    .withRole({ name: "Agent", rank: 15, reach: "SELF", permissions: ["tokens.use"], ceiling: ["view", "run"] })
    .withRole({ name: "Maintainer", rank: 16, reach: "SELF", permissions: ["tokens.use"], ceiling: ["view", "run", "edit", "data", "share"] })
    .withRole({ name: "Scripter", rank: 17, reach: "SELF", permissions: ["tokens.use"], ceiling: [...CAPABILITIES] })
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("bex", "bulk_exporter")
    .withMember("agent", "Agent", "Engineering")
    .withMember("mona", "Maintainer", "Engineering")
    .withMember("tom", "Scripter", "Engineering")
    .withMember("gil", "Scripter", "Sales/EMEA")
    .withMember("ulla", "user", "Sales/EMEA")
    .withMember("vic", "user", "Sales/EMEA")
    .withMember("uwe", "user", "Engineering")
    .create();
  globex = await org(t.db, "Globex").create();
  const owner = await acme.signIn("owner");
  const ops = await owner.teams.create({ name: "Ops" });
  await owner.teams.addMember({ teamId: ops.id, membershipId: acme.member("tom") });
});
afterAll(() => t.close());

/** The error's fields are named as the input names them, and said in words, not zod's. */
function expectReadableIssues(issues: Array<{ field: string; message: string }> | undefined) {
  expect(issues?.length).toBeGreaterThan(0);
  for (const issue of issues!) {
    expect(issue.field).toMatch(/^[a-zA-Z]+$/);
    expect(issue.message).not.toMatch(/invalid input|expected .* received|\bzod\b/i);
  }
}

describe("every route, with a token whose member may use it", () => {
  let api: Client;
  beforeAll(async () => {
    api = await tokenOf("owner");
  });

  it("creates, reads, changes and deletes a resource", async () => {
    const creatable = await api.GET("/resources/creatable");
    expect(creatable.data?.types).toEqual(RESOURCE_TYPE_KEYS);

    const created = await api.POST("/resources", { body: { type: "job", name: "nightly-rest", description: "copies the books" } });
    expect(created.response.status).toBe(200);
    const resourceId = created.data!.id;

    const got = await api.GET("/resources/{resourceId}", { params: { path: { resourceId } } });
    expect(got.data).toMatchObject({
      id: resourceId,
      type: "job",
      name: "nightly-rest",
      description: "copies the books",
      private: false,
      owner: { membershipId: acme.member("owner"), name: "Owner", isYou: true },
      access: { capabilities: [...CAPABILITIES], summary: "Full access" },
      viewingAs: null,
      actions: ["run"],
      can: { edit: true, delete: true, share: true, transfer: true },
    });
    expect(new Date(got.data!.createdAt).toISOString()).toBe(got.data!.createdAt);

    const updated = await api.PUT("/resources/{resourceId}", {
      params: { path: { resourceId } },
      body: { name: "nightly-books", description: "copies the books at night", private: true },
    });
    expect(updated.data).toEqual({ id: resourceId });
    const after = await api.GET("/resources/{resourceId}", { params: { path: { resourceId } } });
    expect(after.data).toMatchObject({ name: "nightly-books", description: "copies the books at night", private: true });
    const listed = await api.GET("/resources", { params: { query: { search: "nightly-books" } } });
    expect(listed.data?.rows.map((r) => r.id)).toEqual([resourceId]);
    // Paged by cursor in the query string, as the console pages it; a bad cursor is a 400 in a sentence.
    const more = [];
    for (const name of ["paged-rest-1", "paged-rest-2"]) more.push((await api.POST("/resources", { body: { type: "task", name } })).data!.id);
    const whole = await api.GET("/resources", { params: { query: { sort: "updatedAt", direction: "desc", pageSize: 200 } } });
    expect(whole.data!.rows.length).toBeGreaterThan(2);
    const walked: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await api.GET("/resources", { params: { query: { sort: "updatedAt", direction: "desc", pageSize: 1, cursor } } });
      walked.push(...page.data!.rows.map((r) => r.id));
      cursor = page.data!.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(walked).toEqual(whole.data!.rows.map((r) => r.id));
    const last = await api.GET("/resources", { params: { query: { sort: "updatedAt", direction: "desc", pageSize: 1, last: true } } });
    expect(last.data).toMatchObject({ page: null, nextCursor: null, rows: [{ id: walked.at(-1) }] });
    const refused = await api.GET("/resources", { params: { query: { cursor: "not-a-cursor" } } });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toMatchObject({ code: "BAD_REQUEST", message: "This page link is not valid: start again from the first page." });
    for (const id of more) await api.DELETE("/resources/{resourceId}", { params: { path: { resourceId: id } } });

    const deleted = await api.DELETE("/resources/{resourceId}", { params: { path: { resourceId } } });
    expect(deleted.data).toEqual({ id: resourceId });
    const gone = await api.GET("/resources/{resourceId}", { params: { path: { resourceId } } });
    expect(gone.response.status).toBe(404);
  });

  it("shares a resource: finds principals, grants each kind, lists and explains access, revokes", async () => {
    const resourceId = (await api.POST("/resources", { body: { type: "job", name: "shared-rest" } })).data!.id;
    const path = { resourceId };

    const found = await api.GET("/resources/{resourceId}/principals", { params: { path, query: { search: "ulla" } } });
    expect(found.data?.members).toEqual([{ membershipId: acme.member("ulla"), name: "ulla", email: acme.email("ulla") }]);
    expect(found.data?.directory.members).toBe("span");

    const toUlla = await api.PUT("/resources/{resourceId}/grants", {
      params: { path },
      body: { principal: { kind: "MEMBER", membershipId: acme.member("ulla") }, capabilities: ["view", "run"] },
    });
    expect(toUlla.response.status).toBe(200);
    const teamId = (await t.db.team.findFirstOrThrow({ where: { organizationId: acme.id, name: "Ops" } })).id;
    for (const body of [
      { principal: { kind: "TEAM" as const, teamId }, capabilities: ["view" as const] },
      { principal: { kind: "GROUP" as const, groupId: acme.group("Sales") }, capabilities: ["view" as const] },
      { principal: { kind: "EMAIL" as const, email: "Auditor@Example.com" }, capabilities: [] },
    ]) {
      expect((await api.PUT("/resources/{resourceId}/grants", { params: { path }, body })).response.status).toBe(200);
    }

    const access = await api.GET("/resources/{resourceId}/grants", { params: { path } });
    expect(access.data?.owner.membershipId).toBe(acme.member("owner"));
    expect(access.data?.yours).toEqual([...CAPABILITIES]);
    expect(access.data?.grants.map((g) => ({ kind: g.kind, ref: g.ref, capabilities: g.capabilities, summary: g.summary, canChange: g.canChange }))).toEqual([
      { kind: "MEMBER", ref: { kind: "MEMBER", membershipId: acme.member("ulla") }, capabilities: ["view", "run"], summary: "Run", canChange: true },
      { kind: "TEAM", ref: { kind: "TEAM", teamId }, capabilities: ["view"], summary: "View only", canChange: true },
      { kind: "GROUP", ref: { kind: "GROUP", groupId: acme.group("Sales") }, capabilities: ["view"], summary: "View only", canChange: true },
      { kind: "EMAIL", ref: { kind: "EMAIL", email: "auditor@example.com" }, capabilities: [], summary: "Notify only", canChange: true },
    ]);
    expect(access.data?.grants[0]!.id).toBe(toUlla.data!.id);

    const explained = await api.GET("/resources/{resourceId}/explain", { params: { path, query: { membershipId: acme.member("ulla") } } });
    expect(explained.data).toMatchObject({ member: { membershipId: acme.member("ulla"), name: "ulla" }, visible: true, capabilities: ["view", "run"] });
    expect(explained.data?.paths.map((p) => p.description)).toEqual(["Granted directly", "Home group EMEA is in Sales's subtree"]);

    const revoked = await api.DELETE("/resources/{resourceId}/grants/{grantId}", { params: { path: { resourceId, grantId: toUlla.data!.id } } });
    expect(revoked.data).toEqual({ id: toUlla.data!.id });
    const left = await api.GET("/resources/{resourceId}/grants", { params: { path } });
    expect(left.data?.grants.map((g) => g.kind)).toEqual(["TEAM", "GROUP", "EMAIL"]);
    const now = await api.GET("/resources/{resourceId}/explain", { params: { path, query: { membershipId: acme.member("ulla") } } });
    expect(now.data).toMatchObject({ visible: true, capabilities: ["view"], summary: "View only" });
  });

  it("transfers a resource, runs and restores, reports outcomes, and shows them in the activity and the reports", async () => {
    const job = (await api.POST("/resources", { body: { type: "job", name: "books-rest" } })).data!.id;
    const vault = (await api.POST("/resources", { body: { type: "storage", name: "vault-rest" } })).data!.id;

    const handed = await api.POST("/resources/{resourceId}/transfer", {
      params: { path: { resourceId: vault } },
      body: { toMembershipId: acme.member("ulla") },
    });
    expect(handed.data).toEqual({ id: vault, owner: "ulla" });
    const vaultNow = await api.GET("/resources/{resourceId}", { params: { path: { resourceId: vault } } });
    // The owner keeps ulla's data in reach (seed 004): View and Data, so restores, no more.
    expect(vaultNow.data).toMatchObject({
      owner: { membershipId: acme.member("ulla"), isYou: false },
      access: { capabilities: ["view", "data"] },
      actions: ["restore"],
    });

    const run = await api.POST("/resources/{resourceId}/actions", { params: { path: { resourceId: job } }, body: { action: "run", note: "month end" } });
    expect(run.response.status).toBe(200);
    const failed = await api.POST("/runs/{activityId}/outcome", {
      params: { path: { activityId: run.data!.activityId } },
      body: { outcome: "FAILED", output: "disk full" },
    });
    expect(failed.data).toMatchObject({ activityId: run.data!.activityId, result: "FAILED" });

    const restore = await api.POST("/resources/{resourceId}/actions", { params: { path: { resourceId: vault } }, body: { action: "restore" } });
    await api.POST("/runs/{activityId}/outcome", { params: { path: { activityId: restore.data!.activityId } }, body: { outcome: "SUCCEEDED" } });

    const activity = await api.GET("/activity", { params: { query: { resourceId: job, pageSize: 5 } } });
    expect(activity.data?.rows[0]).toMatchObject({
      id: run.data!.activityId,
      action: "run",
      result: "FAILED",
      detail: "month end",
      actorName: "Owner",
      finishedByName: "Owner",
      output: "disk full",
      resource: { id: job, name: "books-rest", type: "job" },
    });

    const report = await api.GET("/reports/runs", { params: { query: { days: 1, sort: "name" } } });
    expect(report.data?.rows.find((r) => r.id === job)).toMatchObject({ runs: 1, failed: 1, succeeded: 0, running: 0, lastResult: "FAILED" });
    expect(report.data?.rows.find((r) => r.id === vault)).toMatchObject({ runs: 1, succeeded: 1, lastResult: "SUCCEEDED" });

    const restores = await api.GET("/reports/restores");
    expect(restores.data?.rows.find((r) => r.id === acme.member("ulla"))).toMatchObject({
      restorable: 1,
      restorableNames: ["vault-rest"],
      lastRestoreResult: "SUCCEEDED",
      lastRestoreResource: "vault-rest",
    });
  });

  it("reports on a group: its figures and, page by page, the lists behind them", async () => {
    const groups = await api.GET("/reports/groups");
    expect(groups.data?.map((g) => g.label)).toEqual(["Acme", "Acme / Engineering", "Acme / Sales", "Acme / Sales / EMEA"]);
    const groupId = acme.group("Sales");
    await (await acme.signIn("owner")).invitations.invite({ emails: ["nora@acme.test"], roleId: acme.role("user"), groupId: acme.group("Sales/EMEA") });
    const summary = await api.GET("/reports/groups/{groupId}", { params: { path: { groupId } } });
    expect(summary.data).toMatchObject({ group: { id: groupId, name: "Sales" }, totals: { total: 4, active: 4 } });

    const never: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listPage>> = await listPage(groupId, cursor);
      never.push(...page.data!.rows.map((r) => r.email));
      cursor = page.data!.nextCursor;
    } while (cursor);
    expect(never.length).toBe(summary.data!.signIn.never);
    expect(never).toContain(acme.email("ulla"));

    const invitations = await api.GET("/reports/groups/{groupId}/invitations", { params: { path: { groupId }, query: { state: "PENDING" } } });
    expect(invitations.data?.rows).toMatchObject([{ email: "nora@acme.test", role: "User", group: "EMEA", invitedBy: "Owner" }]);
    expect(invitations.data?.rows).toHaveLength(summary.data!.invitations.pending);
    expect(invitations.data?.nextCursor).toBeNull();
  });

  function listPage(groupId: string, cursor: string | null) {
    return api.GET("/reports/groups/{groupId}/members", { params: { path: { groupId }, query: { list: "neverSignedIn", pageSize: 1, cursor } } });
  }

  it("exports page by page with “Bulk export”, and the audit log records the export", async () => {
    const bex = await tokenOf("bex");
    const counts = await bex.GET("/export");
    expect(counts.data?.members).toBe(await t.db.membership.count({ where: { organizationId: acme.id } }));
    const page = await bex.GET("/export/{kind}", { params: { path: { kind: "members" }, query: { format: "json" } } });
    expect(page.data).toMatchObject({ kind: "members", nextCursor: null });
    expect(page.data?.rows).toHaveLength(counts.data!.members);
    expect(page.data?.rows.map((r) => r.email)).toContain(acme.email("ulla"));
    const recorded = await t.db.auditEvent.findFirstOrThrow({ where: { organizationId: acme.id, action: "data.export" }, orderBy: { at: "desc" } });
    expect(recorded.after).toEqual({ kind: "members", format: "json", rows: counts.data!.members });
  });
});

describe("refusals, with their statuses and reasons", () => {
  it("400: each issue names its field, in words", async () => {
    const api = await tokenOf("owner");
    const noName = await api.POST("/resources", { body: { type: "job", name: " " } });
    expect(noName.response.status).toBe(400);
    expect(noName.error).toMatchObject({ code: "BAD_REQUEST", issues: [{ field: "name", message: "Give the resource a name." }] });

    const badId = await api.GET("/resources/{resourceId}", { params: { path: { resourceId: "not-an-id" } } });
    expect(badId.response.status).toBe(400);
    expect(badId.error?.issues).toEqual([{ field: "resourceId", message: "Resource id is not a valid id." }]);

    const tooMany = await api.GET("/activity", { params: { query: { pageSize: 500 } } });
    expect(tooMany.error?.issues).toEqual([{ field: "pageSize", message: "At most 200 per page." }]);

    const job = (await api.POST("/resources", { body: { type: "job", name: "refusals-rest" } })).data!.id;
    const badEmail = await api.PUT("/resources/{resourceId}/grants", {
      params: { path: { resourceId: job } },
      body: { principal: { kind: "EMAIL", email: "not an address" }, capabilities: [] },
    });
    expect(badEmail.response.status).toBe(400);
    expect(badEmail.error?.issues).toEqual([{ field: "principal", message: "Enter a valid email address." }]);
    const longNote = await api.POST("/resources/{resourceId}/actions", {
      params: { path: { resourceId: job } },
      body: { action: "run", note: "x".repeat(501) },
    });
    expect(longNote.error?.issues).toEqual([{ field: "note", message: "Note must be at most 500 characters." }]);
    for (const refused of [noName, badId, tooMany, badEmail, longNote]) expectReadableIssues(refused.error?.issues);

    // A service's own refusal of the input: 400 with its sentence, no issues.
    const notifyOnly = await api.PUT("/resources/{resourceId}/grants", {
      params: { path: { resourceId: job } },
      body: { principal: { kind: "EMAIL", email: "auditor@example.com" }, capabilities: ["view"] },
    });
    expect(notifyOnly.response.status).toBe(400);
    expect(notifyOnly.error?.issues).toBeUndefined();
    expect(notifyOnly.error?.message).toBe("An email address on the ACL is notified of events only; grant access to a member, team or group.");
  });

  it("403 with the reason: a capability the member lacks, a grant beyond what they hold (rule 4), a permission their role lacks", async () => {
    const owner = await acme.signIn("owner");
    const job = (await owner.resources.create({ type: "job", name: "payroll-rest", description: "", private: false })).id;
    await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("mona") }, capabilities: [...CAPABILITIES] });
    await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("agent") }, capabilities: ["view", "run"] });
    const path = { resourceId: job };

    // Full access granted, the Maintainer role's ceiling keeps Administer out.
    const mona = await tokenOf("mona");
    const beyond = await mona.PUT("/resources/{resourceId}/grants", {
      params: { path },
      body: { principal: { kind: "MEMBER", membershipId: acme.member("uwe") }, capabilities: ["view", "admin"] },
    });
    expect(beyond.response.status).toBe(403);
    expect(beyond.error).toMatchObject({
      code: "FORBIDDEN",
      message: "You cannot grant “Administer (delete, everything)”: you do not hold it on payroll-rest.",
    });
    const within = await mona.PUT("/resources/{resourceId}/grants", {
      params: { path },
      body: { principal: { kind: "MEMBER", membershipId: acme.member("uwe") }, capabilities: ["view", "edit"] },
    });
    expect(within.response.status).toBe(200);

    const agent = await tokenOf("agent");
    const del = await agent.DELETE("/resources/{resourceId}", { params: { path } });
    expect(del.response.status).toBe(403);
    expect(del.error?.message).toBe("You do not have “Administer (delete, everything)” on payroll-rest; you have Run.");
    const restores = await agent.GET("/reports/restores");
    expect(restores.response.status).toBe(403);
    expect(restores.error?.message).toMatch(/does not have “Manage restores”/);
  });

  it("404: a resource the member does not see, one of another organization and a missing id answer alike", async () => {
    const owner = await acme.signIn("owner");
    const unseen = (await owner.resources.create({ type: "job", name: "unseen-rest", description: "", private: false })).id;
    const elsewhere = (await (await globex.signIn("owner")).resources.create({ type: "job", name: "globex-rest", description: "", private: false })).id;
    const agent = await tokenOf("agent");
    const answers = [];
    for (const resourceId of [unseen, elsewhere, MISSING]) {
      const got = await agent.GET("/resources/{resourceId}", { params: { path: { resourceId } } });
      const put = await agent.PUT("/resources/{resourceId}", { params: { path: { resourceId } }, body: { name: "taken", private: false } });
      const run = await agent.POST("/resources/{resourceId}/actions", { params: { path: { resourceId } }, body: { action: "run" } });
      const grants = await agent.GET("/resources/{resourceId}/grants", { params: { path: { resourceId } } });
      for (const r of [got, put, run, grants]) {
        expect(r.response.status).toBe(404);
        answers.push(r.error);
      }
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    // A run of another organization is as missing as one that never was.
    const run = await (await globex.signIn("owner")).resources.act({ resourceId: elsewhere, action: "run" });
    const theirs = await agent.POST("/runs/{activityId}/outcome", { params: { path: { activityId: run.activityId } }, body: { outcome: "SUCCEEDED" } });
    const none = await agent.POST("/runs/{activityId}/outcome", { params: { path: { activityId: MISSING } }, body: { outcome: "SUCCEEDED" } });
    expect(theirs.response.status).toBe(404);
    expect(theirs.error).toEqual(none.error);
  });

  it("409 where the change conflicts: a name taken, a run that already ended", async () => {
    const api = await tokenOf("owner");
    const body = { type: "job" as const, name: "twice-rest" };
    const jobId = (await api.POST("/resources", { body })).data!.id;
    const again = await api.POST("/resources", { body });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ code: "CONFLICT", message: "There is already a job named twice-rest." });
    const { activityId } = (await api.POST("/resources/{resourceId}/actions", { params: { path: { resourceId: jobId } }, body: { action: "run" } })).data!;
    await api.POST("/runs/{activityId}/outcome", { params: { path: { activityId } }, body: { outcome: "SUCCEEDED" } });
    const late = await api.POST("/runs/{activityId}/outcome", { params: { path: { activityId } }, body: { outcome: "FAILED" } });
    expect(late.response.status).toBe(409);
    expect(late.error?.message).toBe("This run already ended: Owner reported that it succeeded.");
  });

  it("401 without a valid token", async () => {
    const stranger = client(`stw_${"A".repeat(43)}`);
    const r = await stranger.GET("/resources/creatable");
    expect(r.response.status).toBe(401);
    expect(r.error?.message).toBe("This API token is not valid.");
  });
});

describe("an agent with a token (seed 000: “later an agent with an API token” reports runs)", () => {
  let job: string;
  beforeAll(async () => {
    const owner = await acme.signIn("owner");
    job = (await owner.resources.create({ type: "job", name: "agent-job", description: "", private: false })).id;
    await owner.resources.grant({ resourceId: job, principal: { kind: "MEMBER", membershipId: acme.member("agent") }, capabilities: ["view", "run"] });
  });

  it("starts a run and reports its outcome; the activity lists it with the outcome", async () => {
    const agent = await tokenOf("agent");
    const seen = await agent.GET("/resources/{resourceId}", { params: { path: { resourceId: job } } });
    expect(seen.data).toMatchObject({ access: { capabilities: ["view", "run"] }, actions: ["run"], can: { edit: false, delete: false, share: false } });
    const started = await agent.POST("/resources/{resourceId}/actions", {
      params: { path: { resourceId: job } },
      body: { action: "run", note: "by the agent" },
    });
    expect(started.response.status).toBe(200);
    const { activityId } = started.data!;
    const running = await agent.GET("/activity", { params: { query: { resourceId: job } } });
    expect(running.data?.rows[0]).toMatchObject({ id: activityId, result: "RUNNING", finishedAt: null, finishedByName: null });

    const reported = await agent.POST("/runs/{activityId}/outcome", {
      params: { path: { activityId } },
      body: { outcome: "SUCCEEDED", output: "42 reports covered" },
    });
    expect(reported.data).toMatchObject({ activityId, result: "SUCCEEDED" });
    const done = await agent.GET("/activity", { params: { query: { resourceId: job } } });
    // The job's log also holds the grant that let the agent run it.
    expect(done.data?.rows.filter((r) => r.action === "run")).toHaveLength(1);
    expect(done.data?.rows[0]).toMatchObject({
      id: activityId,
      action: "run",
      result: "SUCCEEDED",
      detail: "by the agent",
      actorName: "agent",
      finishedByName: "agent",
      output: "42 reports covered",
    });
    // The owner sees the same entry in the organization's activity.
    const owner = await tokenOf("owner");
    const all = await owner.GET("/activity", { params: { query: { pageSize: 200 } } });
    expect(all.data?.rows.find((r) => r.id === activityId)).toMatchObject({ result: "SUCCEEDED", finishedByName: "agent" });
  });

  it("a read-only token reads, and is refused both writes", async () => {
    const readOnly = await tokenOf("agent", { readOnly: true });
    expect((await readOnly.GET("/activity", { params: { query: { resourceId: job } } })).response.status).toBe(200);
    const start = await readOnly.POST("/resources/{resourceId}/actions", { params: { path: { resourceId: job } }, body: { action: "run" } });
    expect(start.response.status).toBe(403);
    expect(start.error?.message).toBe("This API token is read-only: it cannot change anything.");
    const { activityId } = await (await acme.signIn("agent")).resources.act({ resourceId: job, action: "run" });
    const report = await readOnly.POST("/runs/{activityId}/outcome", { params: { path: { activityId } }, body: { outcome: "FAILED" } });
    expect(report.response.status).toBe(403);
    expect(report.error?.message).toBe("This API token is read-only: it cannot change anything.");
    expect((await t.db.resourceActivity.findUniqueOrThrow({ where: { id: activityId } })).result).toBe("RUNNING");
  });

  it("a token narrowed to some permissions is refused outside them, though its member holds them", async () => {
    const narrowed = await tokenOf("owner", { permissions: ["resources.create"] });
    expect((await narrowed.POST("/resources", { body: { type: "job", name: "narrowed-rest" } })).response.status).toBe(200);
    for (const refused of [await narrowed.GET("/reports/restores"), await narrowed.GET("/reports/groups"), await narrowed.GET("/export")]) {
      expect(refused.response.status).toBe(403);
      expect(refused.error?.message).toMatch(/does not have “(Manage restores|Run reports|Bulk export)”/);
    }
    const full = await tokenOf("owner");
    expect((await full.GET("/reports/restores")).response.status).toBe(200);
  });
});

// ---- REST and session, case by case ------------------------------------------------------

type Outcome = { status: number; code?: string; message?: string; seen?: unknown };

type Answer = { response: Response; error?: { code: string; message: string } };
const outcomeOf = ({ response, error }: Answer): Outcome =>
  error ? { status: response.status, code: error.code, message: error.message } : { status: response.status };
const viaRest = async (call: Promise<Answer>) => outcomeOf(await call);

async function viaSession(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return { status: 200 };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return { status: getHTTPStatusCodeFromError(e), code: e.code, message: e.message };
  }
}

/** What a member's access to a resource looks like, as get answers it over either face. */
const accessSeen = (r: { access: unknown; actions: unknown; can: unknown }) => ({ access: r.access, actions: r.actions, can: r.can });

/** How the member reaches the fixture: a grant of these capabilities, a resource of ulla's
 * (in the span of custodians), none (the owner's, not shared), or another organization's. */
type Relation = "full" | "edit" | "run" | "view" | "ulla's" | "unshared" | "elsewhere";
const RELATIONS: Relation[] = ["full", "edit", "run", "view", "ulla's", "unshared", "elsewhere"];
const GRANTED: Partial<Record<Relation, string[]>> = { full: [...CAPABILITIES], edit: ["view", "run", "edit"], run: ["view", "run"], view: ["view"] };

/** Owner: Data Admin. gina: Group Data Admin over Sales, where ulla is. agent, mona: custom
 * roles with tokens and ceilings view+run and all but Administer. tom: through team Ops.
 * gil: through a grant to group Sales, his home group EMEA being below it. */
const MEMBERS = ["owner", "gina", "agent", "mona", "tom", "gil"] as const;
type Login = (typeof MEMBERS)[number];

type Fixture = { resourceId: string; vicGrantId: string; name: string };
type Operation = {
  type: "job" | "storage";
  rest: (api: Client, f: Fixture) => Promise<Outcome>;
  session: (api: Session, f: Fixture) => Promise<Outcome>;
};

const path = (f: Fixture) => ({ path: { resourceId: f.resourceId } });
const uwe = () => ({ kind: "MEMBER" as const, membershipId: acme.member("uwe") });

const OPERATIONS: Record<string, Operation> = {
  get: {
    type: "job",
    rest: async (api, f) => {
      const answer = await api.GET("/resources/{resourceId}", { params: path(f) });
      return answer.data ? { ...outcomeOf(answer), seen: accessSeen(answer.data) } : outcomeOf(answer);
    },
    session: async (api, f) => {
      let seen: unknown;
      const outcome = await viaSession(async () => {
        seen = accessSeen(await api.resources.get({ resourceId: f.resourceId }));
      });
      return seen ? { ...outcome, seen } : outcome;
    },
  },
  update: {
    type: "job",
    rest: (api, f) =>
      viaRest(api.PUT("/resources/{resourceId}", { params: path(f), body: { name: `${f.name} renamed`, description: "changed", private: false } })),
    session: (api, f) =>
      viaSession(() => api.resources.update({ resourceId: f.resourceId, name: `${f.name} renamed`, description: "changed", private: false })),
  },
  delete: {
    type: "job",
    rest: (api, f) => viaRest(api.DELETE("/resources/{resourceId}", { params: path(f) })),
    session: (api, f) => viaSession(() => api.resources.delete({ resourceId: f.resourceId })),
  },
  run: {
    type: "job",
    rest: (api, f) => viaRest(api.POST("/resources/{resourceId}/actions", { params: path(f), body: { action: "run" } })),
    session: (api, f) => viaSession(() => api.resources.act({ resourceId: f.resourceId, action: "run" })),
  },
  restore: {
    type: "storage",
    rest: (api, f) => viaRest(api.POST("/resources/{resourceId}/actions", { params: path(f), body: { action: "restore" } })),
    session: (api, f) => viaSession(() => api.resources.act({ resourceId: f.resourceId, action: "restore" })),
  },
  "grant view": {
    type: "job",
    rest: (api, f) => viaRest(api.PUT("/resources/{resourceId}/grants", { params: path(f), body: { principal: uwe(), capabilities: ["view"] } })),
    session: (api, f) => viaSession(() => api.resources.grant({ resourceId: f.resourceId, principal: uwe(), capabilities: ["view"] })),
  },
  "grant admin": {
    type: "job",
    rest: (api, f) => viaRest(api.PUT("/resources/{resourceId}/grants", { params: path(f), body: { principal: uwe(), capabilities: ["view", "admin"] } })),
    session: (api, f) => viaSession(() => api.resources.grant({ resourceId: f.resourceId, principal: uwe(), capabilities: ["view", "admin"] })),
  },
  revoke: {
    type: "job",
    rest: (api, f) =>
      viaRest(api.DELETE("/resources/{resourceId}/grants/{grantId}", { params: { path: { resourceId: f.resourceId, grantId: f.vicGrantId } } })),
    session: (api, f) => viaSession(() => api.resources.revoke({ resourceId: f.resourceId, grantId: f.vicGrantId })),
  },
  transfer: {
    type: "job",
    rest: (api, f) => viaRest(api.POST("/resources/{resourceId}/transfer", { params: path(f), body: { toMembershipId: acme.member("vic") } })),
    session: (api, f) => viaSession(() => api.resources.transfer({ resourceId: f.resourceId, toMembershipId: acme.member("vic") })),
  },
};

/** The grant row that reaches `login` as the table says: tom through team Ops, gil through group Sales. */
async function principalOf(login: Login) {
  if (login === "tom") {
    const team = await t.db.team.findFirstOrThrow({ where: { organizationId: acme.id, name: "Ops" } });
    return { kind: "TEAM" as const, principalKey: `team:${team.id}`, teamId: team.id };
  }
  if (login === "gil") return { kind: "GROUP" as const, principalKey: `group:${acme.group("Sales")}`, groupId: acme.group("Sales") };
  return { kind: "MEMBER" as const, principalKey: `member:${acme.member(login)}`, membershipId: acme.member(login) };
}

let made = 0;

/** A fresh resource for one call, written as it stands (no refusal of the setup hides a case);
 * vic (in Globex: its owner) holds View on it, for revoke to remove. */
async function fixture(login: Login, relation: Relation, type: Operation["type"], name: string): Promise<Fixture> {
  const [organizationId, ownerId] =
    relation === "elsewhere" ? [globex.id, globex.member("owner")] : [acme.id, relation === "ulla's" ? acme.member("ulla") : acme.member("owner")];
  const principal = await principalOf(login);
  return t.db.$transaction(async (tx) => {
    const resource = await tx.resource.create({ data: { organizationId, type, name, ownerId } });
    const caps = GRANTED[relation];
    if (caps) await tx.grant.create({ data: { organizationId, resourceId: resource.id, ...principal, capabilities: caps } });
    const holder = relation === "elsewhere" ? globex.member("owner") : acme.member("vic");
    const vic = await tx.grant.create({
      data: { organizationId, resourceId: resource.id, kind: "MEMBER", principalKey: `member:${holder}`, membershipId: holder, capabilities: ["view"] },
    });
    return { resourceId: resource.id, vicGrantId: vic.id, name };
  });
}

const discard = (f: Fixture) => t.db.resource.deleteMany({ where: { id: f.resourceId } });

describe("a token decides as its member's session does, case by case", () => {
  const tokens = new Map<Login, Client>();
  const sessions = new Map<Login, Session>();
  beforeAll(async () => {
    for (const login of MEMBERS) {
      sessions.set(login, await acme.signIn(login));
      tokens.set(login, await tokenOf(login));
    }
  });

  it.each(Object.keys(OPERATIONS))("%s", async (name) => {
    const operation = OPERATIONS[name]!;
    const statuses = new Set<number>();
    for (const login of MEMBERS) {
      for (const relation of RELATIONS) {
        // The same name for both calls (one after the other), so refusals that name the resource read alike.
        const label = `case ${++made}`;
        const forRest = await fixture(login, relation, operation.type, label);
        const byToken = await operation.rest(tokens.get(login)!, forRest);
        await discard(forRest);
        const forSession = await fixture(login, relation, operation.type, label);
        const bySession = await operation.session(sessions.get(login)!, forSession);
        await discard(forSession);
        expect({ login, relation, ...byToken }).toEqual({ login, relation, ...bySession });
        statuses.add(byToken.status);
      }
    }
    expect(statuses.has(200)).toBe(true);
    expect([...statuses].some((s) => s !== 200)).toBe(true);
  });
});
