// Secrets at rest: sealed under the first configured key and named by its id, opened by
// whichever configured key the id names, "v1." values of earlier installs still opened, and
// every failure a clear UnreadableSecretError rather than OpenSSL's text.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { decryptSecret, encryptSecret, sealedKeyId, UnreadableSecretError } from "@/server/auth/crypto";
import { EncryptionKeyConfigError, encryptionKeys, keyId, parseEncryptionKeys } from "@/server/auth/encryption-key";
import { SEALED_COLUMNS } from "@/server/services/key-rotation";
import { kidOf, newKey, saveEnv, sealV1 } from "../../support/keys";

const restore = saveEnv("STEWARD_ENCRYPTION_KEY", "NEXTAUTH_SECRET", "STEWARD_STATE_DIR");
afterEach(restore);

const A = newKey("base64");
const B = newKey("base64url");
const useKeys = (...keys: string[]) => (process.env.STEWARD_ENCRYPTION_KEY = keys.join(","));

/** The error a call ends in; fails the test if it does not throw. */
function failure(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
}

describe("sealing and opening", () => {
  it("round-trips under the first key, naming it by id, with a fresh IV each time", () => {
    useKeys(A);
    const plain = "JBSWY3DPEHPK3PXP ✓ émoji 🙂";
    const sealed = encryptSecret(plain);
    expect(sealed.startsWith(`v2.${kidOf(A)}.`)).toBe(true);
    expect(sealed.split(".")).toHaveLength(5);
    expect(sealed).not.toContain("JBSWY3DP");
    expect(decryptSecret(sealed)).toBe(plain);
    expect(encryptSecret(plain)).not.toBe(sealed);
    expect(decryptSecret(encryptSecret(""))).toBe("");
    expect(sealedKeyId(sealed)).toBe(kidOf(A));
  });

  it("names a key by the first 8 hex digits of HMAC-SHA256(key, 'steward-key-id'), which reveal nothing of it", () => {
    const kid = keyId(Buffer.from(A, "base64"));
    expect(kid).toMatch(/^[0-9a-f]{8}$/);
    expect(kid).toBe(kidOf(A));
    expect(A).not.toContain(kid);
    expect(Buffer.from(A, "base64").toString("hex")).not.toContain(kid);
    expect(keyId(Buffer.from(B, "base64url"))).not.toBe(kid);
  });

  it("opens each value with the key its id names, and seals only under the first", () => {
    useKeys(A);
    const underA = encryptSecret("sealed under A");
    useKeys(B, A);
    const underB = encryptSecret("sealed under B");
    expect(sealedKeyId(underB)).toBe(kidOf(B));
    expect(decryptSecret(underA)).toBe("sealed under A");
    expect(decryptSecret(underB)).toBe("sealed under B");
    // The order of the list only decides which key seals.
    useKeys(A, B);
    expect(decryptSecret(underB)).toBe("sealed under B");
  });

  it("refuses a value whose key is not configured, naming the key id and the setting only", () => {
    useKeys(A);
    const underA = encryptSecret("secret");
    useKeys(B);
    const error = failure(() => decryptSecret(underA));
    expect(error).toBeInstanceOf(UnreadableSecretError);
    expect(error.message).toContain(kidOf(A));
    expect(error.message).toContain("STEWARD_ENCRYPTION_KEY");
    expect(error.message).not.toContain(A);
    expect(error.message).not.toContain(B);
  });

  it("opens v1 values sealed under NEXTAUTH_SECRET, and explains when that secret changed", () => {
    useKeys(A);
    process.env.NEXTAUTH_SECRET = "the session key of an older install";
    const v1 = sealV1("old secret", "the session key of an older install");
    expect(decryptSecret(v1)).toBe("old secret");
    expect(sealedKeyId(v1)).toBe("v1");
    process.env.NEXTAUTH_SECRET = "a new session key";
    const error = failure(() => decryptSecret(v1));
    expect(error).toBeInstanceOf(UnreadableSecretError);
    expect(error.message).toContain("NEXTAUTH_SECRET");
    expect(error.message).not.toMatch(/authenticate|unsupported state/i);
  });

  it("refuses any altered part: IV, tag, body, key id, truncated tag, or not a sealed value at all", () => {
    useKeys(B, A);
    const sealed = encryptSecret("do not touch");
    const [version, kid, iv, tag, body] = sealed.split(".") as [string, string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0]! ^= 1;
      return bytes.toString("base64url");
    };
    const altered = [
      [version, kid, flip(iv), tag, body],
      [version, kid, iv, flip(tag), body],
      [version, kid, iv, tag, flip(body)],
      [version, kid, iv, Buffer.from(tag, "base64url").subarray(0, 12).toString("base64url"), body],
      // Relabelled as the other configured key's: the header is authenticated too.
      [version, kidOf(A) === kid ? kidOf(B) : kidOf(A), iv, tag, body],
    ].map((parts) => parts.join("."));
    for (const value of [...altered, "v3.x.y.z.w", "plain text", "", `${sealed}.extra`]) {
      const error = failure(() => decryptSecret(value));
      expect(error, value).toBeInstanceOf(UnreadableSecretError);
      expect(error.message).not.toMatch(/authenticate|unsupported state|invalid/i);
    }
  });
});

