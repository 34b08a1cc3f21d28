// Encryption keys for tests, and values sealed the way Steward sealed them before it had an
// encryption key of its own (written out here, not taken from server/auth/crypto.ts, so that
// the tests hold the format existing installs have in their databases).
import { createCipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/** A new key as an operator writes it: 32 random bytes, base64 (or base64url). */
export const newKey = (encoding: "base64" | "base64url" = "base64") => randomBytes(32).toString(encoding);

/** The key id the docs promise: the first 8 hex digits of HMAC-SHA256(key, "steward-key-id"). */
export const kidOf = (key: string) => createHmac("sha256", Buffer.from(key, "base64")).update("steward-key-id").digest("hex").slice(0, 8);

/** A "v1." value: AES-256-GCM under HKDF-SHA256(NEXTAUTH_SECRET, salt "steward", info "secrets-at-rest"). */
export function sealV1(plain: string, nextauthSecret: string): string {
  const key = Buffer.from(hkdfSync("sha256", nextauthSecret, "steward", "secrets-at-rest", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** Remembers these environment variables; the returned function puts them back as they were. */
export function saveEnv(...names: string[]): () => void {
  const saved = names.map((n) => [n, process.env[n]] as const);
  return () => {
    for (const [n, v] of saved) {
      if (v === undefined) delete process.env[n];
      else process.env[n] = v;
    }
  };
}
