// npm run test:instances: issue 16's "more than one instance", checked on the production build.
// Two servers, started as `npm start` serves the app (scripts/serve.mjs), share one throwaway
// PostgreSQL database on DATABASE_URL's server, every secret and one public address, as two
// instances behind a load balancer do. Through real HTTP it checks that a session signed in on
// A is accepted by B; that ending sessions through A makes B refuse them at the next request;
// and that invitations queued through both are each delivered once to a real SMTP server,
// whichever instance's mail worker takes them. Exits 1 on any failure; the servers are
// stopped and the database dropped in every case.
//   npm run test:instances -- [--emails 20] [--keep] [--build]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb, type Db } from "../server/db";
import { applyMigrations } from "../server/db/schema-engine";
import { org, PASSWORD } from "../tests/factories/org";
import { startSmtpCatcher, type SmtpCatcher } from "../tests/support/smtp-catcher";
import { ensureBuild, startApp, trpcUrl, type AppServer } from "./bench-http";
import { cleanUpOnSignal, openBenchDatabase } from "./bench-support";

const { values } = parseArgs({
  options: {
    emails: { type: "string", default: "20" },
    keep: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
  },
});

/** The address people use, whichever instance the load balancer picks: the cross-site check
 * (server/http/origin.ts) and the links in emails go by it, so both instances have it. */
const PUBLIC_ORIGIN = "http://steward.test";
/** The invitations' wait for delivery; the workers poll every 2 s, so this is generous. */
const DELIVERY_TIMEOUT_MS = 30_000;

type Instance = AppServer & { name: "A" | "B" };

