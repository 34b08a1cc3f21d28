// Reading an import file: the CSV text as uploaded, into rows the import decides on. A file
// the import cannot read as a whole (too large, no header, unknown columns, an unclosed
// quote, no rows, too many rows) is refused with a sentence; a row it cannot read (a bad
// cell, the wrong number of cells, an address or username already on an earlier line) is
// kept with its problem, so the dry run lists it as refused with the reason.
import Papa from "papaparse";
import { z } from "zod";
// The field rules shared with the console's forms, so an imported name or address is held to
// the same checks as a typed one. A leaf module of zod schemas: importing it pulls in no router.
import { company, email, personName, username } from "../routers/_schemas";
import { StewardError } from "./errors";
import { MAX_IMPORT_ROWS, sizeProblem } from "./import-limits";

export const IMPORT_COLUMNS = ["email", "name", "username", "company", "group", "status", "action"] as const;
/** Columns of the export tool's members CSV that the import leaves aside: it never changes a
 * role or a second factor, so an export re-imports as it is. */
export const LEFT_ASIDE_COLUMNS = ["role", "two_factor", "last_sign_in"] as const;
export type ImportStatus = "ACTIVE" | "DISABLED" | "INVITED";

/** A row as the decisions take it: absent fields leave a value as it is. */
export type ImportRowInput = {
  email: string;
  action: "upsert" | "delete";
  name?: string;
  username?: string;
  company?: string;
  /** Group path below the root, e.g. "Sales/EMEA"; the root's name is the root. */
  group?: string;
  status?: ImportStatus;
};

export type ReadRow = { line: number; email: string; input: ImportRowInput | null; problem: string | null };
export type ReadFile = { rows: ReadRow[]; leftAside: string[] };

const cell = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

const rowSchema = z.object({
  email,
  action: z.enum(["upsert", "delete"], { error: "The action is upsert or delete." }).default("upsert"),
  name: personName.optional(),
  username: username.optional(),
  company: company.optional(),
  group: z.string().max(500, "Group paths are at most 500 characters.").optional(),
  status: z.enum(["ACTIVE", "DISABLED", "INVITED"], { error: "The status is ACTIVE, DISABLED or INVITED (as the export writes it)." }).optional(),
});

const refuse = (message: string): never => {
  throw new StewardError("BAD_REQUEST", message);
};

export function readImportFile(text: string): ReadFile {
  const size = sizeProblem(Buffer.byteLength(text, "utf8"));
  if (size) refuse(size);
  const source = text.replace(/^\uFEFF/, "");
  const records: { data: string[]; start: number; errors: Papa.ParseError[] }[] = [];
  let cursor = 0;
  Papa.parse<string[]>(source, {
    header: false,
    skipEmptyLines: "greedy",
    step: (r) => {
      records.push({ data: r.data, start: cursor, errors: r.errors });
      cursor = r.meta.cursor;
    },
  });
  const [head, ...body] = records;
  if (!head) refuse("The file is empty. Its first line names the columns, including email.");
  const columns = head!.data.map((h) => h.trim().toLowerCase());
  if (!columns.includes("email")) refuse(`The first line must name the columns, including email (it reads “${head!.data.join(",").slice(0, 120)}”).`);
  const known = [...IMPORT_COLUMNS, ...LEFT_ASIDE_COLUMNS] as readonly string[];
  const unknown = columns.filter((c) => !known.includes(c));
  if (unknown.length) refuse(`Unknown column${unknown.length === 1 ? "" : "s"}: ${unknown.slice(0, 5).join(", ")}. The import reads ${known.join(", ")}.`);
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice) refuse(`The column ${twice} is named twice on the first line.`);
  if (!body.length) refuse("The file has no rows below its first line.");
  if (body.length > MAX_IMPORT_ROWS)
    refuse(
      `The file has ${body.length.toLocaleString("en")} rows; the import takes at most ${MAX_IMPORT_ROWS.toLocaleString("en")}. Split it into smaller files.`,
    );

  // Line numbers as an editor shows them, counting line breaks inside quoted cells.
  const lineOf = lineCounter(source);
  const quotes = body.find((r) => r.errors.some((e) => e.type === "Quotes"));
  if (quotes) refuse(`Line ${lineOf(quotes.start)}: a quoted cell is never closed, so the rest of the file cannot be read. Nothing was imported.`);

  const seenEmails = new Map<string, number>();
  const seenUsernames = new Map<string, number>();
  const rows = body.map((r): ReadRow => {
    const line = lineOf(r.start);
    const raw = Object.fromEntries(columns.map((c, i) => [c, r.data[i]]));
    const rawEmail = (cell(raw.email) ?? "").toLowerCase();
    if (r.data.length !== columns.length) {
      return { line, email: rawEmail, input: null, problem: `This line has ${r.data.length} cells; the first line names ${columns.length} columns.` };
    }
    const parsed = rowSchema.safeParse({
      email: raw.email ?? "",
      action: cell(raw.action)?.toLowerCase(),
      name: cell(raw.name),
      username: cell(raw.username),
      company: cell(raw.company),
      group: cell(raw.group)?.replace(/^\/+|\/+$/g, ""),
      status: cell(raw.status)?.toUpperCase(),
    });
    if (!parsed.success) return { line, email: rawEmail, input: null, problem: parsed.error.issues[0]!.message };
    const input: ImportRowInput = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as ImportRowInput;
    const earlier = seenEmails.get(input.email);
    if (earlier) return { line, email: input.email, input, problem: `${input.email} is already on line ${earlier}; each member appears once in a file.` };
    seenEmails.set(input.email, line);
    if (input.username) {
      const holder = seenUsernames.get(input.username);
      if (holder) return { line, email: input.email, input, problem: `The username ${input.username} is already on line ${holder}.` };
      seenUsernames.set(input.username, line);
    }
    return { line, email: input.email, input, problem: null };
  });
  return { rows, leftAside: columns.filter((c) => (LEFT_ASIDE_COLUMNS as readonly string[]).includes(c)) };
}

/** The 1-based line of a character offset, for offsets asked in increasing order. */
function lineCounter(text: string) {
  let at = 0;
  let line = 1;
  return (offset: number) => {
    // Blank lines skipped by the parser sit before the record's first character.
    while (at < offset) {
      if (text.charCodeAt(at) === 10) line += 1;
      at += 1;
    }
    let probe = at;
    let extra = 0;
    while (probe < text.length && (text[probe] === "\n" || text[probe] === "\r")) {
      if (text[probe] === "\n") extra += 1;
      probe += 1;
    }
    return line + extra;
  };
}
