// The Bulk Importer's import tool, the one documented exception to rank (seed 004):
// "create and delete end users; manage the group, status or personal information of any
// user regardless of role". Tenant isolation, the own-account rule and the owner rail
// still hold. Expected outcomes are literal data.
import { describe, it } from "vitest";
import { BUILT_IN_ROLES, type BuiltInRoleKey, decideMemberAction, type MemberAction } from "@/server/authz";
import { type GroupName, member } from "../../factories/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

const KEYS = BUILT_IN_ROLES.map((r) => r.key);
const ACTIONS: MemberAction[] = ["view", "edit", "changeRole", "changeGroup", "setStatus", "resetCredentials", "delete"];

// What the import tool does to a non-owner of any rank: personal info (edit), group and
// status always; delete only an end user (User, reach SELF); nothing else.
const IMPORT_TOOL: Record<MemberAction, "any member" | "end users only" | "never"> = {
  view: "never",
  edit: "any member",
  changeRole: "never",
  changeGroup: "any member",
  setStatus: "any member",
  resetCredentials: "never",
  delete: "end users only",
};

function expectedForImporter(target: BuiltInRoleKey, action: MemberAction): Outcome {
  const scope = IMPORT_TOOL[action];
  if (scope === "any member") return ALLOWED;
  if (scope === "end users only") return target === "user" ? ALLOWED : FORBIDDEN;
  return FORBIDDEN;
}

// Targets everywhere in Acme, including outside what any subtree reaches.
const WHERE: GroupName[] = ["Acme", "Paris", "Platform"];

describe("Bulk Importer through the import tool, regardless of rank", () => {
  const cases = KEYS.flatMap((target) =>
    WHERE.flatMap((where) => ACTIONS.map((action) => ({ target, where, action, expected: expectedForImporter(target, action) }))),
  );

  it.each(cases)("$action a $target in $where: $expected", ({ target, where, action, expected }) => {
    const actor = member("bulk_importer", "Sales", { id: "importer" });
    expectDecision(decideMemberAction(actor, member(target, where, { id: "target" }), action, "import"), expected);
  });

  it.each(ACTIONS)("never $action its own account", (action) => {
    const self = member("bulk_importer", "Sales");
    expectDecision(decideMemberAction(self, self, action, "import"), FORBIDDEN);
  });

  it.each(ACTIONS.flatMap((action) => (["user", "data_admin"] as const).map((target) => ({ action, target }))))(
    "cannot $action a $target of another organization: NOT_FOUND",
    ({ action, target }) => {
      expectDecision(decideMemberAction(member("bulk_importer", "Sales"), member(target, "Globex Ops"), action, "import"), NOT_FOUND);
    },
  );

  it.each<{ action: MemberAction; expected: Outcome }>([
    { action: "edit", expected: ALLOWED },
    { action: "changeGroup", expected: ALLOWED },
    { action: "setStatus", expected: FORBIDDEN },
    { action: "delete", expected: FORBIDDEN },
    { action: "changeRole", expected: FORBIDDEN },
  ])("may $action the owner: $expected", ({ action, expected }) => {
    const owner = member("data_admin", "Acme", { id: "owner", isOwner: true });
    expectDecision(decideMemberAction(member("bulk_importer", "Sales"), owner, action, "import"), expected);
  });

  it("may disable a non-owner Data Admin only through the tool, not from the console", () => {
    const actor = member("bulk_importer", "Sales");
    const dataAdmin = member("data_admin", "Acme", { id: "second data admin" });
    expectDecision(decideMemberAction(actor, dataAdmin, "setStatus", "import"), ALLOWED);
    expectDecision(decideMemberAction(actor, dataAdmin, "setStatus", "console"), FORBIDDEN);
    expectDecision(decideMemberAction(actor, member("user", "Paris"), "edit", "console"), FORBIDDEN);
  });
});

// Only roles holding "Bulk import" may use the tool: Data Admin (everything) and Bulk
// Importer. Everyone else is refused, however much else they may do.
const HOLDS_IMPORT: Record<BuiltInRoleKey, boolean> = {
  data_admin: true,
  admin: false,
  support: false,
  support_restore: false,
  support_technician: false,
  bulk_exporter: false,
  bulk_importer: true,
  group_data_admin: false,
  group_admin: false,
  group_support_restore: false,
  group_support_technician: false,
  user: false,
};

describe("the import tool needs the Bulk import permission", () => {
  const cases = KEYS.flatMap((actor) =>
    (["edit", "changeGroup", "setStatus", "delete"] as MemberAction[]).map((action) => ({
      actor,
      action,
      expected: HOLDS_IMPORT[actor] ? ALLOWED : FORBIDDEN,
    })),
  );

  it.each(cases)("$actor may $action a User in EMEA through the tool: $expected", ({ actor, action, expected }) => {
    expectDecision(decideMemberAction(member(actor, "Sales", { id: "actor" }), member("user", "EMEA", { id: "target" }), action, "import"), expected);
  });

  it.each(KEYS.filter((k) => !HOLDS_IMPORT[k]))("%s asking about another organization's member gets NOT_FOUND", (actor) => {
    expectDecision(decideMemberAction(member(actor, "Sales"), member("user", "Globex"), "delete", "import"), NOT_FOUND);
  });

  it("does not let a Group Admin reach outside its subtree through the tool", () => {
    expectDecision(decideMemberAction(member("group_admin", "Sales"), member("user", "Platform"), "setStatus", "import"), FORBIDDEN);
  });
});