const t0 = performance.now();
const step = (text: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${text}`);

class CheckFailed extends Error {}
function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new CheckFailed(what);
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; the session cookie. */
async function signIn(app: Instance, email: string): Promise<string> {
  const csrf = await fetch(`${app.origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${app.origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: PUBLIC_ORIGIN, cookie: cookiesOf(csrf), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = answer.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  check(session !== undefined, `signing in as ${email} through ${app.name} gave no session cookie (${answer.status}: ${(await answer.text()).slice(0, 200)})`);
  return session.split(";")[0]!;
}

/** Signs out through next-auth's endpoint, as the console's "Sign out" does. */
async function signOut(app: Instance, cookie: string) {
  const csrf = await fetch(`${app.origin}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${app.origin}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: PUBLIC_ORIGIN, cookie: `${cookie}; ${cookiesOf(csrf)}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  check(answer.status < 400, `signing out through ${app.name} answered ${answer.status}`);
}

const cookiesOf = (answer: Response) =>
  answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

type Answer = { status: number; data: unknown; text: string };

/** A tRPC query (GET) or, with `mutate`, a mutation (POST from Steward's own pages). */
async function call(app: Instance, procedure: string, opts: { cookie: string; org?: string; input?: unknown; mutate?: boolean }): Promise<Answer> {
  const headers: Record<string, string> = { cookie: opts.cookie, ...(opts.org ? { "x-steward-org": opts.org } : {}) };
  const answer = opts.mutate
    ? await fetch(`${app.origin}/api/trpc/${procedure}`, {
        method: "POST",
        headers: { ...headers, origin: PUBLIC_ORIGIN, "content-type": "application/json" },
        body: JSON.stringify({ json: opts.input ?? null }),
      })
    : await fetch(trpcUrl(app.origin, procedure, opts.input), { headers });
  const text = await answer.text();
  let data: unknown = null;
  try {
    data = (JSON.parse(text) as { result?: { data?: { json?: unknown } } }).result?.data?.json ?? null;
  } catch {
    data = null;
  }
  return { status: answer.status, data, text };
}

/** The signed-in person B sees with this cookie, or the status it refused with. */
async function whoIs(app: Instance, cookie: string): Promise<{ status: number; email: string | null }> {
  const me = await call(app, "account.me", { cookie });
  return { status: me.status, email: (me.data as { email?: string } | null)?.email ?? null };
}

async function checkSessions(a: Instance, b: Instance, acme: Awaited<ReturnType<typeof seed>>) {
  const owner = acme.email("owner");
  step(`a. signing in as ${owner} through A (next-auth's credentials endpoint)`);
  const desk = await signIn(a, owner);
  const onB = await whoIs(b, desk);
  check(onB.status === 200 && onB.email === owner, `B should accept A's session as ${owner}; it answered ${onB.status} (${onB.email})`);
  const members = await call(b, "members.list", { cookie: desk, org: acme.slug, input: { pageSize: 10 } });
  const total = (members.data as { total?: number } | null)?.total;
  check(
    members.status === 200 && total === acme.memberCount,
    `B's members.list should answer 200 with ${acme.memberCount} members; ${members.status}: ${members.text.slice(0, 200)}`,
  );
  step(`   B accepts it: account.me 200 (${onB.email}), members.list 200 (${total} members)`);

  step('b. a second sign-in through A, then A\'s "sign out everywhere else" (account.endOtherSessions) from it');
  const laptop = await signIn(a, owner);
  const ended = await call(a, "account.endOtherSessions", { cookie: laptop, mutate: true });
  check(ended.status === 200, `account.endOtherSessions through A answered ${ended.status}: ${ended.text.slice(0, 200)}`);
  const endedCount = (ended.data as { ended?: number } | null)?.ended;
  const refused = await whoIs(b, desk);
  check(refused.status === 401, `B should refuse the ended session with 401 at once; it answered ${refused.status}`);
  const kept = await whoIs(b, laptop);
  check(kept.status === 200 && kept.email === owner, `B should still accept the session that ended the others; it answered ${kept.status}`);
  step(`   A ended ${endedCount} session; B refuses its cookie (401) at the next request and accepts the other (200)`);

  step("   signing that other session out through A (next-auth's sign-out)");
  await signOut(a, laptop);
  const signedOut = await whoIs(b, laptop);
  check(signedOut.status === 401, `B should refuse a session signed out through A with 401; it answered ${signedOut.status}`);
  step("   B refuses it (401)");
}

async function checkMail(a: Instance, b: Instance, acme: Awaited<ReturnType<typeof seed>>, catcher: SmtpCatcher, db: Db, count: number) {
  // The admin signs in on B this time, and that one session invites through both instances.
  const admin = await signIn(b, acme.email("ada"));
  const addresses = Array.from({ length: count }, (_, i) => `invitee-${String(i + 1).padStart(2, "0")}@elsewhere.test`);
  step(`c. inviting ${count} people through A and B in turn (invitations.invite as an Admin signed in on B)`);
  for (const [i, email] of addresses.entries()) {
    const app = i % 2 === 0 ? a : b;
    const invited = await call(app, "invitations.invite", {
      cookie: admin,
      org: acme.slug,
      input: { emails: [email], roleId: acme.role("user"), groupId: acme.group("Sales") },
      mutate: true,
    });
    const outcome = (invited.data as { outcome?: string }[] | null)?.[0]?.outcome;
    check(invited.status === 200 && outcome === "invited", `inviting ${email} through ${app.name} answered ${invited.status}: ${invited.text.slice(0, 200)}`);
  }
  step(`   ${count} invitations queued; waiting for the outbox to drain`);

  const invitations = { organizationId: acme.id, kind: "invitation" };
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  for (;;) {
    const waiting = await db.outboxEmail.count({ where: { ...invitations, status: { not: "SENT" } } });
    if (waiting === 0 && catcher.messages.length >= count) break;
    check(
      Date.now() < deadline,
      `after ${DELIVERY_TIMEOUT_MS / 1000} s, ${waiting} invitations are still unsent and ${catcher.messages.length} of ${count} arrived`,
    );
    await new Promise((r) => setTimeout(r, 100));
  }
  step(`   drained: every row SENT, ${catcher.messages.length} emails caught`);
  // A duplicate would come from another pass of either worker: wait out more than one poll.
  await new Promise((r) => setTimeout(r, 2_500));

  const rows = await db.outboxEmail.findMany({ where: invitations, select: { id: true, to: true, status: true, attempts: true } });
  check(rows.length === count, `the outbox holds ${rows.length} invitations, not ${count}`);
  check(
    rows.every((r) => r.status === "SENT" && r.attempts === 1),
    `every invitation should have been claimed once and sent: ${rows.filter((r) => r.attempts !== 1).length} were claimed more often`,
  );
  const received = new Map<string, number>();
  for (const m of catcher.messages) received.set(m.to, (received.get(m.to) ?? 0) + 1);
  const missing = addresses.filter((to) => !received.has(to));
  const twice = [...received].filter(([, n]) => n > 1).map(([to, n]) => `${to} ×${n}`);
  check(
    missing.length === 0 && twice.length === 0 && catcher.messages.length === count,
    `missing: ${missing.join(", ") || "none"}; more than once: ${twice.join(", ") || "none"}`,
  );
  // Each email's Message-ID is its outbox row's id (server/email/transport.ts).
  const ids = new Set(catcher.messages.map((m) => m.messageId.replace(/^<|@.*$/g, "")));
  const unmatched = rows.filter((r) => !ids.has(r.id)).length;
  check(unmatched === 0, `${unmatched} outbox rows have no email with their Message-ID`);

  const by = { A: 0, B: 0 };
  for (const m of catcher.messages) {
    const sender = /Steward ([AB])/.exec(m.from)?.[1] as "A" | "B" | undefined;
    check(sender !== undefined, `an email came from ${m.from}, neither instance`);
    by[sender] += 1;
  }
  step(`   each of the ${count} addresses got exactly one email (Message-IDs match the rows, each row claimed once)`);
  step(
    by.A && by.B
      ? `   both workers delivered: A sent ${by.A}, B sent ${by.B}`
      : `   only ${by.A ? "A" : "B"}'s worker happened to deliver (${by.A || by.B}); still each email once`,
  );
}

async function seed(db: Db) {
  const built = await org(db, "Two Instances")
    .withTree("Sales")
    .withMember("ada", "admin")
    .withMember("ben", "user", "Sales")
    .withMember("cleo", "user", "Sales")
    .create();
  return { ...built, memberCount: 4 };
}

async function main() {
  const count = Number(values.emails);
  if (!Number.isInteger(count) || count < 2) throw new Error(`--emails must be a whole number of at least 2, not "${values.emails}"`);
  const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  console.log(`npm run test:instances: two production servers on one PostgreSQL database, ${count} emails`);
  ensureBuild(values.build);

  const { conn, url, drop } = await openBenchDatabase(server, values.keep);
  const db = createDb(conn);
  const apps: Instance[] = [];
  let catcher: SmtpCatcher | null = null;
  const cleanup = async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    await catcher?.close();
    catcher = null;
    await db.$disconnect();
    await conn.close();
    await drop();
  };
  const stopListening = cleanUpOnSignal(cleanup);
  try {
    await applyMigrations(conn.factory);
    const acme = await seed(db);
    step(`database ${new URL(url!).pathname.slice(1)} migrated; organization "${acme.slug}": the owner and ${acme.memberCount - 1} members`);
    catcher = await startSmtpCatcher();

    // Everything an instance keeps secret is given to both, so neither generates its own.
    const shared = {
      secret: randomBytes(32).toString("base64url"),
      env: {
        STEWARD_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        NEXTAUTH_URL: PUBLIC_ORIGIN,
        SMTP_URL: catcher.url,
        STEWARD_MAIL_WORKER: "on",
        STEWARD_IMPORT_WORKER: "on",
      },
    };
    // The one setting that differs: the sender's name, by which the catcher tells the instances apart.
    const start = async (name: Instance["name"]) => {
      const app = await startApp(url!, { ...shared, env: { ...shared.env, EMAIL_FROM: `Steward ${name} <steward@steward.test>` } });
      apps.push({ ...app, name });
      return { ...app, name };
    };
    const started = await Promise.allSettled([start("A"), start("B")]);
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    const [a, b] = apps.sort((x, y) => x.name.localeCompare(y.name)) as [Instance, Instance];
    step(`A on ${a.origin}, B on ${b.origin}: same database, secrets and public address ${PUBLIC_ORIGIN}; mail to ${catcher.url}`);

    await checkSessions(a, b, acme);
    await checkMail(a, b, acme, catcher, db, count);
    step("passed");
  } catch (error) {
    for (const app of apps) console.error(`\n--- instance ${app.name}'s last log lines ---\n${app.log().join("\n")}`);
    throw error;
  } finally {
    stopListening();
    await cleanup();
  }
}

main().catch((err) => {
  console.error(err instanceof CheckFailed ? `\nFAILED: ${err.message}` : err);
  process.exit(1);
});
