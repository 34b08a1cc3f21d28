// The TypeScript types of the REST API, generated from its OpenAPI document by
// openapi-typescript (scripts/api-types.ts writes them; a test checks they are current).
import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "./rest-handler";

export const API_TYPES_FILE = "client/openapi.d.ts";

export async function apiTypesSource(): Promise<string> {
  const nodes = await openapiTS(structuredClone(openApiDocument()) as Parameters<typeof openapiTS>[0]);
  return `// Generated from /api/v1/openapi.json by \`npm run api:types\`. Do not edit.\n${astToString(nodes)}`;
}
