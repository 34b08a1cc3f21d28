// The API as server components call it: the same procedures, and so the same gate, as
// /api/trpc, called in-process with the request's session. Pages read through
// `readForPage`, which answers the gate's refusals the way a page should.
import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { pageAnswer, type PageAt } from "./page-answer";
import { requestContext } from "./request-context";
import { createCaller } from "./root";

export type ServerApi = ReturnType<typeof createCaller>;

/** One caller per request and organization. The layout and the page share it, and its memo
 * resolves the session and the membership once for both. */
export const serverApi = cache(async (orgSlug: string | null): Promise<ServerApi> => {
  const context = await requestContext(await headers(), orgSlug);
  return createCaller({ ...context, memo: new Map() });
});

/** A page's read: its data, or the reason the API refused (FORBIDDEN), to show in the page. */
export type PageRead<T> = { allowed: true; data: T } | { allowed: false; reason: string };

/** Runs `read` against the API for the page at `at`, and answers a refusal as pageAnswer
 * says: a redirect, the 404 page, or the reason for the page to show inside the console
 * (components/forbidden.tsx). */
export async function readForPage<T>(at: PageAt, read: (api: ServerApi) => Promise<T>): Promise<PageRead<T>> {
  try {
    return { allowed: true, data: await read(await serverApi(at.slug)) };
  } catch (err) {
    const answer = pageAnswer(err, at);
    if (!answer) throw err;
    if ("redirect" in answer) redirect(answer.redirect);
    if ("notFound" in answer) {
      // An organization that changed its address: its members' old links lead to the new one.
      const moved = at.slug ? await movedTo(at.slug) : null;
      if (moved) redirect(`/o/${moved}${at.path.slice(`/o/${at.slug}`.length)}`);
      notFound();
    }
    return { allowed: false, reason: answer.forbidden };
  }
}

async function movedTo(slug: string): Promise<string | null> {
  const api = await serverApi(null);
  const moved = await api.account.movedOrganization({ slug }).catch(() => null);
  return moved?.slug ?? null;
}

/**
 * The console shell's facts, for the /o/[slug] layout: the member's frame, their name and
 * email, and their organizations. Null when nobody is signed in: the layout cannot know the
 * page's path, so it leaves sending the person to sign in (and back) to the page.
 */
export async function readShell(slug: string) {
  const api = await serverApi(slug);
  const me = await api.account.me().catch((err: unknown) => {
    if (err instanceof TRPCError && err.code === "UNAUTHORIZED") return null;
    throw err;
  });
  if (!me) return null;
  const frame = await readForPage({ slug, path: `/o/${slug}` }, (a) => a.console.you());
  if (!frame.allowed) throw new Error(frame.reason); // console.you asks for no permission
  return { ...frame.data, viewer: { name: me.name, email: me.email }, organizations: me.organizations };
}

/** The signed-in viewer, for the account pages: they need nothing else. */
export async function viewerForPage(path: string) {
  const me = await readForPage({ slug: null, path }, (api) => api.account.me());
  if (!me.allowed) throw new Error(me.reason); // authedProcedure refuses only the signed-out
  return me.data;
}
