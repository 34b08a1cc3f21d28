// The API as server components call it: the same procedures, and so the same gate, as
// /api/trpc, called in-process with the request's session. Pages read through
// `readForPage`, which answers the gate's refusals the way a page should.
import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { pageAnswer, type PageAt } from "./page-answer";
import { notePageRead } from "./page-refusal";
import { requestContext } from "./request-context";
import { createCaller } from "./root";

export type ServerApi = ReturnType<typeof createCaller>;

/** One caller per request and organization. The layout and the page share it, and its memo
 * resolves the session and the membership once for both. */
export const serverApi = cache(async (orgSlug: string | null): Promise<ServerApi> => {
  const context = await requestContext(await headers(), orgSlug);
  return createCaller({ ...context, memo: new Map() });
});

/** A page's read: its data, or the reason the API refused (FORBIDDEN), for the page to refuse
 * with (components/refuse-page.tsx). */
export type PageRead<T> = { allowed: true; data: T } | { allowed: false; reason: string };

/** Runs `read` against the API for the page at `at`, and answers a refusal as pageAnswer
 * says: a redirect, the 404 page, or the reason for the page to refuse with, a 403 inside the
 * console (components/refuse-page.tsx). The read is noted for the request: the forbidden
 * page waits for it (server/trpc/page-refusal.ts). */
export function readForPage<T>(at: PageAt, read: (api: ServerApi) => Promise<T>): Promise<PageRead<T>> {
  return notePageRead(answerForPage(at, read));
}

async function answerForPage<T>(at: PageAt, read: (api: ServerApi) => Promise<T>): Promise<PageRead<T>> {
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
 * email, their organizations, and the links beside the switcher (creating an organization,
 * the operators' console). Null when nobody is signed in: the layout cannot know the
 * page's path, so it leaves sending the person to sign in (and back) to the page. An
 * organization that refuses its own members (suspended by the operators) answers with the
 * reason instead of the frame, for the layout to show in place of the console.
 */
export async function readShell(slug: string) {
  const api = await serverApi(slug);
  const me = await api.account.me().catch((err: unknown) => {
    if (err instanceof TRPCError && err.code === "UNAUTHORIZED") return null;
    throw err;
  });
  if (!me) return null;
  const [frame, creation] = await Promise.all([readForPage({ slug, path: `/o/${slug}` }, (a) => a.console.you()), api.instance.creation()]);
  const person = {
    viewer: { name: me.name, email: me.email },
    organizations: me.organizations,
    isOperator: me.isOperator,
    mayCreateOrganization: creation.allowed,
  };
  // console.you asks for no permission: its only other refusal is the organization's own.
  if (!frame.allowed) return { ...person, refused: frame.reason } as const;
  return { ...person, ...frame.data, refused: null };
}

/** The signed-in viewer, for the account pages: they need nothing else. */
export async function viewerForPage(path: string) {
  const me = await readForPage({ slug: null, path }, (api) => api.account.me());
  if (!me.allowed) throw new Error(me.reason); // authedProcedure refuses only the signed-out
  return me.data;
}
