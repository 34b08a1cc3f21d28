// Personal API tokens (seed 000: "the configured access levels also apply to API tokens";
// its Administrator and Read-only have "no access to API tokens"). A token is never more than
// its member now: each request is decided as that member at that moment, then narrowed by the
// token's own limits (read-only, some permissions). Pure: facts in, decisions out.
import { decidePermission, type Actor, type Decision, type MemberFacts, type RoleFacts } from "./decision";
import { decideMemberAction } from "./members";
import { isPermission, PERMISSIONS } from "./permissions";

export const TOKEN_PREFIX = "stw_";
/** Days a token lives unless its creator chooses: the default, and the most one may choose. */
export const TOKEN_LIFETIME_DAYS = { default: 90, max: 365 } as const;

/** A token as the decisions need it. */
export type TokenFacts = {
  readOnly: boolean;
  /** Empty: every permission of the member's role. */
  permissions: readonly string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** The member's session version when the token was made. */
  sessionVersion: number;
  createdAt: Date;
};

/** The member behind a token, at the moment of a request. */
export type TokenHolderFacts = {
  role: Pick<RoleFacts, "name" | "permissions">;
  /** Their account's session version now: a password change or 2FA reset bumps it (rule 9). */
  sessionVersion: number;
  /** Set when their membership was disabled: tokens made before it end (rule 9). */
  sessionsValidFrom: Date | null;
};

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string): Decision => ({ allowed: false, reason, code: "FORBIDDEN" });

/** Making a token: "Use API tokens", and any narrowing within the role's own permissions. */
export function decideCreateToken(actor: Actor, permissions: readonly string[]): Decision {
  const permission = decidePermission(actor, "tokens.use");
  if (!permission.allowed) return permission;
  const unknown = permissions.filter((p) => !isPermission(p));
  if (unknown.length) return deny(`${unknown.join(", ")} is not a permission.`);
  const beyond = permissions.filter((p) => !actor.role.permissions.includes(p));
  if (beyond.length) {
    const names = beyond.map((p) => `“${PERMISSIONS[p as keyof typeof PERMISSIONS].label}”`).join(", ");
    return deny(`A token holds at most what your role ${actor.role.name} holds, which does not include ${names}.`);
  }
  return allow(`Your role ${actor.role.name} has “${PERMISSIONS["tokens.use"].label}”.`);
}

/** A new token's lifetime in days (null: it never expires) under the policy of the member's
 * group: at most its API token lifetime, and "never" only where that lifetime is 0 (no limit). */
export function decideTokenLifetime(days: number | null, policyDays: number): Decision {
  if (policyDays === 0) return allow("Your group's policy puts no limit on API tokens' lifetime.");
  if (days === null) return deny(`Your group's policy lets an API token live at most ${policyDays} days: choose when it expires.`);
  if (days > policyDays) return deny(`Your group's policy lets an API token live at most ${policyDays} days.`);
  return allow(`Your group's policy lets an API token live up to ${policyDays} days.`);
}

/** A token older than its member's policy now allows stops working: tightening the policy
 * reaches the tokens made before it. */
export function decideTokenAge(token: Pick<TokenFacts, "createdAt">, policyDays: number, now: Date): { allowed: true } | { allowed: false; reason: string } {
  if (policyDays === 0 || now.getTime() - token.createdAt.getTime() <= policyDays * 86_400_000) return { allowed: true };
  return { allowed: false, reason: `This API token is older than the ${policyDays} days its owner's group policy now allows; make a new one.` };
}

/** Seeing and revoking a member's tokens: one's own always (even after losing the
 * permission), another's with "Edit member info" over them (rule 3). */
export function decideManageTokensOf(actor: Actor, target: MemberFacts): Decision {
  if (target.membershipId === actor.membershipId) return allow("These are your own tokens.");
  return decideMemberAction(actor, target, "edit");
}

/**
 * Whether a token may act now, or why it may not (a 401 for its caller): revoked, expired,
 * ended by a password change, a 2FA reset or signing out everywhere (its member's session
 * version moved on), or by the membership's disabling (rule 9), or its member's role no
 * longer holding "Use API tokens".
 */
export function decideTokenUse(token: TokenFacts, holder: TokenHolderFacts, now: Date): { allowed: true } | { allowed: false; reason: string } {
  if (token.revokedAt) return { allowed: false, reason: "This API token has been revoked." };
  if (token.expiresAt && token.expiresAt <= now) return { allowed: false, reason: `This API token expired on ${token.expiresAt.toISOString().slice(0, 10)}.` };
  if (holder.sessionVersion !== token.sessionVersion) {
    return { allowed: false, reason: "This API token ended when its owner's password or two-factor sign-in changed, or they were signed out everywhere." };
  }
  if (holder.sessionsValidFrom && holder.sessionsValidFrom > token.createdAt) {
    return { allowed: false, reason: "This API token ended when its owner's membership was disabled." };
  }
  if (!holder.role.permissions.includes("tokens.use")) {
    return { allowed: false, reason: `This API token's owner's role ${holder.role.name} no longer has “${PERMISSIONS["tokens.use"].label}”.` };
  }
  return { allowed: true };
}

/** The role a request through this token acts with: the member's role now, narrowed to the
 * token's permissions when it names some. Never more than the role. */
export function narrowRole<R extends Pick<RoleFacts, "permissions">>(role: R, token: Pick<TokenFacts, "permissions">): R {
  if (!token.permissions.length) return role;
  return { ...role, permissions: role.permissions.filter((p) => token.permissions.includes(p)) };
}

/** What a read-only token may not do: anything that changes something. */
export function decideTokenCall(token: Pick<TokenFacts, "readOnly">, kind: "query" | "mutation" | "subscription"): Decision {
  if (token.readOnly && kind !== "query") return deny("This API token is read-only: it cannot change anything.");
  return allow("");
}
