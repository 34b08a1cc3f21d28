// Demo data: the organization "Acme", a group tree five levels deep and members of every
// built-in role placed so that spans of control can be seen at work. Logins in README.
import { BUILT_IN_ROLES, type BuiltInRoleKey } from "../server/authz";
import type { Db, Tx } from "../server/db";
import { newLinkToken } from "../server/auth/link-token";
import { hashPassword } from "../server/auth/password";
import { audit } from "../server/services/audit";
import { createOrganization } from "../server/services/setup";

export const DEMO_PASSWORD = "steward-demo";
export const DEMO_DOMAIN = "acme.test";

// Paths below the root group "Acme".
const TREE = [
  "Sales",
  "Sales/EMEA",
  "Sales/EMEA/Paris",
  "Sales/EMEA/Paris/Retail",
  "Sales/EMEA/Berlin",
  "Sales/Americas",
  "Sales/Americas/New York",
  "Engineering",
  "Engineering/Platform",
  "Engineering/Platform/Databases",
  "Engineering/Mobile",
  "Support Desk",
];

export const DEMO_ADMINS: Array<{ login: string; name: string; role: BuiltInRoleKey; group: string }> = [
  { login: "dana", name: "Dana Data-Admin", role: "data_admin", group: "" },
  { login: "adam", name: "Adam Admin", role: "admin", group: "" },
  { login: "sofia", name: "Sofia Support", role: "support", group: "Support Desk" },
  { login: "rico", name: "Rico Restore", role: "support_restore", group: "Support Desk" },
  { login: "tess", name: "Tess Technician", role: "support_technician", group: "Support Desk" },
  { login: "eve", name: "Eve Exporter", role: "bulk_exporter", group: "" },
  { login: "ian", name: "Ian Importer", role: "bulk_importer", group: "" },
  { login: "gina", name: "Gina Group-Data-Admin", role: "group_data_admin", group: "Sales" },
  { login: "gary", name: "Gary Group-Admin", role: "group_admin", group: "Sales/EMEA" },
  { login: "grace", name: "Grace Group-Restore", role: "group_support_restore", group: "Sales/EMEA/Paris" },
  { login: "gus", name: "Gus Group-Technician", role: "group_support_technician", group: "Engineering" },
];

/** An end user to sign in as: a User in Sales/EMEA (Gary's span) and in the Operations team. */
export const DEMO_END_USER = { login: "chloe.nguyen", name: "Chloé Nguyen", group: "Sales/EMEA" };

