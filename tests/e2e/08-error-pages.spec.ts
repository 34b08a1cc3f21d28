// Runs after 05 on the same server: Initech, owned by peter@initech.test; Samir is an end
// user (04) with the password "no-talent-ass-clown". Error pages are Steward's own: inside the
// console's frame for an organization's addresses, with the reason and the way back.
import { expect, test, type Page } from "@playwright/test";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
}

test("a page outside one's role is a 403 that says which permission is missing; an unknown address is a 404 inside the console; outside it, Steward's own 404", async ({
  page,
}) => {
  await signIn(page, "samir@initech.test", "no-talent-ass-clown");
  const nav = page.getByRole("navigation", { name: "Console" });

  const refused = await page.goto("/o/initech/members");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You can’t open this page" })).toBeVisible();
  await expect(page.getByText("Your role User does not have “View members”.")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Resources" })).toBeVisible();
  await expect(page).toHaveTitle("Members · Steward");

  // Another permission, another reason.
  const audit = await page.goto("/o/initech/audit");
  expect(audit?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You can’t open this page" })).toBeVisible();
  await expect(page.getByText("Your role User does not have “View audit log”.")).toBeVisible();
  await page.getByRole("link", { name: "← Back to the start page" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);

  // Reached by a client-side navigation, which keeps the console's layout: the same page, with
  // this page's reason. No link leads there for Samir, so the router is asked directly.
  await page.evaluate(() => (window as unknown as { next: { router: { push(href: string): void } } }).next.router.push("/o/initech/invitations"));
  await expect(page).toHaveURL(/\/o\/initech\/invitations$/);
  await expect(page.getByRole("heading", { name: "You can’t open this page" })).toBeVisible();
  await expect(page.getByText("Your role User does not have “Create members”.")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Resources" })).toBeVisible();

  const missing = await page.goto("/o/initech/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing to see here" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Resources" })).toBeVisible();
  await page.getByRole("link", { name: "← Back to the start page" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);

  const outside = await page.goto("/no-such-page");
  expect(outside?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
