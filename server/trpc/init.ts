/**
 * Everything tRPC in one place: the request context, initialization, and the kinds of
 * procedure. Edit this file to change how requests are authenticated or scoped; routers
 * only pick a procedure kind.
 *
 * - publicProcedure: anyone.
 * - authedProcedure: a signed-in person whose session is still valid (re-checked per request).
 * - operatorProcedure: an instance operator (/admin); grants nothing inside organizations.
 * - orgProcedure(permission): a member of the organization named by the request (header
 *   x-steward-org), whose role holds `permission`. The acting member is `ctx.actor`. A pending
 *   password change or 2FA setup is refused with an UnmetRequirement cause (requirement.ts).
 *   With an API token (Authorization: Bearer stw_…), the token's member now, narrowed by the
 *   token (services/api-tokens.ts); only these procedures accept a token.
 * - sessionOrgProcedure(permission): as orgProcedure, for a signed-in session only (tokens
 *   never manage tokens).
 */
import { randomBytes } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError, ZodRealError } from "zod";
import {
  decideOperate,
  decidePermission,
  decideSessionInOrganization,
  decideSessionLifetime,
  decideTokenAge,
  decideTokenCall,
  decideTwoFactorRequired,
  type Permission,
} from "../authz";
import { effectivePolicyAt } from "../services/policies";
import type { Db } from "../db";
import { isDatabaseUnavailable, isLostRace } from "../db/errors";
import { resolveViewer, type SessionClaims } from "../auth/session";
import { loadSessionActor, type SessionActor } from "../auth/session-actor";
import { authenticateToken } from "../services/api-tokens";
import { StewardError } from "../services/errors";
import { describeZodError, fieldLabel, findInputProblem } from "./input-errors";
import { MAX_BATCH_SIZE } from "./limits";
import { once, type RequestMemo } from "./memo";
import { requirementOf, requirementRefusal } from "./requirement";
import { transformer } from "./transformer";

// ---- 1. Context --------------------------------------------------------------------

export type Context = {
  db: Db;
  claims: SessionClaims | null;
  /** The organization the request is about: the slug of the page's /o/[slug] URL. */
  orgSlug: string | null;
  ip: string | null;
  /** The viewer and membership resolved once per request (memo.ts): server components, and
   * the HTTP handler's batches of queries. */
  memo?: RequestMemo;
  /** The request's API token (Authorization: Bearer), when it came with one: then the
   * session cookie is ignored, and only organization procedures answer. */
  bearer?: string | null;
  /** Set only by Steward's own server code calling the API in process (a download route
   * recording what it streamed); the HTTP handler never sets it. */
  serverSide?: true;
};

export const ORG_HEADER = "x-steward-org";

// ---- 2. Initialization -------------------------------------------------------------

export const DATABASE_UNAVAILABLE = "Steward cannot reach its database right now. Try again in a few seconds.";
/** The Retry-After (seconds) of every answer that the database could not give. */
export const DATABASE_RETRY_AFTER_S = 5;

/** An unexpected error, logged in full under a new id; the caller gets that id and nothing
 * else. The API's formatter and the download routes (server/http/download.ts) answer with it. */
export function faultMessage(error: unknown, where: string): string {
  const id = randomBytes(6).toString("hex");
  console.error(`[steward] error ${id} in ${where}:`, error);
  return `Something went wrong on our side (error ${id}). Try again; if it keeps happening, give this id to your administrator.`;
}

/** Per-field messages for forms, keyed by the input's top-level field, in sentences. Names
 * that no form has and only hostile input brings ("constructor", "__proto__", "prototype")
 * are left out: as keys they would reach Object.prototype, and superjson refuses to send them. */
function fieldErrors(error: ZodError): Record<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key !== "string" || key in Object.prototype || key === "prototype") continue;
    fields.set(key, [...(fields.get(key) ?? []), issue.message]);
  }
  return Object.fromEntries(fields);
}

const UNREADABLE = "The request could not be read: its body is not valid JSON.";
const NOT_OUR_FORM = "The request could not be read: its input is not in the form Steward's API client sends.";
export const NOT_JSON = "Send the request body as JSON (Content-Type: application/json).";

/** Refusals of a request's shape, in our words. tRPC reads the request (JSON, superjson's
 * envelope, batches) before any procedure runs, and its refusals carry its libraries' own
 * texts ("Trying to deserialize unknown class … github.com/…", "Iterator value x is not an
 * entry object", "Unsupported content-type …"): none of them passes. Ours come from a
 * StewardError (or a ZodError, described before this). */
function badRequestMessage(error: TRPCError): string {
  if (error.cause instanceof StewardError) return error.message;
  // The parser's own text ("Expected property name … at position 1") stays here.
  if (error.cause instanceof SyntaxError || error.cause instanceof RangeError) return UNREADABLE;
  if (error.message === "Batch call exceeds maximum size") return `A request may carry at most ${MAX_BATCH_SIZE} calls.`;
  if (error.message.startsWith("Cannot mix procedure types")) return "A batch cannot mix reads and changes: send them as separate requests.";
  return NOT_OUR_FORM;
}

