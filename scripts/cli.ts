// Steward's operator commands: npm run steward -- <command> [options]
//
//   setup --org NAME --email EMAIL [--name NAME] [--role-set KEY]
//                                                  first organization and its owner; prints
//                                                  a one-time password (headless installs)
//   demo                                           the demo organization "Acme" (see README)
//   migrate                                        apply pending database migrations
//   prune                                          delete expired rows now (the mail worker
//                                                  also does it hourly)
//   rotate-key                                     re-encrypt stored secrets under the first
//                                                  key of STEWARD_ENCRYPTION_KEY
//
// With the embedded database, stop the server first: one process at a time opens it.
import { parseArgs } from "node:util";
import { createDemo, DEMO_ADMINS, DEMO_DOMAIN, DEMO_PASSWORD } from "../prisma/demo";
import { createDb } from "../server/db";
import { openConnection } from "../server/db/connection";
import { applyMigrations } from "../server/db/schema-engine";
import { encryptionKeys, EncryptionKeyConfigError } from "../server/auth/encryption-key";
import { describePruned, pruneExpired, retentionFromEnv, type Retention } from "../server/maintenance/prune";
import { describeRotation, rotateEncryptionKey, unreadableTotal } from "../server/services/key-rotation";
import { StewardError } from "../server/services/errors";
import { setupFirstOrganization, syncBuiltInRoles } from "../server/services/setup";
import { BUILT_IN_ROLES, ROLE_SET_KEYS, type RoleSetKey } from "../server/authz";

const USAGE = `Usage: npm run steward -- <command>

  setup --org NAME --email EMAIL [--name NAME] [--role-set seed-000|seed-001]
      Create the first organization and its owner (a Data Admin); prints a one-time
      password to change at first sign-in. Refused once any organization exists.
      --role-set adds seed 000's console roles or seed 001's access profiles as custom
      roles, just below the owner's.
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
    case "demo": {
      const result = await withDatabase((db) => createDemo(db));
      console.log(
        result.created ? `Created the demo organization Acme (/o/${result.slug}).` : `The demo organization Acme already exists (/o/${result.slug}).`,
      );
      console.log(`Every demo login uses the password “${DEMO_PASSWORD}”:`);
      for (const a of DEMO_ADMINS) {
        const role = BUILT_IN_ROLES.find((r) => r.key === a.role)!.name;
        console.log(`  ${`${a.login}@${DEMO_DOMAIN}`.padEnd(22)} ${role.padEnd(26)} ${a.group ? `Acme/${a.group}` : "Acme"}`);
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

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
  else if (err instanceof StewardError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
