// A procedure's route in the REST API (/api/v1, server/http/rest-handler.ts): its method,
// path and summary for the OpenAPI document. Path parameters ({membershipId}) are input
// fields; the rest comes from the query string (GET, DELETE) or the JSON body.
import type { OpenApiMeta } from "trpc-to-openapi";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The statuses every route may answer, beyond 200. */
const ERRORS = {
  400: "The input is not valid; `issues` names each field's problem.",
  401: "No API token, or one that is unknown, expired, revoked or ended with its member's sign-in.",
  403: "The token's member (or the token's own limits) does not allow this; `message` says why.",
  404: "Not found, or not visible to the token's member.",
  429: "Too many requests for this token; wait the seconds of Retry-After.",
  503: "The database cannot answer right now; retry after the seconds of Retry-After.",
};
const CHANGE_ERRORS = {
  ...ERRORS,
  409: "It conflicts with the current state, or someone changed it at the same moment.",
  412: "What it needs first is missing (a pending invitation, a new owner for a member's resources); `message` says what.",
};

/** The reference groups routes by their first segment: "/audit-log/…" under "Audit log". */
function tagOf(path: string): string {
  const first = path.split("/")[1]!;
  if (first === "me") return "Your token";
  const words = first.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function rest(method: Method, path: `/${string}`, summary: string, description?: string): OpenApiMeta {
  const tag = tagOf(path);
  return {
    openapi: { method, path, summary, description, tags: [tag], protect: true, errorResponses: method === "GET" ? ERRORS : CHANGE_ERRORS },
  };
}
