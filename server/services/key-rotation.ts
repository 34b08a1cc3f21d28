// Re-encrypts every secret stored at rest under the current encryption key
// (`npm run steward -- rotate-key`), so that the keys before it can leave the configuration:
// older STEWARD_ENCRYPTION_KEY entries, and NEXTAUTH_SECRET for values sealed before Steward
// had a key of its own ("v1").
import { decryptSecret, encryptSecret, sealedKeyId, UnreadableSecretError } from "../auth/crypto";
import { currentEncryptionKey } from "../auth/encryption-key";
import type { Db } from "../db";
import { Prisma } from "../db/generated/client";
import { audit } from "./audit";

/** Every column that encryptSecret writes. A new sealed column belongs here, or dropping an
 * old key would make its values unreadable (tests/unit/crypto.test.ts checks the callers). */
export const SEALED_COLUMNS = [
  { table: "User", column: "totpSecret", label: "TOTP secrets" },
  { table: "User", column: "totpPendingSecret", label: "pending TOTP set-ups" },
  { table: "OutboxEmail", column: "content", label: "email contents" },
  { table: "ImportRow", column: "oneTimePassword", label: "one-time passwords of imported members" },
] as const;

type SealedColumn = (typeof SEALED_COLUMNS)[number];

export type ColumnReport = {
  label: string;
  resealed: number;
  /** Values under the current key once done, the resealed ones included. */
  current: number;
  /** Values that no configured key opens, by the key id (or "v1") they need. */
  unreadable: Record<string, number>;
};
export type RotationReport = { kid: string; columns: ColumnReport[] };

const BATCH = 500;

/** Reseals, batch by batch, each batch in its own transaction with its audit event. Values
 * already under the current key are not touched, so running it again is harmless. */
export async function rotateEncryptionKey(db: Db, options: { batchSize?: number } = {}): Promise<RotationReport> {
  const { kid } = currentEncryptionKey();
  const columns: ColumnReport[] = [];
  for (const target of SEALED_COLUMNS) columns.push(await resealColumn(db, target, kid, options.batchSize ?? BATCH));
  return { kid, columns };
}

async function resealColumn(db: Db, target: SealedColumn, kid: string, batchSize: number): Promise<ColumnReport> {
  const table = Prisma.raw(`"${target.table}"`);
  const column = Prisma.raw(`"${target.column}"`);
  const underCurrent = `v2.${kid}.%`;
  const report: ColumnReport = { label: target.label, resealed: 0, current: 0, unreadable: {} };
  let after = "";
  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        // Locked, so that a concurrent change to a row (a new set-up, an email being sent)
        // waits for this batch instead of being overwritten by it.
        const rows = await tx.$queryRaw<{ id: string; sealed: string }[]>`
          SELECT id, ${column} AS sealed FROM ${table}
           WHERE ${column} IS NOT NULL AND ${column} NOT LIKE ${underCurrent} AND id > ${after}
           ORDER BY id LIMIT ${batchSize} FOR UPDATE`;
        const resealed: { id: string; sealed: string }[] = [];
        const from: Record<string, number> = {};
        for (const row of rows) {
          const was = sealedKeyId(row.sealed);
          try {
            resealed.push({ id: row.id, sealed: encryptSecret(decryptSecret(row.sealed)) });
            from[was] = (from[was] ?? 0) + 1;
          } catch (error) {
            if (!(error instanceof UnreadableSecretError)) throw error;
            report.unreadable[was] = (report.unreadable[was] ?? 0) + 1;
          }
        }
        if (resealed.length) {
          const values = Prisma.join(resealed.map((r) => Prisma.sql`(${r.id}, ${r.sealed})`));
          await tx.$executeRaw`UPDATE ${table} AS t SET ${column} = v.sealed FROM (VALUES ${values}) AS v(id, sealed) WHERE t.id = v.id`;
          await audit(tx, {
            organizationId: null,
            actorUserId: null,
            action: "encryptionKey.reseal",
            targetType: "EncryptionKey",
            targetId: kid,
            after: { column: `${target.table}.${target.column}`, resealed: resealed.length, from },
          });
        }
        return { size: rows.length, last: rows.at(-1)?.id, resealed: resealed.length };
      },
      { timeout: 60_000 },
    );
    report.resealed += batch.resealed;
    if (batch.size < batchSize || !batch.last) break;
    after = batch.last;
  }
  const [{ count }] = await db.$queryRaw<[{ count: number }]>`SELECT count(*)::int AS count FROM ${table} WHERE ${column} LIKE ${underCurrent}`;
  report.current = count;
  return report;
}

export function unreadableTotal(report: RotationReport): number {
  return report.columns.reduce((sum, c) => sum + Object.values(c.unreadable).reduce((a, b) => a + b, 0), 0);
}

/** One line per column, for the CLI. */
export function describeRotation(report: RotationReport): string[] {
  return report.columns.map((c) => {
    const unreadable = Object.entries(c.unreadable).map(
      ([was, n]) => `${n} unreadable (${was === "v1" ? "sealed under an earlier NEXTAUTH_SECRET" : `need key ${was}`})`,
    );
    return [`${c.label}: ${c.resealed} resealed`, `${c.current} under key ${report.kid}`, ...unreadable].join(", ");
  });
}
