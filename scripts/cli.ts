// Steward's operator commands: npm run steward -- <command> [options]
//
//   setup --org NAME --email EMAIL [--name NAME] [--role-set KEY]
//                                                  first organization and its owner; prints
//                                                  a one-time password (headless installs)
//   org create --name N --owner EMAIL [--slug S] [--role-set KEY]
//   org list | org suspend SLUG [--reason R] | org resume SLUG | org delete SLUG --confirm NAME
//   operator add EMAIL | operator remove EMAIL | operator list
//   instance show | instance set organization-creation operators|members|open
//   demo                                           the demo organization "Acme" (see README)
//   migrate                                        apply pending database migrations
//   prune                                          delete expired rows now (the mail worker
//                                                  also does it hourly)
//   rotate-key                                     re-encrypt stored secrets under the first
//                                                  key of STEWARD_ENCRYPTION_KEY
//
// With the embedded database, stop the server first: one process at a time opens it.
import { parseArgs } from "node:util";
import { createDemo, DEMO_ADMINS, DEMO_DOMAIN, DEMO_END_USER, DEMO_PASSWORD } from "../prisma/demo";
import { createDb } from "../server/db";
import { openConnection } from "../server/db/connection";
import { applyMigrations } from "../server/db/schema-engine";
import { encryptionKeys, EncryptionKeyConfigError } from "../server/auth/encryption-key";
import { describePruned, pruneExpired, retentionFromEnv, type Retention } from "../server/maintenance/prune";
import { describeRotation, rotateEncryptionKey, unreadableTotal } from "../server/services/key-rotation";
import { StewardError } from "../server/services/errors";
import { setupFirstOrganization, syncBuiltInRoles } from "../server/services/setup";
import {
  BUILT_IN_ROLES,
  ORGANIZATION_CREATION,
  ORGANIZATION_CREATION_LABELS,
  ROLE_SET_KEYS,
  SLUG_PATTERN,
  type OrganizationCreation,
  type RoleSetKey,
} from "../server/authz";
import {
  addOperator,
  createOrganizationFromCli,
  deleteOrganization,
  listOperators,
  listOrganizations,
  organizationBySlug,
  organizationCreationSetting,
  removeOperator,
  resumeOrganization,
  setOrganizationCreation,
  suspendOrganization,
} from "../server/services/tenants";

const USAGE = `Usage: npm run steward -- <command>

  setup --org NAME --email EMAIL [--name NAME] [--role-set seed-000|seed-001]
      Create the first organization and its owner (a Data Admin); prints a one-time
      password to change at first sign-in. Refused once any organization exists.
      --role-set adds seed 000's console roles or seed 001's access profiles as custom
      roles, just below the owner's.
  org create --name NAME --owner EMAIL [--slug SLUG] [--role-set seed-000|seed-001]
      Create an organization owned by the account with that address (made now, with a
      one-time password printed, when there is none). Allowed whatever the instance's
      setting says: whoever runs this holds the server.
  org list
      Every organization: address, name, members, owner, suspended or not.
  org suspend SLUG [--reason TEXT]  |  org resume SLUG
      Suspend an organization (its members are refused at their next request and its
      email waits) or resume it.
  org delete SLUG --confirm NAME
      Delete an organization and all its data; --confirm must repeat its name.
  operator add EMAIL  |  operator remove EMAIL  |  operator list
      Instance operators manage organizations and the instance at /admin. The last
      operator cannot be removed.
  instance show  |  instance set organization-creation operators|members|open
      Who may create organizations: operators only (the default), any signed-in account,
      or anyone (people sign up at /signup).
  demo
      Create the demo organization "Acme" with a group tree and members of every role.
  migrate
      Apply pending database migrations.
  prune
      Delete what is no longer kept: sent emails after 30 days (STEWARD_OUTBOX_RETENTION_DAYS),
      failed ones after 90, used or expired account links after 1 day, ended sessions after
      30 days, stale sign-in counters. Prints how many rows of each kind went.
  rotate-key
      Re-encrypt every stored secret (TOTP secrets, email contents) under the first key of
      STEWARD_ENCRYPTION_KEY, with the keys after it (and NEXTAUTH_SECRET, for values from
      before Steward had its own key) only to decrypt. Afterwards those can be removed.
      Running it again reseals nothing new.`;

