// Invitations (seed 001: "The user account must be activated by the activation link sent
// by email"). Inviting obeys the same rules as creating a member; nothing exists for the
// invitee until they accept, and acceptance re-checks that the inviter still may give
// the role and group, since authority is judged when it is used.
import { decideCreateMember, decideEmailDomain, decideOrganizationOpen, decideJoinTeams, decidePermission, type Decision, type TeamFacts } from "../authz";
import { linkTokenHash, newLinkToken } from "../auth/link-token";
import { hashPassword } from "../auth/password";
import type { Db, Tx } from "../db";
import { withUniqueConflict } from "../db/errors";
import type { InvitationStatus } from "../db/generated/client";
import { appUrl } from "../email/config";
import { enqueueEmail } from "../email/outbox";
import { loadActor, toGroupFacts, toRoleFacts, type ActorContext } from "./actor";
import { audit, auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";
import { effectivePolicyAt, enforcePasswordLength } from "./policies";
import { decideGainedGrants, groupGrantsGained } from "./side-paths";
import { invitationsInReach } from "../authz/members.sql";
import { email as emailSchema } from "../routers/_schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

export const INVITATION_STATES = ["PENDING", "EXPIRED", "ACCEPTED", "REVOKED"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

function stateOf(inv: { status: InvitationStatus; expiresAt: Date }, now = new Date()): InvitationState {
  return inv.status === "PENDING" && inv.expiresAt <= now ? "EXPIRED" : inv.status;
}

export function invitationLink(organizationSlug: string, token: string) {
  return `${appUrl()}/join/${organizationSlug}/${token}`;
}

type RoleRow = Parameters<typeof toRoleFacts>[0] & { organizationId: string };
type GroupRow = Parameters<typeof toGroupFacts>[0];

function decideInvite(actor: ActorContext, group: GroupRow | null, role: RoleRow): Decision {
  if (!group) return { allowed: false, code: "FORBIDDEN", reason: "The group of this invitation was deleted." };
  return decideCreateMember(actor, toGroupFacts(group), { ...toRoleFacts(role), organizationId: role.organizationId });
}

/** Serializes invitations of one address to one organization (no two pending at once). */
async function lockAddress(tx: Tx, organizationId: string, email: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invite:${organizationId}:${email}`}))`;
}

async function sendInvitationEmail(
  tx: Tx,
  inv: { organizationId: string; email: string; inviterName: string; inviterEmail: string; expiresAt: Date },
  context: { organizationName: string; organizationSlug: string; roleName: string; groupName: string; token: string },
) {
  const existingAccount = (await tx.user.count({ where: { email: inv.email } })) > 0;
  await enqueueEmail(tx, {
    organizationId: inv.organizationId,
    to: inv.email,
    message: {
      kind: "invitation",
      props: {
        organizationName: context.organizationName,
        inviterName: inv.inviterName,
        inviterEmail: inv.inviterEmail,
        roleName: context.roleName,
        groupName: context.groupName,
        link: invitationLink(context.organizationSlug, context.token),
        expiresAt: inv.expiresAt,
        existingAccount,
      },
    },
  });
}

export type InviteResult = { email: string; outcome: "invited" | "skipped"; reason: string; invitationId: string | null };

/** Invites each address; one address's refusal does not stop the others. */
const teamJoinSelect = { id: true, name: true, group: { select: { name: true, path: true } } } as const;
const asTeamFacts = (t: { name: string; group: { name: string; path: string } | null }): TeamFacts => ({ name: t.name, anchor: t.group });

/** The invitation's teams: of this organization, managed by the actor, fitting the invitee's group, and joinable (rule 4: the team's grants). */
async function checkTeams(db: Db | Tx, actor: ActorContext, teamIds: string[], group: { name: string; path: string }) {
  if (!teamIds.length) return [];
  enforce(decidePermission(actor, "teams.manage"), "Team", actor);
  const teams = await db.team.findMany({ where: { organizationId: actor.organizationId, id: { in: teamIds } }, select: teamJoinSelect });
  if (teams.length !== new Set(teamIds).size) throw notFound("Team", actor);
  enforce(decideJoinTeams(actor, teams.map(asTeamFacts), { name: "The person invited", group }), "Team", actor);
  enforce(await decideGainedGrants(db, actor, { teamIds: teams.map((t) => t.id) }, "Joining those teams"), "Team", actor);
  return teams;
}

export async function inviteMembers(
  db: Db,
  actor: ActorContext,
  input: { emails: string[]; roleId: string; groupId: string; teamIds?: string[] },
): Promise<InviteResult[]> {
  const [group, role, organization, inviter] = await Promise.all([
    db.group.findFirst({ where: { id: input.groupId, organizationId: actor.organizationId } }),
    db.role.findFirst({ where: { id: input.roleId, organizationId: actor.organizationId } }),
    db.organization.findUniqueOrThrow({ where: { id: actor.organizationId } }),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } }),
  ]);
  if (!group) throw notFound("Group", actor);
  if (!role) throw notFound("Role", actor);
  enforce(decideInvite(actor, group, role), "Group", actor);
  enforce(await decideGainedGrants(db, actor, groupGrantsGained(null, group.path), `Inviting someone to ${group.name}`), "Group", actor);
  const teams = await checkTeams(db, actor, [...new Set(input.teamIds ?? [])], group);
  // The group's effective policy decides the link's lifetime and the domains it may go to.
  const policy = await effectivePolicyAt(db, group.path);
  const { invitationTtlDays, allowedEmailDomains } = policy.values;
  const domainsFrom = policy.sources.allowedEmailDomains?.groupName ?? group.name;

  // Each address is answered on its own, a mistyped one too: one bad address in a pasted
  // list must not refuse the others. Repeats are answered once.
  const results: InviteResult[] = [];
  const seen = new Set<string>();
  for (const raw of input.emails) {
    const parsed = emailSchema.safeParse(raw);
    const email = parsed.success ? parsed.data : raw.trim();
    if (seen.has(email)) continue;
    seen.add(email);
    if (!parsed.success) {
      results.push({ email, outcome: "skipped", reason: "Not a valid email address: nobody was invited at it.", invitationId: null });
      continue;
    }
    const domain = decideEmailDomain(email, allowedEmailDomains, domainsFrom);
    if (!domain.allowed) {
      results.push({ email, outcome: "skipped", reason: domain.reason, invitationId: null });
      continue;
    }
    const { token, tokenHash } = newLinkToken();
    results.push(
      await db.$transaction(async (tx): Promise<InviteResult> => {
        await lockAddress(tx, actor.organizationId, email);
        const member = await tx.membership.findFirst({ where: { organizationId: actor.organizationId, user: { email } }, select: { id: true } });
        if (member) return { email, outcome: "skipped", reason: "Already a member of this organization.", invitationId: null };
        const pending = await tx.invitation.findFirst({
          where: { organizationId: actor.organizationId, email, status: "PENDING", expiresAt: { gt: new Date() } },
        });
        if (pending)
          return { email, outcome: "skipped", reason: "Already invited and not yet accepted; resend that invitation instead.", invitationId: pending.id };

        const inv = await tx.invitation.create({
          data: {
            organizationId: actor.organizationId,
            email,
            roleId: role.id,
            groupId: group.id,
            invitedByUserId: actor.userId,
            inviterName: inviter.name,
            inviterEmail: inviter.email,
            teamIds: teams.map((t) => t.id),
            tokenHash,
            expiresAt: new Date(Date.now() + invitationTtlDays * DAY_MS),
          },
        });
        await sendInvitationEmail(tx, inv, {
          organizationName: organization.name,
          organizationSlug: organization.slug,
          roleName: role.name,
          groupName: group.name,
          token,
        });
        await auditBy(tx, actor, {
          action: "invitation.create",
          targetType: "Invitation",
          targetId: inv.id,
          after: {
            email,
            roleId: role.id,
            role: role.name,
            groupId: group.id,
            group: group.name,
            teams: teams.map((t) => t.name),
            expiresAt: inv.expiresAt.toISOString(),
          },
        });
        return {
          email,
          outcome: "invited",
          reason: `Invitation sent; it expires in ${invitationTtlDays} day${invitationTtlDays === 1 ? "" : "s"}.`,
          invitationId: inv.id,
        };
      }),
    );
  }
  return results;
}

