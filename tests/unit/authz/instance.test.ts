// server/authz/instance.ts: the instance's own rules (DESIGN.md rule 11 and the Instance
// setting): who creates organizations, who signs up, who operates the instance, the last
// operator, and what a suspended or deleted organization answers. Expected outcomes are
// literal data, written from DESIGN.md and the setting's labels.
import { describe, expect, it } from "vitest";
import {
  decideCreateOrganization,
  decideLeaveOrganization,
  decideOperate,
  decideOwnerAction,
  decideOrganizationOpen,
  decideRemoveOperator,
  decideSignUp,
  ORGANIZATION_CREATION,
  ORGANIZATION_CREATION_LABELS,
  type OrganizationCreation,
  type OrganizationState,
  SLUG_PATTERN,
} from "@/server/authz";
import { ALLOWED, expectDecision, FORBIDDEN, NOT_FOUND, type Outcome } from "./expect-decision";

const OPERATOR = { isOperator: true };
const ACCOUNT = { isOperator: false };

describe("the creation setting", () => {
  it("has exactly three values, each with a label and a description", () => {
    expect([...ORGANIZATION_CREATION]).toEqual(["OPERATORS", "MEMBERS", "OPEN"]);
    for (const value of ORGANIZATION_CREATION) {
      expect(ORGANIZATION_CREATION_LABELS[value].label).not.toBe("");
      expect(ORGANIZATION_CREATION_LABELS[value].description).not.toBe("");
    }
  });
});

describe("decideCreateOrganization", () => {
  // setting, operator?, outcome
  const CASES: Array<[OrganizationCreation, boolean, Outcome]> = [
    ["OPERATORS", true, ALLOWED],
    ["MEMBERS", true, ALLOWED],
    ["OPEN", true, ALLOWED],
    ["OPERATORS", false, FORBIDDEN],
    ["MEMBERS", false, ALLOWED],
    ["OPEN", false, ALLOWED],
  ];
  it.each(CASES)("under %s, operator %s: %s", (setting, isOperator, expected) => {
    expectDecision(decideCreateOrganization(setting, { isOperator }), expected);
  });

  it("explains each answer by the rule that decided it", () => {
    expect(decideCreateOrganization("OPERATORS", OPERATOR).reason).toBe("Instance operators may always create organizations.");
    expect(decideCreateOrganization("OPEN", OPERATOR).reason).toBe("Instance operators may always create organizations.");
    expect(decideCreateOrganization("OPERATORS", ACCOUNT).reason).toBe(
      "On this Steward only its operators create organizations. Ask one of them to create yours.",
    );
    expect(decideCreateOrganization("MEMBERS", ACCOUNT).reason).toBe("Any signed-in account may create an organization here.");
    expect(decideCreateOrganization("OPEN", ACCOUNT).reason).toBe("Anyone may create an organization here.");
  });
});

describe("decideSignUp", () => {
  it.each([
    ["OPERATORS", FORBIDDEN],
    ["MEMBERS", FORBIDDEN],
    ["OPEN", ALLOWED],
  ] as Array<[OrganizationCreation, Outcome]>)("under %s: %s", (setting, expected) => {
    expectDecision(decideSignUp(setting), expected);
  });

  it("tells a refused visitor to ask for an invitation", () => {
    expect(decideSignUp("MEMBERS").reason).toContain("invite you");
  });
});

describe("decideOperate", () => {
  it("lets operators in and refuses everyone else with the reason", () => {
    expectDecision(decideOperate(OPERATOR), ALLOWED);
    const refused = decideOperate(ACCOUNT);
    expectDecision(refused, FORBIDDEN);
    expect(refused.reason).toBe("Only the operators of this Steward may manage the instance.");
  });
});

