// Light or dark: the person's choice in localStorage (none means "follow the system"),
// resolved to data-theme="light" | "dark" on <html>, which app/globals.css keys the dark
// palette on. The root layout inlines themeScript in <head> so the page is painted in the
// right theme from the start; the toggle (theme-toggle.tsx) writes the choice and asks the
// same script to apply it, so there is one place that decides.

export const THEME_KEY = "steward-theme";
export const THEME_CHANGE_EVENT = "steward-theme-change";
export type ThemeChoice = "system" | "light" | "dark";

/** Inlined as source text (see app/layout.tsx), so it must use nothing from outside itself. */
export function themeScript(key: string, changeEvent: string) {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    let choice: string | null = null;
    try {
      choice = window.localStorage.getItem(key);
    } catch {
      // Storage can be switched off; the system setting still applies.
    }
    const dark = choice === "dark" || (choice !== "light" && media.matches);
    document.documentElement.dataset.theme = dark ? "dark" : "light";
  };
  apply();
  // "System" follows the setting as it changes; another tab's choice applies here too.
  media.addEventListener("change", apply);
  window.addEventListener("storage", (e) => e.key === key && apply());
  window.addEventListener(changeEvent, apply);
}

export const themeScriptSource = `(${themeScript.toString()})(${JSON.stringify(THEME_KEY)}, ${JSON.stringify(THEME_CHANGE_EVENT)})`;
