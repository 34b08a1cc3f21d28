// Encryption of secrets at rest (TOTP secrets): AES-256-GCM with a key derived from the
// session key, so that a database dump alone does not give away second factors.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./secret";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "steward", "secrets-at-rest", 32));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unrecognized sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** For high-entropy values (recovery codes, tokens): a plain hash is enough and fast. */
export function hashToken(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
