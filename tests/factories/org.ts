// Builds organizations in the database in one line, for integration tests:
//   const acme = await org(db, "Acme").withTree("Sales/EMEA/Paris", "Engineering").withMember("gary", "group_admin", "Sales/EMEA").create();
//   const gary = await acme.signIn("gary");   // a tRPC caller with a real session
import type { BuiltInRoleKey } from "@/server/authz";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { createOrganization } from "@/server/services/setup";
import { signIn } from "../integration/harness";

export const PASSWORD = "factory-password";
let passwordHash: Promise<string> | undefined;

type MemberSpec = { login: string; role: BuiltInRoleKey | string; group: string; status: "ACTIVE" | "INVITED" | "DISABLED" };
type RoleSpec = { name: string; rank: number; reach: "ORGANIZATION" | "SUBTREE" | "SELF"; permissions: string[]; ceiling: string[] };

export type BuiltOrg = Awaited<ReturnType<OrgBuilder["create"]>>;

class OrgBuilder {
  private paths: string[] = [];
  private members: MemberSpec[] = [];
  private customRoles: RoleSpec[] = [];
  constructor(
    private db: Db,
    private name: string,
  ) {}

  /** Group paths below the root, e.g. "Sales/EMEA/Paris" (parents are created too). */
  withTree(...paths: string[]) {
    for (const p of paths) {
      const parts = p.split("/");
      for (let i = 1; i <= parts.length; i++) this.paths.push(parts.slice(0, i).join("/"));
    }
    return this;
  }

  /** A custom role, written as it is (roles.create's checks are the unit tests' business); members take it by name. */
  withRole(role: RoleSpec) {
    this.customRoles.push(role);
    return this;
  }

  /** A member with a built-in role key (or a custom role's name), in a group path ("" = root). */
  withMember(login: string, role: BuiltInRoleKey | string, group = "", status: MemberSpec["status"] = "ACTIVE") {
    this.members.push({ login, role, group, status });
    return this;
  }

  async create() {
    const db = this.db;
    passwordHash ??= hashPassword(PASSWORD);
    const hash = await passwordHash;
    const domain = `${this.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.test`;
    const email = (login: string) => `${login}@${domain}`;
    const built = await db.$transaction(
      async (tx) => {
        const created = await createOrganization(tx, {
          name: this.name,
          owner: { email: email("owner"), name: "Owner", passwordHash: hash, mustChangePassword: false },
        });
        const groups = new Map<string, { id: string; path: string; depth: number }>([
          ["", { id: created.rootGroupId, path: `/${created.rootGroupId}/`, depth: 0 }],
        ]);
        for (const p of [...new Set(this.paths)]) {
          const parentKey = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
          const parent = groups.get(parentKey)!;
          const g = await tx.group.create({
            data: { organizationId: created.organizationId, parentId: parent.id, name: p.split("/").pop()!, path: "", depth: parent.depth + 1 },
          });
          const path = `${parent.path}${g.id}/`;
          await tx.group.update({ where: { id: g.id }, data: { path } });
          groups.set(p, { id: g.id, path, depth: parent.depth + 1 });
        }
        for (const r of this.customRoles) await tx.role.create({ data: { organizationId: created.organizationId, ...r } });
        const roles = await tx.role.findMany({ where: { organizationId: created.organizationId } });
        const members = new Map<string, string>();
        for (const m of this.members) {
          const role = roles.find((r) => r.builtInKey === m.role || r.name === m.role);
          if (!role) throw new Error(`No role ${m.role}`);
          const group = groups.get(m.group);
          if (!group) throw new Error(`No group ${m.group}; add it with withTree`);
          const user = await tx.user.upsert({
            where: { email: email(m.login) },
            update: {},
            create: { email: email(m.login), name: m.login, passwordHash: hash },
          });
          const membership = await tx.membership.create({
            data: { userId: user.id, organizationId: created.organizationId, groupId: group.id, roleId: role.id, status: m.status },
          });
          members.set(m.login, membership.id);
        }
        const owner = await tx.membership.findFirstOrThrow({ where: { organizationId: created.organizationId, isOwner: true } });
        members.set("owner", owner.id);
        return { ...created, groups, roles, members };
      },
      { timeout: 60_000 },
    );
    return {
      id: built.organizationId,
      slug: built.slug,
      email,
      /** Group id by path ("" = root). */
      group: (path: string) => built.groups.get(path)?.id ?? fail(`No group ${path}`),
      /** Membership id by login ("owner" = the owner). */
      member: (login: string) => built.members.get(login) ?? fail(`No member ${login}`),
      /** Role id by built-in key or name. */
      role: (key: string) => built.roles.find((r) => r.builtInKey === key || r.name === key)?.id ?? fail(`No role ${key}`),
      /** A tRPC caller signed in as this member (real credentials check), in this organization. */
      signIn: (login: string) => signIn(db, email(login), PASSWORD, built.slug),
    };
  }
}

function fail(message: string): never {
  throw new Error(message);
}

export function org(db: Db, name: string) {
  return new OrgBuilder(db, name);
}
