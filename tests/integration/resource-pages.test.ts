// The resources list as the console pages it: by cursor, forwards and backwards, in every order
// it offers, for viewers who see a subset by their own paths (their rows gathered first), see
// broadly (the order's index walked) or are previewed by an admin; each walk equal to the same
// order read whole and to what the decision (accessOf) shows, with no repeats or gaps when
// rows come and go between pages; and cursors that are not one, or are another order's, refused
// in a sentence.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { resourceListSql } from "@/server/authz/resources.sql";
import { accessOf, actorSubject, resourceInclude } from "@/server/services/access";
import { loadActor } from "@/server/services/actor";
import { RESOURCE_SORTS, resourceListTuning } from "@/server/services/resources";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;

type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
type ListInput = Parameters<Caller["resources"]["list"]>[0];
type ListPage = Awaited<ReturnType<Caller["resources"]["list"]>>;
type Row = ListPage["rows"][number];

const NOT_VALID = "This page link is not valid: start again from the first page.";
const OTHER_ORDER = "This page link belongs to another order of the list: start again from the first page.";

/** Names of lower-case letters and digits only, so that every collation orders them alike. */
const JOBS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];
const SERVERS = ["alpha", "delta", "kilo", "lima", "mike"];
const PRIVATE = new Set(["charlie", "kilo"]);

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales", "Engineering")
    .withMember("gwen", "group_admin")
    .withMember("ada", "admin")
    .withMember("uma", "user", "Sales")
    .withMember("tina", "user", "Engineering")
    .create();
  const gwen = await acme.signIn("gwen");
  const made = new Map<string, string>();
  for (const [type, names] of [
    ["job", JOBS],
    ["server", SERVERS],
  ] as const) {
    for (const name of names) made.set(`${type}:${name}`, (await gwen.resources.create({ type, name, private: PRIVATE.has(name) })).id);
  }
  // uma: a few by grants (a subset, read from her grants); tina: every server organization-wide.
  for (const key of ["job:alpha", "job:charlie", "job:echo", "server:alpha", "server:kilo", "job:juliet", "job:hotel"]) {
    await gwen.resources.grant({ resourceId: made.get(key)!, principal: { kind: "MEMBER", membershipId: acme.member("uma") }, capabilities: ["view"] });
  }
  const owner = await acme.signIn("owner");
  await owner.organizationAccess.set({
    principal: { kind: "MEMBER", membershipId: acme.member("tina") },
    scope: "server",
    capabilities: ["view"],
    mayCreate: false,
  });
  // Ties in every order: "alpha" and "delta" name a job and a server; half the resources share one update time.
  const tie = new Date("2026-01-02T03:04:05.678Z");
  const ids = [...made.values()];
  await t.db.resource.updateMany({ where: { id: { in: ids.filter((_, i) => i % 2 === 0) } }, data: { updatedAt: tie } });
  await t.db.resource.updateMany({ where: { id: { in: ids.filter((_, i) => i % 2 === 1) } }, data: { updatedAt: new Date("2026-01-01T00:00:00.000Z") } });
  await t.db.resource.update({ where: { id: made.get("job:golf")! }, data: { updatedAt: new Date("2026-03-01T00:00:00.000Z") } });
});
afterAll(() => t.close());

/** The ids of the resources the decision shows `login` (accessOf: effectiveAccess over the database's facts). */
async function decided(login: string): Promise<string[]> {
  const actor = await loadActor(t.db, (await t.db.membership.findUniqueOrThrow({ where: { id: acme.member(login) } })).userId, acme.slug);
  const subject = await actorSubject(t.db, actor);
  const all = await t.db.resource.findMany({ where: { organizationId: acme.id }, include: resourceInclude });
  const shown: string[] = [];
  for (const r of all) if ((await accessOf(t.db, subject, r)).visible) shown.push(r.id);
  return shown;
}

/** Whether `rows` follow the order (its keys, then the id), reversed for descending. */
function inOrder(rows: Row[], sort: (typeof RESOURCE_SORTS)[number], direction: "asc" | "desc"): boolean {
  const key = (r: Row) => (sort === "name" ? r.name : r.updatedAt.toISOString());
  return rows.every((r, i) => {
    if (i === 0) return true;
    const p = rows[i - 1]!;
    const ascending = key(p) < key(r) || (key(p) === key(r) && p.id < r.id);
    return direction === "asc" ? ascending : !ascending;
  });
}

