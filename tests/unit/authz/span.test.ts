// Rule 3 (span) and rule 2 (permission) for actions on members, table-driven over the
// twelve built-in roles. Expected outcomes are literal data read from DESIGN.md
// ("Built-in roles" and "The rules of authority"), not computed by server/authz.
//
// Precedence written down here: another organization is NOT_FOUND (rule 1); a missing
// permission is FORBIDDEN, as the procedure kind orgProcedure("members.edit") refuses
// before looking the target up; acting on oneself is FORBIDDEN (viewing it is allowed);
// a target outside reach or not ranked lower is NOT_FOUND; one in reach and ranked lower is
// seen (rule 3: seeing is wider than managing), and managing them is FORBIDDEN, with the
// reason, when they hold a power the actor lacks.
import { describe, it } from "vitest";
import { type BuiltInRoleKey, decideMemberAction, decideSpan, type MemberAction } from "@/server/authz";
import { type GroupName, member } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

// Where the target lives, seen from an actor at home in Sales.
const RELATIONS = {
  "same group": "Sales",
  "child subgroup": "EMEA",
  "grandchild subgroup": "Paris",
  "parent (root)": "Acme",
  "sibling subtree": "Engineering",
  "sibling subtree's child": "Platform",
  "other organization": "Globex",
} as const satisfies Record<string, GroupName>;
type Relation = keyof typeof RELATIONS;

const ORGANIZATION_REACH: Relation[] = ["same group", "child subgroup", "grandchild subgroup", "parent (root)", "sibling subtree", "sibling subtree's child"];
const SUBTREE_REACH: Relation[] = ["same group", "child subgroup", "grandchild subgroup"];
const NO_REACH: Relation[] = [];

// Target roles tried in every relation. "peer" is the actor's own role (same rank);
// Data Admin is at or above every rank.
const TARGET_KINDS = ["user", "group_support_technician", "group_data_admin", "peer", "data_admin"] as const;
type TargetKind = (typeof TARGET_KINDS)[number];

const ALL_ACTIONS: MemberAction[] = ["view", "edit", "changeRole", "changeGroup", "setStatus", "resetCredentials", "delete"];

type Row = { actor: BuiltInRoleKey; reaches: Relation[]; sees: TargetKind[]; manages: TargetKind[]; may: MemberAction[] };

// sees: target roles ranked strictly below the actor (ranks: DESIGN's table, highest first).
// manages: those of them holding no power the actor lacks.
// A Group Support Technician (create/edit members, manage groups, restores) is beyond
// Support and the restore roles; a Group Data Admin (data powers) is beyond everyone but
// Data Admin (DESIGN: "Admin cannot manage a Group Data Admin").
const ROWS: Row[] = [
  {
    actor: "data_admin",
    reaches: ORGANIZATION_REACH,
    sees: ["user", "group_support_technician", "group_data_admin"],
    manages: ["user", "group_support_technician", "group_data_admin"],
    may: ALL_ACTIONS,
  },
  {
    actor: "admin",
    reaches: ORGANIZATION_REACH,
    sees: ["user", "group_support_technician", "group_data_admin"],
    manages: ["user", "group_support_technician"],
    may: ALL_ACTIONS,
  },
  { actor: "support", reaches: ORGANIZATION_REACH, sees: ["user", "group_support_technician", "group_data_admin"], manages: ["user"], may: ["view"] },
  { actor: "support_restore", reaches: ORGANIZATION_REACH, sees: ["user", "group_support_technician", "group_data_admin"], manages: ["user"], may: ["view"] },
  {
    actor: "support_technician",
    reaches: ORGANIZATION_REACH,
    sees: ["user", "group_support_technician", "group_data_admin"],
    manages: ["user", "group_support_technician"],
    may: ["view", "edit"],
  },
  { actor: "bulk_exporter", reaches: ORGANIZATION_REACH, sees: ["user", "group_support_technician", "group_data_admin"], manages: ["user"], may: [] },
  { actor: "bulk_importer", reaches: ORGANIZATION_REACH, sees: ["user", "group_support_technician", "group_data_admin"], manages: ["user"], may: [] },
  {
    actor: "group_data_admin",
    reaches: SUBTREE_REACH,
    sees: ["user", "group_support_technician"],
    manages: ["user", "group_support_technician"],
    may: ALL_ACTIONS,
  },
  { actor: "group_admin", reaches: SUBTREE_REACH, sees: ["user", "group_support_technician"], manages: ["user", "group_support_technician"], may: ALL_ACTIONS },
  { actor: "group_support_restore", reaches: SUBTREE_REACH, sees: ["user", "group_support_technician"], manages: ["user"], may: ["view"] },
  { actor: "group_support_technician", reaches: SUBTREE_REACH, sees: ["user"], manages: ["user"], may: ["view", "edit"] },
  { actor: "user", reaches: NO_REACH, sees: [], manages: [], may: [] },
];

