import { getDb } from "@/server/db";
import { importResults } from "@/server/http/import-results";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string; jobId: string }> }) {
  const { slug, jobId } = await params;
  return importResults(req, slug, jobId, getDb);
}