async function withDatabase<T>(run: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  // Operators' commands (migrations, pruning, the demo) may run longer than a request may.
  const conn = openConnection({ timeouts: false });
  try {
    await applyMigrations(conn.factory);
    const db = createDb(conn);
    await syncBuiltInRoles(db);
    try {
      return await run(db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await conn.close();
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case "setup": {
      const { values } = parseArgs({
        args: rest,
        options: { org: { type: "string" }, email: { type: "string" }, name: { type: "string" }, "role-set": { type: "string" } },
      });
      if (!values.org || !values.email) throw new UsageError("setup needs --org NAME and --email EMAIL");
      const roleSet = values["role-set"];
      if (roleSet !== undefined && !ROLE_SET_KEYS.includes(roleSet as RoleSetKey)) {
        throw new UsageError(`--role-set: “${roleSet}” is not one of ${ROLE_SET_KEYS.join(", ")}`);
      }
      const email = values.email.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`--email: “${values.email}” is not a valid email address`);
      const result = await withDatabase((db) =>
        setupFirstOrganization(db, {
          organizationName: values.org!.trim(),
          ownerEmail: email,
          ownerName: values.name?.trim() || email.split("@")[0]!,
          roleSet: roleSet as RoleSetKey | undefined,
        }),
      );
      console.log(`Created organization “${values.org}” (/o/${result.slug}) owned by ${email}.`);
      console.log(`One-time password: ${result.oneTimePassword}`);
      console.log("It is shown only now; it must be changed at first sign-in.");
      return;
    }
    case "org":
      return orgCommand(rest);
    case "operator":
      return operatorCommand(rest);
    case "instance":
      return instanceCommand(rest);
    case "demo": {
      const result = await withDatabase((db) => createDemo(db));
      console.log(
        result.created ? `Created the demo organization Acme (/o/${result.slug}).` : `The demo organization Acme already exists (/o/${result.slug}).`,
      );
      console.log(`Every demo login uses the password “${DEMO_PASSWORD}”:`);
      for (const a of [...DEMO_ADMINS, { ...DEMO_END_USER, role: "user" as const }]) {
        const role = BUILT_IN_ROLES.find((r) => r.key === a.role)!.name;
        console.log(`  ${`${a.login}@${DEMO_DOMAIN}`.padEnd(24)} ${role.padEnd(26)} ${a.group ? `Acme/${a.group}` : "Acme"}`);
      }
      return;
    }
    case "migrate": {
      const conn = openConnection({ timeouts: false });
      try {
        const applied = await applyMigrations(conn.factory);
        console.log(applied.length ? `Applied ${applied.join(", ")}` : `${conn.describe} is up to date`);
        const db = createDb(conn);
        await syncBuiltInRoles(db);
        await db.$disconnect();
      } finally {
        await conn.close();
      }
      return;
    }
    case "prune": {
      let retention: Retention;
      try {
        retention = retentionFromEnv();
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const counts = await withDatabase((db) => pruneExpired(db, new Date(), retention));
      console.log(`Deleted ${describePruned(counts)}.`);
      return;
    }
    case "rotate-key": {
      try {
        encryptionKeys();
      } catch (err) {
        if (err instanceof EncryptionKeyConfigError) throw new UsageError(err.message);
        throw err;
      }
      const report = await withDatabase((db) => rotateEncryptionKey(db));
      console.log(`Re-encrypted stored secrets under key ${report.kid}:`);
      for (const line of describeRotation(report)) console.log(`  ${line}`);
      const unreadable = unreadableTotal(report);
      if (unreadable) {
        console.error(
          `${unreadable} value${unreadable === 1 ? "" : "s"} could not be decrypted and stay as they were: add the keys named above after the first one in STEWARD_ENCRYPTION_KEY and run rotate-key again. Keep the old keys until none is left.`,
        );
        process.exitCode = 1;
      } else {
        console.log("No stored secret needs an older key (or NEXTAUTH_SECRET) any more: the keys after the first can be removed.");
      }
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command “${command}”` : "No command given");
  }
}

class UsageError extends Error {}

function roleSetOption(value: string | undefined): RoleSetKey | undefined {
  if (value !== undefined && !ROLE_SET_KEYS.includes(value as RoleSetKey))
    throw new UsageError(`--role-set: “${value}” is not one of ${ROLE_SET_KEYS.join(", ")}`);
  return value as RoleSetKey | undefined;
}

function emailArgument(value: string | undefined, what: string): string {
  const email = value?.trim().toLowerCase() ?? "";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`${what}: “${value ?? ""}” is not a valid email address`);
  return email;
}

async function orgCommand(argv: string[]) {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "create": {
      const { values } = parseArgs({
        args: rest,
        options: {
          name: { type: "string" },
          owner: { type: "string" },
          slug: { type: "string" },
          "owner-name": { type: "string" },
          "role-set": { type: "string" },
        },
      });
      const name = values.name?.trim() ?? "";
      if (name.length < 2 || name.length > 80) throw new UsageError("org create needs --name NAME (2 to 80 characters) and --owner EMAIL");
      const ownerEmail = emailArgument(values.owner, "--owner");
      const slug = values.slug?.trim().toLowerCase();
      if (slug !== undefined && !SLUG_PATTERN.test(slug)) {
        throw new UsageError(`--slug: “${values.slug}” is not an address: 2 to 40 lower-case letters, digits and single hyphens`);
      }
      const roleSet = roleSetOption(values["role-set"]);
      const result = await withDatabase((db) => createOrganizationFromCli(db, { name, slug, roleSet, ownerEmail, ownerName: values["owner-name"] }));
      console.log(`Created organization “${name}” (/o/${result.slug}) owned by ${result.ownerEmail}.`);
      if (result.oneTimePassword) {
        console.log(`One-time password: ${result.oneTimePassword}`);
        console.log("It is shown only now; it must be changed at first sign-in.");
      }
      return;
    }
    case "list": {
      const page = await withDatabase((db) => listOrganizations(db, null, { page: 1, pageSize: 10_000 }));
      if (!page.rows.length) console.log("No organizations.");
      for (const o of page.rows) {
        const state = o.suspendedAt ? `suspended${o.suspendedReason ? ` (${o.suspendedReason})` : ""}` : "active";
        console.log(`/o/${o.slug}\t${o.name}\t${o.members} member${o.members === 1 ? "" : "s"}\towner ${o.owner?.email ?? "none"}\t${state}`);
      }
      return;
    }
    case "suspend":
    case "resume":
    case "delete": {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { reason: { type: "string" }, confirm: { type: "string" } } });
      const [slug] = positionals;
      if (!slug) throw new UsageError(`org ${sub} needs the organization's address (its slug)`);
      if (sub === "delete" && !values.confirm) throw new UsageError("org delete needs --confirm NAME, the organization's name");
      const message = await withDatabase(async (db) => {
        const org = await organizationBySlug(db, slug);
        if (sub === "suspend") {
          await suspendOrganization(db, null, { organizationId: org.id, reason: values.reason?.trim() ?? "" });
          return `Suspended ${org.name} (/o/${org.slug}): its members are refused until it is resumed.`;
        }
        if (sub === "resume") {
          await resumeOrganization(db, null, { organizationId: org.id });
          return `Resumed ${org.name} (/o/${org.slug}).`;
        }
        await deleteOrganization(db, null, { organizationId: org.id, confirmName: values.confirm! }, "operator");
        return `Deleted ${org.name} and all its data.`;
      });
      console.log(message);
      return;
    }
    default:
      throw new UsageError(sub ? `Unknown org command “${sub}”` : "org needs a command: create, list, suspend, resume or delete");
  }
}

async function operatorCommand(argv: string[]) {
  const [sub, address] = argv;
  switch (sub) {
    case "add": {
      const user = await withDatabase((db) => addOperator(db, null, emailArgument(address, "operator add")));
      console.log(`${user.name} (${user.email}) is now an operator of this Steward.`);
      return;
    }
    case "remove": {
      const email = emailArgument(address, "operator remove");
      await withDatabase((db) => removeOperator(db, null, email));
      console.log(`${email} is no longer an operator.`);
      return;
    }
    case "list": {
      // Every operator, a page at a time.
      await withDatabase(async (db) => {
        for (let page = 1; ; page++) {
          const { rows, total, pageSize } = await listOperators(db, null, { page, pageSize: 100 });
          for (const o of rows) console.log(`${o.email}\t${o.name}`);
          if (page * pageSize >= total) break;
        }
      });
      return;
    }
    default:
      throw new UsageError(sub ? `Unknown operator command “${sub}”` : "operator needs a command: add, remove or list");
  }
}

async function instanceCommand(argv: string[]) {
  const [sub, key, value] = argv;
  if (sub === "show") {
    const setting = await withDatabase((db) => organizationCreationSetting(db));
    console.log(`organization-creation: ${setting.toLowerCase()} (${ORGANIZATION_CREATION_LABELS[setting].label})`);
    return;
  }
  if (sub === "set" && key === "organization-creation") {
    const setting = value?.toUpperCase() as OrganizationCreation;
    if (!ORGANIZATION_CREATION.includes(setting)) throw new UsageError(`organization-creation: “${value ?? ""}” is not one of operators, members, open`);
    await withDatabase((db) => setOrganizationCreation(db, null, setting));
    console.log(`organization-creation: ${setting.toLowerCase()} (${ORGANIZATION_CREATION_LABELS[setting].label})`);
    return;
  }
  throw new UsageError("instance needs: show, or set organization-creation operators|members|open");
}

main(process.argv.slice(2)).then(
  // The embedded database and the schema engine leave 10-second timers behind after they
  // close: once everything is closed and written out, leave without waiting for them.
  () => process.stdout.write("", () => process.exit(process.exitCode ?? 0)),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else if (err instanceof StewardError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  },
);
