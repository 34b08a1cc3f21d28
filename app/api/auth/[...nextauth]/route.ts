import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { crossSiteRefusal } from "@/server/http/origin";

const nextAuth = NextAuth(authOptions);

/** Sign-in and sign-out requests from other sites are refused before next-auth reads them. */
function handler(req: Request, context: unknown) {
  const refusal = crossSiteRefusal(req);
  if (refusal) return Response.json({ error: refusal }, { status: 403 });
  return nextAuth(req, context);
}

export { handler as GET, handler as POST };
