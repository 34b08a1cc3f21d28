// How a page answers the API's refusal of its read (server.ts applies it with Next's
// redirect and notFound). Kept free of Next so that the tests can hold it to the gate.
import { TRPCError } from "@trpc/server";
import { requirementOf } from "./requirement";

/** Where a page is: its organization (null outside /o/[slug]) and its own path with its
 * query, where signing in leads back to. */
export type PageAt = { slug: string | null; path: string };

export type PageAnswer = { redirect: string } | { notFound: true } | { forbidden: string };

/**
 * Not signed in: to sign-in, and back to this very page afterwards. A one-time password to
 * change or a second factor the organization requires: to the account page that does it.
 * Outside the organization or the span, or an id that cannot exist: the 404 page. Any other
 * refusal: the page shows the API's reason. Anything else is not a refusal: null.
 */
export function pageAnswer(err: unknown, at: PageAt): PageAnswer | null {
  if (!(err instanceof TRPCError)) return null;
  if (err.code === "UNAUTHORIZED") return { redirect: `/signin?callbackUrl=${encodeURIComponent(at.path)}` };
  if (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST") return { notFound: true };
  if (err.code !== "FORBIDDEN") return null;
  const requirement = requirementOf(err);
  if (requirement === "PASSWORD_CHANGE") return { redirect: "/account/password" };
  if (requirement === "TWO_FACTOR_SETUP") return { redirect: at.slug ? `/account/security?required=${encodeURIComponent(at.slug)}` : "/account/security" };
  return { forbidden: err.message };
}
