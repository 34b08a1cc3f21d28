// Prisma CLI configuration. The CLI is only used for `prisma generate`; migrations are
// generated and applied by scripts/migrate.ts on Prisma's WebAssembly schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
