// Downloads streamed from the API's own pages (the audit log's export, the export tool, the
// reports' lists, the import's results): the API's refusals as plain sentences, and a stream
// that writes CSV (header once) or a JSON array item by item while it reads the next page, so
// a large download never sits in memory.
import { TRPCError } from "@trpc/server";
import Papa from "papaparse";
import { isDatabaseUnavailable } from "../db/errors";
import { DATABASE_RETRY_AFTER_S, DATABASE_UNAVAILABLE, faultMessage } from "../trpc/init";

export type DownloadFormat = "csv" | "json";
export type Page<T> = { rows: T[]; nextCursor: string | null };

const STATUS: Partial<Record<TRPCError["code"], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

export function plain(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** The API's refusal as a plain sentence, as the API answers it: a database that cannot
 * answer is 503 with Retry-After; anything unexpected is logged under an id, and answered
 * with that id only. */
export function refusal(err: unknown, what: string): Response {
  const retry = { "retry-after": String(DATABASE_RETRY_AFTER_S) };
  if (isDatabaseUnavailable(err)) return plain(503, DATABASE_UNAVAILABLE, retry);
  const status = err instanceof TRPCError ? STATUS[err.code] : undefined;
  if (err instanceof TRPCError && status) return plain(status, err.message, status === 503 ? retry : {});
  return plain(500, faultMessage(err instanceof TRPCError ? (err.cause ?? err) : err, what));
}

export function parseFormat(query: URLSearchParams): DownloadFormat | null {
  const format = query.get("format") ?? "csv";
  return format === "csv" || format === "json" ? format : null;
}

function csv(columns: readonly string[], rows: Record<string, unknown>[], header: boolean): string {
  // escapeFormulae: a cell starting with = + - @ is not run as a formula by a spreadsheet.
  return `${Papa.unparse({ fields: [...columns], data: rows }, { header, escapeFormulae: true, newline: "\r\n" })}\r\n`;
}

/**
 * A download of every page, starting from the first (already read, so that a refusal is
 * answered before the stream starts). `end(complete)` runs once: after the last page, or
 * with false when the browser stops the download.
 */
export function download<T>(opts: {
  what: string;
  filename: string;
  format: DownloadFormat;
  columns: readonly string[];
  first: Page<T>;
  next: (cursor: string) => Promise<Page<T>>;
  flat: (row: T) => Record<string, unknown>;
  end?: (complete: boolean, rows: number) => Promise<unknown>;
}): Response {
  const { format, columns, flat } = opts;
  const encoder = new TextEncoder();
  let page = opts.first;
  let sent = 0;
  let first = true;
  let finished = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (format === "csv") {
          if (page.rows.length || first) controller.enqueue(encoder.encode(csv(columns, page.rows.map(flat), first)));
        } else {
          const items = page.rows.map((r, i) => `${first && i === 0 ? "[\n" : ",\n"}${JSON.stringify(flat(r))}`);
          if (first && !items.length) items.push("[");
          for (const item of items) controller.enqueue(encoder.encode(item));
        }
        first = false;
        sent += page.rows.length;
        if (page.nextCursor) {
          page = await opts.next(page.nextCursor);
          return;
        }
        if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
        finished = true;
        await opts.end?.(true, sent);
        controller.close();
      } catch (err) {
        console.error(`[steward] ${opts.what} stopped:`, err);
        controller.error(new Error("The export stopped before its end."));
      }
    },
    async cancel() {
      if (!finished) await opts.end?.(false, sent).catch(() => undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${opts.filename}.${format}"`,
      "cache-control": "no-store",
    },
  });
}

export const today = () => new Date().toISOString().slice(0, 10);
