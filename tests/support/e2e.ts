// What several end-to-end specs do alike: sign in and out through the pages, and read the
// email Steward sent to an address from the loopback SMTP server (tests/support/e2e-mail-server.ts).
import { expect, type Page } from "@playwright/test";

const MAIL = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT ?? 2527}`;
export type Mail = { to: string; subject: string; html: string; text: string };

/** The newest email to `address`, waiting up to 20 s for one to arrive. */
export async function mailTo(page: Page, address: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const messages = (await (await page.request.get(`${MAIL}/messages?to=${encodeURIComponent(address)}`)).json()) as Mail[];
        found = messages[0];
        return messages.length;
      },
      { timeout: 20_000, message: `an email to ${address}` },
    )
    .toBeGreaterThan(0);
  return found!;
}

/** Fills in the sign-in page and sends it; callers wait for where it leads. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}
