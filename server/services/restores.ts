// The restore report (seed 004: Support Restore and Group Support Restore "manage restores
// for lower-ranked members"; the latter "runs the restore report"): per member in the
// actor's span who owns resources the actor sees, what can be restored and the last restore.
import { RESOURCE_TYPE_KEYS, RESOURCE_TYPES } from "../authz";
import type { Db } from "../db";
import { Prisma as P } from "../db/generated/client";
import { membersInSpanSql } from "../authz/members.sql";
import { visibleResourcesSql } from "../authz/resources.sql";
import { actorSubject } from "./access";
import type { ActorContext } from "./actor";

/** The types whose resources restore (storages), from the catalog. */
const RESTORABLE_TYPES = RESOURCE_TYPE_KEYS.filter((t) => (RESOURCE_TYPES[t].actions as readonly string[]).includes("restore"));
/** How many names of restorable resources a row shows. */
export const RESTORE_REPORT_NAMES = 3;

export type RestoreReportRow = {
  /** The owner's membership. */
  id: string;
  name: string;
  email: string;
  resources: number;
  restorable: number;
  restorableNames: string[];
  lastRestoreAt: Date | null;
  lastRestoreResult: string | null;
  lastRestoreResource: string | null;
};

/**
 * One page of the report, sorted by member name. Owners come from the span as the restorer
 * path decides it (`membersInSpanSql`), and their resources from what the actor sees
 * (`visibleResourcesSql`: privacy and resource scope), so the report shows nothing the
 * resources list would not.
 */
export async function restoreReport(db: Db, actor: ActorContext, input: { page: number; pageSize: number }) {
  const span = membersInSpanSql(actor);
  if (!span) return { total: 0, rows: [] as RestoreReportRow[] };
  const subject = await actorSubject(db, actor);
  const owned = P.sql`SELECT r.id, r.name, r.type, r."ownerId" FROM "Resource" r WHERE ${visibleResourcesSql(subject)} AND r."ownerId" IN (${span})`;
  const restorable = P.sql`o.type = ANY(${RESTORABLE_TYPES}::text[])`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<RestoreReportRow[]>`
      WITH owned AS MATERIALIZED (${owned}),
      page AS (
        SELECT m.id, u.name, u.email,
               count(*)::int AS resources,
               count(*) FILTER (WHERE ${restorable})::int AS restorable,
               COALESCE((array_agg(o.name ORDER BY o.name, o.id) FILTER (WHERE ${restorable}))[1:${RESTORE_REPORT_NAMES}], ARRAY[]::text[]) AS "restorableNames"
          FROM owned o JOIN "Membership" m ON m.id = o."ownerId" JOIN "User" u ON u.id = m."userId"
         GROUP BY m.id, u.name, u.email
         ORDER BY u.name, m.id
         LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}
      )
      SELECT p.*, l.at AS "lastRestoreAt", l.result AS "lastRestoreResult", l.name AS "lastRestoreResource"
        FROM page p
        LEFT JOIN LATERAL (
          SELECT a.at, a.result, o.name FROM "ResourceActivity" a JOIN owned o ON o.id = a."resourceId"
           WHERE o."ownerId" = p.id AND a.action = 'restore'
           ORDER BY a.at DESC, a.id DESC LIMIT 1
        ) l ON true
       ORDER BY p.name, p.id`,
    db.$queryRaw<Array<{ total: number }>>`SELECT count(DISTINCT o."ownerId")::int AS total FROM (${owned}) o`,
  ]);
  return { total: counted[0]?.total ?? 0, rows };
}
