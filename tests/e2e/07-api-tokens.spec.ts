// Runs after 05 on the same server: Initech, owned by peter@initech.test, who owns the job
// quarterly-tps (05-resources). A script is Playwright's own HTTP client, without cookies.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
}

/** One call as a script makes it: a bearer token, JSON in superjson's envelope, no cookie. */
async function call(request: APIRequestContext, token: string, procedure: string, input: unknown, write = false) {
  const headers = { authorization: `Bearer ${token}` };
  const envelope = JSON.stringify({ json: input });
  const response = write
    ? await request.post(`/api/trpc/${procedure}`, { headers: { ...headers, "content-type": "application/json" }, data: envelope })
    : await request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(envelope)}`, { headers });
  const body = (await response.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string } } };
  return { status: response.status(), data: body.result?.data.json, message: body.error?.json.message };
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
  const list = await call(request, secret, "resources.list", { pageSize: 50 });
  expect(list.status).toBe(200);
  const job = (list.data as { rows: Array<{ id: string; name: string }> }).rows.find((r) => r.name === "quarterly-tps")!;
  expect(job).toBeTruthy();
  const started = await call(request, secret, "resources.act", { resourceId: job.id, action: "run", note: "nightly by agent" }, true);
  expect(started.status).toBe(200);
  const { activityId } = started.data as { activityId: string };
  const finished = await call(request, secret, "resources.finishRun", { activityId, outcome: "SUCCEEDED", output: "42 reports covered" }, true);
  expect(finished.status).toBe(200);

  // The console shows the run, reported through the token's member, and the token as used.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "nightly by agent" }).first()).toContainText("succeeded");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "tps agent" })).toContainText("last used");

  // Revoked: the script's next call is 401.
  await page.getByRole("button", { name: "Revoke tps agent" }).click();
  await expect(page.getByText("No API tokens")).toBeVisible();
  const after = await call(request, secret, "resources.list", { pageSize: 50 });
  expect(after.status).toBe(401);
  expect(after.message).toBe("This API token has been revoked.");
  await request.dispose();
});
