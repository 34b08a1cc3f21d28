// Runs after 09 on the same server: Initech, owned by peter@initech.test; Gina Group, a Group
// Admin of Research (02), whose password 04 reset; Samir, an end user (04); sign-up open to
// anyone (05-tenants). Milton has two-factor sign-in (03), so he is no viewer here. The first
// test adds a Support member; nothing else is changed, and every sign-in succeeds: 06 spent
// this address's allowance of failures.
//
// Every page each viewer's sidebar links to, a member's and a resource's page, and the
// signed-out pages are checked by axe-core against WCAG 2.1 A and AA, at a desktop's and a
// phone's width, in the light and the dark palette. Serious and critical findings fail, all
// of them listed with where they were found.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import type { Result } from "axe-core";
import { RAW_PAGE_TEXT } from "../support/raw-text";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// A theme changes colours and nothing else (app/globals.css swaps the palette), so in the dark
// one only the rules about colour run again. A width changes what is shown and where, so every
// rule runs at both.
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

type Viewer = { label: string; email: string; password: string };
const OWNER: Viewer = { label: "owner", email: "peter@initech.test", password: "tps-report-cover" };
const GROUP_ADMIN: Viewer = { label: "Group Admin", email: "gina@initech.test", password: "gina-reset-password" };
const END_USER: Viewer = { label: "end user", email: "samir@initech.test", password: "no-talent-ass-clown" };
// Added below by the owner, as 02 adds members: the fourth kind of viewer issue 17 names.
const SUPPORT: Viewer = { label: "Support member", email: "nina@initech.test", password: "corporate-accounts-payable" };

/** One finding, with enough to find the element again: its selector, its markup, and the
 * check's own words (for contrast, the two colours and the ratio). */
function inWords(v: Result, where: string) {
  const nodes = v.nodes.slice(0, 5).map((n) => {
    const detail = [...n.any, ...n.all, ...n.none][0]?.message;
    const html = n.html.length > 160 ? `${n.html.slice(0, 160)}…` : n.html;
    return [`      ${n.target.join(" ")}`, `        ${html}`, ...(detail ? [`        ${detail}`] : [])].join("\n");
  });
  const more = v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : [];
  return [`  [${v.impact}] ${v.id} on ${where}: ${v.help}`, ...nodes, ...more].join("\n");
}

/** Checks the page as it stands at each width, light then dark, and returns what fails, in
 * words. Width and colour scheme change in place, without reloading: the layout and the
 * "System" theme follow the browser, so one visit serves every look. */
async function audit(page: Page, where: string, sizes = [DESKTOP, PHONE]): Promise<string[]> {
  const found: string[] = [];
  for (const size of sizes) {
    await page.setViewportSize(size);
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      // Buttons and links fade between colours (transition-colors): axe must see where they
      // end, not a mix of the two palettes. A fade cut short by another ends too.
      await page.evaluate(() => {
        const fades = document.getAnimations().filter((a) => a instanceof CSSTransition);
        return Promise.all(fades.map((a) => a.finished.catch(() => null)));
      });
      // Legacy mode runs axe in the page itself; the default also opens a blank page to
      // merge results across frames, which this app has none of and which doubles the time.
      // What a width shows differs (a table's rows become cards on a phone): no raw text in either.
      if (theme === "light") expect(await pageText(page), `the text of ${where}, ${size.width} px`).not.toMatch(RAW_PAGE_TEXT);
      const axe = new AxeBuilder({ page }).setLegacyMode(true);
      if (theme === "light") axe.withTags(TAGS);
      else axe.withRules(COLOUR_RULES);
      // Scalar's API reference on /api is a third-party widget: its markup is its maintainers'
      // to fix. Everything around it on that page is still checked.
      const { violations } = await axe.exclude("[data-third-party=scalar]").analyze();
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      found.push(...serious.map((v) => inWords(v, `${where}, ${size.width} px, ${theme}`)));
    }
  }
  return found;
}

/** Opens a page and waits for its main heading and for its lists to have loaded. The viewer
 * opens only what their sidebar offers, so anything but a 200 is unexpected (a 403 or 404). */
async function open(page: Page, path: string) {
  const answer = await page.goto(path);
  expect(answer?.status(), `the status of ${path}`).toBe(200);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

/** The page's visible text as a person reads it, without the third-party API reference. */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const scalar = document.querySelector<HTMLElement>("[data-third-party=scalar]")?.innerText;
    const text = document.body.innerText;
    return scalar ? text.replace(scalar, "") : text;
  });
}