type SpanCase = { actor: BuiltInRoleKey; relation: Relation | "self"; target: BuiltInRoleKey; kind: TargetKind | "self"; span: Outcome; row: Row };

function spanCases(): SpanCase[] {
  const cases: SpanCase[] = [];
  for (const row of ROWS) {
    cases.push({ actor: row.actor, relation: "self", target: row.actor, kind: "self", span: FORBIDDEN, row });
    for (const relation of Object.keys(RELATIONS) as Relation[]) {
      for (const kind of TARGET_KINDS) {
        const target = kind === "peer" ? row.actor : kind;
        let span: Outcome = ALLOWED;
        if (relation === "other organization" || !row.reaches.includes(relation) || !row.sees.includes(kind)) span = NOT_FOUND;
        else if (!row.manages.includes(kind)) span = FORBIDDEN;
        cases.push({ actor: row.actor, relation, target, kind, span, row });
      }
    }
  }
  return cases;
}

function build(c: SpanCase) {
  const actor = member(c.actor, "Sales", { id: "actor" });
  const target = c.relation === "self" ? actor : member(c.target, RELATIONS[c.relation], { id: "target" });
  return { actor, target };
}

describe("decideSpan: reach and strictly lower rank (or NOT_FOUND), no power beyond the actor's (or FORBIDDEN)", () => {
  it.each(spanCases())("$actor over $kind ($target) in $relation: $span", (c) => {
    const { actor, target } = build(c);
    expectDecision(decideSpan(actor, target), c.span);
  });

  // Lower-ranked roles that still hold powers the actor lacks, and some that do not.
  it.each([
    { actor: "support", target: "support_technician", expected: FORBIDDEN },
    { actor: "support", target: "support_restore", expected: FORBIDDEN },
    { actor: "admin", target: "bulk_exporter", expected: FORBIDDEN },
    { actor: "admin", target: "bulk_importer", expected: FORBIDDEN },
    { actor: "admin", target: "group_admin", expected: ALLOWED },
    { actor: "admin", target: "support", expected: ALLOWED },
    { actor: "data_admin", target: "admin", expected: ALLOWED },
    { actor: "data_admin", target: "bulk_importer", expected: ALLOWED },
    { actor: "support_restore", target: "group_support_restore", expected: ALLOWED },
    { actor: "support_technician", target: "group_support_restore", expected: ALLOWED },
    { actor: "group_data_admin", target: "group_admin", expected: ALLOWED },
    { actor: "group_admin", target: "group_support_restore", expected: ALLOWED },
    { actor: "group_support_restore", target: "group_support_technician", expected: FORBIDDEN },
  ] as Array<{ actor: BuiltInRoleKey; target: BuiltInRoleKey; expected: Outcome }>)("$actor over $target in EMEA: $expected", ({ actor, target, expected }) => {
    expectDecision(decideSpan(member(actor, "Sales", { id: "actor" }), member(target, "EMEA", { id: "target" })), expected);
  });
});

// The member-action outcome for one case, from the literal tables above.
function actionOutcome(c: SpanCase, action: MemberAction): Outcome {
  if (c.relation === "self") return action === "view" ? ALLOWED : FORBIDDEN;
  if (c.relation === "other organization") return NOT_FOUND;
  if (!c.row.may.includes(action)) return FORBIDDEN;
  // Seeing needs reach and a lower rank only.
  if (action === "view") return c.span === NOT_FOUND ? NOT_FOUND : ALLOWED;
  return c.span;
}

describe("decideMemberAction from the console: permission, then span", () => {
  const cases = ALL_ACTIONS.flatMap((action) => spanCases().map((c) => ({ ...c, action, expected: actionOutcome(c, action) })));

  it.each(cases)("$actor $action $kind ($target) in $relation: $expected", (c) => {
    const { actor, target } = build(c);
    expectDecision(decideMemberAction(actor, target, c.action), c.expected);
  });

  it("lets even the roles without any members permission view their own account", () => {
    for (const key of ["user", "bulk_exporter", "bulk_importer"] as const) {
      const self = member(key, "Paris");
      expectDecision(decideMemberAction(self, self, "view"), ALLOWED);
    }
  });

  it("refuses deleting one's own account to the Data Admin too, as FORBIDDEN", () => {
    const self = member("data_admin", "Acme");
    expectDecision(decideMemberAction(self, self, "delete"), FORBIDDEN);
  });

  it("does not confuse two members who share role and group", () => {
    const actor = member("group_admin", "Sales", { id: "a" });
    const colleague = member("group_admin", "Sales", { id: "b" });
    expectDecision(decideMemberAction(actor, colleague, "edit"), NOT_FOUND);
    expectDecision(decideMemberAction(actor, member("user", "Sales", { id: "c" }), "edit"), ALLOWED);
  });
});
