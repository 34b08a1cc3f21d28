import { getDb } from "@/server/db";
import { handleRestRequest } from "@/server/http/rest-handler";

function handler(req: Request) {
  return handleRestRequest(req, getDb);
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
