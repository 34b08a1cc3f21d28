import { getDb } from "@/server/db";
import { handleTrpcRequest } from "@/server/http/trpc-handler";

function handler(req: Request) {
  return handleTrpcRequest(req, getDb);
}

export { handler as GET, handler as POST };
