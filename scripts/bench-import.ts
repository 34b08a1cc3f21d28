// Measures the import tool on a file of 10,000 rows: reading and storing it, its dry run,
// applying it, and the dry run of the organization's own members export (all unchanged).
//   npm run bench:import -- [--rows 10000] [--url postgres://...]
// Without --url: in-memory PGlite. With --url: a throwaway database on that server. Half the
// rows name existing members (every other one with a change, one in ten disabled), half are
// new members (each gets an argon2id-hashed one-time password, the bulk of the apply time).
import Papa from "papaparse";
import { parseArgs } from "node:util";
import { createDb } from "../server/db";
import { applyMigrations } from "../server/db/schema-engine";
import { loadActor } from "../server/services/actor";
import { EXPORT_COLUMNS, exportPage, type ExportRow } from "../server/services/export";
import { confirmImportJob, createImportJob, getImportJob } from "../server/services/import-jobs";
import { MAX_IMPORT_ROWS } from "../server/services/import-limits";
import { drainImportJobs } from "../server/services/import-run";
import { createOrganization } from "../server/services/setup";
import { openBenchDatabase } from "./bench-support";

const { values } = parseArgs({ options: { rows: { type: "string", default: "10000" }, url: { type: "string" }, keep: { type: "boolean", default: false } } });
const ROWS = Number(values.rows);
const EXISTING = Math.floor(ROWS / 2);

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  console.log(`${label.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
  return result;
}

async function main() {
  const { conn, drop } = await openBenchDatabase(values.url, values.keep);
  try {
    await applyMigrations(conn.factory);
    const db = createDb(conn);
    const org = await db.$transaction((tx) =>
      createOrganization(tx, { name: "Bench", owner: { email: "owner@bench.test", name: "Owner", passwordHash: "x", mustChangePassword: false } }),
    );
    const sales = await db.group.create({ data: { organizationId: org.organizationId, parentId: org.rootGroupId, name: "Sales", path: "", depth: 1 } });
    await db.group.update({ where: { id: sales.id }, data: { path: `/${org.rootGroupId}/${sales.id}/` } });
    const userRole = await db.role.findFirstOrThrow({ where: { organizationId: org.organizationId, builtInKey: "user" } });
    for (let i = 0; i < EXISTING; i += 5000) {
      const batch = Array.from({ length: Math.min(5000, EXISTING - i) }, (_, k) => i + k);
      const users = batch.map((n) => ({ id: `u${n.toString(36).padStart(10, "0")}bench`, email: `member${n}@bench.test`, name: `Member ${n}` }));
      await db.user.createMany({ data: users });
      await db.membership.createMany({
        data: users.map((u) => ({ userId: u.id, organizationId: org.organizationId, groupId: org.rootGroupId, roleId: userRole.id })),
      });
    }
    const actor = await loadActor(db, org.userId, org.slug);
    const data = Array.from({ length: ROWS }, (_, n) =>
      n < EXISTING
        ? {
            email: `member${n}@bench.test`,
            name: `Member ${n}`,
            company: n % 2 ? "Changed Ltd" : "",
            group: n % 4 === 1 ? "Sales" : "",
            status: n % 10 === 3 ? "DISABLED" : "",
          }
        : { email: `new${n}@bench.test`, name: `New ${n}`, company: "Bench", group: "Sales", status: "" },
    );
    const csv = Papa.unparse({ fields: ["email", "name", "company", "group", "status"], data });
    console.log(`${ROWS.toLocaleString("en")} rows (${(csv.length / 1024 / 1024).toFixed(1)} MB) on ${values.url ? "PostgreSQL" : "PGlite"}`);

    const job = await timed("upload (read and store the file)", () => createImportJob(db, actor, { fileName: "bench.csv", csv }));
    await timed("dry run", () => drainImportJobs(db));
    const previewed = await getImportJob(db, actor, job.id);
    console.log(`  planned: ${JSON.stringify(previewed.planned)}`);
    await timed("confirm", () => confirmImportJob(db, actor, job.id));
    await timed("apply", () => drainImportJobs(db));
    const applied = await getImportJob(db, actor, job.id);
    console.log(`  results: ${JSON.stringify(applied.results)} (${applied.status})`);

    const rows: ExportRow[] = [];
    await timed("export the members (round trip)", async () => {
      let cursor: string | null = null;
      do {
        const page = await exportPage(db, actor, { kind: "members", cursor, format: "csv" });
        rows.push(...page.rows);
        cursor = page.nextCursor;
      } while (cursor);
    });
    // The owner makes the export one row longer than the file: keep within the import's limit.
    const exported = Papa.unparse({ fields: [...EXPORT_COLUMNS.members], data: rows.slice(0, MAX_IMPORT_ROWS) });
    const again = await timed(`upload + dry run of the export (${Math.min(rows.length, MAX_IMPORT_ROWS)} rows)`, async () => {
      const j = await createImportJob(db, actor, { fileName: "export.csv", csv: exported });
      await drainImportJobs(db);
      return getImportJob(db, actor, j.id);
    });
    console.log(`  planned: ${JSON.stringify(again.planned)}`);
    await db.$disconnect();
  } finally {
    await conn.close();
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
