// The keys that encrypt secrets at rest (server/auth/crypto.ts). They are apart from the
// session key (NEXTAUTH_SECRET), so that signing everybody out never costs anyone their
// authenticator. STEWARD_ENCRYPTION_KEY holds one key or, while rotating, several separated
// by commas: the first encrypts, every one decrypts. Unset: a key is generated once into
// STEWARD_STATE_DIR/encryption-key (which may hold a list too), so that `npm start` needs
// no configuration.
import { createHmac } from "node:crypto";
import { generatedOnce } from "./secret";

export const ENCRYPTION_KEY_ENV = "STEWARD_ENCRYPTION_KEY";

export type EncryptionKey = { kid: string; key: Buffer };

/** A mistake in the configured keys. Its message names the setting, never a key. */
export class EncryptionKeyConfigError extends Error {
  name = "EncryptionKeyConfigError";
}

const FORMAT =
  "Each key is 32 random bytes in base64 or base64url (e.g. `openssl rand -base64 32`); while rotating, list several separated by commas, the new one first.";

/** 32 bytes: 43 characters, plus one "=" of padding in standard base64. */
const KEY_TEXT = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * A short public name for a key, stored beside each value it seals, so that decryption
 * picks the right key and an operator can tell which key a value needs. An HMAC under the
 * key itself: it names the key without revealing anything about it.
 */
export function keyId(key: Buffer): string {
  return createHmac("sha256", key).update("steward-key-id").digest("hex").slice(0, 8);
}

/** The keys of a setting, current first. Throws EncryptionKeyConfigError naming `source`. */
export function parseEncryptionKeys(raw: string, source: string = ENCRYPTION_KEY_ENV): EncryptionKey[] {
  const entries = raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) throw new EncryptionKeyConfigError(`${source} holds no key. ${FORMAT}`);
  const keys = new Map<string, EncryptionKey>();
  entries.forEach((text, i) => {
    const key = KEY_TEXT.test(text) ? Buffer.from(text, "base64") : null;
    if (key?.length !== 32) {
      const which = entries.length > 1 ? `key ${i + 1} of ${entries.length}` : "the key";
      throw new EncryptionKeyConfigError(`${source}: ${which} is not valid. ${FORMAT}`);
    }
    const kid = keyId(key);
    const same = keys.get(kid);
    // Two different keys with one id (a 1 in 4 billion chance) would make decryption guess.
    if (same && !same.key.equals(key)) throw new EncryptionKeyConfigError(`${source}: two keys have the same id ${kid}; generate another new key.`);
    keys.set(kid, { kid, key });
  });
  return [...keys.values()];
}

let fromFile: { raw: string; source: string } | undefined;
let parsed: { raw: string; keys: EncryptionKey[] } | undefined;

/** The configured keys, the current (encrypting) one first. */
export function encryptionKeys(): EncryptionKey[] {
  const env = process.env[ENCRYPTION_KEY_ENV]?.trim();
  const { raw, source } = env ? { raw: env, source: ENCRYPTION_KEY_ENV } : (fromFile ??= stateFileKeys());
  if (parsed?.raw !== raw) parsed = { raw, keys: parseEncryptionKeys(raw, source) };
  return parsed.keys;
}

export function currentEncryptionKey(): EncryptionKey {
  return encryptionKeys()[0]!;
}

function stateFileKeys() {
  const { text, file } = generatedOnce("encryption-key");
  return { raw: text, source: file };
}