const FIRST = [
  "Ada",
  "Ben",
  "Chloé",
  "Dev",
  "Elif",
  "Femi",
  "Greta",
  "Hiro",
  "Inès",
  "Jon",
  "Kira",
  "Luca",
  "Mona",
  "Nils",
  "Omar",
  "Pia",
  "Quinn",
  "Rosa",
  "Sven",
  "Tara",
  "Uli",
  "Vera",
  "Wes",
  "Xia",
  "Yusuf",
  "Zoe",
];
const LAST = ["Martin", "Okafor", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Haddad", "Tanaka", "Silva", "Dubois"];
/** The i-th end user's last name: the second round of first names takes other last names, so
 * every address is a plain first.last without a number. */
const lastName = (i: number) => LAST[(i + Math.floor(i / FIRST.length)) % LAST.length]!;

export async function createDemo(db: Db): Promise<{ created: boolean; slug: string }> {
  const existing = await db.organization.findFirst({ where: { name: "Acme", memberships: { some: { user: { email: `dana@${DEMO_DOMAIN}` } } } } });
  if (existing) return { created: false, slug: existing.slug };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      const org = await createOrganization(tx, {
        name: "Acme",
        owner: { email: `dana@${DEMO_DOMAIN}`, name: "Dana Data-Admin", passwordHash, mustChangePassword: false },
      });
      const groupIds = new Map<string, { id: string; path: string }>([["", { id: org.rootGroupId, path: `/${org.rootGroupId}/` }]]);
      for (const p of TREE) {
        const parentPath = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
        const parent = groupIds.get(parentPath)!;
        const g = await tx.group.create({
          data: { organizationId: org.organizationId, parentId: parent.id, name: p.split("/").pop()!, path: "", depth: p.split("/").length },
        });
        const path = `${parent.path}${g.id}/`;
        await tx.group.update({ where: { id: g.id }, data: { path } });
        groupIds.set(p, { id: g.id, path });
      }
      const roles = new Map((await tx.role.findMany({ where: { organizationId: org.organizationId } })).map((r) => [r.builtInKey, r.id]));
      const people = [
        ...DEMO_ADMINS.filter((a) => a.login !== "dana"),
        ...Array.from({ length: 48 }, (_, i) => ({
          login: `${FIRST[i % FIRST.length]!.toLowerCase()
            .normalize("NFKD")
            .replace(/[^a-z]/g, "")}.${lastName(i).toLowerCase()}`,
          name: `${FIRST[i % FIRST.length]} ${lastName(i)}`,
          role: "user" as BuiltInRoleKey,
          group: ["", ...TREE][i % (TREE.length + 1)]!,
        })),
      ];
      for (const [i, p] of people.entries()) {
        const user = await tx.user.upsert({
          where: { email: `${p.login}@${DEMO_DOMAIN}` },
          update: {},
          create: { email: `${p.login}@${DEMO_DOMAIN}`, name: p.name, passwordHash },
        });
        await tx.membership.create({
          data: {
            userId: user.id,
            organizationId: org.organizationId,
            groupId: groupIds.get(p.group)!.id,
            roleId: roles.get(p.role)!,
            status: i % 17 === 16 ? "DISABLED" : "ACTIVE",
          },
        });
      }
      // Invitations in each state; their links were never sent (Resend makes a working one).
      const inviters = await tx.user.findMany({ where: { email: { in: [`dana@${DEMO_DOMAIN}`, `gary@${DEMO_DOMAIN}`] } } });
      const by = (login: string) => inviters.find((u) => u.email.startsWith(`${login}@`))!;
      const DAY = 24 * 60 * 60 * 1000;
      const invitations = [
        { email: "nadia.new@example.com", role: "user", group: "Sales/EMEA", inviter: "gary", sentDaysAgo: 1 },
        { email: "omar.osei@example.com", role: "support", group: "Support Desk", inviter: "dana", sentDaysAgo: 2 },
        { email: "paula.late@example.com", role: "user", group: "Engineering", inviter: "dana", sentDaysAgo: 9 },
        { email: "quentin.q@example.com", role: "user", group: "Sales", inviter: "dana", sentDaysAgo: 3, revoked: true },
      ] as const;
      for (const inv of invitations) {
        const sentAt = new Date(Date.now() - inv.sentDaysAgo * DAY);
        await tx.invitation.create({
          data: {
            organizationId: org.organizationId,
            email: inv.email,
            roleId: roles.get(inv.role)!,
            groupId: groupIds.get(inv.group)!.id,
            invitedByUserId: by(inv.inviter).id,
            inviterName: by(inv.inviter).name,
            inviterEmail: by(inv.inviter).email,
            tokenHash: newLinkToken().tokenHash,
            createdAt: sentAt,
            lastSentAt: sentAt,
            expiresAt: new Date(sentAt.getTime() + 7 * DAY),
            ...("revoked" in inv ? { status: "REVOKED" as const, revokedAt: new Date(sentAt.getTime() + DAY), revokedByName: by("dana").name } : {}),
          },
        });
      }
      await demoResources(tx, org.organizationId, groupIds);
      await audit(tx, {
        organizationId: org.organizationId,
        actorUserId: null,
        action: "demo.create",
        targetType: "Organization",
        targetId: org.organizationId,
        after: { groups: TREE.length + 1, members: people.length + 1 },
      });
      return { created: true, slug: org.slug };
    },
    { timeout: 60_000 },
  );
}

