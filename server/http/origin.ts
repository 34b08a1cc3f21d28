// Cross-site request refusal. A browser attaches Steward's session cookie to any request
// for Steward, whichever site made it; a state-changing request is honoured only when the
// browser says it comes from Steward's own pages (the Origin header, which pages cannot
// forge). SameSite=Lax cookies and JSON-only bodies are the second and third walls.

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** NEXTAUTH_URL's origin, when it is set and a URL. */
export function configuredOrigin(): string | undefined {
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : undefined;
  } catch {
    return undefined;
  }
}

/** Why a request must be refused as cross-site, or null when it may proceed. Steward's
 * origin is NEXTAUTH_URL's; without it (development), the request's own Host, compared with
 * the Origin's host only: no client-sent header is believed about the scheme. */
export function crossSiteRefusal(req: Pick<Request, "method" | "headers">): string | null {
  if (!STATE_CHANGING.has(req.method.toUpperCase())) return null;
  const origin = req.headers.get("origin");
  if (!origin) return "This request does not say which site sent it (no Origin header), so Steward refuses to act on it.";
  const configured = process.env.NEXTAUTH_URL ? (configuredOrigin() ?? null) : null;
  if (configured ? origin === configured : hostOf(origin) !== null && hostOf(origin) === req.headers.get("host")) return null;
  return `This request comes from another site (${origin.slice(0, 100)}), so Steward refuses to act on it. Use Steward at ${configured ?? "its own address"}.`;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * A redirect target after sign-in: a place on Steward itself, or "/". Parsed as a URL the
 * way browsers will read it, so that "/\\evil.example", "//evil.example" or a tab-split
 * "/\t/evil.example" (all other hosts to a browser) fall back to "/".
 */
export function safeRedirectPath(target: string | null | undefined, origin = configuredOrigin() ?? "http://steward.invalid"): string {
  if (!target || target.length > 2000) return "/";
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
