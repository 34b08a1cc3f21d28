// The principal picker (resources.principals) through tRPC: holding "share" on a resource
// opens no directory (DESIGN.md rule 5). A plain User finds themselves, and colleagues by
// their full email address only; a Group Admin searches their subtree's span; an Admin the
// organization's. Teams and groups are listed only as far as the role sees them. Other
// organizations and inactive members are never found. Expected lists are literal data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, type BuiltOrg } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

type Caller = Awaited<ReturnType<BuiltOrg["signIn"]>>;
type Picked = Awaited<ReturnType<Caller["resources"]["principals"]>>;

let t: TestDatabase;
let acme: BuiltOrg;
let globex: BuiltOrg;
const rid: Record<string, string> = {};
const team: Record<string, string> = {};
const cache = new Map<string, Caller>();

async function as(login: string): Promise<Caller> {
  const hit = cache.get(login);
  if (hit) return hit;
  const caller = await acme.signIn(login);
  cache.set(login, caller);
  return caller;
}

/** The picker's answer for a member searching on a resource, as logins and group paths. */
async function pick(login: string, resource: string, search: string) {
  const got: Picked = await (await as(login)).resources.principals({ resourceId: rid[resource]!, search });
  const groupPath = new Map(["", "Sales", "Sales/EMEA", "Engineering"].map((p) => [acme.group(p), p]));
  return {
    members: got.members.map((m) => m.email.split("@")[0]),
    teams: got.teams.map((x) => x.name),
    groups: got.groups.map((g) => groupPath.get(g.groupId) ?? `foreign ${g.name}`),
    directory: { members: got.directory.members, teams: got.directory.teams, groups: got.directory.groups },
  };
}

beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme")
    .withTree("Sales/EMEA", "Engineering")
    .withMember("ada", "admin")
    .withMember("gus", "group_admin", "Sales")
    .withMember("gina", "group_data_admin", "Sales")
    .withMember("uma", "user", "Sales")
    .withMember("ulla", "user", "Sales")
    .withMember("ella", "user", "Sales/EMEA")
    .withMember("tom", "user", "Engineering")
    .withMember("eve", "user", "Engineering")
    .withMember("dan", "user", "Sales", "DISABLED")
    .withMember("ivy", "user", "Sales", "INVITED")
    .create();
  globex = await org(t.db, "Globex").withMember("gil", "user").create();

  const owner = await as("owner");
  // uma holds Full access on "shared" and "handover", and nothing else.
  for (const name of ["shared", "handover"]) {
    rid[name] = (await owner.resources.create({ type: "job", name })).id;
    await owner.resources.grant({ resourceId: rid[name]!, principal: { kind: "MEMBER", membershipId: acme.member("uma") }, capabilities: ["admin"] });
  }
  rid["gus-job"] = (await (await as("gus")).resources.create({ type: "job", name: "gus-job" })).id;
  rid["ada-job"] = (await (await as("ada")).resources.create({ type: "job", name: "ada-job" })).id;
  // gina (Group Data Admin of Sales) opens ulla's job as custodian: she may transfer it, not share it.
  rid["ulla-job"] = (await t.db.resource.create({ data: { organizationId: acme.id, type: "job", name: "ulla-job", ownerId: acme.member("ulla") } })).id;
  for (const name of ["Ops", "Night"]) team[name] = (await owner.teams.create({ name })).id;
  await owner.teams.addMember({ teamId: team.Ops!, membershipId: acme.member("uma") });
  await owner.teams.addMember({ teamId: team.Night!, membershipId: acme.member("tom") });
});
afterAll(() => t.close());