/** The whole list in one read: the order every paging must reproduce. */
async function whole(caller: Caller, input: ListInput) {
  const page = await caller.resources.list({ ...input, pageSize: 200 });
  expect(page.rows.length).toBe(page.total);
  return page.rows;
}

/** Next from the first page to the last, then Previous from the last page back to the first. */
async function walk(caller: Caller, input: ListInput, pageSize: number) {
  const forwards: string[] = [];
  let page: ListPage = await caller.resources.list({ ...input, pageSize });
  expect(page.prevCursor).toBeNull();
  const total = page.total;
  for (let guard = 0; ; guard++) {
    expect(guard).toBeLessThan(100);
    expect(page.total).toBe(total);
    forwards.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) break;
    page = await caller.resources.list({ ...input, pageSize, cursor: page.nextCursor });
    expect(page.page).toBeNull();
  }
  // Backwards, the first page comes full: it may repeat rows of the page after it.
  const backwards: string[] = [];
  page = await caller.resources.list({ ...input, pageSize, last: true });
  expect(page.nextCursor).toBeNull();
  for (let guard = 0; ; guard++) {
    expect(guard).toBeLessThan(100);
    expect(page.total).toBe(total);
    backwards.unshift(...page.rows.map((r) => r.id).filter((id) => !backwards.includes(id)));
    if (!page.prevCursor) break;
    page = await caller.resources.list({ ...input, pageSize, cursor: page.prevCursor });
  }
  expect(page.rows.map((r) => r.id)).toEqual(forwards.slice(0, pageSize));
  return { forwards, backwards, total };
}