describe("the configured keys", () => {
  it("accept base64 and base64url, padded or not, in a comma-separated list with spaces", () => {
    const padded = newKey("base64");
    const unpadded = newKey("base64url");
    const keys = parseEncryptionKeys(` ${padded} ,${unpadded}, `);
    expect(keys.map((k) => k.kid)).toEqual([kidOf(padded), kidOf(unpadded)]);
    expect(parseEncryptionKeys(`${padded},${padded}`)).toHaveLength(1);
  });

  it("refuse anything but 32 bytes, naming the setting and never echoing the value", () => {
    const short = Buffer.alloc(31, 7).toString("base64");
    const long = Buffer.alloc(33, 7).toString("base64");
    const hex = Buffer.alloc(32, 7).toString("hex");
    const garbled = `${newKey().slice(0, 42)}!=`;
    for (const raw of ["", " , ", "changeme", short, long, hex, garbled, `${newKey()},${short}`]) {
      const error = failure(() => parseEncryptionKeys(raw));
      expect(error, raw).toBeInstanceOf(EncryptionKeyConfigError);
      expect(error.message).toContain("STEWARD_ENCRYPTION_KEY");
      expect(error.message).toContain("32 random bytes");
      if (raw.trim().length > 3) expect(error.message).not.toContain(raw.trim());
    }
    expect(failure(() => parseEncryptionKeys(`${newKey()},${short}`)).message).toContain("key 2 of 2");
    useKeys("changeme");
    expect(failure(() => encryptSecret("x"))).toBeInstanceOf(EncryptionKeyConfigError);
  });

  describe("when STEWARD_ENCRYPTION_KEY is unset", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "steward-keys-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("generates one key once into STEWARD_STATE_DIR/encryption-key, readable by its owner only", async () => {
      delete process.env.STEWARD_ENCRYPTION_KEY;
      process.env.STEWARD_STATE_DIR = dir;
      vi.resetModules();
      const fresh = await import("@/server/auth/encryption-key");
      const [key] = fresh.encryptionKeys();
      const file = path.join(dir, "encryption-key");
      const text = readFileSync(file, "utf8");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(Buffer.from(text, "base64url")).toHaveLength(32);
      expect(key!.kid).toBe(kidOf(text));
      vi.resetModules();
      const again = await import("@/server/auth/encryption-key");
      expect(again.encryptionKeys()[0]!.kid).toBe(key!.kid);
      expect(readFileSync(file, "utf8")).toBe(text);
    });

    it("prefers the variable over the file", () => {
      useKeys(A);
      expect(encryptionKeys().map((k) => k.kid)).toEqual([kidOf(A)]);
    });
  });
});

describe("rotate-key's list of sealed columns", () => {
  it("covers every place that seals a value (a new one must join SEALED_COLUMNS)", () => {
    const callers = execFileSync("grep", ["-rlE", "encryptSecret\\(", "server", "--include=*.ts"], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter((f) => f !== "server/auth/crypto.ts")
      .sort();
    expect(callers).toEqual(["server/email/outbox.ts", "server/services/import-run.ts", "server/services/key-rotation.ts", "server/services/two-factor.ts"]);
    expect(SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`)).toEqual([
      "User.totpSecret",
      "User.totpPendingSecret",
      "OutboxEmail.content",
      "ImportRow.oneTimePassword",
    ]);
  });
});
