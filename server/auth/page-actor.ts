// For pages under /o/[slug]: the signed-in viewer and their membership there, or the
// redirect / 404 a page should answer with.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getDb } from "../db";
import { decideSessionInOrganization, decideTwoFactorRequired, holds } from "../authz";
import type { Permission } from "../authz/permissions";
import { loadActor } from "../services/actor";
import { StewardError } from "../services/errors";
import { getViewer } from "./viewer";

/** With a permission, a viewer whose role lacks it gets the 404 page, as the API's refusal. */
export async function requirePageActor(slug: string, permission?: Permission) {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/o/${slug}`)}`);
  if (viewer.mustChangePassword) redirect("/account/password");
  let actor;
  try {
    actor = await loadActor(getDb(), viewer.userId, slug);
  } catch (err) {
    if (err instanceof StewardError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  if (!decideSessionInOrganization(viewer.sessionStartedAt, actor.sessionsValidFrom).allowed) notFound();
  // The organization's policy leads members through enrollment before anything else.
  if (decideTwoFactorRequired(actor.twoFactorPolicy, actor.role).allowed && !viewer.hasTwoFactor) redirect(`/account/security?required=${slug}`);
  if (permission && !holds(actor.role, permission)) notFound();
  return { viewer, actor };
}