/** What a caller may read of an error: our own messages pass; tRPC's parser and batch texts
 * become sentences; anything unexpected is logged under an id and answered with that id only. */
function publicMessage(error: TRPCError, path: string | undefined): string {
  if (error.cause instanceof ZodError) return describeZodError(error.cause);
  switch (error.code) {
    case "INTERNAL_SERVER_ERROR":
      return faultMessage(error.cause ?? error, path ?? "request");
    case "PARSE_ERROR":
      return UNREADABLE;
    case "BAD_REQUEST":
      return badRequestMessage(error);
    case "UNSUPPORTED_MEDIA_TYPE":
      // tRPC refuses other content types before our own check (server/http/trpc-handler.ts) runs.
      return NOT_JSON;
    case "METHOD_NOT_SUPPORTED":
      return "This procedure does not accept that HTTP method.";
    case "NOT_FOUND":
      return path && error.message.startsWith("No procedure found") ? "There is no such procedure." : error.message;
    default:
      return error.message;
  }
}

/** What any caller may read of an error, for the tRPC formatter and the REST API
 * (server/http/rest-handler.ts) alike. */
export function publicError(error: TRPCError, path: string | undefined) {
  const zod = error.cause instanceof ZodError ? error.cause : null;
  return {
    message: publicMessage(error, path),
    /** Per-field messages for forms, keyed by the input's top-level field. */
    fieldErrors: zod ? fieldErrors(zod) : null,
    /** What the person must do first (change their password, set up 2FA), for clients to lead them there. */
    requirement: requirementOf(error),
  };
}

/** `openapi`: the procedure's REST route under /api/v1 (server/http/rest-handler.ts). */
const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    transformer,
    errorFormatter({ shape, error, path }) {
      const { message, fieldErrors, requirement } = publicError(error, path);
      const { code, httpStatus } = shape.data;
      return {
        ...shape,
        message,
        data: { code, httpStatus, path: shape.data.path, zodError: fieldErrors ? { formErrors: [], fieldErrors } : null, requirement },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// ---- 3. Procedure kinds ------------------------------------------------------------

/** Services speak StewardError; callers get the same code as a TRPCError. Invalid input
 * gets a readable message, for server-side callers as much as over the wire; a database
 * that cannot answer is "try again" (503), a write that lost a race is CONFLICT. */
const translateErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof StewardError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
    if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: describeZodError(cause), cause });
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      if (isDatabaseUnavailable(cause)) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE, cause });
      if (isLostRace(cause)) {
        throw new TRPCError({ code: "CONFLICT", message: "Someone changed this at the same moment. Reload and try again.", cause });
      }
    }
  }
  return result;
});

/** Text no field may hold (NUL and other control characters, broken Unicode), refused in
 * one place before any schema or database sees it. */
const refuseUnsafeInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = findInputProblem(await getRawInput());
  if (problem) {
    const label = fieldLabel(problem.path);
    const message = label ? `${label}: ${problem.message.charAt(0).toLowerCase()}${problem.message.slice(1)}` : problem.message;
    // ZodRealError: a ZodError that is also an Error, so that tRPC keeps it as the cause (a
    // plain `new ZodError` is not one, and reached the formatter wrapped, without its path).
    const cause = new ZodRealError([{ code: "custom", path: problem.path, message, input: undefined }]);
    throw new TRPCError({ code: "BAD_REQUEST", message, cause });
  }
  return next();
});

export const publicProcedure = t.procedure.use(translateErrors).use(refuseUnsafeInput);

/** The effective policy of the member's home group (strictest along its chain), once per request. */
const policyOf = (ctx: Context, actor: { membershipId: string; group: { path: string } }) =>
  once(ctx.memo, `policy:${actor.membershipId}`, async () => (await effectivePolicyAt(ctx.db, actor.group.path)).values);

/** The procedure's permission, when it names one: FORBIDDEN with the reason otherwise. */
function requirePermission(actor: Parameters<typeof decidePermission>[0], permission: Permission | null) {
  const decision = permission ? decidePermission(actor, permission) : null;
  if (decision && !decision.allowed) throw new TRPCError({ code: "FORBIDDEN", message: decision.reason });
}

/** The signed-in viewer. Inside an organization it comes from the gate's statement, which
 * the request's organization procedures then share (with a memo). */
const viewerOf = (ctx: Context) =>
  ctx.orgSlug && ctx.claims ? sessionActorOf(ctx).then((found) => found.viewer) : once(ctx.memo, "viewer", () => resolveViewer(ctx.db, ctx.claims));

/** The signed-in viewer and their membership of the request's organization, in one statement
 * (server/auth/session-actor.ts); the viewer is kept for the request's other procedures. */
const sessionActorOf = (ctx: Context) =>
  once(ctx.memo, `session-actor:${ctx.orgSlug ?? ""}`, async (): Promise<SessionActor> => {
    if (!ctx.claims) return { viewer: null, member: { refusal: new StewardError("NOT_FOUND", "Organization not found.") } };
    return loadSessionActor(ctx.db, ctx.claims, ctx.orgSlug);
  });

