// The key that signs session tokens. NEXTAUTH_SECRET wins; otherwise a random key is
// created once beside the embedded database, so that `npm start` needs no configuration.
// Several instances behind a load balancer must share NEXTAUTH_SECRET.
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  process.env.NEXTAUTH_SECRET = generatedOnce("auth-secret").text;
  return process.env.NEXTAUTH_SECRET;
}

/**
 * A file of STEWARD_STATE_DIR holding 32 random bytes (base64url), created on first use
 * with mode 0600. It is written aside and linked into place, so that two processes starting
 * together (the server and a CLI command, parallel test workers) never read a half-written
 * file and both end up with the same key.
 */
export function generatedOnce(name: string): { text: string; file: string } {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.STEWARD_STATE_DIR ?? path.join(process.cwd(), ".steward"));
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      unlinkSync(draft);
    }
  }
  return { text: readFileSync(file, "utf8").trim(), file };
}
