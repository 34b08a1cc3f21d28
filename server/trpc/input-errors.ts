// Input that people (and scripts) get wrong, answered in sentences: zod's default wording
// ("Invalid input: expected string, received undefined") and schema paths ("emails.1")
// never reach anyone. Also the one gate for text no field may hold.
import { z } from "zod";

/** "membershipId" → "Membership id"; the last named key of a path, or null. */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string | null {
  const key = [...(path ?? [])].reverse().find((k): k is string => typeof k === "string");
  if (!key) return null;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a set of fields",
  date: "a date",
};

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/** zod's global error map: our sentences wherever a schema gave no message of its own. */
export function stewardZodError(issue: z.core.$ZodRawIssue): string | undefined {
  const label = fieldLabel(issue.path) ?? "This request's input";
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${label} is required.`;
      return `${label} must be ${KINDS[issue.expected] ?? "of another kind"}.`;
    case "invalid_value": {
      const values = issue.values.slice(0, 12).map(String).join(", ");
      return issue.values.length === 1 ? `${label} must be ${values}.` : `${label} must be one of: ${values}.`;
    }
    case "too_big":
      if (issue.origin === "string") return `${label} must be at most ${plural(issue.maximum, "character", "characters")}.`;
      if (issue.origin === "array" || issue.origin === "set") return `${label} can hold at most ${plural(issue.maximum, "item", "items")}.`;
      return `${label} must be at most ${issue.maximum}.`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? `${label} cannot be empty.` : `${label} must be at least ${plural(issue.minimum, "character", "characters")}.`;
      if (issue.origin === "array" || issue.origin === "set") return `${label} needs at least ${plural(issue.minimum, "item", "items")}.`;
      return `${label} must be at least ${issue.minimum}.`;
    case "invalid_format":
      return `${label} is not in the expected format.`;
    case "not_multiple_of":
      return `${label} must be a multiple of ${issue.divisor}.`;
    case "unrecognized_keys":
      return `Unexpected ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.slice(0, 5).join(", ")}.`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return `${label} is not valid.`;
    default:
      return undefined;
  }
}

z.config({ customError: stewardZodError });

/** "Row 2: " for an issue inside the second item of a list named "rows"; "" outside lists. */
function itemPrefix(path: readonly PropertyKey[]): string {
  const at = path.findLastIndex((k) => typeof k === "number");
  if (at < 1) return "";
  const list = fieldLabel([path[at - 1]!]);
  return list ? `${list.replace(/ies$/, "y").replace(/s$/, "")} ${(path[at] as number) + 1}: ` : "";
}

/** The readable message of a validation failure: its sentences, each once, no schema paths
 * (an item of a list is named by its position, counted from 1). */
export function describeZodError(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => `${itemPrefix(i.path)}${i.message}`))].join(" ");
}

// ---- Text no field may hold ---------------------------------------------------------

// C0 controls other than tab, line feed and carriage return, and DEL: NUL in particular,
// which PostgreSQL cannot store in text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one: not
// Unicode text at all (JSON columns refuse it; text columns would store U+FFFD).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = "Text cannot contain control characters (such as NUL) or broken Unicode characters. Remove them and try again.";
export const TOO_DEEP_MESSAGE = "This request's input is nested too deeply.";

export const isUnsafeText = (s: string) => CONTROL.test(s) || LONE_SURROGATE.test(s);

const MAX_DEPTH = 32;

/** The first problem in a request's input, walked without recursion: the path to a string
 * (or key) no field may hold, or input nested beyond any of our schemas. */
export function findInputProblem(input: unknown): { path: PropertyKey[]; message: string } | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: input, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (isUnsafeText(value)) return { path, message: UNSAFE_TEXT_MESSAGE };
    } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      if (path.length >= MAX_DEPTH) return { path: [], message: TOO_DEEP_MESSAGE };
      for (const [key, child] of Object.entries(value)) {
        if (isUnsafeText(key)) return { path, message: UNSAFE_TEXT_MESSAGE };
        stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
      }
    }
  }
  return null;
}
