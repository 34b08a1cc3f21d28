// The import's results file (GET /o/[slug]/import/[jobId]/results): one line per row of the
// uploaded file with its outcome, its message and, for created members, the one-time
// password, read 1,000 rows at a time through importer.results (same session, organization,
// "Bulk import" and owner of the job). Once the whole file has been sent, the passwords are
// dropped from the database (importer.resultsDownloaded): they were handed over.
import type { Db } from "../db";
import { RESULTS_COLUMNS } from "../services/import-jobs";
import { requestContext } from "../trpc/request-context";
import { createCaller } from "../trpc/root";
import { download, refusal } from "./download";

export async function importResults(req: Request, slug: string, jobId: string, db: () => Db): Promise<Response> {
  try {
    const api = createCaller({ ...(await requestContext(req.headers, slug, db)), memo: new Map() });
    const first = await api.importer.results({ jobId, cursor: null });
    const base =
      first.fileName
        .replace(/\.csv$/i, "")
        .replace(/[^\w.-]+/g, "_")
        .slice(0, 80) || "import";
    return download({
      what: "import results",
      filename: `${base}-results`,
      format: "csv",
      columns: RESULTS_COLUMNS,
      first,
      next: (cursor) => api.importer.results({ jobId, cursor }),
      flat: (row) => row,
      end: async (complete) => {
        if (complete) await api.importer.resultsDownloaded({ jobId });
      },
    });
  } catch (err) {
    return refusal(err, "import results");
  }
}
