// The instance's own rules: who may create organizations, who operates the instance, and
// what becomes of a suspended organization. Operators are a property of the account, not
// of any membership: these decisions never look at a role, and no decision about members,
// groups or resources ever looks at `isOperator` (rule 1 holds for operators too).
import { allow, deny, type Decision } from "./decision";

export const ORGANIZATION_CREATION = ["OPERATORS", "MEMBERS", "OPEN"] as const;
export type OrganizationCreation = (typeof ORGANIZATION_CREATION)[number];

export const ORGANIZATION_CREATION_LABELS: Record<OrganizationCreation, { label: string; description: string }> = {
  OPERATORS: { label: "Operators only", description: "Only the instance's operators create organizations. People join by invitation." },
  MEMBERS: { label: "Any signed-in account", description: "Anyone with an account here (invited to some organization) may create their own." },
  OPEN: { label: "Anyone", description: "People may sign up at /signup, confirm their email address, then create their organization." },
};

export type AccountFacts = { isOperator: boolean };

/** Who may create an organization under the instance's setting. */
export function decideCreateOrganization(setting: OrganizationCreation, account: AccountFacts): Decision {
  if (account.isOperator) return allow("Instance operators may always create organizations.");
  if (setting === "OPERATORS") return deny("On this Steward only its operators create organizations. Ask one of them to create yours.");
  return allow(setting === "OPEN" ? "Anyone may create an organization here." : "Any signed-in account may create an organization here.");
}

/** Whether /signup takes new accounts. */
export function decideSignUp(setting: OrganizationCreation): Decision {
  return setting === "OPEN"
    ? allow("Anyone may sign up here.")
    : deny("This Steward does not take sign-ups. Ask an administrator of your organization to invite you.");
}

/** Operators' own procedures (/admin). */
export function decideOperate(account: AccountFacts): Decision {
  return account.isOperator ? allow("You operate this Steward.") : deny("Only the operators of this Steward may manage the instance.");
}

/** Removing an operator: never the last one, or nobody could manage the instance again. */
export function decideRemoveOperator(target: AccountFacts, operatorCount: number): Decision {
  if (!target.isOperator) return deny("This account is not an operator.");
  if (operatorCount <= 1) return deny("This is the last operator: add another before removing this one, or nobody could manage the instance.");
  return allow("Another operator remains.");
}

export type OrganizationState = { name: string; suspendedAt: Date | null; suspendedReason: string; deletedAt: Date | null };

/** A member's request in an organization: refused while an operator has it suspended. A
 * deleted organization is simply not found, like one that never existed. */
export function decideOrganizationOpen(org: OrganizationState): Decision {
  if (org.deletedAt) return deny("Organization not found.", "NOT_FOUND");
  if (org.suspendedAt) {
    const why = org.suspendedReason ? ` Reason given: ${org.suspendedReason}` : "";
    return deny(`${org.name} is suspended by the operators of this Steward; nobody can use it until they resume it.${why}`);
  }
  return allow("");
}

/** Slugs: the organization's address, /o/<slug>. Lower-case letters, digits and single
 * hyphens inside, 2 to 40 characters. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,39}$/;

// ---- The organization's own life, decided for its members -----------------------------

/** Only the owner changes the organization's address or deletes it (seed 002: the first
 * admin is the organization's; an admin of the same rank is not). */
export function decideOwnerAction(actor: { isOwner: boolean; organizationName?: string }, what: string): Decision {
  return actor.isOwner ? allow("You own this organization.") : deny(`Only the owner of the organization may ${what}.`);
}

/** Any member but the owner may leave; the owner first hands the organization to someone else. */
export function decideLeaveOrganization(actor: { isOwner: boolean }): Decision {
  return actor.isOwner
    ? deny("You own this organization: transfer its ownership to another member (on their page under Members) before leaving, or delete it.")
    : allow("Members may leave an organization.");
}
