// The nonce of this response's Content-Security-Policy, which scripts/serve.mjs sets on the
// request: an inline script of ours carries it to run, as Next.js's own scripts do.
import { headers } from "next/headers";

export async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
}
