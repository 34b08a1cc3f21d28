// npm run db:migrate                      apply pending migrations to the configured database
// npm run db:migration:create -- NAME     generate a migration from prisma/schema.prisma changes
import { createDb } from "../server/db";
import { openConnection } from "../server/db/connection";
import { syncBuiltInRoles } from "../server/services/setup";
import { applyMigrations, createMigration } from "../server/db/schema-engine";

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === "apply") {
    const conn = openConnection({ timeouts: false });
    try {
      const applied = await applyMigrations(conn.factory);
      console.log(applied.length ? `Applied ${applied.join(", ")} to ${conn.describe}` : `${conn.describe} is up to date`);
      const db = createDb(conn);
      const synced = await syncBuiltInRoles(db);
      if (synced) console.log(`Brought ${synced} built-in role rows up to date`);
      await db.$disconnect();
    } finally {
      await conn.close();
    }
  } else if (command === "create") {
    if (!name) throw new Error("Usage: npm run db:migration:create -- <name>");
    // Diffing replays the existing migrations on a throwaway shadow database.
    const conn = openConnection({ memory: true });
    try {
      const folder = await createMigration(conn.factory, name);
      console.log(folder ? `Created prisma/migrations/${folder}/migration.sql` : "No schema changes: nothing to create");
    } finally {
      await conn.close();
    }
  } else {
    throw new Error(`Unknown command ${command ?? "(none)"}: use apply or create`);
  }
}

main().then(
  // The embedded database and the schema engine leave 10-second timers behind after they
  // close (every `npm start` waited for them): once everything is closed, leave.
  () => process.stdout.write("", () => process.exit(0)),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
