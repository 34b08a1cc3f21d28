// Runs after 01–05-resources on the same server: Initech, owned by peter@initech.test, with
// Samir, an end user (04). The owner creates a custom role through the matrix, gives it to
// Samir, edits it, and deletes it after moving Samir back.
import { expect, test } from "@playwright/test";

test("the owner creates a custom role in the matrix, assigns it, edits it, and deletes it after moving its holder", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("peter@initech.test");
  await page.getByLabel("Password").fill("tps-report-cover");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);

  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Roles" }).click();
  await page.getByRole("button", { name: "New role" }).click();
  const dialog = page.getByRole("dialog", { name: "New role" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Auditor");
  await dialog.getByLabel("Place it just below").selectOption({ label: "Support" });
  await dialog.getByRole("radio", { name: "The whole organization" }).check();
  // By keyboard: focus a permission and tick it with Space.
  await dialog.getByRole("checkbox", { name: /^View members/ }).focus();
  await page.keyboard.press("Space");
  await dialog.getByRole("checkbox", { name: /^View overview/ }).check();
  await dialog.getByRole("button", { name: "Create role" }).click();
  await expect(dialog).toBeHidden();
  const roles = page.getByRole("navigation", { name: "Roles" });
  await expect(roles.getByRole("link")).toContainText(["Support", "Auditor", "Support Restore"]);
  await expect(page.getByRole("heading", { name: /Auditor/ })).toBeVisible();

  // A name already taken is refused in words, whatever its case.
  await page.getByRole("button", { name: "New role" }).click();
  await dialog.getByRole("textbox", { name: "Name" }).fill("auditor");
  await dialog.getByRole("checkbox", { name: /^View members/ }).check();
  await dialog.getByRole("radio", { name: "The whole organization" }).check();
  await dialog.getByRole("button", { name: "Create role" }).click();
  await expect(dialog.getByRole("alert")).toContainText("already exists");
  await page.keyboard.press("Escape");

  // Samir holds it from his member page.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Members" }).click();
  await page.getByRole("link", { name: /Samir/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Samir/ })).toBeVisible();
  await page.getByRole("button", { name: "Change role", exact: true }).click();
  await page.getByRole("dialog").getByRole("combobox").selectOption({ label: "Auditor" });
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /Change role|Save/ })
    .click();
  await expect(page.getByRole("dialog")).toBeHidden();

  // Edit: a description; then delete, moving Samir back to User.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Roles" }).click();
  await roles.getByRole("link", { name: "Auditor" }).click();
  await expect(page.getByText("Held by")).toBeVisible();
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Auditor" });
  await edit.getByRole("textbox", { name: "Description" }).fill("Reads members for the yearly audit.");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText("Reads members for the yearly audit.")).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  const del = page.getByRole("dialog", { name: "Delete Auditor" });
  await expect(del).toContainText("1 member holds Auditor");
  await del.getByLabel("Move the holders to").selectOption({ label: "User" });
  await del.getByRole("button", { name: "Move and delete" }).click();
  await expect(del).toBeHidden();
  await expect(roles.getByRole("link", { name: "Auditor" })).toHaveCount(0);
});