const TOKENS_STAY_INSIDE = "API tokens work only on an organization's procedures; this one needs a signed-in session.";

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (ctx.bearer) throw new TRPCError({ code: "UNAUTHORIZED", message: TOKENS_STAY_INSIDE });
  const viewer = await viewerOf(ctx);
  if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue; your session has ended or is not valid." });
  return next({ ctx: { ...ctx, viewer } });
});

/** Public, but knows who is signed in (viewer null when nobody is): for pages reached
 * from emailed links, which behave differently for the right person. */
export const optionalViewerProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const viewer = ctx.bearer ? null : await viewerOf(ctx);
  return next({ ctx: { ...ctx, viewer } });
});

/** An active member of the organization named by the request; with a permission, only if
 * their role holds it. `null`: every member (resources decide by grants, not by role). */
export function orgProcedure(permission: Permission | null) {
  return publicProcedure.use(async ({ ctx, next, type }) => {
    if (ctx.bearer) {
      // Decided as the token's member now, narrowed by the token (rule 9 ends it with them).
      const { actor, token, viewer } = await once(ctx.memo, "token", () => authenticateToken(ctx.db, ctx.bearer!, ctx.orgSlug, ctx.ip));
      const call = decideTokenCall(token, type);
      if (!call.allowed) throw new TRPCError({ code: "FORBIDDEN", message: call.reason });
      const policy = await policyOf(ctx, actor);
      const age = decideTokenAge(token, policy.tokenLifetimeDays, new Date());
      if (!age.allowed) throw new TRPCError({ code: "UNAUTHORIZED", message: age.reason });
      requirePermission(actor, permission);
      return next({ ctx: { ...ctx, viewer, actor: { ...actor, ip: ctx.ip }, policy } });
    }
    const { viewer, member } = await sessionActorOf(ctx);
    if (!viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue; your session has ended or is not valid." });
    if (viewer.mustChangePassword) {
      throw requirementRefusal("PASSWORD_CHANGE", "Change your one-time password before you continue.");
    }
    if (!ctx.orgSlug) throw new StewardError("BAD_REQUEST", `No organization given (header ${ORG_HEADER}).`);
    if ("refusal" in member) throw member.refusal;
    const { actor } = member;
    if (!decideSessionInOrganization(viewer.sessionStartedAt, actor.sessionsValidFrom).allowed) {
      throw new TRPCError({ code: "NOT_FOUND", message: "Organization not found." });
    }
    const policy = member.policy.values;
    const lifetime = decideSessionLifetime(viewer.sessionStartedAt, policy.sessionLifetimeHours);
    if (!lifetime.allowed) throw new TRPCError({ code: "UNAUTHORIZED", message: lifetime.reason });
    const twoFactor = decideTwoFactorRequired(policy.twoFactor, actor.role);
    if (twoFactor.allowed && !viewer.hasTwoFactor) {
      throw requirementRefusal("TWO_FACTOR_SETUP", `${twoFactor.reason} Set it up under 2FA before you continue.`);
    }
    requirePermission(actor, permission);
    return next({ ctx: { ...ctx, viewer, actor: { ...actor, ip: ctx.ip }, policy } });
  });
}

/** As orgProcedure, for a signed-in session only: what a token must never do (make or
 * revoke tokens) refuses a token as if the procedure needed a session. */
export function sessionOrgProcedure(permission: Permission | null) {
  return orgProcedure(permission).use(({ ctx, next }) => {
    if (ctx.bearer) throw new TRPCError({ code: "UNAUTHORIZED", message: "API tokens cannot manage API tokens; sign in to the console." });
    return next();
  });
}

/** A procedure that only Steward's own server code calls in process (`serverSide`): over
 * HTTP it does not exist, so no client can write what it records (an export's row count). */
export function serverSideOrgProcedure(permission: Permission) {
  return orgProcedure(permission).use(({ ctx, next }) => {
    if (!ctx.serverSide) throw new TRPCError({ code: "NOT_FOUND", message: "There is no such procedure." });
    return next();
  });
}

/** A signed-in person with no one-time password left to change: for actions of the account
 * itself outside any organization (creating an organization). */
export const settledProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.viewer.mustChangePassword) {
    throw requirementRefusal("PASSWORD_CHANGE", "Change your one-time password before you continue.");
  }
  return next();
});

/** An instance operator, for the instance's own procedures (/admin). Being one gives no
 * access to any organization's members, groups or resources. */
export const operatorProcedure = settledProcedure.use(async ({ ctx, next }) => {
  const decision = decideOperate(ctx.viewer);
  if (!decision.allowed) throw new TRPCError({ code: "FORBIDDEN", message: decision.reason });
  return next({ ctx: { ...ctx, operator: { userId: ctx.viewer.userId, isOperator: true, ip: ctx.ip } } });
});
