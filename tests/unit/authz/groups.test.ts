// Rule 5 (groups), with rules 1 and 2, table-driven over the built-in roles with an actor
// at home in Sales. Expected outcomes are literal data from DESIGN.md.
//
// Precedence written down here: a group of another organization or outside the actor's
// reach is NOT_FOUND (DESIGN: subtree actors act "only inside their subtree"); inside
// reach, a missing permission or a rail (root, home group, not empty, under itself) is
// FORBIDDEN.
import { describe, it } from "vitest";
import {
  type BuiltInRoleKey,
  type Decision,
  decideCreateGroup,
  decideDeleteGroup,
  decideMoveGroup,
  decideMoveGroupSource,
  decideRenameGroup,
  decideViewGroup,
  type GroupFacts,
} from "@/server/authz";
import { extraGroup, type GroupName, GROUPS, member } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

type Operation = "view" | "create" | "rename" | "move" | "delete";
const ALL_OPS: Operation[] = ["view", "create", "rename", "move", "delete"];
// Support Technicians "manage groups" but "cannot delete groups"; Support only views them;
// the restore roles, the tools and User have nothing to do with groups.
const TECHNICIAN_OPS: Operation[] = ["view", "create", "rename", "move"];

const ACME_GROUPS: GroupName[] = ["Acme", "Sales", "EMEA", "Paris", "Engineering", "Platform"];
const SALES_SUBTREE: GroupName[] = ["Sales", "EMEA", "Paris"];

type Row = { actor: BuiltInRoleKey; reach: GroupName[]; may: Operation[] };
const ROWS: Row[] = [
  { actor: "data_admin", reach: ACME_GROUPS, may: ALL_OPS },
  { actor: "admin", reach: ACME_GROUPS, may: ALL_OPS },
  { actor: "support", reach: ACME_GROUPS, may: ["view"] },
  { actor: "support_restore", reach: ACME_GROUPS, may: [] },
  { actor: "support_technician", reach: ACME_GROUPS, may: TECHNICIAN_OPS },
  { actor: "bulk_exporter", reach: ACME_GROUPS, may: [] },
  { actor: "bulk_importer", reach: ACME_GROUPS, may: [] },
  { actor: "group_data_admin", reach: SALES_SUBTREE, may: ALL_OPS },
  { actor: "group_admin", reach: SALES_SUBTREE, may: ALL_OPS },
  { actor: "group_support_restore", reach: SALES_SUBTREE, may: [] },
  { actor: "group_support_technician", reach: SALES_SUBTREE, may: TECHNICIAN_OPS },
  { actor: "user", reach: [], may: [] },
];
const SUBTREE_ACTORS: BuiltInRoleKey[] = ["group_data_admin", "group_admin", "group_support_restore", "group_support_technician"];

const EMPTY = { subgroups: 0, members: 0 };
const DECIDE: Record<Exclude<Operation, "move">, (actor: ReturnType<typeof member>, group: GroupFacts) => Decision> = {
  view: decideViewGroup,
  create: decideCreateGroup,
  rename: decideRenameGroup,
  delete: (actor, group) => decideDeleteGroup(actor, group, EMPTY),
};

function expected(row: Row, op: Exclude<Operation, "move">, group: GroupName): Outcome {
  if (!row.reach.includes(group)) return NOT_FOUND; // includes both Globex groups
  if (!row.may.includes(op)) return FORBIDDEN;
  if (op === "delete" && group === "Acme") return FORBIDDEN; // the root group
  if (op === "delete" && group === "Sales" && SUBTREE_ACTORS.includes(row.actor)) return FORBIDDEN; // own home group
  return ALLOWED;
}

describe("view, create under, rename and delete (empty) a group", () => {
  const groups = Object.keys(GROUPS) as GroupName[];
  const cases = ROWS.flatMap((row) =>
    (["view", "create", "rename", "delete"] as const).flatMap((op) =>
      groups.map((group) => ({ actor: row.actor, op, group, expected: expected(row, op, group) })),
    ),
  );

  it.each(cases)("$actor may $op $group: $expected", ({ actor, op, group, expected }) => {
    expectDecision(DECIDE[op](member(actor, "Sales"), GROUPS[group]), expected);
  });

  it("does not take a group whose id extends the home group's id for part of its subtree", () => {
    const lookalike = extraGroup("g-sales2", "Sales 2", "Acme");
    expectDecision(decideViewGroup(member("group_admin", "Sales"), lookalike), NOT_FOUND);
    expectDecision(decideRenameGroup(member("group_admin", "Sales"), lookalike), NOT_FOUND);
    expectDecision(decideViewGroup(member("admin", "Sales"), lookalike), ALLOWED);
  });
});

