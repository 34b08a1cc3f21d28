// Runs after 01-first-run.spec.ts on the same server (files run in name order, one worker):
// Initech exists, owned by peter@initech.test, with the group Research.
import { expect, type Page, test } from "@playwright/test";
import { signIn, signOut } from "../support/e2e";

async function addMember(page: Page, name: string, email: string, role: string | null, group: string, username = ""): Promise<string> {
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a member" });
  await dialog.getByLabel("Full name").fill(name);
  await dialog.getByLabel("Email").fill(email);
  if (username) await dialog.getByLabel("Username (optional)").fill(username);
  if (role) await dialog.getByLabel("Role").selectOption({ label: role });
  await dialog.getByLabel("Home group").selectOption({ label: `\u00a0\u00a0${group}` });
  await dialog.getByRole("button", { name: "Add member" }).click();
  const password = await page.getByTestId("one-time-password").textContent();
  await page.getByRole("button", { name: "Done" }).click();
  return password!.trim();
}

async function firstSignIn(page: Page, email: string, oneTimePassword: string, newPassword: string) {
  await signIn(page, email, oneTimePassword);
  await expect(page).toHaveURL(/\/account\/password$/);
  // A password the server refuses is answered beside its field, in words, and the field is marked.
  await page.getByLabel("Current password").fill(oneTimePassword);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  const field = page.getByLabel("New password", { exact: true });
  await expect(field).toHaveAccessibleDescription(/at least 10 characters/i);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("form").getByRole("alert")).toHaveCount(0);
  await page.getByLabel("Current password").fill(oneTimePassword);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
}

test("a Group Admin sees only their subtree, creates a member, who must change the one-time password", async ({ page }) => {
  await signIn(page, "peter@initech.test", "tps-report-cover");
  await expect(page).toHaveURL(/\/o\/initech$/);
  const ginaPassword = await addMember(page, "Gina Group", "gina@initech.test", "Group Admin", "Research");
  await addMember(page, "Bill Lumbergh", "bill@initech.test", "Admin", "Research");
  await signOut(page);

  await firstSignIn(page, "gina@initech.test", ginaPassword, "gina-own-password");
  await page.getByRole("link", { name: "Members" }).click();
  // Her span: herself only so far; neither the owner nor the Admin, who outrank her.
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("cell", { name: /^Gina Group/ })).toBeVisible();
  await expect(page.getByText("Bill Lumbergh")).toHaveCount(0);

  const miltonPassword = await addMember(page, "Milton Waddams", "milton@initech.test", null, "Research", "milton");
  await expect(page.getByRole("cell", { name: /^Milton Waddams/ })).toBeVisible();
  await signOut(page);

  // Milton signs in with his username rather than his email.
  await firstSignIn(page, "milton", miltonPassword, "red-stapler-2026");
  // An end user administers nothing: no overview, only their membership.
  await expect(page.getByRole("heading", { name: "Welcome, Milton Waddams" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
});
