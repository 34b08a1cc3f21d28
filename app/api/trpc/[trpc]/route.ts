import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { ORG_HEADER } from "@/server/trpc/init";
import { requestContext } from "@/server/trpc/request-context";
import { appRouter } from "@/server/trpc/root";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => requestContext(req.headers, req.headers.get(ORG_HEADER)),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
