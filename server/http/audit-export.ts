// The audit log's export (GET /o/[slug]/audit/export?format=csv|json&<filters>): the filtered
// events streamed as a download, read 1,000 at a time through the API's own procedures
// (audit.exportPage, then audit.recordExport), so that the gate is the API's: same session,
// same organization, same "View audit log".
import type { Db } from "../db";
import type { AuditRow } from "../services/audit-log";
import { requestContext } from "../trpc/request-context";
import { createCaller } from "../trpc/root";
import { download, parseFormat, plain, refusal, today } from "./download";

const FILTERS = ["actorUserId", "action", "targetId", "from", "to", "search"] as const;
const COLUMNS = ["at", "actor", "action", "label", "sentence", "detail", "targetType", "targetId", "ip"] as const;

const flat = (r: AuditRow) => ({
  at: r.at.toISOString(),
  actor: r.actor.name,
  action: r.action,
  label: r.label,
  sentence: r.sentence,
  detail: r.detail,
  targetType: r.targetType,
  targetId: r.targetId,
  ip: r.ip ?? "",
});

export async function exportAuditLog(req: Request, slug: string, db: () => Db): Promise<Response> {
  const query = new URL(req.url).searchParams;
  const format = parseFormat(query);
  if (!format) return plain(400, "Choose the export's format: format=csv or format=json.");
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (query.get(k) ? [[k, query.get(k)!]] : [])));
  try {
    // serverSide: this route alone records the export, with the count it streamed.
    const api = createCaller({ ...(await requestContext(req.headers, slug, db)), memo: new Map(), serverSide: true });
    const first = await api.audit.exportPage(filters);
    return download({
      what: "audit export",
      filename: `audit-log-${slug}-${today()}`,
      format,
      columns: COLUMNS,
      first,
      next: (cursor) => api.audit.exportPage({ ...filters, cursor }),
      flat,
      end: (complete, rows) => api.audit.recordExport({ filters, format, rows, complete }),
    });
  } catch (err) {
    return refusal(err, "audit export");
  }
}
