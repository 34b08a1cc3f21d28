// Organization policies that decide who may act at all: a session that survived a disable
// (rule 9), and the two-factor requirement. Pure.
import { allow, deny, type Decision, type RoleFacts } from "./decision";

// ---- Two-factor policy ----------------------------------------------------------------

/**
 * Rule 9: a session begun before the membership was last disabled is over in that
 * organization, even after it is enabled again (its other organizations are theirs to
 * decide). NOT_FOUND, as for a member who is disabled now.
 */
export function decideSessionInOrganization(sessionStartedAt: Date | null, sessionsValidFrom: Date | null): Decision {
  if (!sessionsValidFrom) return allow("Your membership was never disabled.");
  if (sessionStartedAt && sessionStartedAt.getTime() > sessionsValidFrom.getTime()) return allow("You signed in after your membership was last enabled.");
  return deny("Your membership was disabled after you signed in; sign in again.", "NOT_FOUND");
}

export type TwoFactorPolicy = "OFF" | "ADMINS" | "EVERYONE";

/** Whether the organization's policy requires this member to use two-factor sign-in. */
export function decideTwoFactorRequired(policy: TwoFactorPolicy, role: Pick<RoleFacts, "name" | "permissions">): Decision {
  if (policy === "EVERYONE") return allow("Your organization requires two-factor sign-in for everyone.");
  if (policy === "ADMINS" && role.permissions.length > 0) {
    return allow(`Your organization requires two-factor sign-in for administrative roles such as ${role.name}.`);
  }
  return deny("Two-factor sign-in is optional for you.");
}
