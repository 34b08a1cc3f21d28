/**
 * Everything tRPC in one place: the request context, initialization, and the kinds of
 * procedure. Edit this file to change how requests are authenticated or scoped; routers
 * only pick a procedure kind.
 *
 * - publicProcedure: anyone.
 * - authedProcedure: a signed-in person whose session is still valid (re-checked per request).
 * - orgProcedure(permission): a member of the organization named by the request (header
 *   x-steward-org), whose role holds `permission`. The acting member is `ctx.actor`. A pending
 *   password change or 2FA setup is refused with an UnmetRequirement cause (requirement.ts).
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { decidePermission, decideTwoFactorRequired, type Permission } from "../authz";
import type { Db } from "../db";
import { resolveViewer, type SessionClaims } from "../auth/session";
import { loadActor } from "../services/actor";
import { StewardError } from "../services/errors";
import { once, type RequestMemo } from "./memo";
import { requirementRefusal } from "./requirement";

// ---- 1. Context --------------------------------------------------------------------

export type Context = {
  db: Db;
  claims: SessionClaims | null;
  /** The organization the request is about: the slug of the page's /o/[slug] URL. */
  orgSlug: string | null;
  ip: string | null;
  /** Server components only: the viewer and membership resolved once per request (memo.ts). */
  memo?: RequestMemo;
};

export const ORG_HEADER = "x-steward-org";

// ---- 2. Initialization -------------------------------------------------------------

function describeZodError(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zod ? describeZodError(zod) : shape.message,
      data: { ...shape.data, zodError: zod ? z.flattenError(zod) : null, stack: undefined },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// ---- 3. Procedure kinds ------------------------------------------------------------

/** Services speak StewardError; callers get the same code as a TRPCError. Invalid input
 * gets a readable message, for server-side callers as much as over the wire. */
const translateErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof StewardError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
    if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: describeZodError(cause), cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(translateErrors);

const viewerOf = (ctx: Context) => once(ctx.memo, "viewer", () => resolveViewer(ctx.db, ctx.claims));
const actorOf = (ctx: Context, userId: string, orgSlug: string) => once(ctx.memo, `actor:${userId}:${orgSlug}`, () => loadActor(ctx.db, userId, orgSlug));

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const viewer = await viewerOf(ctx);
  if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue; your session has ended or is not valid." });
  return next({ ctx: { ...ctx, viewer } });
});

/** Public, but knows who is signed in (viewer null when nobody is): for pages reached
 * from emailed links, which behave differently for the right person. */
export const optionalViewerProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const viewer = await viewerOf(ctx);
  return next({ ctx: { ...ctx, viewer } });
});

/** An active member of the organization named by the request; with a permission, only if
 * their role holds it. `null`: every member (resources decide by grants, not by role). */
export function orgProcedure(permission: Permission | null) {
  return authedProcedure.use(async ({ ctx, next }) => {
    if (ctx.viewer.mustChangePassword) {
      throw requirementRefusal("PASSWORD_CHANGE", "Change your one-time password before you continue.");
    }
    if (!ctx.orgSlug) throw new TRPCError({ code: "BAD_REQUEST", message: `No organization given (header ${ORG_HEADER}).` });
    const actor = await actorOf(ctx, ctx.viewer.userId, ctx.orgSlug);
    const twoFactor = decideTwoFactorRequired(actor.twoFactorPolicy, actor.role);
    if (twoFactor.allowed && !ctx.viewer.hasTwoFactor) {
      throw requirementRefusal("TWO_FACTOR_SETUP", `${twoFactor.reason} Set it up under 2FA before you continue.`);
    }
    const decision = permission ? decidePermission(actor, permission) : null;
    if (decision && !decision.allowed) throw new TRPCError({ code: "FORBIDDEN", message: decision.reason });
    return next({ ctx: { ...ctx, actor: { ...actor, ip: ctx.ip } } });
  });
}
