// The import tool's limits, shared by the server (which enforces them) and the browser (which
// checks a file's size before sending it, with the same sentence). Imports nothing.
export const MAX_IMPORT_ROWS = 10_000;
/** Below the API's 8 MiB body even when every character needs escaping in JSON. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The file's size refusal, or null. */
export function sizeProblem(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `The file is ${megabytes(bytes)}; the import takes files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB and ${MAX_IMPORT_ROWS.toLocaleString("en")} rows. Split it into smaller files.`;
}
