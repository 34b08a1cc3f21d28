// Teams (seed 000's user groups): flat sets of members, and principals for grants. Rule 4:
// membership is a grant, so putting someone in a team (oneself included) needs the power
// to grant them directly everything the team holds.
import { decidePermission, decideSpan } from "../authz";
import type { Db, Tx } from "../db";
import { withUniqueConflict } from "../db/errors";
import { loadMember, toMemberFacts, type ActorContext } from "./actor";
import { auditBy } from "./audit";
import { enforce, notFound, StewardError } from "./errors";
import { membersVisibleTo } from "./members";
import { decideGainedGrants } from "./side-paths";

export async function listTeams(db: Db, actor: ActorContext) {
  const teams = await db.team.findMany({
    where: { organizationId: actor.organizationId },
    include: {
      _count: { select: { members: true, grants: true } },
      // Rule 5: who belongs to a team is shown only within the viewer's span.
      members: {
        where: { membership: membersVisibleTo(actor) },
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
    memberCount: t._count.members,
    grantCount: t._count.grants,
    members: t.members.map((m) => ({ membershipId: m.membershipId, name: m.membership.user.name, email: m.membership.user.email })),
  }));
}

export async function createTeam(db: Db, actor: ActorContext, input: { name: string; description: string }) {
  enforce(decidePermission(actor, "teams.manage"), "Team");
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const team = await tx.team.create({ data: { organizationId: actor.organizationId, name: input.name, description: input.description } });
        await auditBy(tx, actor, { action: "team.create", targetType: "Team", targetId: team.id, after: input });
        return { id: team.id };
      }),
    () => new StewardError("CONFLICT", `There is already a team named ${input.name}.`),
  );
}

async function loadTeam(tx: Tx, actor: ActorContext, teamId: string) {
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId } });
  if (!team) throw notFound("Team");
  return team;
}

export async function updateTeam(db: Db, actor: ActorContext, input: { teamId: string; name: string; description: string }) {
  enforce(decidePermission(actor, "teams.manage"), "Team");
  return withUniqueConflict(
    () =>
      db.$transaction(async (tx) => {
        const team = await loadTeam(tx, actor, input.teamId);
        await tx.team.update({ where: { id: team.id }, data: { name: input.name, description: input.description } });
        await auditBy(tx, actor, {
          action: "team.update",
          targetType: "Team",
          targetId: team.id,
          before: { name: team.name, description: team.description },
          after: { name: input.name, description: input.description },
        });
        return { id: team.id };
      }),
    () => new StewardError("CONFLICT", `There is already a team named ${input.name}.`),
  );
}

/** Deleting a team removes its grants with it (its members lose what only the team gave). */
export async function deleteTeam(db: Db, actor: ActorContext, teamId: string) {
  enforce(decidePermission(actor, "teams.manage"), "Team");
  return db.$transaction(async (tx) => {
    const team = await loadTeam(tx, actor, teamId);
    const counts = { members: await tx.teamMember.count({ where: { teamId } }), grants: await tx.grant.count({ where: { teamId } }) };
    await tx.team.delete({ where: { id: team.id } });
    await auditBy(tx, actor, { action: "team.delete", targetType: "Team", targetId: team.id, before: { name: team.name, ...counts } });
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
  enforce(decidePermission(actor, "teams.manage"), "Team");
  return db.$transaction(async (tx) => {
    const team = await loadTeam(tx, actor, input.teamId);
    const target = await loadTeamTarget(tx, actor, input.membershipId);
    if (await tx.teamMember.findUnique({ where: { teamId_membershipId: { teamId: team.id, membershipId: target.id } } })) {
      throw new StewardError("CONFLICT", `${target.user.name} is already in ${team.name}.`);
    }
    enforce(await decideGainedGrants(tx, actor, { teamId: team.id }, `Adding ${target.user.name} to ${team.name}`), "Team");
    await tx.teamMember.create({ data: { teamId: team.id, membershipId: target.id } });
    await auditBy(tx, actor, { action: "team.addMember", targetType: "Team", targetId: team.id, after: { membershipId: target.id, name: target.user.name } });
    return { teamId: team.id, membershipId: target.id };
  });
}

export async function removeTeamMember(db: Db, actor: ActorContext, input: { teamId: string; membershipId: string }) {
  enforce(decidePermission(actor, "teams.manage"), "Team");
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
