import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getClaims } from "@/server/auth/viewer";
import { getDb } from "@/server/db";
import { ORG_HEADER } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      db: getDb(),
      claims: await getClaims(),
      orgSlug: req.headers.get(ORG_HEADER),
      ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
