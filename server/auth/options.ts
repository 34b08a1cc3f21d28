// next-auth configuration: email and password (Credentials) issuing a JWT session that
// carries the user id and sessionVersion; see session.ts for the per-request re-check.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { verifyCredentials } from "../services/account";
import { authSecret } from "./secret";
import type { SessionClaims } from "./session";

declare module "next-auth" {
  interface Session {
    claims: SessionClaims;
  }
  interface User {
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const verified = await verifyCredentials(getDb(), credentials.email, credentials.password);
        if (!verified) return null;
        return { id: verified.userId, email: verified.email, name: verified.name, sessionVersion: verified.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.claims = { userId: token.uid ?? "", sessionVersion: token.sv ?? -1 };
      return session;
    },
  },
};
