// Teams (seed 000's user groups): flat sets of members, and principals for grants. Rule 4:
// membership is a grant, so putting someone in a team (oneself included) needs the power
// to grant them directly everything the team holds.
import {
  decideDeleteTeam,
  decideManageTeam,
  decideMoveTeam,
  decideSpan,
  decideTeamAnchor,
  decideTeamMembership,
  describeTypeGrant,
  type TeamFacts,
} from "../authz";
import type { Db, Tx } from "../db";
import { withUniqueConflict } from "../db/errors";
import { loadMember, toMemberFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";
import { decideGainedGrants } from "./side-paths";
import { membersVisibleTo } from "../authz/members.sql";

const groupSelect = { select: { id: true, name: true, path: true } } as const;
type TeamRow = { name: string; group: { name: string; path: string } | null };
const teamFacts = (t: TeamRow): TeamFacts => ({ name: t.name, anchor: t.group });

/**
 * The teams the actor manages, by name, for a picker (an invitation's teams): each with the
 * group it belongs to, and none of its members (listTeams reads every team's members, which
 * at thousands of teams is seconds of work a picker does not need). Joining still asks the
 * whole decision when the invitation is sent.
 */
export async function teamPickerOptions(db: Db, actor: ActorContext) {
  const teams = await db.team.findMany({
    where: { organizationId: actor.organizationId },
    select: { id: true, name: true, group: groupSelect },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return teams
    .filter((t) => decideManageTeam(actor, teamFacts(t)).allowed)
    .map((t) => ({ id: t.id, name: t.name, group: t.group ? { id: t.group.id, name: t.group.name } : null }));
}

export async function listTeams(db: Db, actor: ActorContext) {
  // Rule 5: who belongs to a team is shown, and counted, only within the viewer's span.
  const inSpan = { membership: membersVisibleTo(actor) };
  const teams = await db.team.findMany({
    where: { organizationId: actor.organizationId },
    include: {
      group: groupSelect,
      _count: { select: { members: { where: inSpan }, grants: true } },
      typeGrants: { select: { resourceType: true, capabilities: true, mayCreate: true }, orderBy: { resourceType: "asc" } },
      members: {
        where: inSpan,
        include: { membership: { include: { user: { select: { name: true, email: true } } } } },
        orderBy: { addedAt: "asc" },
      },
    },
    orderBy: { name: "asc" },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    group: t.group ? { id: t.group.id, name: t.group.name } : null,
    canManage: decideManageTeam(actor, teamFacts(t)).allowed,
    memberCount: t._count.members,
    grantCount: t._count.grants,
    /** Its organization-wide access, in words ("View only on all servers"). */
    organizationWide: t.typeGrants.map((g) => describeTypeGrant(g, g.resourceType)),
    members: t.members.map((m) => ({ membershipId: m.membershipId, name: m.membership.user.name, email: m.membership.user.email })),
  }));
}

/** The group a team is anchored at, or null for an organization-wide team; another organization's group is NOT_FOUND. */
async function loadAnchor(tx: Tx, actor: ActorContext, groupId: string | null) {
  if (!groupId) return null;
  const group = await tx.group.findFirst({ where: { id: groupId, organizationId: actor.organizationId }, ...groupSelect });
  if (!group) throw notFound("Group", actor);
  return group;
}

export async function createTeam(db: Db, actor: ActorContext, input: { name: string; description: string; groupId?: string | null }) {
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const group = await loadAnchor(tx, actor, input.groupId ?? null);
        enforce(decideTeamAnchor(actor, group), "Team");
        const team = await tx.team.create({
          data: { organizationId: actor.organizationId, name: input.name, description: input.description, groupId: group?.id ?? null },
        });
        await auditBy(tx, actor, { action: "team.create", targetType: "Team", targetId: team.id, after: { ...input, group: group?.name ?? null } });
        return { id: team.id };
      }),
    () => new StewardError("CONFLICT", `There is already a team named ${input.name}.`),
  );
}

/** The team and the actor's right to manage it (a team outside the actor's reach is still named: the list shows every team). */
async function loadTeam(tx: Tx, actor: ActorContext, teamId: string) {
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, include: { group: groupSelect } });
  if (!team) throw notFound("Team");
  enforce(decideManageTeam(actor, teamFacts(team)), "Team");
  return team;
}

