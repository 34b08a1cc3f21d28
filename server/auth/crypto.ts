// Encryption of secrets at rest (TOTP secrets, outbox email content): AES-256-GCM under the
// encryption key (server/auth/encryption-key.ts), so that a database dump alone gives away
// neither second factors nor the links inside queued emails.
//
// A sealed value names its key: "v2.<key id>.<iv>.<tag>.<body>", base64url parts. Values
// sealed before the encryption key existed read "v1.<iv>.<tag>.<body>", under a key derived
// from NEXTAUTH_SECRET; they still open (while NEXTAUTH_SECRET is unchanged) until
// `npm run steward -- rotate-key` reseals them.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { currentEncryptionKey, encryptionKeys, ENCRYPTION_KEY_ENV } from "./encryption-key";
import { authSecret } from "./secret";

/** A stored secret that cannot be opened with the configured keys. The message is for an
 * operator (it names the key id that is missing, never a key) and holds no internal text. */
export class UnreadableSecretError extends Error {
  name = "UnreadableSecretError";
  constructor(reason: string) {
    super(`A stored secret cannot be decrypted: ${reason}`);
  }
}

const ALGORITHM = "aes-256-gcm";
/** Node accepts truncated GCM tags unless told the length; a short tag is easier to forge. */
const TAG_BYTES = 16;

const b64 = (bytes: Buffer) => bytes.toString("base64url");

export function encryptSecret(plain: string): string {
  const { kid, key } = currentEncryptionKey();
  const header = `v2.${kid}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  // The header is authenticated too: a value cannot be relabelled as another key's.
  cipher.setAAD(Buffer.from(header));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [header, b64(iv), b64(cipher.getAuthTag()), b64(body)].join(".");
}

export function decryptSecret(sealed: string): string {
  const parts = sealed.split(".");
  if (parts[0] === "v2" && parts.length === 5) {
    const [, kid, iv, tag, body] = parts as [string, string, string, string, string];
    const key = encryptionKeys().find((k) => k.kid === kid);
    if (!key) {
      throw new UnreadableSecretError(
        `it was encrypted with key ${kid}, which is not among the keys of ${ENCRYPTION_KEY_ENV}. Add that key back after the current one, then run \`npm run steward -- rotate-key\`.`,
      );
    }
    return open(key.key, iv, tag, body, `v2.${kid}`, `it does not match key ${kid}: it was altered.`);
  }
  if (parts[0] === "v1" && parts.length === 4) {
    const [, iv, tag, body] = parts as [string, string, string, string];
    return open(legacyKey(), iv, tag, body, null, "it was encrypted under an earlier NEXTAUTH_SECRET (or altered); restore that secret to read it.");
  }
  throw new UnreadableSecretError("it is not a value Steward encrypted.");
}

/** Which key a value is sealed with: its key id, or its version ("v1": the NEXTAUTH_SECRET era). */
export function sealedKeyId(sealed: string): string {
  const [version, kid] = sealed.split(".");
  return version === "v2" && kid ? kid : (version ?? "");
}

function open(key: Buffer, iv: string, tag: string, body: string, header: string | null, mismatch: string): string {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    if (header) decipher.setAAD(Buffer.from(header));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // OpenSSL's own text ("unable to authenticate data") says nothing useful to anyone.
    throw new UnreadableSecretError(mismatch);
  }
}

/** The key of v1 values: derived from the session key, as Steward did before its own key. */
function legacyKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "steward", "secrets-at-rest", 32));
}

/** For high-entropy values (recovery codes, tokens): a plain hash is enough and fast. */
export function hashToken(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
