// next-auth configuration: email and password (Credentials) issuing a JWT session that
// carries the user id and sessionVersion; see session.ts for the per-request re-check.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { checkCredentials } from "../services/account";
import { endMySessions, SESSION_MAX_AGE_S, startSession } from "../services/sessions";
import { SECOND_FACTOR_INVALID, SECOND_FACTOR_REQUIRED, SIGN_IN_LOCKED } from "./sign-in-errors";
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
        const forwarded = req.headers?.["x-forwarded-for"];
        const address = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || null;
        const result = await checkCredentials(getDb(), credentials.email, credentials.password, credentials.code || undefined, address);
        if (result.status === "locked") throw new Error(`${SIGN_IN_LOCKED}:${result.retryAt.toISOString()}`);
        // next-auth hands a thrown error's message to the sign-in form as `error`.
        if (result.status === "second-factor-required") throw new Error(SECOND_FACTOR_REQUIRED);
        if (result.status === "second-factor-invalid") throw new Error(SECOND_FACTOR_INVALID);
        if (result.status !== "ok") return null;
        const { claims } = result;
        const userAgent = req.headers?.["user-agent"];
        const sessionId = await startSession(getDb(), claims.userId, { userAgent: Array.isArray(userAgent) ? userAgent[0] : userAgent, ip: address });
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
