// Whether .next holds a production build of the current sources: a fingerprint of everything
// the build reads is kept beside it in .next/steward-fingerprint (npm start, npm run bench).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const stamp = path.join(root, ".next", "steward-fingerprint");
/** The API's bundle (scripts/build.mjs), part of every production build. */
export const API_BUNDLE = path.join(root, ".next", "steward-api.mjs");

/** A fingerprint of everything the build reads, so that a pulled update is rebuilt. */
export function fingerprint() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else {
        hash
          .update(full)
          .update(String(statSync(full).mtimeMs))
          .update(String(statSync(full).size));
      }
    }
  };
  for (const dir of ["app", "components", "server", "emails"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["package-lock.json", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json"])
    hash.update(readFileSync(path.join(root, file)));
  return hash.digest("hex");
}

/** Whether .next holds a production build at all (whatever sources it came from): Next.js's
 * and the API's bundle (a build by `next build` alone lacks the latter). */
export const hasProductionBuild = () => existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(API_BUNDLE);

/** Whether .next holds a production build of the sources as they are now. */
export const buildIsCurrent = () => hasProductionBuild() && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint();

/** Records that .next was just built from the sources as they are now. */
export const markBuilt = () => writeFileSync(stamp, fingerprint());