describe("decideRemoveOperator", () => {
  // target is operator?, operators counted, outcome, reason contains
  const CASES: Array<[boolean, number, Outcome, string]> = [
    [true, 2, ALLOWED, "Another operator remains."],
    [true, 5, ALLOWED, "Another operator remains."],
    [true, 1, FORBIDDEN, "This is the last operator"],
    // A count that a race could report as 0 still refuses.
    [true, 0, FORBIDDEN, "This is the last operator"],
    [false, 3, FORBIDDEN, "This account is not an operator."],
    [false, 1, FORBIDDEN, "This account is not an operator."],
  ];
  it.each(CASES)("target operator %s with %i operators: %s", (isOperator, count, expected, reason) => {
    const decision = decideRemoveOperator({ isOperator }, count);
    expectDecision(decision, expected);
    expect(decision.reason).toContain(reason);
  });
});

describe("decideOrganizationOpen", () => {
  const at = new Date("2026-01-15T10:00:00Z");
  const state = (over: Partial<OrganizationState>): OrganizationState => ({ name: "Acme", suspendedAt: null, suspendedReason: "", deletedAt: null, ...over });

  it("opens a live organization", () => {
    expectDecision(decideOrganizationOpen(state({})), ALLOWED);
  });

  it("refuses a suspended one with a sentence naming it, without a reason when none was given", () => {
    const decision = decideOrganizationOpen(state({ suspendedAt: at }));
    expectDecision(decision, FORBIDDEN);
    expect(decision.reason).toBe("Acme is suspended by the operators of this Steward; nobody can use it until they resume it.");
  });

  it("adds the operators' reason when there is one", () => {
    const decision = decideOrganizationOpen(state({ suspendedAt: at, suspendedReason: "Unpaid invoice." }));
    expectDecision(decision, FORBIDDEN);
    expect(decision.reason).toBe("Acme is suspended by the operators of this Steward; nobody can use it until they resume it. Reason given: Unpaid invoice.");
  });

  it("answers a deleted one as not found, like one that never existed, suspended or not", () => {
    for (const deleted of [state({ deletedAt: at }), state({ deletedAt: at, suspendedAt: at, suspendedReason: "Abuse" })]) {
      const decision = decideOrganizationOpen(deleted);
      expectDecision(decision, NOT_FOUND);
      expect(decision.reason).toBe("Organization not found.");
      expect(decision.reason).not.toContain("Acme");
    }
  });
});

describe("SLUG_PATTERN", () => {
  const ACCEPTED = ["ab", "a1", "1a", "00", "acme", "acme-corp", "a-b", "a-b-c", "acme-2", "x".repeat(40), `${"a-".repeat(19)}ab`];
  const REFUSED = [
    "",
    "a",
    "-",
    "-ab",
    "ab-",
    "a--b",
    "x".repeat(41),
    `${"a-".repeat(20)}a`,
    "Acme",
    "ACME",
    "acme corp",
    "acme_corp",
    "acme.corp",
    "acmé",
    " ab",
    "ab ",
    "ab\n",
    "~deleted~ab",
  ];

  it.each(ACCEPTED)("accepts %j", (slug) => {
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });

  it.each(REFUSED)("refuses %j", (slug) => {
    expect(SLUG_PATTERN.test(slug)).toBe(false);
  });

  it("puts the limit exactly between 40 and 41 characters", () => {
    expect("x".repeat(40)).toHaveLength(40);
    expect(`${"a-".repeat(19)}ab`).toHaveLength(40);
    expect(`${"a-".repeat(20)}a`).toHaveLength(41);
  });
});

describe("the organization's own life", () => {
  it("lets only the owner change its address or delete it, saying what only the owner may do", () => {
    expectDecision(decideOwnerAction({ isOwner: true }, "delete it"), ALLOWED);
    const refused = decideOwnerAction({ isOwner: false }, "change its address");
    expectDecision(refused, FORBIDDEN);
    expect(refused.reason).toBe("Only the owner of the organization may change its address.");
  });

  it("lets any member but the owner leave; the owner is told to transfer ownership first", () => {
    expectDecision(decideLeaveOrganization({ isOwner: false }), ALLOWED);
    const owner = decideLeaveOrganization({ isOwner: true });
    expectDecision(owner, FORBIDDEN);
    expect(owner.reason).toContain("transfer its ownership");
  });
});
