import { expect, test } from "@playwright/test";

test("fresh start: setup, sign in, create a subgroup, see it in the tree, sign out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Steward" })).toBeVisible();

  // A bad email is refused with a specific message and nothing is created.
  await page.getByLabel("Organization name").fill("Initech");
  await page.getByLabel("Your name").fill("Peter Gibbons");
  await page.getByLabel("Your email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("tps-report-cover");
  await page.getByLabel("Confirm password").fill("tps-report-cover");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();

  await page.getByLabel("Your email").fill("peter@initech.test");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  // Setup is gone for good.
  const setupAgain = await page.request.get("/setup");
  expect(setupAgain.status()).toBe(404);

  // Sign out, then sign in through the sign-in page.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill("peter@initech.test");
  await page.getByLabel("Password").fill("wrong password!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main form [role=alert]")).toContainText("do not match");
  await page.getByLabel("Password").fill("tps-report-cover");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);

  // Create a subgroup of the root group, by keyboard.
  await page.getByRole("link", { name: "Groups" }).click();
  await expect(page.getByRole("treeitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Add subgroup to Initech" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New subgroup of Initech" });
  await expect(dialog).toBeVisible();
  await page.keyboard.type("Research");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  // The change is confirmed in words, in a notice read out politely.
  await expect(page.getByRole("region", { name: /^Notices/ }).getByText("Group created.")).toBeVisible();
  await expect(page.getByTestId("group-name")).toHaveText(["Initech", "Research"]);

  // A duplicate name is refused with a clear error.
  await page.getByRole("button", { name: "Add subgroup to Initech" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("textbox", { name: "Name" }).fill("Research");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByRole("alert")).toContainText("already exists");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  // The group survives a reload (it is in the database, not in the page).
  await page.reload();
  await expect(page.getByTestId("group-name")).toHaveText(["Initech", "Research"]);

  // The tree by keyboard: Tab reaches one row, arrows move between rows and open and close
  // them, and Tab goes on to that row's actions.
  const initech = page.getByRole("treeitem", { name: "Initech" });
  const research = page.getByRole("treeitem", { name: "Research" });
  await page.getByRole("heading", { level: 1, name: "Groups" }).click();
  await page.keyboard.press("Tab");
  await expect(initech).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(research).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(initech).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(initech).toHaveAttribute("aria-expanded", "false");
  await expect(research).toBeHidden();
  await page.keyboard.press("ArrowRight");
  await expect(initech).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("r");
  await expect(research).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Policy of Research" })).toBeFocused();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // A deep link survives signing in.
  await page.goto("/o/initech/groups");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fo%2Finitech%2Fgroups$/);
  await page.getByLabel("Email").fill("peter@initech.test");
  await page.getByLabel("Password").fill("tps-report-cover");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech\/groups$/);
  await expect(page.getByTestId("group-name")).toHaveText(["Initech", "Research"]);
});
