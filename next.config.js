// @ts-check

/** @type {import("next").NextConfig} */
const config = {
  // Native and WebAssembly database drivers run from node_modules, not from the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "pg",
    "nodemailer",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() from next/navigation: the only way a server component page answers 403
    // (a console page its role may not open; components/refuse-page.tsx).
    authInterrupts: true,
  },
};

module.exports = config;
