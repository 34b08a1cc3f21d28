// Ctrl+K (⌘K on a Mac) opens the command palette (command-palette.tsx), which listens only once
// React has hydrated the page. The console layout inlines earlyPaletteKey, so that a press before
// then is kept rather than lost, or taken by the browser, whose own Ctrl+K moves focus to its
// search bar; the palette takes the press over when it mounts.

const EARLY = "__stewardPaletteKey";
type Early = { take: () => boolean };

/** Whether a key press is the palette's shortcut. Inlined as source text too, so it uses
 * nothing from outside itself. */
export function isPaletteKey(e: KeyboardEvent): boolean {
  return e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
}

/** Inlined as source text (app/o/[slug]/layout.tsx): uses nothing but its arguments. */
function earlyPaletteKey(name: string, isKey: (e: KeyboardEvent) => boolean) {
  let wanted = false;
  const onKey = (e: KeyboardEvent) => {
    if (!isKey(e)) return;
    e.preventDefault();
    wanted = !wanted;
  };
  document.addEventListener("keydown", onKey);
  const early: Early = {
    take: () => {
      document.removeEventListener("keydown", onKey);
      return wanted;
    },
  };
  (window as unknown as Record<string, Early>)[name] = early;
}

export const earlyPaletteKeySource = `(${earlyPaletteKey.toString()})(${JSON.stringify(EARLY)}, ${isPaletteKey.toString()})`;

/** Whether the shortcut was pressed (an odd number of times) before the palette listened;
 * stops the early listener. True at most once per page load. */
export function takeEarlyPaletteKey(): boolean {
  const holder = window as unknown as Record<string, Early | undefined>;
  const early = holder[EARLY];
  delete holder[EARLY];
  return early?.take() ?? false;
}
