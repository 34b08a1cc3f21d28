// The export tool's download (GET /o/[slug]/export/[kind]?format=csv|json): every row of one
// kind, read 1,000 at a time through export.page, so that the gate is the API's: same
// session, same organization, same "Bulk export". The first page records the export.
import { EXPORT_KINDS, type ExportKind } from "../authz";
import type { Db } from "../db";
import { EXPORT_COLUMNS } from "../services/export";
import { requestContext } from "../trpc/request-context";
import { createCaller } from "../trpc/root";
import { download, parseFormat, plain, refusal, today } from "./download";

const isKind = (kind: string): kind is ExportKind => (EXPORT_KINDS as readonly string[]).includes(kind);

export async function exportData(req: Request, slug: string, kind: string, db: () => Db): Promise<Response> {
  if (!isKind(kind)) return plain(404, `There is no export of “${kind}”. Choose one of: ${EXPORT_KINDS.join(", ")}.`);
  const format = parseFormat(new URL(req.url).searchParams);
  if (!format) return plain(400, "Choose the export's format: format=csv or format=json.");
  try {
    const api = createCaller({ ...(await requestContext(req.headers, slug, db)), memo: new Map() });
    const first = await api.export.page({ kind, format, cursor: null });
    return download({
      what: `${kind} export`,
      filename: `${slug}-${kind}-${today()}`,
      format,
      columns: EXPORT_COLUMNS[kind],
      first,
      next: (cursor) => api.export.page({ kind, cursor }),
      flat: (row) => row,
    });
  } catch (err) {
    return refusal(err, `${kind} export`);
  }
}
