// Tokens of emailed links (invitations, password resets, email confirmations): 256 bits
// from the CSPRNG, base64url in the link, and only their SHA-256 hash in the database.
import { randomBytes } from "node:crypto";
import { hashToken } from "./crypto";

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** The hash to look a presented token up by; malformed input simply matches nothing. */
export function linkTokenHash(presented: string): string | null {
  return /^[A-Za-z0-9_-]{43}$/.test(presented) ? hashToken(presented) : null;
}
