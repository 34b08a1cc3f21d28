// Runs last, on the same server as 01–05 (Initech, owned by peter@initech.test): what the
// real HTTP server answers to hostile requests. The sign-in burst at the end exhausts the
// limit of this machine's address, so nothing may sign in after it.
import { request as httpRequest } from "node:http";
import { expect, type Page, test } from "@playwright/test";

const OWNER = { email: "peter@initech.test", password: "tps-report-cover" };
const PORT = Number(process.env.E2E_PORT ?? 3210);
const ORIGIN = `http://localhost:${PORT}`;

/** A raw request, headers only: what the server answers before any body is read. */
function rawStatus(headers: Record<string, string>, method = "POST", path = "/api/trpc/account.me"): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "localhost", port: PORT, method, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.flushHeaders();
  });
}

async function signIn(page: Page, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("every page carries the security headers, and Next's scripts run under the nonce policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/signin");
  const headers = response!.headers();
  const nonce = headers["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // A fresh nonce on every response.
  const again = await page.request.get("/signin");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
  // The page is interactive: React hydrated under the policy.
  await signIn(page);
  await expect(page).toHaveURL(/\/o\/initech$/);
  expect(violations).toEqual([]);
});

test("after sign-in Steward goes only to its own pages, whatever callbackUrl says", async ({ page }) => {
  for (const target of ["/\\evil.example", "//evil.example/o", "https://evil.example/"]) {
    await page.context().clearCookies();
    await signIn(page, target);
    await page.waitForURL((url) => url.origin === ORIGIN && !url.pathname.startsWith("/signin"));
    expect(new URL(page.url()).origin).toBe(ORIGIN);
  }
  await page.context().clearCookies();
  await signIn(page, "/o/initech/groups");
  await expect(page).toHaveURL(/\/o\/initech\/groups$/);
});

test("requests from other sites change nothing: the API and next-auth refuse them", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/o\/initech$/);
  // A page elsewhere posting a form with the session cookie attached (a simple request).
  const crossSite = await page.request.post("/api/trpc/account.endOtherSessions", {
    headers: { origin: "https://evil.example" },
    multipart: { x: "1" },
  });
  expect(crossSite.status()).toBe(403);
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const forgedSignIn = await page.request.post("/api/auth/callback/credentials", {
    headers: { origin: "https://evil.example" },
    form: { csrfToken: csrf.csrfToken, email: OWNER.email, password: OWNER.password, json: "true" },
  });
  expect(forgedSignIn.status()).toBe(403);
  // The same request from Steward's own pages works.
  const ours = await page.request.post("/api/trpc/account.endOtherSessions", {
    headers: { origin: ORIGIN, "content-type": "application/json" },
    data: { json: null },
  });
  expect(ours.status()).toBe(200);
});

test("oversized headers and bodies are refused before they are read", async () => {
  expect(await rawStatus({ "x-padding": "x".repeat(20_000) }, "GET", "/signin")).toBe(431);
  expect(await rawStatus({ "content-type": "application/json", "content-length": String(64 * 1024 * 1024), origin: ORIGIN })).toBe(413);
  expect(await rawStatus({ "content-type": "application/json", "transfer-encoding": "chunked", origin: ORIGIN })).toBe(411);
});

test("a forged X-Forwarded-For buys no extra password checks", async ({ request }) => {
  // A different login and a different claimed address on every attempt: without
  // TRUSTED_PROXIES all of them count against this machine's one address, whose first 20
  // failures are free and then must wait.
  const outcomes: string[] = [];
  for (let i = 0; i < 30; i++) {
    const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { origin: ORIGIN, "x-forwarded-for": `198.51.100.${i}` },
      form: { csrfToken: csrf.csrfToken, email: `nobody${i}@initech.test`, password: "wrong password!", json: "true" },
    });
    const { url } = (await response.json()) as { url: string };
    outcomes.push(new URL(url).searchParams.get("error")?.split(":")[0] ?? "none");
  }
  // Earlier specs' failures from this address count too, so at most 20 were checked.
  const checked = outcomes.filter((o) => o === "CredentialsSignin").length;
  expect(checked).toBeLessThanOrEqual(20);
  expect(outcomes.filter((o) => o === "sign-in-locked")).toHaveLength(30 - checked);
});