describe("paging resources by cursor", () => {
  it("walks every order both ways, for the owner, a broad viewer, viewers of a subset and a preview, exactly as the decision shows", async () => {
    const cases: Array<{ login: string; viewer: string; as?: string }> = [
      { login: "owner", viewer: "owner" },
      { login: "ada", viewer: "ada" },
      { login: "uma", viewer: "uma" },
      { login: "tina", viewer: "tina" },
      // The owner sees all uma sees: the preview lists exactly uma's.
      { login: "owner", viewer: "uma", as: "uma" },
    ];
    for (const { login, viewer, as } of cases) {
      const caller = await acme.signIn(login);
      const expected = await decided(viewer);
      const who = as ? `${login} as ${as}` : login;
      expect(expected.length, who).toBeGreaterThan(3);
      for (const sort of RESOURCE_SORTS) {
        for (const direction of ["asc", "desc"] as const) {
          const input = { sort, direction, asMembershipId: as && acme.member(as) };
          const rows = await whole(caller, input);
          const order = rows.map((r) => r.id);
          expect([...order].sort(), `${who} ${sort} ${direction}`).toEqual([...expected].sort());
          expect(inOrder(rows, sort, direction), `${who} ${sort} ${direction}: in order`).toBe(true);
          for (const pageSize of [1, 3]) {
            const { forwards, backwards, total } = await walk(caller, input, pageSize);
            expect(forwards, `${who} forwards by ${sort} ${direction}, ${pageSize} a page`).toEqual(order);
            expect(backwards, `${who} backwards by ${sort} ${direction}, ${pageSize} a page`).toEqual(order);
            expect(total).toBe(order.length);
          }
        }
      }
      // Descending is the exact reverse of ascending, ties included.
      const asc = (await whole(caller, { sort: "updatedAt", asMembershipId: as && acme.member(as) })).map((r) => r.id);
      const desc = (await whole(caller, { sort: "updatedAt", direction: "desc", asMembershipId: as && acme.member(as) })).map((r) => r.id);
      expect(desc, who).toEqual(asc.reverse());
    }
  });

  it("keeps the type filter and search across pages, and a page by number agrees with the cursor's", async () => {
    for (const login of ["owner", "uma"]) {
      const caller = await acme.signIn(login);
      for (const input of [{ type: "job" as const }, { search: "l", sort: "updatedAt" as const, direction: "desc" as const }]) {
        const order = (await whole(caller, input)).map((r) => r.id);
        expect(order.length, login).toBeGreaterThan(4);
        expect((await walk(caller, input, 2)).forwards).toEqual(order);
        const second = await caller.resources.list({ ...input, pageSize: 2, page: 2 });
        expect(second).toMatchObject({ page: 2, total: order.length });
        expect(second.rows.map((r) => r.id)).toEqual(order.slice(2, 4));
        expect(second.prevCursor).not.toBeNull();
        const third = await caller.resources.list({ ...input, pageSize: 2, cursor: second.nextCursor! });
        expect(third.rows.map((r) => r.id)).toEqual(order.slice(4, 6));
      }
    }
  });

  it("neither repeats nor skips a row that stays when resources are created and deleted between pages", async () => {
    for (const login of ["owner", "uma"]) {
      const caller = await acme.signIn(login);
      const gwen = await acme.signIn("gwen");
      for (const direction of ["asc", "desc"] as const) {
        const before = (await whole(caller, { direction })).map((r) => r.id);
        const first = await caller.resources.list({ direction, pageSize: 3 });
        // One that sorts before the boundary, one after it; and a row of the next page is deleted.
        const created: string[] = [];
        for (const name of ["aaaa", "zzzz"]) {
          const { id } = await gwen.resources.create({ type: "task", name: `${name}${login}${direction}` });
          created.push(id);
          if (login === "uma")
            await gwen.resources.grant({ resourceId: id, principal: { kind: "MEMBER", membershipId: acme.member("uma") }, capabilities: ["view"] });
        }
        const gone = before[4]!;
        await gwen.resources.delete({ resourceId: gone });
        const seen = [...first.rows.map((r) => r.id)];
        let cursor = first.nextCursor;
        for (let guard = 0; cursor; guard++) {
          expect(guard).toBeLessThan(100);
          const page = await caller.resources.list({ direction, pageSize: 3, cursor });
          seen.push(...page.rows.map((r) => r.id));
          cursor = page.nextCursor;
        }
        expect(new Set(seen).size, `${login} ${direction}: no repeats`).toBe(seen.length);
        // Every row that stayed in place appears once; the one created past the boundary too, the one before it not.
        const [early, late] = direction === "asc" ? created : [...created].reverse();
        expect(seen.filter((id) => id !== gone && id !== early && id !== late)).toEqual(before.filter((id) => id !== gone));
        expect(seen).toContain(late);
        expect(seen).not.toContain(early);
        for (const id of created) await gwen.resources.delete({ resourceId: id });
      }
    }
  });

  it("goes on from a page whose last row was deleted, and fills a previous page that lost rows", async () => {
    const owner = await acme.signIn("owner");
    const gwen = await acme.signIn("gwen");
    const extra: string[] = [];
    for (const name of ["n1", "n2", "n3", "n4", "n5", "n6"]) extra.push((await gwen.resources.create({ type: "monitor", name })).id);
    const input = { type: "monitor" as const };
    const order = (await whole(owner, input)).map((r) => r.id);
    const first = await owner.resources.list({ ...input, pageSize: 2 });
    await gwen.resources.delete({ resourceId: first.rows[1]!.id });
    const next = await owner.resources.list({ ...input, pageSize: 2, cursor: first.nextCursor! });
    expect(next.rows.map((r) => r.id)).toEqual(order.slice(2, 4));
    expect(next.total).toBe(order.length - 1);
    // Back from the second page when the first lost its rows: the first page, full, with nothing before it.
    await gwen.resources.delete({ resourceId: order[0]! });
    const previous = await owner.resources.list({ ...input, pageSize: 2, cursor: next.prevCursor! });
    expect(previous.prevCursor).toBeNull();
    expect(previous.rows.map((r) => r.id)).toEqual(order.slice(2, 4));
    for (const id of order.slice(2)) await gwen.resources.delete({ resourceId: id });
    // A cursor past everything: no rows, and the total still said.
    const empty = await owner.resources.list({ ...input, pageSize: 2, cursor: next.nextCursor! });
    expect(empty).toMatchObject({ rows: [], total: 0, nextCursor: null });
    // A page number past the end, for a viewer whose rows are gathered first: no rows, the total still said.
    const uma = await acme.signIn("uma");
    const all = await whole(uma, {});
    expect(await uma.resources.list({ page: 99, pageSize: 2 })).toMatchObject({ rows: [], total: all.length, nextCursor: null });
  });

  it("refuses a cursor that is not one, is another order's or another list's, with a sentence", async () => {
    for (const login of ["owner", "uma"]) {
      const caller = await acme.signIn(login);
      await expect(caller.resources.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: NOT_VALID });
      const byName = await caller.resources.list({ pageSize: 2 });
      await expect(caller.resources.list({ pageSize: 2, sort: "updatedAt", cursor: byName.nextCursor! })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: OTHER_ORDER,
      });
      await expect(caller.resources.list({ pageSize: 2, direction: "desc", cursor: byName.nextCursor! })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: OTHER_ORDER,
      });
      // The members list's cursor is no place in this list.
      const members = await (await acme.signIn("owner")).members.list({ pageSize: 1 });
      await expect(caller.resources.list({ cursor: members.nextCursor! })).rejects.toMatchObject({ code: "BAD_REQUEST", message: NOT_VALID });
      // Well-formed, but a key its column cannot hold: refused before the database sees it.
      const forge = (sort: string, keys: unknown[]) =>
        Buffer.from(JSON.stringify({ list: "resources", towards: "after", sort, direction: "asc", keys })).toString("base64url");
      for (const [sort, keys] of [
        ["updatedAt", ["yesterday", "x"]],
        ["updatedAt", [5, "x"]],
        ["name", [5, "x"]],
        ["name", [{ "?": 1 }, "x"]],
        ["name", ["a", "b", "c"]],
      ] as const) {
        const refused = caller.resources.list({ sort: sort as "name", cursor: forge(sort, [...keys]) });
        await expect(refused, `${sort} ${JSON.stringify(keys)}`).rejects.toMatchObject({ code: "BAD_REQUEST" });
        await expect(refused).rejects.toHaveProperty("message", expect.stringMatching(/^This page link (is not valid|belongs to another order)/));
      }
    }
  });
});

