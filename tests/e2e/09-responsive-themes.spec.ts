// Runs after 08 on the same server: Initech, owned by peter@initech.test, with members
// added in 02. On a phone's width the console's navigation hides behind a Menu button and
// tables scroll within their frame; the theme follows the system until someone picks one.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/e2e";

/** The page's background as red, green and blue, whatever colour syntax the CSS used. */
async function bodyBackground(page: Page) {
  return page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d")!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the navigation opens from Menu and closes on navigation, Escape and a click outside; the members table keeps names in view", async ({ page }) => {
    await signIn(page, "peter@initech.test", "tps-report-cover");
    await expect(page).toHaveURL(/\/o\/initech$/);
    const nav = page.getByRole("navigation", { name: "Console" });
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    // Escape closes it, and focus goes back to the button.
    await menu.click();
    await expect(nav).toBeVisible();
    await expect(page.getByRole("button", { name: "Close menu" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    // A click beside the drawer closes it.
    await menu.click();
    await expect(nav).toBeVisible();
    await page.mouse.click(375, 600);
    await expect(nav).toBeHidden();

    // Going somewhere through it closes it.
    await menu.click();
    await nav.getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL(/\/o\/initech\/members$/);
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
    await expect(nav).toBeHidden();

    // The table scrolls inside its frame, not the page, and the name column stays in view.
    const name = page.getByRole("link", { name: "Milton Waddams" });
    await expect(name).toBeInViewport();
    const frame = page.getByRole("table").locator("xpath=..");
    const scrolled = await frame.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(0);
    await expect(name).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("with the system in dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("the console is dark, and choosing Light holds across a reload", async ({ page }) => {
    await page.goto("/signin");
    const html = page.locator("html");
    await expect(html).toHaveAttribute("data-theme", "dark");
    expect(Math.max(...(await bodyBackground(page)))).toBeLessThan(60);

    await page.getByLabel("Email").fill("peter@initech.test");
    await page.getByLabel("Password").fill("tps-report-cover");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/o\/initech$/);
    await expect(html).toHaveAttribute("data-theme", "dark");
    const theme = page.getByRole("group", { name: "Theme" });
    await expect(theme.getByRole("radio", { name: "System" })).toBeChecked();

    // The radios are drawn as a segmented control: a person clicks the words.
    await theme.getByText("Light").click();
    await expect(html).toHaveAttribute("data-theme", "light");
    expect(Math.min(...(await bodyBackground(page)))).toBeGreaterThan(200);

    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "light");
    await expect(theme.getByRole("radio", { name: "Light" })).toBeChecked();
    expect(Math.min(...(await bodyBackground(page)))).toBeGreaterThan(200);

    // Back to System: dark again, as the system says.
    await theme.getByText("System").click();
    await expect(html).toHaveAttribute("data-theme", "dark");
  });
});
