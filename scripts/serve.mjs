// Steward's HTTP server: Next.js behind a thin Node server that does what only the
// connection knows. It records the connection's own address in x-steward-peer (replacing any
// such header a client sent), from which server/http/client-address.ts decides the client's
// address with TRUSTED_PROXIES; it refuses oversized headers (431) and request bodies
// (413), or bodies of unknown length (411), before Next.js reads anything; and it sets the
// security headers of every response, with a fresh CSP nonce that Next.js puts on its own
// scripts (it reads the nonce from the request's Content-Security-Policy header). In
// production it answers /api/trpc itself, from the API's bundle that scripts/build.mjs leaves
// beside the Next.js build (server/http/node-api.ts): the same handler as app/api/trpc, without
// Next.js's route handling, which was about half of each call's work.
//   node scripts/serve.mjs [--dev]      PORT (default 3000)
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import v8 from "node:v8";

// How far V8 lets the heap grow past what the last full collection kept, in percent. Left to
// itself it grows the heap up to four times under a steady load of requests whose garbage
// outlives a young collection, and the process holds that memory (docs/operations.md,
// "Memory"). Set before Next.js loads; V8 reads it at every full collection.
const heapGrowth = process.env.STEWARD_HEAP_GROWTH_PERCENT ?? "50";
if (!/^\d{1,4}$/.test(heapGrowth)) {
  console.error(`STEWARD_HEAP_GROWTH_PERCENT must be a whole number of percent (0: V8's own), not "${heapGrowth}".`);
  process.exit(1);
}
if (heapGrowth !== "0") v8.setFlagsFromString(`--heap-growing-percent=${heapGrowth}`);

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const { default: next } = await import("next");

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.env.PORT ?? 3000);
const PEER_HEADER = "x-steward-peer";
const MAX_HEADER_BYTES = 16 * 1024;
// A little above the API's own limit (server/http/trpc-handler.ts), which answers in its words.
const MAX_BODY_BYTES = 9 * 1024 * 1024;

const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts that Next's nonce-bearing scripts load are trusted too.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes (bar heights, tree indents) on the server.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function setSecurityHeaders(req, res) {
  const csp = contentSecurityPolicy(randomBytes(16).toString("base64"));
  req.headers["content-security-policy"] = csp;
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

function refuse(res, status, message) {
  res.writeHead(status, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: { message } }));
}

const app = next({ dev, dir: root, port });
await app.prepare();
const handle = app.getRequestHandler();
// After prepare(): Next.js has loaded the .env files the API reads.
const api = dev ? null : await loadApi();

async function loadApi() {
  const bundle = path.join(root, ".next", "steward-api.mjs");
  if (!existsSync(bundle)) {
    console.error("This build has no API bundle (.next/steward-api.mjs): build with `npm run build`, not `next build` alone.");
    process.exit(1);
  }
  return import(bundle);
}

const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 60_000, headersTimeout: 20_000 }, (req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  setSecurityHeaders(req, res);
  const length = req.headers["content-length"];
  if (length !== undefined && Number(length) > MAX_BODY_BYTES) return refuse(res, 413, "The request body is too large.");
  if (length === undefined && req.headers["transfer-encoding"]) return refuse(res, 411, "Send the request body with a Content-Length.");
  if (api?.isApiPath(req.url)) return void api.serveApi(req, res);
  handle(req, res);
});
// Node answers a request whose headers exceed maxHeaderSize with 431 itself.
server.listen(port, () => console.log(`Steward ready on port ${port}${dev ? " (development)" : ""}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
