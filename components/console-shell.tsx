"use client";
// The console's frame: the sidebar (organization, navigation, who is signed in) beside the
// page. Below the md breakpoint the sidebar becomes a drawer behind a top bar's Menu button,
// so a phone's whole width goes to the page.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { AccountLinkButtons } from "./account-link-buttons";
import { CommandPalette, SearchButton } from "./command-palette";
import { consoleNav } from "./console-nav";
import { ThemeToggle } from "./theme-toggle";
import { Button, cx, Select } from "./ui";

type Org = { slug: string; name: string; role?: string; suspended?: boolean };

export function ConsoleShell({
  organization,
  organizations,
  viewer,
  permissions,
  mayCreateOrganization,
  isOperator,
  children,
}: {
  organization: Org;
  organizations: Org[];
  viewer: { name: string; email: string; role: string };
  permissions: string[];
  /** The links under the switcher: creating another organization, the operators' console. */
  mayCreateOrganization: boolean;
  isOperator: boolean;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const base = `/o/${organization.slug}`;
  const items = consoleNav(permissions);
  // On a phone the palette opens over the drawer, which stays open behind it: Escape comes
  // back to the drawer's Search button, and choosing a match navigates, which closes both.
  const [paletteOpen, setPaletteOpen] = useState(false);

  // The drawer remembers the page it was opened on: any navigation (a link, the
  // organization switcher, the browser's Back) closes it, during render rather than in an
  // effect, so the new page never paints under an open drawer.
  const [openOn, setOpenOn] = useState<string | null>(null);
  if (openOn !== null && openOn !== pathname) setOpenOn(null);
  const open = openOn === pathname;
  const close = () => setOpenOn(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    // Focus goes into the drawer when it opens and back to the Menu button when it closes.
    if (open) closeButton.current?.focus();
    else if (wasOpen.current) menuButton.current?.focus();
    wasOpen.current = open;
    if (!open) return;
    // Escape inside a dialog over the drawer (the command palette) closes that dialog only.
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !(e.target instanceof Element && e.target.closest("dialog")) && setOpenOn(null);
    // Widening the window past md shows the sidebar in place; the drawer state would
    // otherwise linger and keep the page inert.
    const wide = window.matchMedia("(min-width: 48rem)");
    const onWide = () => wide.matches && setOpenOn(null);
    document.addEventListener("keydown", onKey);
    wide.addEventListener("change", onWide);
    return () => {
      document.removeEventListener("keydown", onKey);
      wide.removeEventListener("change", onWide);
    };
  }, [open]);

  // A link to the page already shown changes no path, so link clicks close the drawer too.
  const closeOnLink = (e: MouseEvent) => {
    if (open && e.target instanceof Element && e.target.closest("a")) close();
  };

  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header inert={open} className="sticky top-0 z-30 flex h-14 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 md:hidden">
        <p className="min-w-0 truncate text-sm font-semibold text-slate-900">
          <span className="mr-2 text-xs tracking-wide text-indigo-600">STEWARD</span>
          {organization.name}
        </p>
        <Button ref={menuButton} variant="secondary" size="sm" aria-expanded={open} aria-controls="console-sidebar" onClick={() => setOpenOn(pathname)}>
          Menu
        </Button>
      </header>
      {open && <div aria-hidden className="fixed inset-0 z-40 bg-black/50 md:hidden" onClick={close} />}
      <div className="md:flex md:min-h-screen">
        <aside
          id="console-sidebar"
          onClick={closeOnLink}
          className={cx(
            "flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white",
            "max-md:fixed max-md:inset-y-0 max-md:left-0 max-md:z-50 max-md:w-72 max-md:max-w-[85vw] max-md:overflow-y-auto max-md:shadow-xl",
            !open && "max-md:hidden",
          )}
        >
          <div className="border-b border-slate-200 px-4 py-4">
            <div className="flex items-center justify-between gap-2">
              <p className="text-xs font-semibold tracking-wide text-indigo-600">STEWARD</p>
              <Button ref={closeButton} variant="ghost" size="sm" className="md:hidden" onClick={close}>
                Close menu
              </Button>
            </div>
            {organizations.length > 1 ? (
              <>
                <label htmlFor="org-switcher" className="sr-only">
                  Organization
                </label>
                <Select id="org-switcher" className="mt-2" value={organization.slug} onChange={(e) => router.push(`/o/${e.target.value}`)}>
                  {organizations.map((o) => (
                    <option key={o.slug} value={o.slug}>
                      {o.suspended ? `${o.name} (suspended)` : o.name}
                    </option>
                  ))}
                </Select>
              </>
            ) : (
              <p className="mt-1 truncate text-sm font-semibold text-slate-900" title={organization.name}>
                {organization.name}
              </p>
            )}
            {(mayCreateOrganization || isOperator) && (
              <div className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs font-medium">
                {mayCreateOrganization && (
                  <Link href="/organizations/new" className="text-indigo-600 hover:text-indigo-500">
                    + New organization
                  </Link>
                )}
                {isOperator && (
                  <Link href="/admin" className="text-indigo-600 hover:text-indigo-500">
                    Instance admin
                  </Link>
                )}
              </div>
            )}
          </div>
          <div className="px-2 pt-3">
            <SearchButton onClick={() => setPaletteOpen(true)} />
          </div>
          <nav aria-label="Console" className="flex-1 space-y-1 px-2 py-3">
            {items.map((item) => {
              const href = `${base}${item.href}`;
              const active = item.href === "" ? pathname === base : pathname.startsWith(href);
              return (
                <Link
                  key={item.label}
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cx(
                    "block rounded-md px-3 py-2 text-sm font-medium",
                    active ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                  )}
                >
                  {item.label}
                </Link>
              );
            })}
          </nav>
          <div className="border-t border-slate-200 px-4 py-4">
            <p className="truncate text-sm font-medium text-slate-900">{viewer.name}</p>
            <p className="truncate text-xs text-slate-500">{viewer.email}</p>
            <p className="mt-0.5 text-xs text-slate-500">{viewer.role}</p>
            <div className="mt-3">
              <AccountLinkButtons />
            </div>
            <ThemeToggle className="mt-3" />
          </div>
        </aside>
        <main id="main" inert={open} className="min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">
          {children}
        </main>
      </div>
      <CommandPalette base={base} pages={items} open={paletteOpen} onOpenChange={setPaletteOpen} />
    </>
  );
}