describe("delete only an empty group", () => {
  it.each<{ actor: BuiltInRoleKey; group: GroupName; subgroups: number; members: number; expected: Outcome }>([
    { actor: "admin", group: "Paris", subgroups: 0, members: 0, expected: ALLOWED },
    { actor: "admin", group: "Paris", subgroups: 0, members: 1, expected: FORBIDDEN },
    { actor: "admin", group: "Paris", subgroups: 1, members: 0, expected: FORBIDDEN },
    { actor: "admin", group: "Engineering", subgroups: 1, members: 4, expected: FORBIDDEN },
    { actor: "group_admin", group: "EMEA", subgroups: 1, members: 0, expected: FORBIDDEN },
    { actor: "group_admin", group: "Paris", subgroups: 0, members: 3, expected: FORBIDDEN },
    { actor: "group_admin", group: "Paris", subgroups: 0, members: 0, expected: ALLOWED },
    { actor: "group_admin", group: "Platform", subgroups: 0, members: 0, expected: NOT_FOUND },
    { actor: "support_technician", group: "Paris", subgroups: 0, members: 0, expected: FORBIDDEN },
    { actor: "group_support_technician", group: "Paris", subgroups: 0, members: 0, expected: FORBIDDEN },
    { actor: "data_admin", group: "Acme", subgroups: 0, members: 0, expected: FORBIDDEN },
    { actor: "data_admin", group: "Globex Ops", subgroups: 0, members: 0, expected: NOT_FOUND },
  ])("$actor deletes $group with $subgroups subgroup(s), $members member(s): $expected", ({ actor, group, expected, ...contents }) => {
    expectDecision(decideDeleteGroup(member(actor, "Sales"), GROUPS[group], contents), expected);
  });

  it("lets an organization-reach role delete its own (empty, non-root) home group", () => {
    expectDecision(decideDeleteGroup(member("admin", "Paris"), GROUPS.Paris, EMPTY), ALLOWED);
  });

  it("refuses a Group Admin at home in the root group the root itself", () => {
    expectDecision(decideDeleteGroup(member("group_admin", "Acme"), GROUPS.Acme, EMPTY), FORBIDDEN);
    expectDecision(decideDeleteGroup(member("group_admin", "Acme"), GROUPS.Paris, EMPTY), ALLOWED);
  });
});

