// Runs after 01–05 on the same server: Initech, owned by peter@initech.test; Samir
// Nagheenanajar is an end user there (04). The command palette opens on Control+K, finds a
// member by part of their name, and Enter opens their page; open, it passes axe-core in
// both palettes, as 10 checks every page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "../support/e2e";

test("Control+K, part of a member's name and Enter open that member's page", async ({ page }) => {
  await signIn(page, "peter@initech.test", "tps-report-cover");
  await expect(page).toHaveURL(/\/o\/initech$/);
  await expect(page.getByRole("button", { name: /^Search…/ })).toBeVisible();

  const palette = page.getByRole("dialog", { name: "Quick search" });
  // The shortcut listens once the page has hydrated, which the visible button does not show.
  await expect(async () => {
    await page.keyboard.press("Control+K");
    await expect(palette).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const input = palette.getByRole("combobox");
  await expect(input).toBeFocused();
  await input.fill("naghee");
  const samir = palette.getByRole("option", { name: /Samir Nagheenanajar/ });
  await expect(samir).toHaveAttribute("aria-selected", "true");
  await expect(palette.getByText("Members", { exact: true })).toBeVisible();

  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const { violations } = await new AxeBuilder({ page })
      .setLegacyMode(true)
      .include("dialog[open]")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${theme}: ${v.id} ${v.help}`)).toEqual([]);
  }

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/o\/initech\/members\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Samir Nagheenanajar" })).toBeVisible();
  await expect(palette).toBeHidden();

  // Nothing the viewer may open: the palette says so, and Escape closes it.
  await page.keyboard.press("Control+K");
  await palette.getByRole("combobox").fill("zzz-no-such-thing");
  await expect(palette.getByText("No matches you can open.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
});

test("Control+K pressed while the page is still loading its scripts opens the palette once they run", async ({ page }) => {
  await signIn(page, "peter@initech.test", "tps-report-cover");
  await expect(page).toHaveURL(/\/o\/initech$/);

  // The page's scripts are held back (routing also keeps them out of the browser's cache), so
  // the press lands before React has hydrated anything.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/o/initech/groups", { waitUntil: "commit" });
  // The console layout's own inline script has run: the page is drawn, React is not there yet.
  await page.waitForFunction(() => "__stewardPaletteKey" in window);
  const palette = page.getByRole("dialog", { name: "Quick search" });
  await page.keyboard.press("Control+K");
  await expect(page.locator("dialog[open]")).toHaveCount(0);
  release();

  await expect(palette).toBeVisible();
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
});
