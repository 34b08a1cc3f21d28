// npm run build: the Next.js production build, then the API's own bundle beside it
// (.next/steward-api.mjs, server/http/node-api.ts), which scripts/serve.mjs serves /api/trpc
// from without Next.js's route handling. Records the sources it built (scripts/build-stamp.mjs).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import { API_BUNDLE, markBuilt } from "./build-stamp.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

const next = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit" });
if (next.status !== 0) process.exit(next.status ?? 1);

// Steward's own code in one file; packages stay in node_modules, loaded as Node loads them.
await build({
  entryPoints: [path.join(root, "server", "http", "node-api.ts")],
  outfile: API_BUNDLE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: path.join(root, "tsconfig.json"),
  jsx: "automatic",
  logLevel: "warning",
});
markBuilt();
console.log(`API bundle: ${path.relative(root, API_BUNDLE)}`);