/** Renames a team, or moves it to another group (or to the whole organization) when every member fits there. */
export async function updateTeam(db: Db, actor: ActorContext, input: { teamId: string; name: string; description: string; groupId?: string | null }) {
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const team = await loadTeam(tx, actor, input.teamId);
        const group = input.groupId === undefined ? team.group : await loadAnchor(tx, actor, input.groupId);
        if (group?.id !== team.group?.id) {
          const outside = group
            ? await tx.teamMember.count({ where: { teamId: team.id, membership: { group: { path: { not: { startsWith: group.path } } } } } })
            : 0;
          enforce(decideMoveTeam(actor, teamFacts(team), group, outside), "Team");
        }
        const after = { name: input.name, description: input.description, groupId: group?.id ?? null };
        await tx.team.update({ where: { id: team.id }, data: after });
        await auditBy(tx, actor, {
          action: "team.update",
          targetType: "Team",
          targetId: team.id,
          before: { name: team.name, description: team.description, group: team.group?.name ?? null },
          after: { name: input.name, description: input.description, group: group?.name ?? null },
        });
        return { id: team.id };
      }),
    () => new StewardError("CONFLICT", `There is already a team named ${input.name}.`),
  );
}

/** Deleting a team removes its grants and organization-wide access with it (its members lose
 * what only the team gave); like revoking, taking access away needs no holding of it. */
export async function deleteTeam(db: Db, actor: ActorContext, teamId: string) {
  return db.$transaction(async (tx) => {
    const team = await loadTeam(tx, actor, teamId);
    const [members, grants, organizationWide, inSpan] = await Promise.all([
      tx.teamMember.count({ where: { teamId } }),
      tx.grant.count({ where: { teamId } }),
      tx.typeGrant.findMany({ where: { teamId }, select: { resourceType: true, capabilities: true, mayCreate: true } }),
      tx.teamMember.count({ where: { teamId, OR: [{ membershipId: actor.membershipId }, { membership: membersVisibleTo(actor) }] } }),
    ]);
    enforce(decideDeleteTeam(actor, teamFacts(team), members - inSpan), "Team");
    await tx.team.delete({ where: { id: team.id } });
    await auditBy(tx, actor, { action: "team.delete", targetType: "Team", targetId: team.id, before: { name: team.name, members, grants, organizationWide } });
    return { id: team.id };
  });
}

/** Oneself, or a member in span (rule 3); NOT_FOUND outside it. */
async function loadTeamTarget(tx: Tx, actor: ActorContext, membershipId: string) {
  const target = await loadMember(tx, actor, membershipId);
  if (target.id !== actor.membershipId) enforce(decideSpan(actor, toMemberFacts(target)), "Member", actor);
  return target;
}

export async function addTeamMember(db: Db, actor: ActorContext, input: { teamId: string; membershipId: string }) {
  return db.$transaction(async (tx) => {
    const team = await loadTeam(tx, actor, input.teamId);
    const target = await loadTeamTarget(tx, actor, input.membershipId);
    enforce(decideTeamMembership(teamFacts(team), { name: target.user.name, group: target.group }), "Team");
    if (await tx.teamMember.findUnique({ where: { teamId_membershipId: { teamId: team.id, membershipId: target.id } } })) {
      throw new StewardError("CONFLICT", `${target.user.name} is already in ${team.name}.`);
    }
    enforce(await decideGainedGrants(tx, actor, { teamIds: [team.id] }, `Adding ${target.user.name} to ${team.name}`), "Team");
    await tx.teamMember.create({ data: { teamId: team.id, membershipId: target.id } });
    await auditBy(tx, actor, { action: "team.addMember", targetType: "Team", targetId: team.id, after: { membershipId: target.id, name: target.user.name } });
    return { teamId: team.id, membershipId: target.id };
  });
}

export async function removeTeamMember(db: Db, actor: ActorContext, input: { teamId: string; membershipId: string }) {
  return db.$transaction(async (tx) => {
    const team = await loadTeam(tx, actor, input.teamId);
    const target = await loadTeamTarget(tx, actor, input.membershipId);
    const removed = await tx.teamMember.deleteMany({ where: { teamId: team.id, membershipId: target.id } });
    if (!removed.count) throw new StewardError("BAD_REQUEST", `${target.user.name} is not in ${team.name}.`);
    await auditBy(tx, actor, {
      action: "team.removeMember",
      targetType: "Team",
      targetId: team.id,
      before: { membershipId: target.id, name: target.user.name },
    });
    return { teamId: team.id, membershipId: target.id };
  });
}
