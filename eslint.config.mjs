// ESLint: Next's own rules (core web vitals, React hooks, TypeScript). Formatting is Prettier's.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // A change is shown with refreshQueries (components/trpc.tsx): invalidating alone keeps a
    // first load that read before the change.
    files: ["components/**", "app/**"],
    ignores: ["components/trpc.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='invalidateQueries']", message: "Use refreshQueries(queryClient, queryKey) from components/trpc." },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "server/db/generated/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "next-env.d.ts",
    "client/openapi.d.ts",
  ]),
]);
