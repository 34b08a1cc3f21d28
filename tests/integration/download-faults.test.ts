// The download routes (the export tool, the audit log's export, the reports' lists, the
// import's results) when the fault is ours: a database that cannot answer is 503 with
// Retry-After and the API's sentence, anything else a 500 with an error id that the log
// carries beside the detail, as the API answers them (server/trpc/init.ts). Neither answer
// carries internal text.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as auditExportRoute } from "@/app/o/[slug]/audit/export/route";
import { GET as exportRoute } from "@/app/o/[slug]/export/[kind]/route";
import { GET as resultsRoute } from "@/app/o/[slug]/import/[jobId]/results/route";
import { GET as reportRoute } from "@/app/o/[slug]/reports/[list]/route";
import { createDb, type Db } from "@/server/db";
import { openConnection } from "@/server/db/connection";
import { DATABASE_UNAVAILABLE } from "@/server/trpc/init";
import { org, PASSWORD, type BuiltOrg } from "../factories/org";
import { APP_ORIGIN, INTERNAL_TEXT, sessionCookie } from "../support/http";
import { testDatabase, setProcessDb, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
let cookie: string;
const savedUrl = process.env.NEXTAUTH_URL;
// The routes read the process-wide client (server/db getDb): each test puts its own there.
type Holder = { db?: Db };

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP_ORIGIN;
  t = await testDatabase();
  acme = await org(t.db, "Acme").withTree("Sales").create();
  cookie = await sessionCookie(t.db, acme.email("owner"), PASSWORD);
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = savedUrl;
  await t.close();
});

const get = (path: string) => new Request(`${APP_ORIGIN}/o/${acme.slug}${path}`, { headers: { cookie } });

/** Each download route, called as Next calls it, by the owner. */
const ROUTES: [string, () => Promise<Response>][] = [
  ["the export tool", () => exportRoute(get("/export/members?format=csv"), { params: Promise.resolve({ slug: acme.slug, kind: "members" }) })],
  ["the audit log's export", () => auditExportRoute(get("/audit/export?format=json"), { params: Promise.resolve({ slug: acme.slug }) })],
  [
    "a report's list",
    () => reportRoute(get(`/reports/dormant?group=${acme.group("Sales")}`), { params: Promise.resolve({ slug: acme.slug, list: "dormant" }) }),
  ],
  [
    "an import's results",
    () => {
      const jobId = acme.member("owner");
      return resultsRoute(get(`/import/${jobId}/results`), { params: Promise.resolve({ slug: acme.slug, jobId }) });
    },
  ],
];

/** Runs `call` with `holder` as the process-wide database, returning the answer and what was logged. */
async function withDatabase(db: Holder, call: () => Promise<Response>) {
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  const restoreProcessDb = setProcessDb(db);
  try {
    const response = await call();
    return { response, text: await response.text(), logged: log.mock.calls.map((args) => args.map(String).join(" ")) };
  } finally {
    restoreProcessDb();
    log.mockRestore();
  }
}

/** An answer of ours: a 500 with an id and nothing else, the log holding that id beside the detail. */
function expectFault(r: { response: Response; text: string; logged: string[] }, detail: string) {
  expect(r.response.status).toBe(500);
  expect(r.response.headers.get("content-type")).toMatch(/text\/plain/);
  const id = r.text.match(/^Something went wrong on our side \(error ([0-9a-f]{12})\)\./)?.[1];
  expect(id).toBeDefined();
  expect(r.text).not.toContain(detail);
  expect(r.text).not.toMatch(INTERNAL_TEXT);
  expect(r.logged.some((line) => line.includes(`error ${id}`) && line.includes(detail))).toBe(true);
}

describe("an unexpected error", () => {
  const detail = "secret internal detail: cannot read property of undefined";
  const broken = new Proxy({} as Db, {
    get() {
      throw new TypeError(detail);
    },
  });

  it.each(ROUTES)("in %s is a 500 with an error id, logged with its detail", async (_, call) => {
    expectFault(await withDatabase({ db: broken }, call), detail);
  });

  it.each(ROUTES)("in %s, before the API is reached, is a 500 with an error id too", async (_, call) => {
    const unopenable: Holder = {
      get db(): Db {
        throw new Error(`${detail} (opening the database)`);
      },
    };
    expectFault(await withDatabase(unopenable, call), detail);
  });
});

describe("a database that cannot answer", () => {
  it("makes every route answer 503 with Retry-After and the API's sentence, no host or port", async () => {
    // A server of our own on loopback that drops every connection: PostgreSQL down.
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    const down = createDb(openConnection({ url: `postgres://postgres@127.0.0.1:${port}/steward` }));
    try {
      for (const [what, call] of ROUTES) {
        const r = await withDatabase({ db: down }, call);
        expect([what, r.response.status, r.response.headers.get("retry-after")]).toEqual([what, 503, "5"]);
        expect(r.text.trim()).toBe(DATABASE_UNAVAILABLE);
        expect(r.text).not.toContain(String(port));
      }
    } finally {
      await down.$disconnect().catch(() => {});
      server.close();
    }
  }, 60_000);
});
