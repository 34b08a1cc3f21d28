// Runs after 05 on the same server: Initech, owned by peter@initech.test, who owns the job
// quarterly-tps (05-resources). A script is Playwright's own HTTP client, without cookies,
// calling the REST API (/api/v1).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
}

/** One call as a script makes it: the REST API, a bearer token, JSON, no cookie. */
async function call(request: APIRequestContext, token: string, method: "GET" | "POST", path: string, body?: unknown) {
  const headers = { authorization: `Bearer ${token}` };
  const response = method === "POST" ? await request.post(`/api/v1${path}`, { headers, data: body }) : await request.get(`/api/v1${path}`, { headers });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status(), data: json, message: typeof json.message === "string" ? json.message : undefined };
}

test("a member makes a token, a script lists resources and reports a run with it, the activity shows it, and revoking it stops the script", async ({
  page,
  playwright,
}) => {
  await signIn(page, "peter@initech.test", "tps-report-cover");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Name").fill("tps agent");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByLabel("The new token").innerText()).trim();
  expect(secret).toMatch(/^stw_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("cannot show it again")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "tps agent" })).toContainText("never used");

  // The script: no cookies, no Origin.
  const request = await playwright.request.newContext({ baseURL: new URL(page.url()).origin, extraHTTPHeaders: {} });
  const me = await call(request, secret, "GET", "/me");
  expect(me.data).toMatchObject({ organization: { slug: "initech" }, token: { name: "tps agent" } });
  const list = await call(request, secret, "GET", "/resources?pageSize=50");
  expect(list.status).toBe(200);
  const job = (list.data as { rows: Array<{ id: string; name: string }> }).rows.find((r) => r.name === "quarterly-tps")!;
  expect(job).toBeTruthy();
  const started = await call(request, secret, "POST", `/resources/${job.id}/actions`, { action: "run", note: "nightly by agent" });
  expect(started.status).toBe(200);
  const { activityId } = started.data as { activityId: string };
  const finished = await call(request, secret, "POST", `/runs/${activityId}/outcome`, { outcome: "SUCCEEDED", output: "42 reports covered" });
  expect(finished.status).toBe(200);

  // The console shows the run, reported through the token's member, and the token as used.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "nightly by agent" }).first()).toContainText("succeeded");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "tps agent" })).toContainText("last used");

  // Revoked: the script's next call is 401.
  await page.getByRole("button", { name: "Revoke tps agent" }).click();
  await expect(page.getByText("No API tokens")).toBeVisible();
  const after = await call(request, secret, "GET", "/resources");
  expect(after.status).toBe(401);
  expect(after.message).toBe("This API token has been revoked.");
  await request.dispose();

  // The reference the script was written from, rendered from /api/v1/openapi.json.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "Steward API" })).toBeVisible({ timeout: 30_000 });
  // Its sidebar groups the routes; the one the script used to report the run is among them.
  await expect(page.getByText("Runs", { exact: true }).first()).toBeVisible();
});
