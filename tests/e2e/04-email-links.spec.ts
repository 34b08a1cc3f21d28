// Runs after 01–03 on the same server: Initech, owned by peter@initech.test, with the group
// Research. Steward sends to the loopback SMTP server that playwright.config.ts starts.
import { expect, test } from "@playwright/test";
import { mailTo } from "../support/e2e";

test("the owner invites an address; the invitee activates from the email and sees only what the role allows", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("peter@initech.test");
  await page.getByLabel("Password").fill("tps-report-cover");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);

  await page.getByRole("link", { name: "Invitations" }).click();
  await page.getByRole("button", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  // A mistyped address in the list is answered on its own; the good one is still invited.
  await dialog.getByLabel("Email addresses").fill("samir@initech.test, samir.initech.test");
  await dialog.getByLabel("Role").selectOption({ label: "User" });
  await dialog.getByLabel("Home group").selectOption({ label: "\u00a0\u00a0Research" });
  await dialog.getByRole("button", { name: "Send 2 invitations" }).click();
  const results = page.getByRole("list", { name: "Result per address" }).getByRole("listitem");
  await expect(results).toHaveCount(2);
  await expect(results.nth(0)).toContainText("samir@initech.test");
  await expect(results.nth(0)).toContainText("invited");
  await expect(results.nth(1)).toContainText("samir.initech.test");
  await expect(results.nth(1)).toContainText("Not a valid email address");
  await expect(results.nth(1)).toContainText("skipped");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: /samir@initech\.test/ })).toContainText("pending");

  const mail = await mailTo(page, "samir@initech.test");
  expect(mail.subject).toBe("Peter Gibbons invited you to Initech on Steward");
  expect(mail.html).toContain("Activate your account");
  const link = mail.text.match(/https?:\/\/\S+\/join\/initech\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, mail.text).toBeTruthy();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Join Initech" })).toBeVisible();
  await page.getByLabel("Your name").fill("Samir Nagheenanajar");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the password").fill("short");
  await page.getByRole("button", { name: "Activate account and join" }).click();
  await expect(page.getByText(/at least 10 characters/)).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("no-talent-ass-clown");
  await page.getByLabel("Repeat the password").fill("no-talent-ass-clown");
  await page.getByRole("button", { name: "Activate account and join" }).click();

  // Signed in as an end user: a welcome page, no administration.
  await expect(page).toHaveURL(/\/o\/initech$/);
  await expect(page.getByRole("heading", { name: "Welcome, Samir Nagheenanajar" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Invitations" })).toHaveCount(0);
  // A page the role does not open: the console's 403, with the API's reason.
  await page.goto("/o/initech/members");
  await expect(page.getByRole("heading", { name: "You can’t open this page" })).toBeVisible();
  await expect(page.getByText("Your role User does not have “View members”.")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Resources" })).toBeVisible();

  // The link worked once.
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This invitation can’t be used" })).toBeVisible();
  await expect(page.getByText(/This invitation to Initech was already used on/)).toBeVisible();

  // The owner sees it accepted.
  await page.goto("/o/initech");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill("peter@initech.test");
  await page.getByLabel("Password").fill("tps-report-cover");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
  await page.getByRole("link", { name: "Invitations" }).click();
  await expect(page.getByRole("row", { name: /samir@initech\.test/ })).toContainText("accepted");
});

test("a member who forgot their password resets it from the emailed link and signs in", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email or username").fill("gina@initech.test");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText("is on its way")).toBeVisible();

  const mail = await mailTo(page, "gina@initech.test");
  expect(mail.subject).toBe("Reset your Steward password");
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, mail.text).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByText("For the account g***@initech.test")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("gina-reset-password");
  await page.getByLabel("Repeat the new password").fill("gina-reset-password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/signin\?notice=password-reset/);
  await expect(page.getByText("Your password was changed")).toBeVisible();
  await expect(page.getByLabel("Email or username")).toHaveValue("gina@initech.test");
  await page.getByLabel("Password").fill("gina-reset-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);

  // The link worked once.
  await page.goto(link!);
  await expect(page.getByText("This password reset link was already used.")).toBeVisible();
});
