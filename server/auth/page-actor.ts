// For pages under /o/[slug]: the signed-in viewer and their membership there, or the
// redirect / 404 a page should answer with.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getDb } from "../db";
import { decideTwoFactorRequired } from "../authz";
import { loadActor } from "../services/actor";
import { StewardError } from "../services/errors";
import { getViewer } from "./viewer";

export async function requirePageActor(slug: string) {
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
  // The organization's policy leads members through enrollment before anything else.
  if (decideTwoFactorRequired(actor.twoFactorPolicy, actor.role).allowed && !viewer.hasTwoFactor) redirect(`/account/security?required=${slug}`);
  return { viewer, actor };
}
