// What a console page's refusal needs to know of its request (components/refuse-page.tsx):
// whether the console's layout renders in it, and so Next's forbidden page of /o/[slug]
// (app/o/[slug]/forbidden.tsx, which Next renders beside the layout's pages); and the page's
// refusal, for that forbidden page, which takes no props. One store per server request
// (React's cache).
import "server-only";
import { cache } from "react";

export type PageRefusal = { slug: string; reason: string };

const thisRequest = cache(() => ({ consoleLayout: false, refusal: null as PageRefusal | null, reads: [] as Promise<unknown>[] }));

/** The console's layout (app/o/[slug]/layout.tsx) renders in this request. */
export function noteConsoleLayout(): void {
  thisRequest().consoleLayout = true;
}

/** Whether the console's layout, and so its forbidden page, renders in this request: always
 * when a page is loaded, not on a client-side navigation inside the organization, which keeps
 * the layout, and the forbidden page rendered with it, from the page first loaded. */
export function consoleLayoutRenders(): boolean {
  return thisRequest().consoleLayout;
}

/** Keeps the refusal of this request's page, for its forbidden page. */
export function keepPageRefusal(refusal: PageRefusal): void {
  thisRequest().refusal = refusal;
}

/** Notes a page's read (readForPage), which the page may refuse on: see pageRefusal. */
export function notePageRead<T>(read: Promise<T>): Promise<T> {
  thisRequest().reads.push(read);
  return read;
}

/**
 * The refusal of this request's page; null when forbidden() came from elsewhere. Next renders
 * the forbidden page beside every page of its segment, refused or not, and possibly before the
 * page has decided: so this first waits until the page's reads have settled and the page has
 * gone on from them (it refuses right after the read the API refused), again for as long as
 * the page starts new reads.
 */
export async function pageRefusal(): Promise<PageRefusal | null> {
  const request = thisRequest();
  for (let settled = -1; request.refusal === null && request.reads.length > settled;) {
    settled = request.reads.length;
    await Promise.allSettled(request.reads);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return request.refusal;
}
