// The audit log's export (GET /o/[slug]/audit/export?format=csv|json&<filters>): the filtered
// events streamed as a download, read 1,000 at a time through the API's own procedures
// (audit.exportPage, then audit.recordExport), so that the gate is the API's: same session,
// same organization, same "View audit log".
import { TRPCError } from "@trpc/server";
import Papa from "papaparse";
import type { Db } from "../db";
import type { AuditRow } from "../services/audit-log";
import { requestContext } from "../trpc/request-context";
import { createCaller } from "../trpc/root";

const FILTERS = ["actorUserId", "action", "targetId", "from", "to", "search"] as const;
const COLUMNS = ["at", "actor", "action", "label", "sentence", "detail", "targetType", "targetId", "ip"] as const;

const STATUS: Partial<Record<TRPCError["code"], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** The API's refusal as a plain sentence; anything unexpected is logged, never shown. */
function refusal(err: unknown): Response {
  const status = err instanceof TRPCError ? STATUS[err.code] : undefined;
  if (err instanceof TRPCError && status) return plain(status, err.message);
  console.error("[steward] audit export failed:", err);
  return plain(500, "The export could not start because of a fault on our side. Try again in a moment.");
}

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

function csv(rows: AuditRow[], header: boolean): string {
  // escapeFormulae: a cell starting with = + - @ is not run as a formula by a spreadsheet.
  return `${Papa.unparse({ fields: [...COLUMNS], data: rows.map(flat) }, { header, escapeFormulae: true, newline: "\r\n" })}\r\n`;
}

export async function exportAuditLog(req: Request, slug: string, db: () => Db): Promise<Response> {
  const query = new URL(req.url).searchParams;
  const format = query.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return plain(400, "Choose the export's format: format=csv or format=json.");
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (query.get(k) ? [[k, query.get(k)!]] : [])));
  const api = createCaller({ ...(await requestContext(req.headers, slug, db)), memo: new Map() });

  let page: Awaited<ReturnType<typeof api.audit.exportPage>>;
  try {
    page = await api.audit.exportPage(filters);
  } catch (err) {
    return refusal(err);
  }

  const encoder = new TextEncoder();
  let sent = 0;
  let first = true;
  let finished = false;
  const record = (complete: boolean) => api.audit.recordExport({ filters, format, rows: sent, complete });
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (format === "csv") {
          if (page.rows.length || first) controller.enqueue(encoder.encode(csv(page.rows, first)));
        } else {
          const items = page.rows.map((r, i) => `${first && i === 0 ? "[\n" : ",\n"}${JSON.stringify(flat(r))}`);
          if (first && !items.length) items.push("[");
          for (const item of items) controller.enqueue(encoder.encode(item));
        }
        first = false;
        sent += page.rows.length;
        if (page.nextCursor) {
          page = await api.audit.exportPage({ ...filters, cursor: page.nextCursor });
          return;
        }
        if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
        finished = true;
        await record(true);
        controller.close();
      } catch (err) {
        console.error("[steward] audit export stopped:", err);
        controller.error(new Error("The export stopped before its end."));
      }
    },
    async cancel() {
      if (!finished) await record(false).catch(() => undefined);
    },
  });
  const today = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${slug}-${today}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
