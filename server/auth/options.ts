// next-auth configuration: email and password (Credentials) issuing a JWT session that
// carries the user id and sessionVersion; see session.ts for the per-request re-check.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { checkCredentials } from "../services/account";
import { endMySessions, SESSION_MAX_AGE_S, startSession } from "../services/sessions";
import { isDatabaseUnavailable } from "../db/errors";
import { clientAddress } from "../http/client-address";
import { SECOND_FACTOR_INVALID, SECOND_FACTOR_REQUIRED, SIGN_IN_FAILED, SIGN_IN_LOCKED, SIGN_IN_UNAVAILABLE } from "./sign-in-errors";
import { authSecret } from "./secret";
import type { SessionClaims } from "./session";

declare module "next-auth" {
  interface Session {
    claims: SessionClaims;
  }
  interface User {
    sessionVersion: number;
    sessionId: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}

/** next-auth puts a thrown error's message into the sign-in form's error (and URL): only our
 * own words may go there, never a database's. */
async function ourWordsOnly<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new Error(SIGN_IN_UNAVAILABLE);
    console.error("[steward] sign-in failed:", error);
    throw new Error(SIGN_IN_FAILED);
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email or username", type: "text" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const address = clientAddress(req.headers ?? {});
        const userAgent = req.headers?.["user-agent"];
        const outcome = await ourWordsOnly(async () => {
          const result = await checkCredentials(getDb(), credentials.email, credentials.password, credentials.code || undefined, address);
          if (result.status !== "ok") return { result, sessionId: null };
          const client = { userAgent: Array.isArray(userAgent) ? userAgent[0] : userAgent, ip: address };
          return { result, sessionId: await startSession(getDb(), result.claims.userId, client) };
        });
        const { result, sessionId } = outcome;
        // next-auth hands a thrown error's message to the sign-in form as `error`.
        if (result.status === "locked") throw new Error(`${SIGN_IN_LOCKED}:${result.retryAt.toISOString()}`);
        if (result.status === "second-factor-required") throw new Error(SECOND_FACTOR_REQUIRED);
        if (result.status === "second-factor-invalid") throw new Error(SECOND_FACTOR_INVALID);
        if (result.status !== "ok" || !sessionId) return null;
        const { claims } = result;
        return { id: claims.userId, email: claims.email, name: claims.name, sessionVersion: claims.sessionVersion, sessionId };
      },
    }),
  ],
  events: {
    // Signing out ends the recorded session too, so it leaves the sessions list.
    async signOut({ token }) {
      if (token?.sid && token.uid) await endMySessions(getDb(), token.uid, { sessionId: token.sid }).catch(() => undefined);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.claims = { userId: token.uid ?? "", sessionVersion: token.sv ?? -1, sessionId: token.sid };
      return session;
    },
  },
};
