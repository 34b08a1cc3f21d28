import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const E2E_MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2527);

// Debian's Chromium (no browser download works on our machines), on a fresh embedded
// database started exactly as `npm start` does.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // The CI machine has two cores shared with the build and the embedded database: a page's
  // refetch after a change can take longer than Playwright's default 5 s there.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      // A real SMTP server on loopback: Steward's invitations and notices arrive there.
      command: "node_modules/.bin/tsx tests/support/e2e-mail-server.ts",
      url: `http://127.0.0.1:${E2E_MAIL_HTTP_PORT}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { E2E_SMTP_PORT: String(E2E_SMTP_PORT), E2E_MAIL_HTTP_PORT: String(E2E_MAIL_HTTP_PORT) },
    },
    {
      command: "rm -rf .steward-e2e && node scripts/start.mjs",
      url: `http://localhost:${PORT}/signin`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        DATABASE_URL: "",
        STEWARD_DATA_DIR: ".steward-e2e/pgdata",
        STEWARD_STATE_DIR: ".steward-e2e",
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        EMAIL_FROM: "Steward <steward@initech.test>",
      },
    },
  ],
});
