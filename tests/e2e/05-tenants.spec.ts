// Runs after 01–05-roles on the same server: Initech, owned by peter@initech.test, who set
// Steward up and so is its first operator. He opens sign-up to anyone; a new person signs
// up (the link read from the loopback SMTP server), creates an organization and invites
// someone; Peter suspends it, and the invitee and the owner are refused with the reason.
import { expect, test } from "@playwright/test";
import { mailTo, signIn, signOut } from "../support/e2e";

test("a newcomer signs up, creates an organization and invites someone; an operator suspends it and both are refused", async ({ page }) => {
  // The operator lets anyone sign up.
  await signIn(page, "peter@initech.test", "tps-report-cover");
  await expect(page).toHaveURL(/\/o\/initech$/);
  await page.getByRole("link", { name: "Instance admin" }).click();
  await expect(page).toHaveURL(/\/admin/);
  await page.getByRole("radio", { name: /^Anyone/ }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await signOut(page);

  // A newcomer signs up from the sign-in page and confirms the address from the email.
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await page.getByLabel("Your name").fill("Bill Lumbergh");
  await page.getByLabel("Email").fill("bill@lumbergh.test");
  await page.getByLabel("Password", { exact: true }).fill("yeah-if-you-could");
  await page.getByLabel("Repeat the password").fill("yeah-if-you-could");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/Check your inbox/)).toBeVisible();
  const mail = await mailTo(page, "bill@lumbergh.test");
  const link = mail.text.match(/https?:\/\/\S+\/signup\/verify\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, mail.text).toBeTruthy();
  await page.goto(link!);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText(/Your account is ready/)).toBeVisible();
  // The link is spent.
  await page.goto(link!);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText(/already used/)).toBeVisible();

  // Signed in, the newcomer creates an organization and becomes its owner.
  await signIn(page, "bill@lumbergh.test", "yeah-if-you-could");
  await expect(page.getByRole("heading", { name: "No organization" })).toBeVisible();
  await page.getByRole("link", { name: "Create an organization" }).click();
  await expect(page).toHaveURL(/\/organizations\/new$/);
  await page.getByLabel("Name").fill("Lumbergh Consulting");
  await expect(page.getByLabel("Address")).toHaveValue("lumbergh-consulting");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/o\/lumbergh-consulting$/);

  // … and invites someone.
  await page.getByRole("link", { name: "Invitations" }).click();
  await page.getByRole("button", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  await dialog.getByLabel("Email addresses").fill("nina@lumbergh.test");
  await dialog.getByLabel("Role").selectOption({ label: "User" });
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("list", { name: "Result per address" })).toContainText("invited");
  await page.getByRole("button", { name: "Done" }).click();
  const invitation = (await mailTo(page, "nina@lumbergh.test")).text.match(/https?:\/\/\S+\/join\/lumbergh-consulting\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(invitation).toBeTruthy();
  // The owner reads it in the audit log, in words.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByText("Bill Lumbergh invited nina@lumbergh.test as User")).toBeVisible();
  await signOut(page);

  // The operator suspends it, with a reason.
  await signIn(page, "peter@initech.test", "tps-report-cover");
  await expect(page).toHaveURL(/\/o\/initech$/);
  await page.goto("/admin");
  await page.getByRole("button", { name: "Suspend Lumbergh Consulting" }).click();
  const suspend = page.getByRole("dialog", { name: "Suspend Lumbergh Consulting?" });
  await suspend.getByLabel("Reason (optional)").fill("Unpaid invoice");
  await suspend.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByRole("row", { name: /Lumbergh Consulting/ })).toContainText("suspended");
  await signOut(page);

  // The invitee's link is refused with the reason; so is the owner at their next request.
  await page.goto(invitation!);
  await expect(page.getByRole("heading", { name: "This invitation can’t be used" })).toBeVisible();
  await expect(page.getByText(/Lumbergh Consulting is suspended.*Unpaid invoice/)).toBeVisible();
  await signIn(page, "bill@lumbergh.test", "yeah-if-you-could");
  await expect(page.getByRole("heading", { name: "No organization" })).toBeVisible();
  await page.goto("/o/lumbergh-consulting/members");
  await expect(page.getByRole("heading", { name: "Lumbergh Consulting is suspended" })).toBeVisible();
  await expect(page.getByText(/Unpaid invoice/)).toBeVisible();
});