function whereState(state: InvitationState | undefined, now: Date) {
  switch (state) {
    case undefined:
      return {};
    case "PENDING":
      return { status: "PENDING" as const, expiresAt: { gt: now } };
    case "EXPIRED":
      return { status: "PENDING" as const, expiresAt: { lte: now } };
    default:
      return { status: state };
  }
}

export async function listInvitations(db: Db, actor: ActorContext, input: { state?: InvitationState; page: number; pageSize: number }) {
  const now = new Date();
  const where = { ...invitationsInReach(actor), ...whereState(input.state, now) };
  const [total, rows] = await db.$transaction([
    db.invitation.count({ where }),
    db.invitation.findMany({
      where,
      include: { role: true, group: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return {
    total,
    rows: rows.map((inv) => {
      const state = stateOf(inv, now);
      const manageable = inv.role !== null && decideInvite(actor, inv.group, inv.role).allowed;
      return {
        id: inv.id,
        email: inv.email,
        state,
        role: inv.role?.name ?? inv.roleName,
        group: inv.group?.name ?? null,
        teamCount: inv.teamIds.length,
        invitedBy: { name: inv.inviterName, email: inv.inviterEmail },
        createdAt: inv.createdAt,
        expiresAt: inv.expiresAt,
        lastSentAt: inv.lastSentAt,
        sendCount: inv.sendCount,
        acceptedAt: inv.acceptedAt,
        revokedAt: inv.revokedAt,
        revokedBy: inv.revokedByName,
        can: { resend: manageable && (state === "PENDING" || state === "EXPIRED"), revoke: manageable && state === "PENDING" },
      };
    }),
  };
}

/** The role an invitation offers; one whose role was deleted since can no longer be used. */
function offeredRole<R>(inv: { role: R | null; roleName: string }): R {
  if (!inv.role)
    throw new StewardError("PRECONDITION_FAILED", `The role this invitation offered (${inv.roleName}) was deleted; invite again with another role.`);
  return inv.role;
}

async function loadManageable(tx: Tx, actor: ActorContext, invitationId: string) {
  const inv = await tx.invitation.findFirst({ where: { id: invitationId, ...invitationsInReach(actor) }, include: { role: true, group: true } });
  if (!inv) throw notFound("Invitation", actor);
  const role = offeredRole(inv);
  enforce(decideInvite(actor, inv.group, role), "Invitation", actor);
  return { ...inv, role };
}

/** A new link (the old one stops working) and a new expiry. Works on expired invitations too. */
export async function resendInvitation(db: Db, actor: ActorContext, invitationId: string) {
  const { token, tokenHash } = newLinkToken();
  return db.$transaction(async (tx) => {
    const inv = await loadManageable(tx, actor, invitationId);
    const state = stateOf(inv);
    if (state === "ACCEPTED") throw new StewardError("PRECONDITION_FAILED", `${inv.email} already accepted this invitation.`);
    if (state === "REVOKED") throw new StewardError("PRECONDITION_FAILED", `This invitation was revoked; invite ${inv.email} again instead.`);
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    // loadManageable has checked the group exists (decideInvite needs it in reach).
    const policy = await effectivePolicyAt(tx, inv.group!.path);
    const { invitationTtlDays } = policy.values;
    const domain = decideEmailDomain(inv.email, policy.values.allowedEmailDomains, policy.sources.allowedEmailDomains?.groupName ?? inv.group!.name);
    if (!domain.allowed) throw new StewardError("PRECONDITION_FAILED", `${domain.reason} Revoke this invitation instead.`);
    const updated = await tx.invitation.update({
      where: { id: inv.id },
      data: { tokenHash, expiresAt: new Date(Date.now() + invitationTtlDays * DAY_MS), lastSentAt: new Date(), sendCount: { increment: 1 } },
    });
    await sendInvitationEmail(tx, updated, {
      organizationName: organization.name,
      organizationSlug: organization.slug,
      roleName: inv.role.name,
      groupName: inv.group!.name,
      token,
    });
    await auditBy(tx, actor, {
      action: "invitation.resend",
      targetType: "Invitation",
      targetId: inv.id,
      before: { expiresAt: inv.expiresAt.toISOString() },
      after: { expiresAt: updated.expiresAt.toISOString(), sendCount: updated.sendCount },
    });
    return { id: inv.id, email: inv.email, expiresAt: updated.expiresAt };
  });
}

export async function revokeInvitation(db: Db, actor: ActorContext, invitationId: string) {
  return db.$transaction(async (tx) => {
    const inv = await loadManageable(tx, actor, invitationId);
    const revoker = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    const done = await tx.invitation.updateMany({
      where: { id: inv.id, status: "PENDING", expiresAt: { gt: new Date() } },
      data: { status: "REVOKED", revokedAt: new Date(), revokedByName: revoker.name },
    });
    if (done.count === 0)
      throw new StewardError(
        "PRECONDITION_FAILED",
        `The invitation of ${inv.email} is ${stateOf(inv).toLowerCase()}; only pending invitations can be revoked.`,
      );
    await auditBy(tx, actor, {
      action: "invitation.revoke",
      targetType: "Invitation",
      targetId: inv.id,
      before: { status: "PENDING" },
      after: { status: "REVOKED" },
    });
    return { id: inv.id, email: inv.email };
  });
}

// ---- The invitee's side: the link, and accepting it ----------------------------------

const INVALID_LINK =
  "This invitation link is not valid. It may have been cut off or mistyped; copy the whole link from the email, or ask the person who invited you to send it again.";

function explainClosed(
  inv: {
    status: InvitationStatus;
    expiresAt: Date;
    inviterName: string;
    inviterEmail: string;
    acceptedAt: Date | null;
    revokedAt: Date | null;
    revokedByName: string | null;
  },
  orgName: string,
): string {
  const ask = `Ask ${inv.inviterName} (${inv.inviterEmail}) for a new invitation.`;
  switch (stateOf(inv)) {
    case "EXPIRED":
      return `This invitation to ${orgName} expired on ${day(inv.expiresAt)}. ${ask}`;
    case "REVOKED":
      return `This invitation to ${orgName} was withdrawn${inv.revokedByName ? ` by ${inv.revokedByName}` : ""} on ${day(inv.revokedAt ?? inv.expiresAt)}. ${ask}`;
    case "ACCEPTED":
      return `This invitation to ${orgName} was already used on ${day(inv.acceptedAt ?? inv.expiresAt)}. Sign in with the account that accepted it.`;
    case "PENDING":
      return "";
  }
}

const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

async function findByLink(db: Db | Tx, organizationSlug: string, token: string) {
  const tokenHash = linkTokenHash(token);
  const inv = tokenHash ? await db.invitation.findUnique({ where: { tokenHash }, include: { organization: true, role: true, group: true } }) : null;
  if (!inv || inv.organization.deletedAt) throw new StewardError("NOT_FOUND", INVALID_LINK);
  // A suspended organization takes nobody in; the link works again once it is resumed.
  const open = decideOrganizationOpen(inv.organization);
  if (!open.allowed) throw new StewardError(open.code, open.reason);
  if (inv.organization.slug !== organizationSlug) {
    throw new StewardError("BAD_REQUEST", `This invitation is not for the organization “${organizationSlug}”. Open the link exactly as it was emailed.`);
  }
  return { ...inv, role: offeredRole(inv), roleId: offeredRole(inv).id };
}

export type InvitationPreview = {
  organization: { name: string; slug: string };
  email: string;
  role: string;
  group: string;
  invitedBy: { name: string; email: string };
  expiresAt: Date;
  /** Teams they join with it. */
  teams: string[];
  /** Whether the invitee already has a Steward account (then they sign in to join). */
  accountExists: boolean;
  /** Who is signed in, compared with the invitee. */
  viewer: "anonymous" | "invitee" | "someone-else";
};

/** What the link's page shows; a closed invitation is refused with what happened. */
export async function previewInvitation(db: Db, input: { organizationSlug: string; token: string; viewerUserId: string | null }): Promise<InvitationPreview> {
  const inv = await findByLink(db, input.organizationSlug, input.token);
  if (stateOf(inv) !== "PENDING") throw new StewardError("PRECONDITION_FAILED", explainClosed(inv, inv.organization.name));
  const account = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  const teams = await db.team.findMany({
    where: { organizationId: inv.organizationId, id: { in: inv.teamIds } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return {
    teams: teams.map((t) => t.name),
    organization: { name: inv.organization.name, slug: inv.organization.slug },
    email: inv.email,
    role: inv.role.name,
    group: inv.group?.name ?? "(deleted group)",
    invitedBy: { name: inv.inviterName, email: inv.inviterEmail },
    expiresAt: inv.expiresAt,
    accountExists: !!account,
    viewer: !input.viewerUserId ? "anonymous" : input.viewerUserId === account?.id ? "invitee" : "someone-else",
  };
}

export type AcceptInput = {
  organizationSlug: string;
  token: string;
  /** The signed-in person, when the invitee already has an account. */
  viewerUserId: string | null;
  /** For a new account. */
  name?: string;
  password?: string;
};

/** Accepts once: the PENDING → ACCEPTED update is conditional, so of two simultaneous
 * acceptances one wins and the other is told the link was used. */
export async function acceptInvitation(db: Db, input: AcceptInput): Promise<{ organizationSlug: string; email: string; newAccount: boolean }> {
  // The link is checked before any password hashing, so that a made-up link costs no argon2
  // work; the transaction checks it again.
  const open = await findByLink(db, input.organizationSlug, input.token);
  if (stateOf(open) !== "PENDING") throw new StewardError("PRECONDITION_FAILED", explainClosed(open, open.organization.name));
  const accountExists = (await db.user.count({ where: { email: open.email } })) > 0;
  if (open.group) {
    const effective = await effectivePolicyAt(db, open.group.path);
    const policy = effective.values;
    const domain = decideEmailDomain(open.email, policy.allowedEmailDomains, effective.sources.allowedEmailDomains?.groupName ?? open.group.name);
    if (!domain.allowed) throw new StewardError("PRECONDITION_FAILED", `This invitation is no longer valid: ${domain.reason}`);
    if (input.password && !accountExists) enforcePasswordLength(input.password, { length: policy.minPasswordLength, organization: open.organization.name });
  }
  const passwordHash = input.password && !accountExists ? await hashPassword(input.password) : null;
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const inv = await findByLink(tx, input.organizationSlug, input.token);
        const now = new Date();
        const claimed = await tx.invitation.updateMany({
          where: { id: inv.id, status: "PENDING", expiresAt: { gt: now } },
          data: { status: "ACCEPTED", acceptedAt: now },
        });
        if (claimed.count === 0) {
          const latest = await tx.invitation.findUniqueOrThrow({ where: { id: inv.id } });
          throw new StewardError("PRECONDITION_FAILED", explainClosed(latest, inv.organization.name));
        }

        // The inviter's authority, judged now (rule: authority is evaluated when used).
        const stillAllowed = inv.invitedByUserId ? await inviterMayStillInvite(tx, inv.invitedByUserId, inv.organization.slug, inv) : false;
        if (!stillAllowed) {
          throw new StewardError(
            "PRECONDITION_FAILED",
            `This invitation is no longer valid: ${inv.inviterName} can no longer give the role ${inv.role.name}${inv.group ? ` in ${inv.group.name}` : " (its group was deleted)"}. Ask another administrator of ${inv.organization.name} for a new invitation.`,
          );
        }

        const existing = await tx.user.findUnique({ where: { email: inv.email }, include: { memberships: { where: { organizationId: inv.organizationId } } } });
        let userId: string;
        if (existing) {
          if (input.viewerUserId !== existing.id) {
            throw new StewardError("UNAUTHORIZED", `${inv.email} already has a Steward account: sign in as ${inv.email} to join ${inv.organization.name}.`);
          }
          if (existing.memberships.length) throw new StewardError("CONFLICT", `${inv.email} is already a member of ${inv.organization.name}.`);
          userId = existing.id;
        } else {
          if (!input.name || !passwordHash) throw new StewardError("BAD_REQUEST", "Choose your name and a password to activate your account.");
          const user = await tx.user.create({ data: { email: inv.email, name: input.name, passwordHash } });
          userId = user.id;
        }
        const membership = await tx.membership.create({
          data: { userId, organizationId: inv.organizationId, groupId: inv.group!.id, roleId: inv.roleId, status: "ACTIVE" },
        });
        // Teams deleted since the invitation are skipped; the rest were checked with the inviter above.
        const teams = await tx.team.findMany({ where: { organizationId: inv.organizationId, id: { in: inv.teamIds } }, select: { id: true, name: true } });
        if (teams.length) await tx.teamMember.createMany({ data: teams.map((t) => ({ teamId: t.id, membershipId: membership.id })) });
        await tx.invitation.update({ where: { id: inv.id }, data: { acceptedUserId: userId } });
        await audit(tx, {
          organizationId: inv.organizationId,
          actorUserId: userId,
          action: "invitation.accept",
          targetType: "Membership",
          targetId: membership.id,
          after: {
            invitationId: inv.id,
            email: inv.email,
            roleId: inv.roleId,
            role: inv.role.name,
            groupId: inv.group!.id,
            group: inv.group!.name,
            teams: teams.map((t) => t.name),
            newAccount: !existing,
          },
        });
        return { organizationSlug: inv.organization.slug, email: inv.email, newAccount: !existing };
      }),
    () => new StewardError("CONFLICT", "An account with this address was just created. Sign in with it and open the link again."),
  );
}

async function inviterMayStillInvite(
  tx: Tx,
  inviterUserId: string,
  organizationSlug: string,
  inv: { group: GroupRow | null; role: RoleRow; teamIds: string[] },
) {
  try {
    const inviter = await loadActor(tx, inviterUserId, organizationSlug);
    if (!decideInvite(inviter, inv.group, inv.role).allowed || !inv.group) return false;
    // Grants given to the group since the invitation was sent count too (rule 4).
    if (!(await decideGainedGrants(tx, inviter, groupGrantsGained(null, inv.group.path), "Joining")).allowed) return false;
    if (!inv.teamIds.length) return true;
    const teams = await tx.team.findMany({ where: { id: { in: inv.teamIds } }, select: teamJoinSelect });
    if (!decideJoinTeams(inviter, teams.map(asTeamFacts), { name: "The person invited", group: inv.group }).allowed) return false;
    return (await decideGainedGrants(tx, inviter, { teamIds: inv.teamIds }, "Joining")).allowed;
  } catch (error) {
    if (error instanceof StewardError && error.code === "NOT_FOUND") return false;
    throw error;
  }
}
