import { getDb } from "@/server/db";
import { reportDownload } from "@/server/http/report-download";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string; list: string }> }) {
  const { slug, list } = await params;
  return reportDownload(req, slug, list, getDb);
}
