// Roles of an organization, for the roles page and pickers.
import { decidePermission } from "../authz";
import type { Db } from "../db";
import type { ActorContext } from "./actor";
import { enforce } from "./errors";

export async function listRoles(db: Db, actor: ActorContext) {
  enforce(decidePermission(actor, "roles.view"), "Role", actor);
  const roles = await db.role.findMany({ where: { organizationId: actor.organizationId }, orderBy: [{ rank: "desc" }, { name: "asc" }] });
  return roles.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    rank: r.rank,
    reach: r.reach,
    builtIn: r.builtInKey !== null,
    permissions: r.permissions,
    isYours: r.id === actor.role.id,
  }));
}
