// Sign-in's errors through next-auth itself (its handler, CSRF check and Credentials callback,
// with Steward's authOptions): next-auth puts a thrown error's message into the error URL the
// sign-in form reads, so a fault there must arrive as one of our codes, never as the
// database's text (the audit found "index row size 3032 exceeds btree …" in that URL).
import { parse as parseCookie } from "cookie";
import net from "node:net";
import NextAuth from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/server/auth/options";
import { SIGN_IN_FAILED, SIGN_IN_UNAVAILABLE } from "@/server/auth/sign-in-errors";
import { createDb, type Db } from "@/server/db";
import { openConnection } from "@/server/db/connection";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { APP_ORIGIN, INTERNAL_TEXT } from "../support/http";
import { testDatabase, setProcessDb, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
const savedUrl = process.env.NEXTAUTH_URL;
// authorize() reads the process-wide client (server/db getDb): each test puts its own there.

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  t = await testDatabase();
  acme = await org(t.db, "Acme").withMember("ulla", "user").create();
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = savedUrl;
  await t.close();
});

/** One request to next-auth's handler (its Node request/response form, which needs no Next
 * request scope), answering what a browser would get. */
async function nextAuth(method: "GET" | "POST", action: string[], body?: Record<string, string>, cookies: Record<string, string> = {}) {
  const headers = new Map<string, string | string[]>();
  const answer: { status: number; body?: unknown; headers: typeof headers } = { status: 200, headers };
  const res = {
    status: (code: number) => ((answer.status = code), res),
    setHeader: (name: string, value: string | string[]) => (headers.set(name.toLowerCase(), value), res),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end: () => undefined,
    json: (value: unknown) => void (answer.body = value),
    send: (value: unknown) => void (answer.body = value),
  };
  const req = { method, query: { nextauth: action }, body, cookies, headers: { host: "localhost:3000", "user-agent": "vitest" } };
  await NextAuth(req as never, res as never, authOptions);
  return answer;
}

/** Signs in as the sign-in form does (CSRF token first, then the Credentials callback with
 * json: the URL comes back as data); returns that URL and what the server logged. */
async function signIn(db: Db, email: string, password: string) {
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  const restoreProcessDb = setProcessDb({ db });
  try {
    const csrf = await nextAuth("GET", ["csrf"]);
    const { csrfToken } = csrf.body as { csrfToken: string };
    const setCookies = [csrf.headers.get("set-cookie") ?? []].flat();
    const cookies = Object.assign({}, ...setCookies.map((c) => parseCookie(c.split(";")[0]!))) as Record<string, string>;
    const answer = await nextAuth("POST", ["callback", "credentials"], { csrfToken, email, password, json: "true" }, cookies);
    const url = new URL((answer.body as { url: string }).url);
    return { status: answer.status, url, error: url.searchParams.get("error"), logged: log.mock.calls.map((args) => args.map(String).join(" ")) };
  } finally {
    restoreProcessDb();
    log.mockRestore();
  }
}

/** `t.db`, except that using `member` (a model or a method) fails as a database fault with internal text does. */
function faultyAt(member: string, message: string): Db {
  return new Proxy(t.db, {
    get(target, prop) {
      if (prop === member) throw Object.assign(new Error(message), { code: "P2010" });
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("sign-in errors in our words", () => {
  it("signs in with the right password (the driver itself works)", async () => {
    const r = await signIn(t.db, acme.email("ulla"), PASSWORD);
    expect(r.error).toBeNull();
    expect(r.url.origin).toBe(APP_ORIGIN);
  });

  it("a database that cannot answer is sign-in-unavailable, with no host or port", async () => {
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    const down = createDb(openConnection({ url: `postgres://postgres@127.0.0.1:${port}/steward` }));
    try {
      const r = await signIn(down, acme.email("ulla"), PASSWORD);
      expect(r.status).toBe(401);
      expect(r.error).toBe(SIGN_IN_UNAVAILABLE);
      expect(r.url.href).not.toContain(String(port));
      expect(r.url.href).not.toMatch(INTERNAL_TEXT);
    } finally {
      await down.$disconnect().catch(() => {});
      server.close();
    }
  }, 60_000);

  it.each([
    ["counting the attempt", "$transaction"],
    ["starting the session", "session"],
  ])("any other database fault while %s is sign-in-failed, its text only in the server log", async (_, member) => {
    const detail = 'Invalid `prisma.x()` invocation: index row size 3032 exceeds btree version 4 maximum 2704 for index "SignInThrottle_pkey"';
    const r = await signIn(faultyAt(member, detail), acme.email("ulla"), PASSWORD);
    expect(r.status).toBe(401);
    expect(r.error).toBe(SIGN_IN_FAILED);
    expect(r.url.href).not.toMatch(INTERNAL_TEXT);
    expect(r.url.href).not.toContain("btree");
    expect(r.logged.some((line) => line.includes("btree"))).toBe(true);
  });

  it("a 3,000-character login is a wrong login, nothing more", async () => {
    const r = await signIn(t.db, `${"x".repeat(3000)}@acme.test`, "whatever-123");
    expect(r.error).toBe("CredentialsSignin");
    expect(r.url.href).not.toMatch(INTERNAL_TEXT);
  });
});
