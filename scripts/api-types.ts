// The REST API's typed client types (client/openapi.d.ts), generated from the OpenAPI
// document that /api/v1/openapi.json serves. `npm run api:types` rewrites the file; with
// --check it only says whether the file is current (a test does the same, so the types
// scripts compile against cannot drift from the API).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { apiTypesSource, API_TYPES_FILE } from "../server/http/api-types";

async function main() {
  const file = path.resolve(__dirname, "..", API_TYPES_FILE);
  const fresh = await apiTypesSource();
  if (process.argv.includes("--check")) {
    const current = readFileSync(file, "utf8");
    if (current !== fresh) {
      console.error(`${API_TYPES_FILE} is out of date: run npm run api:types`);
      process.exit(1);
    }
    console.log(`${API_TYPES_FILE} is current.`);
  } else {
    writeFileSync(file, fresh);
    console.log(`Wrote ${API_TYPES_FILE}.`);
  }
}

void main();
