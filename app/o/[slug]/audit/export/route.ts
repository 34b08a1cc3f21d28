import { getDb } from "@/server/db";
import { exportAuditLog } from "@/server/http/audit-export";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return exportAuditLog(req, (await params).slug, getDb);
}
