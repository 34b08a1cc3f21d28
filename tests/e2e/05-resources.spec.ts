// Runs after 01–04 on the same server: Initech, owned by peter@initech.test; Samir is an
// end user (04) with the password "no-talent-ass-clown".
import { expect, type Page, test } from "@playwright/test";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
}

async function createJob(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Resources" }).click();
  await page.getByRole("button", { name: "New resource" }).click();
  const dialog = page.getByRole("dialog", { name: "New resource" });
  await dialog.getByLabel("Type").selectOption({ label: "Job" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

test("an admin grants a team Run on a job; a member of the team sees that job only, runs it, reports it failed, and the activity shows it", async ({
  page,
}) => {
  await signIn(page, "peter@initech.test", "tps-report-cover");

  // A team with Samir in it.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Teams" }).click();
  await page.getByRole("button", { name: "New team" }).click();
  await page.getByRole("dialog", { name: "New team" }).getByLabel("Name").fill("Ops");
  await page.getByRole("button", { name: "Create team" }).click();
  await page.getByRole("button", { name: "Add member" }).click();
  const add = page.getByRole("dialog", { name: "Add a member to Ops" });
  await add.getByLabel("Find a member in your span").fill("samir");
  await add.getByRole("button", { name: "Add Samir Nagheenanajar" }).click();
  await expect(page.getByText("Samir Nagheenanajar")).toBeVisible();
  // Teams are edited in place: a description, the name kept.
  await page.getByRole("button", { name: "Edit team Ops" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Ops" });
  await expect(edit.getByLabel("Name")).toHaveValue("Ops");
  await edit.getByLabel("Description (optional)").fill("Runs the nightly jobs");
  await edit.getByRole("button", { name: "Save team" }).click();
  await expect(page.getByText("Runs the nightly jobs")).toBeVisible();

  // Two jobs; the team gets Run on one of them.
  await createJob(page, "quarterly-tps");
  await createJob(page, "payroll-export");
  await page.getByRole("link", { name: "← Resources" }).click();
  await page.getByRole("link", { name: "quarterly-tps" }).click();
  await page.getByRole("tab", { name: "Access" }).click();
  await page.getByLabel("To a").selectOption("TEAM");
  await page.getByRole("combobox", { name: "Access", exact: true }).selectOption({ label: "Run (view, run)" });
  await page.getByLabel("Find a team").fill("Ops");
  await page.getByRole("button", { name: "Choose Ops" }).click();
  await page.getByRole("button", { name: "Give access" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Ops" }).getByRole("combobox")).toHaveValue("run");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Samir sees that job and only it, and runs it.
  await signIn(page, "samir@initech.test", "no-talent-ass-clown");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Resources" }).click();
  await expect(page.getByRole("link", { name: "quarterly-tps" })).toBeVisible();
  await expect(page.getByRole("link", { name: "payroll-export" })).toHaveCount(0);
  await expect(page.getByText("1–1 of 1")).toBeVisible();
  await page.getByRole("link", { name: "quarterly-tps" }).click();
  await expect(page.getByText("Run", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("tab", { name: "Access" })).toHaveCount(0);
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByText("Run started")).toBeVisible();
  const run = page.getByRole("listitem").filter({ hasText: "by Samir Nagheenanajar" }).first();
  await expect(run.getByText("running", { exact: true })).toBeVisible();
  // Whoever carried the run out reports how it ended, by keyboard too.
  await run.getByRole("button", { name: "Report outcome" }).click();
  const dialog = page.getByRole("dialog", { name: "How did this run end?" });
  await dialog.getByLabel("Failed").check();
  await dialog.getByLabel("Output or error (optional)").fill("TPS cover sheet missing");
  await dialog.getByRole("button", { name: "Save outcome" }).click();
  await expect(dialog).toBeHidden();
  await expect(run.getByText("failed", { exact: true })).toBeVisible();
  await expect(run.getByText(/Failed after .*, reported by Samir Nagheenanajar/)).toBeVisible();
  await run.getByText("Output").click();
  await expect(run.getByText("TPS cover sheet missing")).toBeVisible();

  // The organization's activity page shows it too; the other job stays hidden.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: /Run\s+of quarterly-tps\s+by Samir Nagheenanajar/ })).toBeVisible();
  await expect(page.getByText("payroll-export")).toHaveCount(0);
});

test("the owner gives team Ops View only on all jobs and the right to create them; Samir then sees every job and creates one, by keyboard", async ({
  page,
}) => {
  await signIn(page, "peter@initech.test", "tps-report-cover");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Org-wide access" }).click();
  await expect(page.getByText("Nobody has organization-wide access")).toBeVisible();
  await page.getByLabel("To a").selectOption("TEAM");
  await page.getByLabel("On", { exact: true }).selectOption({ label: "All jobs" });
  await page.getByRole("combobox", { name: "Access", exact: true }).selectOption({ label: "View only (view)" });
  await page.getByLabel("May create jobs").check();
  await page.getByLabel("Find a team").fill("Ops");
  await page.getByRole("button", { name: "Choose Ops" }).click();
  await page.getByRole("button", { name: "Give access" }).click();
  await expect(page.getByText("View only on all jobs; may create jobs")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, "samir@initech.test", "no-talent-ass-clown");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Resources" }).click();
  await expect(page.getByRole("link", { name: "payroll-export" })).toBeVisible();
  await expect(page.getByRole("link", { name: "quarterly-tps" })).toBeVisible();
  // Creating: only jobs are offered, and the keyboard reaches every field.
  await page.getByRole("button", { name: "New resource" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New resource" });
  await expect(dialog.getByLabel("Type").locator("option")).toHaveText(["Job"]);
  await dialog.getByLabel("Name").fill("samirs-report");
  await dialog.getByLabel("Name").press("Enter");
  await expect(page.getByRole("heading", { name: "samirs-report" })).toBeVisible();
  await expect(page.getByText("Full access", { exact: true })).toBeVisible();
});

test("the owner pages through the resources list by cursor, by keyboard, and changes the page size", async ({ page, baseURL }) => {
  await signIn(page, "peter@initech.test", "tps-report-cover");
  // Thirty monitors through the API (the browser's own session), named to sort after the jobs.
  for (let i = 1; i <= 30; i++) {
    const created = await page.request.post("/api/trpc/resources.create", {
      headers: { "x-steward-org": "initech", origin: baseURL! },
      data: { json: { type: "monitor", name: `zz-monitor-${String(i).padStart(2, "0")}` } },
    });
    expect(created.status()).toBe(200);
  }
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Resources" }).click();
  const position = page.getByText(/^\d+–\d+ of \d+$/);
  await expect(position).toHaveText(/^1–25 of \d+$/);
  const total = Number((await position.textContent())!.split(" of ")[1]);
  expect(total).toBeGreaterThanOrEqual(33);
  expect(total).toBeLessThanOrEqual(50); // two pages of 25, one of 50
  await expect(page.getByRole("link", { name: "payroll-export" })).toBeVisible();
  await expect(page.getByRole("link", { name: "zz-monitor-30" })).toHaveCount(0);

  await page.getByRole("button", { name: "Next", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(position).toHaveText(`26–${total} of ${total}`);
  await expect(page.getByRole("link", { name: "zz-monitor-30" })).toBeVisible();
  await expect(page.getByRole("link", { name: "payroll-export" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Next", exact: true })).toBeDisabled();

  await page.getByRole("button", { name: "Previous", exact: true }).click();
  await expect(position).toHaveText(`1–25 of ${total}`);
  // The last page comes full, as the first does.
  await page.getByRole("button", { name: "Last page of resources" }).click();
  await expect(position).toHaveText(`${total - 24}–${total} of ${total}`);
  await expect(page.getByRole("link", { name: "zz-monitor-30" })).toBeVisible();
  await page.getByRole("button", { name: "First page of resources" }).click();
  await expect(position).toHaveText(`1–25 of ${total}`);
  await expect(page.getByRole("button", { name: "First page of resources" })).toBeDisabled();

  // A larger page shows them all, from the first.
  await page.getByLabel("Per page").selectOption("50");
  await expect(position).toHaveText(`1–${total} of ${total}`);
  await expect(page.getByRole("link", { name: "zz-monitor-30" })).toBeVisible();
});