/** Teams, resources of every type, grants through each kind of principal, and two weeks of runs. */
async function demoResources(tx: Tx, organizationId: string, groupIds: Map<string, { id: string; path: string }>) {
  const memberships = await tx.membership.findMany({
    where: { organizationId },
    include: { user: { select: { email: true, name: true } }, group: { select: { path: true } } },
  });
  const m = (login: string) => memberships.find((x) => x.user.email === `${login}@${DEMO_DOMAIN}`)!;
  const ops = await tx.team.create({ data: { organizationId, name: "Operations", description: "Runs the nightly jobs and watches the servers." } });
  const analysts = await tx.team.create({ data: { organizationId, name: "Analysts", description: "Read the CRM sync reports." } });
  const userLogins = memberships.map((x) => x.user.email.split("@")[0]!).filter((login) => login.includes("."));
  for (const login of userLogins.slice(0, 5)) await tx.teamMember.create({ data: { teamId: ops.id, membershipId: m(login).id } });
  for (const login of userLogins.slice(5, 9)) await tx.teamMember.create({ data: { teamId: analysts.id, membershipId: m(login).id } });
  // A team that belongs to a group: the Sales group admins manage it, and only Sales people join it.
  const sales = groupIds.get("Sales")!;
  const desk = await tx.team.create({ data: { organizationId, name: "Sales desk", description: "Sales' own on-call rota.", groupId: sales.id } });
  for (const login of userLogins.filter((l) => m(l).group.path.startsWith(sales.path)).slice(0, 3)) {
    await tx.teamMember.create({ data: { teamId: desk.id, membershipId: m(login).id } });
  }

  const resources = [
    { type: "server", name: "web-01", description: "Public web server, Frankfurt.", owner: "adam" },
    { type: "server", name: "db-01", description: "Primary PostgreSQL server.", owner: "adam" },
    { type: "storage", name: "backups-eu", description: "Object storage for nightly backups.", owner: "dana" },
    { type: "job", name: "nightly-backup", description: "Backs up db-01 to backups-eu every night.", owner: "adam" },
    { type: "job", name: "crm-sync", description: "Syncs the CRM into the data warehouse.", owner: "gary" },
    { type: "task", name: "rotate-logs", description: "Rotates and compresses web-01's logs.", owner: "adam" },
    { type: "monitor", name: "uptime-web", description: "Pings web-01 every minute.", owner: "adam" },
    { type: "endpoint", name: "s3-archive", description: "Cold archive bucket (private).", owner: "dana", private: true },
  ] as const;
  const ids = new Map<string, string>();
  for (const r of resources) {
    const row = await tx.resource.create({
      data: { organizationId, type: r.type, name: r.name, description: r.description, ownerId: m(r.owner).id, private: "private" in r ? r.private : false },
    });
    ids.set(r.name, row.id);
  }
  const grant = (resource: string, kind: "MEMBER" | "TEAM" | "GROUP" | "EMAIL", ref: string, capabilities: string[]) =>
    tx.grant.create({
      data: {
        organizationId,
        resourceId: ids.get(resource)!,
        kind,
        principalKey: `${kind.toLowerCase()}:${ref}`,
        ...(kind === "MEMBER" ? { membershipId: ref } : kind === "TEAM" ? { teamId: ref } : kind === "GROUP" ? { groupId: ref } : { email: ref }),
        capabilities,
      },
    });
  await grant("nightly-backup", "TEAM", ops.id, ["view", "run"]);
  await grant("rotate-logs", "TEAM", ops.id, ["view", "run"]);
  await grant("uptime-web", "TEAM", ops.id, ["view"]);
  await grant("crm-sync", "TEAM", analysts.id, ["view"]);
  await grant("crm-sync", "GROUP", groupIds.get("Sales")!.id, ["view"]);
  await grant("nightly-backup", "MEMBER", m("tess").id, ["view", "run", "edit"]);
  await grant("s3-archive", "MEMBER", m("eve").id, ["data", "share"]);
  await grant("nightly-backup", "EMAIL", "oncall@example.com", []);
  // Organization-wide access: Operations watches every server, and Analysts may create jobs of their own.
  const typeGrant = (teamId: string, resourceType: string, capabilities: string[], mayCreate = false) =>
    tx.typeGrant.create({ data: { organizationId, resourceType, kind: "TEAM", principalKey: `team:${teamId}`, teamId, capabilities, mayCreate } });
  await typeGrant(ops.id, "server", ["view"]);
  await typeGrant(analysts.id, "job", [], true);

  // Two weeks of runs, a few a day, by the Operations team: most succeed, some fail, and
  // today's last run of the backup is still waiting for its outcome.
  const runners = userLogins.slice(0, 5).map((l) => m(l).user.name);
  for (let d = 13; d >= 0; d--) {
    for (let k = 0; k < ((d * 7) % 4) + 1; k++) {
      const at = new Date(Date.now() - d * 86_400_000 - k * 3_600_000 - 600_000);
      const job = k % 2 ? "rotate-logs" : "nightly-backup";
      const runner = runners[(d + k) % runners.length]!;
      const running = d === 0 && k === 0;
      const failed = !running && (d + 2 * k) % 5 === 0;
      await tx.resourceActivity.create({
        data: {
          organizationId,
          resourceId: ids.get(job)!,
          actorName: runner,
          action: "run",
          result: running ? "RUNNING" : failed ? "FAILED" : "SUCCEEDED",
          at,
          day: at.toISOString().slice(0, 10),
          ...(running
            ? {}
            : {
                finishedAt: new Date(at.getTime() + (3 + ((d + k) % 9)) * 60_000),
                finishedByName: runner,
                output: failed ? "rsync: connection unexpectedly closed (0 bytes received so far)\nexit status 12" : "",
              }),
        },
      });
    }
  }
}

export const demoRoles = () => BUILT_IN_ROLES.map((r) => r.name);
