// The key that signs session tokens. NEXTAUTH_SECRET wins; otherwise a random key is
// created once beside the embedded database, so that `npm start` needs no configuration.
// Several instances behind a load balancer must share NEXTAUTH_SECRET.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.STEWARD_STATE_DIR ?? path.join(process.cwd(), ".steward"));
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  return process.env.NEXTAUTH_SECRET;
}
