// Time-based one-time passwords (RFC 6238) with the otpauth library, and recovery codes.
import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const PERIOD = 30;

function totp(secretBase32: string, label = "Steward") {
  return new TOTP({ issuer: "Steward", label, secret: Secret.fromBase32(secretBase32), algorithm: "SHA1", digits: 6, period: PERIOD });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function enrollmentDetails(secretBase32: string, accountLabel: string) {
  const uri = totp(secretBase32, accountLabel).toString();
  return { secret: secretBase32, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/**
 * The time step of a valid code (one step of clock drift either way), or null. Callers
 * store the step and refuse any code at or before it, so that a code works once.
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/**
 * Recovery codes: 16 symbols drawn uniformly (crypto.randomInt) from 32 without look-alikes
 * (no 0, o, i, l), so 5 bits each and 80 bits a code. Shown as four groups of four, e.g.
 * "k7m2-x9qp-4hdt-w3ab"; stored as the SHA-256 of the bare form.
 */
export const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz123456789";
export const RECOVERY_CODE_LENGTH = 16;
export const RECOVERY_CODE_BITS = RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_ALPHABET.length);
/** Codes issued before were 12 symbols, hashed with their dashes ("abcd-efgh-jkmn"). */
const LEGACY_CODE_LENGTH = 12;

export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const symbols = Array.from({ length: RECOVERY_CODE_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return symbols.match(/.{4}/g)!.join("-");
  });
}

const OUTSIDE_ALPHABET = new RegExp(`[^${RECOVERY_ALPHABET}]`, "g");

/**
 * The bare form of a typed code: any case, with or without dashes or spaces. "i" and "l" are
 * read as the "1" they look like (neither is a symbol); anything else outside the alphabet
 * is dropped, so a code typed with a stray character is one symbol short and refused.
 */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[il]/g, "1").replace(OUTSIDE_ALPHABET, "");
}

/** The stored forms a typed code can match: the bare form of a current code, or the dashed
 * form a code issued before was hashed in. Any other length matches nothing. */
export function recoveryCodeForms(code: string): string[] {
  const bare = normalizeRecoveryCode(code);
  if (bare.length === RECOVERY_CODE_LENGTH) return [bare];
  if (bare.length === LEGACY_CODE_LENGTH) return [`${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`];
  return [];
}
