// The API's data transformer: superjson's, with a faster way to write answers.
//
// superjson's walk of an answer (path arrays copied at every node, each value tried against
// every rule and registered class) was a tenth of a members page's work in Node. Answers are
// JSON with dates (and sometimes undefined) in plain objects and arrays, so `writeAnswer` writes
// superjson's envelope for exactly those in one pass: `json` (a date as its ISO string,
// undefined as null), and `meta.values` with a `["Date"]` or `["undefined"]` annotation at
// each such value's path, as superjson writes them.
// Anything else anywhere in the answer (a Map, a BigInt, NaN or -0, a class instance, a key superjson
// refuses) hands the whole answer to superjson itself. What it writes, superjson reads: clients
// keep superjson on both sides, and inputs are read by superjson as before.
import superjson from "superjson";
import type { SuperJSONResult } from "superjson";

type Annotation = ["Date"] | ["undefined"];
/** Annotations by path; the root value's own (the answer itself a date) under `root`. */
type Annotations = { paths: Record<string, Annotation>; root?: Annotation };

/** Thrown inside the walk when a value needs superjson's own rules. */
const NOT_PLAIN = Symbol("not plain");

/** superjson's escaping of a key inside a dotted path. */
const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

const isPlainObject = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

function annotate(annotations: Annotations, path: string | null, annotation: Annotation) {
  if (path === null) annotations.root = annotation;
  else annotations.paths[path] = annotation;
}

/** `path`: superjson's dotted path of `value`; null for the answer itself. */
function walk(value: unknown, path: string | null, annotations: Annotations): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // NaN, the infinities and -0 are superjson's to write (JSON has none of them).
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      throw NOT_PLAIN;
    case "undefined":
      annotate(annotations, path, ["undefined"]);
      return null;
    case "object": {
      if (value === null) return null;
      const prefix = path === null ? "" : `${path}.`;
      if (Array.isArray(value)) {
        const out = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          out[i] = walk(value[i], `${prefix}${i}`, annotations);
        }
        return out;
      }
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw NOT_PLAIN;
        annotate(annotations, path, ["Date"]);
        return value.toISOString();
      }
      if (!isPlainObject(value)) throw NOT_PLAIN;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (key === "__proto__" || key === "constructor" || key === "prototype") throw NOT_PLAIN;
        out[key] = walk((value as Record<string, unknown>)[key], `${prefix}${escapeKey(key)}`, annotations);
      }
      return out;
    }
    default:
      throw NOT_PLAIN;
  }
}

/** superjson's envelope of `value`, written in one pass when it is plain JSON with dates. */
export function writeAnswer(value: unknown): SuperJSONResult {
  const annotations: Annotations = { paths: {} };
  let json: SuperJSONResult["json"];
  try {
    json = walk(value, null, annotations) as SuperJSONResult["json"];
  } catch {
    // NOT_PLAIN, or a cycle's stack overflow: superjson knows what to do with either.
    return superjson.serialize(value);
  }
  const values = annotations.root ?? (Object.keys(annotations.paths).length ? annotations.paths : null);
  return values ? { json, meta: { values, v: 1 } } : { json };
}

/** The transformer of the API: superjson reads inputs and answers; answers are written by `writeAnswer`. */
export const transformer = {
  input: superjson,
  output: { serialize: writeAnswer, deserialize: (data: SuperJSONResult) => superjson.deserialize(data) },
};