describe("the total of a viewer who sees broadly", () => {
  it("is exact up to the cap and 'more than' past it, whether the resources that are not private pass the cap alone or only with the private ones", async () => {
    const types = new Map((await t.db.resource.findMany({ where: { organizationId: acme.id }, select: { id: true, type: true } })).map((r) => [r.id, r.type]));
    onTestFinished(() => void (resourceListTuning.countCap = 10_000));
    const cases: Array<{ login: string; viewer: string[]; as?: string; type?: "job" }> = [
      { login: "owner", viewer: ["owner"] },
      { login: "owner", viewer: ["owner"], type: "job" },
      { login: "ada", viewer: ["ada"] },
      { login: "tina", viewer: ["tina"] },
      { login: "owner", viewer: ["owner", "ada"], as: "ada" },
    ];
    for (const { login, viewer, as, type } of cases) {
      const caller = await acme.signIn(login);
      const seen = await Promise.all(viewer.map(decided));
      const n = seen[0]!.filter((id) => seen.every((s) => s.includes(id)) && (!type || types.get(id) === type)).length;
      const privateOnes = await t.db.resource.count({ where: { organizationId: acme.id, private: true, ...(type ? { type } : {}) } });
      expect(privateOnes).toBeGreaterThan(0);
      // Below, at and past the total; past the resources that are not private alone; far below.
      for (const cap of [n + 1, n, n - 1, n - privateOnes - 1, 1]) {
        resourceListTuning.countCap = cap;
        const page = await caller.resources.list({ pageSize: 2, type, asMembershipId: as && acme.member(as) });
        const who = `${login}${as ? ` as ${as}` : ""}${type ? ` (${type}s)` : ""}, cap ${cap} of ${n}`;
        expect({ total: page.total, totalExact: page.totalExact }, who).toEqual(
          n <= cap ? { total: n, totalExact: true } : { total: cap + 1, totalExact: false },
        );
      }
    }
    // The first count of what is not private is asked only for those who see all of it.
    const countsPublicFirst = async (login: string) => {
      const actor = await loadActor(t.db, (await t.db.membership.findUniqueOrThrow({ where: { id: acme.member(login) } })).userId, acme.slug);
      const total = resourceListSql(await actorSubject(t.db, actor), null, {}, { sort: "name", direction: "asc" }, 10).total;
      return total?.text.includes("NOT r.private LIMIT") ?? null;
    };
    expect(await countsPublicFirst("owner")).toBe(true);
    expect(await countsPublicFirst("ada")).toBe(true);
    expect(await countsPublicFirst("tina")).toBe(false);
  });
});