describe("move a group: both ends in reach, never under itself", () => {
  it.each(ROWS.flatMap((row) => (["Paris", "Platform"] as const).map((group) => ({ ...row, group }))))(
    "$actor moves $group (Paris under Sales, Platform under the root Acme)",
    ({ actor, reach, may, group }) => {
      const under: GroupName = group === "Paris" ? "Sales" : "Acme";
      const wanted = !reach.includes(group) || !reach.includes(under) ? NOT_FOUND : may.includes("move") ? ALLOWED : FORBIDDEN;
      expectDecision(decideMoveGroup(member(actor, "Sales"), GROUPS[group], GROUPS[under]), wanted);
    },
  );

  it.each<{ actor: BuiltInRoleKey; group: GroupName; under: GroupName; expected: Outcome; why: string }>([
    { actor: "admin", group: "EMEA", under: "Engineering", expected: ALLOWED, why: "both in reach" },
    { actor: "admin", group: "Platform", under: "Paris", expected: ALLOWED, why: "both in reach" },
    { actor: "admin", group: "Sales", under: "Platform", expected: ALLOWED, why: "organization reach may move its home group" },
    { actor: "admin", group: "Acme", under: "Engineering", expected: FORBIDDEN, why: "root group" },
    { actor: "admin", group: "Sales", under: "Sales", expected: FORBIDDEN, why: "under itself" },
    { actor: "admin", group: "Sales", under: "Paris", expected: FORBIDDEN, why: "under its own descendant" },
    { actor: "admin", group: "EMEA", under: "Paris", expected: FORBIDDEN, why: "under its own child" },
    { actor: "admin", group: "EMEA", under: "Globex", expected: NOT_FOUND, why: "new parent in another organization" },
    { actor: "admin", group: "Globex Ops", under: "Sales", expected: NOT_FOUND, why: "group in another organization" },
    { actor: "support", group: "EMEA", under: "Engineering", expected: FORBIDDEN, why: "no Rename and move groups" },
    { actor: "support_technician", group: "EMEA", under: "Engineering", expected: ALLOWED, why: "technicians manage groups" },
    { actor: "bulk_importer", group: "EMEA", under: "Engineering", expected: FORBIDDEN, why: "only the import tool" },
    { actor: "group_admin", group: "Paris", under: "Sales", expected: ALLOWED, why: "both in the subtree" },
    { actor: "group_data_admin", group: "Paris", under: "Sales", expected: ALLOWED, why: "both in the subtree" },
    { actor: "group_support_technician", group: "Paris", under: "Sales", expected: ALLOWED, why: "both in the subtree" },
    { actor: "group_support_restore", group: "Paris", under: "Sales", expected: FORBIDDEN, why: "no Rename and move groups" },
    { actor: "group_admin", group: "Paris", under: "Engineering", expected: NOT_FOUND, why: "new parent outside the subtree" },
    { actor: "group_admin", group: "EMEA", under: "Acme", expected: NOT_FOUND, why: "new parent above the subtree" },
    { actor: "group_admin", group: "Platform", under: "EMEA", expected: NOT_FOUND, why: "pulling an outside group in" },
    { actor: "group_admin", group: "Engineering", under: "Sales", expected: NOT_FOUND, why: "pulling an outside group in" },
    { actor: "group_admin", group: "Sales", under: "Acme", expected: NOT_FOUND, why: "home group, new parent outside" },
    { actor: "group_admin", group: "Sales", under: "Paris", expected: FORBIDDEN, why: "own home group" },
    { actor: "group_admin", group: "EMEA", under: "Paris", expected: FORBIDDEN, why: "under its own child" },
    { actor: "user", group: "Paris", under: "Sales", expected: NOT_FOUND, why: "User reaches no group" },
  ])("$actor moves $group under $under: $expected ($why)", ({ actor, group, under, expected }) => {
    expectDecision(decideMoveGroup(member(actor, "Sales"), GROUPS[group], GROUPS[under]), expected);
  });

  it("refuses a Group Admin at home in EMEA moving its home group anywhere", () => {
    const actor = member("group_admin", "EMEA");
    expectDecision(decideMoveGroup(actor, GROUPS.EMEA, GROUPS.Paris), FORBIDDEN);
    expectDecision(decideMoveGroup(actor, GROUPS.EMEA, GROUPS.Engineering), NOT_FOUND);
  });

  it("refuses a Group Admin at home in the root group moving the root", () => {
    expectDecision(decideMoveGroup(member("group_admin", "Acme"), GROUPS.Acme, GROUPS.Platform), FORBIDDEN);
    expectDecision(decideMoveGroup(member("group_admin", "Acme"), GROUPS.Platform, GROUPS.Paris), ALLOWED);
  });
});

describe("decideMoveGroupSource (whether the tree offers Move at all)", () => {
  it.each([
    { actor: "data_admin", home: "Acme", group: "Acme", expected: FORBIDDEN },
    { actor: "data_admin", home: "Acme", group: "Sales", expected: ALLOWED },
    { actor: "admin", home: "Sales", group: "Sales", expected: ALLOWED },
    { actor: "group_admin", home: "Sales", group: "Sales", expected: FORBIDDEN },
    { actor: "group_admin", home: "Sales", group: "EMEA", expected: ALLOWED },
    { actor: "group_admin", home: "Sales", group: "Engineering", expected: NOT_FOUND },
    { actor: "support", home: "Acme", group: "Sales", expected: FORBIDDEN },
  ] as Array<{ actor: BuiltInRoleKey; home: GroupName; group: GroupName; expected: Outcome }>)(
    "$actor at home in $home moving $group: $expected",
    ({ actor, home, group, expected }) => {
      expectDecision(decideMoveGroupSource(member(actor, home), GROUPS[group]), expected);
    },
  );
});
