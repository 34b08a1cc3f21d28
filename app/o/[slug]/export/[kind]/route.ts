import { getDb } from "@/server/db";
import { exportData } from "@/server/http/data-export";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string; kind: string }> }) {
  const { slug, kind } = await params;
  return exportData(req, slug, kind, getDb);
}
