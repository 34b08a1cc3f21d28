// The peers `npm run bench` compares Steward's decisions with, built on the same seeded
// organization: node-casbin (RBAC with domains, a role hierarchy and the group tree as an
// object hierarchy) and CASL (rules with conditions, built for one actor).
//
// Both answer a narrower question than Steward's rule 3: casbin's model has reach (the
// subtree) but no rank, since ranks are not roles a member holds; CASL's rules have both,
// as conditions on a member object the caller must load first. Neither lists anything.
import { AbilityBuilder, createMongoAbility, subject } from "@casl/ability";
import { newEnforcer, newModelFromString, StringAdapter, type Enforcer } from "casbin";
import type { Db } from "../server/db";
import type { ActorContext } from "../server/services/actor";

const CASBIN_MODEL = `
[request_definition]
r = sub, dom, obj, act

[policy_definition]
p = sub, dom, obj, act

[role_definition]
g = _, _, _
g2 = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = r.dom == p.dom && r.act == p.act && g(r.sub, p.sub, r.dom) && g2(r.obj, p.obj)
`;

/**
 * An enforcer holding the organization: every member's role in the organization's domain
 * (g), each role inheriting the one ranked just below it (g), every member under their home
 * group and every group under its parent (g2), and "members.view" over the root for the
 * organization-wide roles that hold it, over their home group for each holder of a subtree
 * role that does. A request asks whether a member may view `member:<id>`.
 */
export async function casbinEnforcer(db: Db, organizationId: string): Promise<{ enforcer: Enforcer; policies: number; links: number }> {
  const roles = await db.role.findMany({ where: { organizationId }, orderBy: { rank: "desc" } });
  const groups = await db.group.findMany({ where: { organizationId }, select: { id: true, parentId: true } });
  const members = await db.membership.findMany({ where: { organizationId }, select: { id: true, roleId: true, groupId: true } });
  const roleKey = new Map(roles.map((r) => [r.id, `role:${r.builtInKey ?? r.id}`]));
  const root = groups.find((g) => g.parentId === null)!;
  const viewing = (r: (typeof roles)[number]) => r.permissions.includes("members.view");
  const lines: string[] = [];
  for (const r of roles) if (viewing(r) && r.reach === "ORGANIZATION") lines.push(`p, ${roleKey.get(r.id)}, ${organizationId}, group:${root.id}, members.view`);
  const subtreeViewers = new Set(roles.filter((r) => viewing(r) && r.reach === "SUBTREE").map((r) => r.id));
  for (const m of members) if (subtreeViewers.has(m.roleId)) lines.push(`p, ${m.id}, ${organizationId}, group:${m.groupId}, members.view`);
  const policies = lines.length;
  for (let i = 0; i + 1 < roles.length; i++) lines.push(`g, ${roleKey.get(roles[i]!.id)}, ${roleKey.get(roles[i + 1]!.id)}, ${organizationId}`);
  for (const m of members) lines.push(`g, ${m.id}, ${roleKey.get(m.roleId)}, ${organizationId}`);
  for (const g of groups) if (g.parentId) lines.push(`g2, group:${g.id}, group:${g.parentId}`);
  for (const m of members) lines.push(`g2, member:${m.id}, group:${m.groupId}`);
  const enforcer = await newEnforcer(newModelFromString(CASBIN_MODEL), new StringAdapter(lines.join("\n")));
  return { enforcer, policies, links: lines.length - policies };
}

/** A member as CASL's conditions read them, tagged with its subject type. */
export const caslMember = (m: { id: string; groupPath: string; rank: number }) => subject("Member", { ...m });

/** The actor's rules for viewing members (rule 3): themselves, and members of their reach ranked below them. */
export function caslAbility(actor: ActorContext) {
  const { can, build } = new AbilityBuilder(createMongoAbility);
  can("view", "Member", { id: actor.membershipId });
  const below = actor.isOwner ? { $lte: actor.role.rank } : { $lt: actor.role.rank };
  if (actor.role.permissions.includes("members.view") && actor.role.reach !== "SELF") {
    const reach = actor.role.reach === "SUBTREE" ? { groupPath: { $regex: `^${actor.group.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}` } } : {};
    can("view", "Member", { ...reach, rank: below });
  }
  const ability = build();
  return (member: ReturnType<typeof caslMember>) => ability.can("view", member);
}
