"use client";
// System, Light or Dark, as three radio buttons drawn as one segmented control: arrow keys
// move between them as with any radio group.
import { useId, useSyncExternalStore } from "react";
import { cx } from "./ui";
import { THEME_CHANGE_EVENT, THEME_KEY, type ThemeChoice } from "./theme";

const CHOICES: Array<{ value: ThemeChoice; label: string }> = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener(THEME_CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(THEME_CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function choose(choice: ThemeChoice) {
  try {
    if (choice === "system") window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Without storage the choice cannot be kept; the page stays as it is.
    return;
  }
  // The script in <head> (theme.ts) listens for this and sets data-theme on <html>.
  window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
}

export function ThemeToggle({ className }: { className?: string }) {
  // The server cannot know the stored choice: it renders "System", and the browser's own
  // answer replaces it right after hydration.
  const current = useSyncExternalStore(subscribe, readChoice, () => "system" as const);
  const name = useId();
  return (
    <fieldset className={className}>
      <legend className="sr-only">Theme</legend>
      <div className="inline-flex rounded-md p-0.5 ring-1 ring-inset ring-slate-300">
        {CHOICES.map((c) => (
          <label
            key={c.value}
            className={cx(
              "cursor-pointer rounded px-2 py-1 text-xs font-medium",
              "has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-indigo-600",
              current === c.value ? "bg-slate-100 text-slate-900" : "text-slate-500 hover:text-slate-900",
            )}
          >
            <input type="radio" name={name} value={c.value} checked={current === c.value} onChange={() => choose(c.value)} className="sr-only" />
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function subscribeToTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

/** The theme in force ("light" or "dark"), for the few widgets that draw their own colours. */
export function useResolvedTheme() {
  return useSyncExternalStore(
    subscribeToTheme,
    () => (document.documentElement.dataset.theme === "dark" ? "dark" : "light"),
    () => "light" as const,
  );
}
