// Runs after 02-members.spec.ts: Milton (username "milton") exists with his own password.
import { expect, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

const code = (secret: string, offsetSeconds = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSeconds * 1000 });

/** Waits out the last seconds of a 30-second step, so a code computed now is still within the server's window when it arrives. */
async function awayFromStepEnd() {
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 24) await new Promise((resolve) => setTimeout(resolve, (30 - intoStep + 0.5) * 1000));
}

test("turn on two-factor sign-in, sign out, sign in with a code computed here", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email or username").fill("milton");
  await page.getByLabel("Password").fill("red-stapler-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);

  await page.getByRole("link", { name: "2FA" }).click();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  // The previous step's code confirms enrollment, leaving the current one for sign-in. Near
  // the end of a step it would be two steps old on arrival, outside the window: wait it out.
  await awayFromStepEnd();
  await page.getByLabel("Code from the app").fill(code(secret, -30));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);

  await page.goto("/o/initech");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Email or username").fill("milton");
  await page.getByLabel("Password").fill("red-stapler-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  const codeField = page.getByLabel("Authentication code");
  await expect(codeField).toBeVisible();
  await codeField.fill("000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main form [role=alert]")).toContainText("not right");
  await awayFromStepEnd();
  await codeField.fill(code(secret));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
  await expect(page.getByRole("heading", { name: "Welcome, Milton Waddams" })).toBeVisible();
});