async function signIn(browser: Browser, viewer: Viewer) {
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email or username").fill(viewer.email);
  await page.getByLabel("Password").fill(viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
  return { context, page };
}

/** Every page the viewer's sidebar links to (the menu, the account pages, the operators'
 * console), the first member and resource their lists show, and two states no address
 * reaches: a resource's Access tab and the phone's open menu. */
async function auditConsole(browser: Browser, viewer: Viewer) {
  const { context, page } = await signIn(browser, viewer);
  const found: string[] = [];
  const as = (what: string) => `${what} as the ${viewer.label}`;

  const paths = await page.locator("#console-sidebar a[href^='/']").evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")!))]);
  expect(paths).toContain("/o/initech/resources");
  // The loop picks up the detail pages it adds as it goes.
  for (const path of paths) {
    await open(page, path);
    found.push(...(await audit(page, as(path))));
    if (path === "/o/initech/members") paths.push((await page.locator("main table a[href^='/o/initech/members/']").first().getAttribute("href"))!);
    if (path === "/o/initech/resources") {
      const resource = page.locator("main a[href^='/o/initech/resources/']").first();
      if (await resource.count()) paths.push((await resource.getAttribute("href"))!);
    }
    const accessTab = page.getByRole("tab", { name: "Access" });
    if (/\/resources\/./.test(path) && (await accessTab.count())) {
      await accessTab.click();
      await expect(accessTab).toHaveAttribute("aria-selected", "true");
      found.push(...(await audit(page, as(`${path}, Access tab`))));
    }
  }
  // The owner sees every member and resource, so both detail pages were among those checked.
  if (viewer === OWNER) expect(paths.filter((p) => /\/(members|resources)\/./.test(p))).toHaveLength(2);

  await open(page, "/o/initech");
  await page.setViewportSize(PHONE);
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  found.push(...(await audit(page, as("the open menu"), [PHONE])));

  await context.close();
  return found;
}

function expectNone(found: string[]) {
  expect(found.length, `axe-core found serious or critical violations:\n${found.join("\n")}`).toBe(0);
}

test("the owner adds a Support member, who sets their own password", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email or username").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
  await page.goto("/o/initech/members");
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a member" });
  await dialog.getByLabel("Full name").fill("Nina Support");
  await dialog.getByLabel("Email").fill(SUPPORT.email);
  await dialog.getByLabel("Role").selectOption({ label: "Support" });
  await dialog.getByLabel("Home group").selectOption({ label: "\u00a0\u00a0Research" });
  await dialog.getByRole("button", { name: "Add member" }).click();
  const oneTime = (await page.getByTestId("one-time-password").textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Email or username").fill(SUPPORT.email);
  await page.getByLabel("Password").fill(oneTime);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("Current password").fill(oneTime);
  await page.getByLabel("New password", { exact: true }).fill(SUPPORT.password);
  await page.getByLabel("Confirm new password").fill(SUPPORT.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/o\/initech$/);
});

test.describe("axe-core finds nothing serious or critical", () => {
  // Dozens of pages, each checked four ways: more than the suite's default minute.
  test.describe.configure({ timeout: 240_000 });

  test("on the signed-out pages", async ({ page }) => {
    const found: string[] = [];
    for (const path of ["/signin", "/forgot-password", "/signup"]) {
      await open(page, path);
      found.push(...(await audit(page, `${path}, signed out`)));
    }
    expectNone(found);
  });

  // The viewers change nothing, so they are walked side by side, each in a browser context of
  // its own: axe runs in the page, and one walk at a time left a core idle.
  test("on the pages of the owner, a Group Admin, a Support member and an end user", async ({ browser }) => {
    test.setTimeout(900_000);
    const walks = await Promise.allSettled([OWNER, GROUP_ADMIN, SUPPORT, END_USER].map((viewer) => auditConsole(browser, viewer)));
    const failed = walks.find((w) => w.status === "rejected");
    if (failed) throw failed.reason;
    expectNone(walks.flatMap((w) => (w.status === "fulfilled" ? w.value : [])));
  });
});

/** The focused element shows where focus is: it matches :focus-visible and draws an
 * outline or a ring there, rather than nothing. */
async function expectFocusShown(page: Page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement!;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== "rgba(0, 0, 0, 0)";
    return { text: el.textContent?.trim(), focusVisible: el.matches(":focus-visible"), drawn: outline || style.boxShadow !== "none" };
  });
  expect(focus, `focus on “${focus.text}”`).toEqual({ text: focus.text, focusVisible: true, drawn: true });
}

/** Presses Tab until `target` has focus, as a person would. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 60; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("60 presses of Tab never reached the element");
}

test("by keyboard alone: sign in, open a member's page from the list and come back", async ({ page }) => {
  await page.goto("/signin");
  await tabTo(page, page.getByLabel("Email or username"));
  await expectFocusShown(page);
  await page.keyboard.type(OWNER.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await expectFocusShown(page);
  await page.keyboard.type(OWNER.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/o\/initech$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  await tabTo(page, page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Members" }));
  await expectFocusShown(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/o\/initech\/members$/);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();

  await tabTo(page, page.getByRole("main").getByRole("link", { name: "Samir Nagheenanajar" }));
  await expectFocusShown(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Samir Nagheenanajar" })).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "← Members" }));
  await expectFocusShown(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/o\/initech\/members$/);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
});
