// The command palette's search (console.search) finds only what the lists would show the
// viewer: members in span (rule 3), groups in reach (rule 5), visible resources (rule 7), in
// their own organization (rule 1). Every name searched for also exists outside the viewer's
// sight, so each assertion fails if a filter is dropped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { refusal, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;

type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
const labels = (matches: Array<{ label: string }> | null) => matches?.map((m) => m.label).sort() ?? null;

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA/Paris", "Engineering/Paris")
    .withMember("gary", "group_admin", "Sales")
    // In Gary's subtree but ranked above him: outside his span.
    .withMember("dora.berg", "group_data_admin", "Sales")
    .withMember("ulla.berg", "user", "Sales/EMEA/Paris")
    .withMember("uma.berg", "user", "Sales/EMEA")
    // Ranked below him but outside his subtree.
    .withMember("uwe.berg", "user", "Engineering/Paris")
    .create();
  globex = await org(t.db, "Globex").withTree("Bergen").withMember("olaf.berg", "user", "Bergen").create();

  const owner = await acme.signIn("owner");
  const shared = await owner.resources.create({ type: "server", name: "berg-db" });
  await owner.resources.create({ type: "job", name: "berg-backup", private: true });
  await owner.resources.grant({ resourceId: shared.id, principal: { kind: "MEMBER", membershipId: acme.member("uma.berg") }, capabilities: ["view"] });
  await (await globex.signIn("owner")).resources.create({ type: "server", name: "berg-globex" });
});
afterAll(() => t.close());

const search = (caller: Caller, query: string) => caller.console.search({ query });

describe("console.search", () => {
  it("finds a Group Admin the members of their span, and no one outside it", async () => {
    const gary = await acme.signIn("gary");
    const found = await search(gary, "berg");
    expect(labels(found.members)).toEqual(["ulla.berg", "uma.berg"]);
    const owner = await search(await acme.signIn("owner"), "berg");
    // The same search by the owner finds those Gary must not: the data is there to leak.
    expect(labels(owner.members)).toEqual(["dora.berg", "ulla.berg", "uma.berg", "uwe.berg"]);
  });

  it("links each member to their page, with who they are", async () => {
    const [ulla] = (await search(await acme.signIn("gary"), "ulla")).members!;
    expect(ulla).toEqual({
      id: acme.member("ulla.berg"),
      label: "ulla.berg",
      detail: `${acme.email("ulla.berg")} · Paris`,
      href: `/o/${acme.slug}/members/${acme.member("ulla.berg")}`,
    });
  });

  it("never returns a member outside the span, whatever part of them is typed", async () => {
    const gary = await acme.signIn("gary");
    for (const query of ["uwe", "uwe.berg", acme.email("uwe.berg"), "dora", acme.email("dora.berg")]) {
      expect((await search(gary, query)).members).toEqual([]);
    }
  });

  it("finds groups in reach only, each placed by the part of its chain the viewer reaches", async () => {
    const gary = await search(await acme.signIn("gary"), "paris");
    expect(gary.groups).toEqual([
      { id: acme.group("Sales/EMEA/Paris"), label: "Paris", detail: "In Sales › EMEA", href: `/o/${acme.slug}/groups?group=${acme.group("Sales/EMEA/Paris")}` },
    ]);
    expect((await search(await acme.signIn("gary"), "sales")).groups?.map((g) => g.detail)).toEqual(["Your home group"]);
    const owner = await search(await acme.signIn("owner"), "paris");
    expect(owner.groups?.map((g) => g.detail).sort()).toEqual(["In Acme › Engineering", "In Acme › Sales › EMEA"]);
  });

  it("gives an end user no members or groups area, and only the resources granted to them", async () => {
    const uma = await search(await acme.signIn("uma.berg"), "berg");
    expect(uma.members).toBeNull();
    expect(uma.groups).toBeNull();
    expect(uma.resources).toEqual([{ id: expect.any(String), label: "berg-db", detail: "Server", href: expect.stringMatching(/^\/o\/acme\/resources\//) }]);
    expect(labels((await search(await acme.signIn("ulla.berg"), "berg")).resources)).toEqual([]);
    expect(labels((await search(await acme.signIn("owner"), "berg")).resources)).toEqual(["berg-backup", "berg-db"]);
  });

  it("never shows another organization's members, groups or resources", async () => {
    const acmeOwner = await search(await acme.signIn("owner"), "berg");
    const everything = [...acmeOwner.members!, ...acmeOwner.groups!, ...acmeOwner.resources].map((m) => m.label);
    expect(everything).not.toContain("olaf.berg");
    expect(everything).not.toContain("Bergen");
    expect(everything).not.toContain("berg-globex");
    // Globex's owner does find them: the names are real.
    const globexOwner = await search(await globex.signIn("owner"), "berg");
    expect([labels(globexOwner.members), labels(globexOwner.groups), labels(globexOwner.resources)]).toEqual([["olaf.berg"], ["Bergen"], ["berg-globex"]]);
  });

  it("offers at most five of each", async () => {
    const owner = await acme.signIn("owner");
    for (let i = 1; i <= 6; i++) await owner.resources.create({ type: "monitor", name: `watch-${i}` });
    expect(labels((await search(owner, "watch")).resources)).toEqual(["watch-1", "watch-2", "watch-3", "watch-4", "watch-5"]);
  });

  it("treats the wildcards of SQL's LIKE as plain characters", async () => {
    const owner = await acme.signIn("owner");
    const found = await search(owner, "%");
    expect([found.members, found.groups, found.resources]).toEqual([[], [], []]);
    expect((await search(owner, "_")).groups).toEqual([]);
    await owner.groups.create({ parentId: acme.group(""), name: "R&D 100%" });
    expect(labels((await search(owner, "0%")).groups)).toEqual(["R&D 100%"]);
  });

  it("refuses an empty or overlong query with a sentence", async () => {
    const gary = await acme.signIn("gary");
    for (const [query, message] of [
      ["", "Type something to search for."],
      ["   ", "Type something to search for."],
      ["x".repeat(101), "Searches are at most 100 characters."],
    ] as const) {
      const err = await refusal(() => search(gary, query));
      expect(err.code).toBe("BAD_REQUEST");
      expect(err.message).toContain(message);
    }
  });
});