describe("a plain User with Full access on one resource", () => {
  it("finds nobody but themselves by a part of a name or email", async () => {
    for (const [search, expected] of [
      ["", ["uma"]],
      ["u", ["uma"]],
      ["UMA@", ["uma"]],
      ["acme.test", ["uma"]],
      ["ulla", []],
      ["tom", []],
      ["@acme", ["uma"]],
      ["owner", []],
    ] as const) {
      expect({ search, members: (await pick("uma", "shared", search)).members }).toEqual({ search, members: expected });
    }
  });

  it("finds a colleague anywhere in the organization by their exact email address, in any case", async () => {
    for (const [search, expected] of [
      ["tom@acme.test", ["tom"]],
      ["TOM@Acme.Test", ["tom"]],
      ["  ella@acme.test ", ["ella"]],
      ["owner@acme.test", ["owner"]],
      // Not a prefix, a suffix or a part: the whole address.
      ["tom@acme.tes", []],
      ["om@acme.test", []],
      ["tom@acme", []],
    ] as const) {
      expect({ search, members: (await pick("uma", "shared", search)).members }).toEqual({ search, members: expected });
    }
  });

  it("sees only their own teams, and only their home group and the groups above it", async () => {
    expect(await pick("uma", "shared", "")).toEqual({
      members: ["uma"],
      teams: ["Ops"],
      groups: ["", "Sales"],
      directory: { members: "address", teams: "own", groups: "own" },
    });
    expect(await pick("uma", "shared", "Night")).toMatchObject({ teams: [], groups: [] });
    expect(await pick("uma", "shared", "Engineering")).toMatchObject({ teams: [], groups: [] });
    expect(await pick("uma", "shared", "EMEA")).toMatchObject({ groups: [] });
    // Without "share" (or the right to transfer) there is no picker at all.
    await expect((await as("ella")).resources.principals({ resourceId: rid.shared!, search: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("hands a resource they administer to a colleague found by exact address (the transfer dialog)", async () => {
    const uma = await as("uma");
    expect((await pick("uma", "handover", "EVE@acme.test")).members).toEqual(["eve"]);
    await uma.resources.transfer({ resourceId: rid.handover!, toMembershipId: acme.member("eve") });
    expect((await (await as("eve")).resources.get({ resourceId: rid.handover! })).owner.membershipId).toBe(acme.member("eve"));
  });
});

describe("a Group Admin searches the span of their subtree", () => {
  it("lists themselves and the members in span under Sales, not a sibling group's", async () => {
    expect(await pick("gus", "gus-job", "acme.test")).toEqual({
      members: ["ella", "gus", "ulla", "uma"],
      teams: [],
      groups: [],
      directory: { members: "span", teams: "organization", groups: "reach" },
    });
    expect((await pick("gus", "gus-job", "eve")).members).toEqual([]);
    expect((await pick("gus", "gus-job", "tom@acme")).members).toEqual([]);
  });

  it("finds a member of a sibling group by exact email only", async () => {
    expect((await pick("gus", "gus-job", "Eve@Acme.test")).members).toEqual(["eve"]);
  });

  it("lists the groups in their reach and those they are in, and every team (a Group Admin holds “Manage teams”)", async () => {
    expect((await pick("gus", "gus-job", "")).groups).toEqual(["", "Sales", "Sales/EMEA"]);
    expect((await pick("gus", "gus-job", "Ops")).teams).toEqual(["Ops"]);
  });
});

describe("a custodian transfers within span, as the picker shows", () => {
  it("gina finds Sales's users by name, and eve by address only, whom she may not hand it to", async () => {
    expect((await pick("gina", "ulla-job", "u")).members).toEqual(["gus", "ulla", "uma"]);
    expect((await pick("gina", "ulla-job", "eve@acme.test")).members).toEqual(["eve"]);
    const gina = await as("gina");
    await expect(gina.resources.transfer({ resourceId: rid["ulla-job"]!, toMembershipId: acme.member("eve") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await gina.resources.transfer({ resourceId: rid["ulla-job"]!, toMembershipId: acme.member("uma") });
  });
});

describe("an Admin searches the organization", () => {
  it("lists the active members the Admin sees, every team and every group", async () => {
    // The owner (Data Admin) ranks above an Admin: unseen. gina (Group Data Admin) ranks below
    // and is seen (rule 3: seeing is wider than managing), so she may be shared with.
    expect(await pick("ada", "ada-job", "acme.test")).toEqual({
      members: ["ada", "ella", "eve", "gina", "gus", "tom", "ulla", "uma"],
      teams: [],
      groups: [],
      directory: { members: "span", teams: "organization", groups: "reach" },
    });
    expect(await pick("ada", "ada-job", "")).toMatchObject({ teams: ["Night", "Ops"], groups: ["", "Engineering", "Sales", "Sales/EMEA"] });
    expect((await pick("ada", "ada-job", "OWNER@acme.test")).members).toEqual(["owner"]);
  });
});

describe("never found", () => {
  it("another organization's members, even by exact email", async () => {
    for (const login of ["uma", "gus", "ada", "owner"]) {
      const resource = { uma: "shared", gus: "gus-job", ada: "ada-job", owner: "shared" }[login]!;
      expect({ login, members: (await pick(login, resource, globex.email("gil"))).members }).toEqual({ login, members: [] });
      expect({ login, groups: (await pick(login, resource, "Globex")).groups }).toEqual({ login, groups: [] });
    }
  });

  it("a disabled or invited member, by part of their name or by exact email", async () => {
    for (const login of ["uma", "gus", "ada", "owner"]) {
      const resource = { uma: "shared", gus: "gus-job", ada: "ada-job", owner: "shared" }[login]!;
      for (const search of ["dan", acme.email("dan"), "ivy", acme.email("ivy")]) {
        expect({ login, search, members: (await pick(login, resource, search)).members }).toEqual({ login, search, members: [] });
      }
    }
  });
});

describe("explaining another member's access", () => {
  it("is open for members on the access list or in span, and NOT_FOUND for anyone else", async () => {
    const uma = await as("uma");
    // tom is neither on "shared"'s access list nor in a plain User's span.
    await expect(uma.resources.explain({ resourceId: rid.shared!, membershipId: acme.member("tom") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The owner is on the list; so is whoever a grant reaches.
    expect((await uma.resources.explain({ resourceId: rid.shared!, membershipId: acme.member("owner") })).visible).toBe(true);
    const owner = await as("owner");
    await owner.resources.grant({ resourceId: rid.shared!, principal: { kind: "TEAM", teamId: team.Night! }, capabilities: ["view"] });
    expect((await uma.resources.explain({ resourceId: rid.shared!, membershipId: acme.member("tom") })).summary).toBe("View only");
    // A Group Admin (who owns gus-job) explains members of their subtree, on the list or not.
    const gus = await as("gus");
    expect((await gus.resources.explain({ resourceId: rid["gus-job"]!, membershipId: acme.member("ella") })).visible).toBe(false);
    await expect(gus.resources.explain({ resourceId: rid["gus-job"]!, membershipId: acme.member("eve") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
