// Inputs for fuzzing the API: arbitraries read off a procedure's zod schema (Zod 4's
// `_zod.def`), mixing values the schema would accept, seeded with real ids and plausible
// text, with values no field should ever see: NUL and other control characters, lone
// surrogates, very long text, out-of-range numbers, wrong types, missing and extra fields,
// deep nesting and very long lists.
import fc from "fast-check";
import type { z } from "zod";

/** Plausible values for a field, by its name (e.g. real member ids for "membershipId"). */
export type Hints = (key: string | undefined) => readonly unknown[] | undefined;

const HOSTILE_TEXT: readonly string[] = [
  "a\u0000b",
  "\u0000",
  "x\u0001\u0007\u001b[31m\u001f",
  "del\u007f",
  "x\ud800y",
  "\udfff",
  "\ud83d",
  "end\udbff",
  "\udc00start",
  "x".repeat(10_000),
  "é".repeat(3_000),
  "👩‍👩‍👧‍👦".repeat(400),
  "e\u0301\u0301\u0301\u0301 Z\u0338\u0322\u0327\u031b",
  "\u202egnp.exe",
  "שלום עולם",
  "مرحبا بالعالم",
  "\ufeff\u200b\u2028\u2029",
  "\uffff\ufffe",
  "𝕏𝕪𝕫",
  '\'; DROP TABLE "User"; --',
  "' OR '1'='1",
  "%_%",
  "\\",
  "\\x00",
  "$1",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "${jndi:ldap://example.test/a}",
  "tab\tline\nreturn\r",
  "",
  "   ",
  "NaN",
  "-1",
  "1e309",
  "null",
  "__proto__",
  "constructor",
];

const HOSTILE_NUMBERS: readonly unknown[] = [-1, 0, -0, 0.5, 1e308, -1e308, 2 ** 53 + 2, 1e21, 1.0000001, "NaN", "1", "Infinity", "-0"];

const nested = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown) => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};

/** Values of the wrong shape for any field, or for a whole input. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      true,
      null,
      [],
      {},
      nested(20, "x", (v) => [v]),
      nested(40, "x", (v) => [v]),
      nested(40, 1, (v) => ({ a: v })),
      Array.from({ length: 1_000 }, (_, i) => `item-${i}`),
      Array.from({ length: 1_000 }, () => 1),
      Array.from({ length: 1_000 }, () => ({})),
      { "a\u0000": 1 },
      { __proto__: { isOwner: true } },
    ),
  },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }) },
);

type Def = { type: string; [k: string]: unknown };
type Check = { check?: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; value?: number; inclusive?: boolean };

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] => ((def.checks as Array<{ _zod: { def: Check } }> | undefined) ?? []).map((c) => c._zod.def);

const MISSING = Symbol("missing");

/** "valid": what the schema takes, as a form would send it; "mixed": fields now and then
 * hostile, missing or joined by fields no schema has. */
type Mode = "valid" | "mixed";

/** Text the string schema would plausibly take: its format or pattern, within its lengths. */
/** Whether fast-check can generate strings of this pattern (it knows no lookaheads, for one);
 * otherwise plain strings of the right length stand in. */
function matchable(pattern: RegExp): boolean {
  try {
    fc.stringMatching(pattern);
    return true;
  } catch {
    return false;
  }
}

function plausibleText(def: Def, hints: readonly unknown[] | undefined, mode: Mode): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0));
  const max = Math.min(80, ...checks.filter((c) => c.check === "max_length").map((c) => c.maximum ?? 80));
  const format = checks.find((c) => c.check === "string_format");
  // "binary" is any code point, control characters included: only in mixed mode.
  const units = mode === "valid" ? (["grapheme-ascii", "grapheme"] as const) : (["grapheme-ascii", "grapheme", "binary"] as const);
  const shaped: fc.Arbitrary<string> =
    format?.format === "email"
      ? fc.emailAddress()
      : format?.format === "cuid"
        ? fc.stringMatching(/^c[0-9a-z]{24}$/)
        : format?.pattern && matchable(format.pattern)
          ? fc.stringMatching(format.pattern).filter((s) => s.length <= 200)
          : fc.oneof(...units.map((unit) => fc.string({ minLength: Math.min(min, max), maxLength: Math.max(min, max), unit })));
  return hints?.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hints) }, { weight: 1, arbitrary: shaped }) : shaped;
}

function plausibleNumber(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const low = checks.find((c) => c.check === "greater_than")?.value ?? -Number.MAX_SAFE_INTEGER;
  const high = checks.find((c) => c.check === "less_than")?.value ?? Number.MAX_SAFE_INTEGER;
  const whole = checks.some((c) => c.check === "number_format" && /int/.test(c.format ?? ""));
  // Mostly small values, and the edges the schema allows: where offsets and counts overflow.
  const edges = [low, high, 2 ** 31 - 1, 2 ** 31, 2 ** 32, -(2 ** 31) - 1, 0].filter((n) => n >= low && n <= high);
  const [min, max] = [Math.max(low, -1_000), Math.min(high, 1_000)];
  const small = whole ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
}

const EXTRA_KEYS = ["isOwner", "organizationId", "role", "__proto__", "constructor", "prototype", "toString", "x"];

/** An object of the shape; in mixed mode a field may be missing, and fields nobody asked for may come along. */
function plausibleObject(shape: Record<string, unknown>, hints: Hints, mode: Mode): fc.Arbitrary<unknown> {
  const field = (s: unknown, k: string) =>
    mode === "valid"
      ? valueFor(s, hints, k, mode)
      : fc.oneof({ weight: 15, arbitrary: valueFor(s, hints, k, mode) }, { weight: 1, arbitrary: fc.constant(MISSING) });
  const fields = fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, field(s, k)])));
  const extra =
    mode === "valid"
      ? fc.constant({})
      : fc.oneof(
          { weight: 9, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...EXTRA_KEYS), hostileValue, { maxKeys: 2 }) },
        );
  return fc.tuple(fields, extra).map(([record, more]) => {
    const out: Record<string, unknown> = { ...more };
    for (const [k, v] of Object.entries(record)) if (v !== MISSING) out[k] = v;
    return out;
  });
}

/** A value of the schema's shape. */
function plausible(schema: unknown, hints: Hints, key: string | undefined, mode: Mode): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: unknown, k = key) => valueFor(s, hints, k, mode);
  switch (def.type) {
    case "object":
      return plausibleObject(def.shape as Record<string, unknown>, hints, mode);
    case "optional":
    case "default":
    case "prefault":
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case "readonly":
    case "catch":
    case "nonoptional":
      return plausible(def.innerType, hints, key, mode);
    case "pipe":
      return plausible(def.in, hints, key, mode);
    case "lazy":
      return plausible((def.getter as () => unknown)(), hints, key, mode);
    case "string":
      return plausibleText(def, hints(key), mode);
    case "number":
      return plausibleNumber(def);
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "array": {
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
      const max = Math.min(checks.find((c) => c.check === "max_length")?.maximum ?? 5, 5);
      return fc.array(inner(def.element), { minLength: Math.min(min, max), maxLength: Math.max(min, max) });
    }
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((o) => plausible(o, hints, key, mode)));
    case "record":
      return fc.dictionary(
        plausible(def.keyType, hints, undefined, mode).filter((k): k is string => typeof k === "string"),
        inner(def.valueType),
        { maxKeys: 4 },
      );
    case "date":
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

function valueFor(schema: unknown, hints: Hints, key: string | undefined, mode: Mode): fc.Arbitrary<unknown> {
  if (mode === "valid") return plausible(schema, hints, key, mode);
  return fc.oneof({ weight: 5, arbitrary: plausible(schema, hints, key, mode) }, { weight: 1, arbitrary: hostileValue });
}

/** Mostly what the schema takes (with real values from `hints` by field name), sometimes
 * hostile: any zod schema, falling back to fc.anything() for kinds it does not know. */
export function arbitraryFor(schema: z.ZodType | unknown, hints: Hints = () => undefined): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: valueFor(schema, hints, undefined, "valid") }, { weight: 1, arbitrary: valueFor(schema, hints, undefined, "mixed") });
}

const isPlainObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/** A whole procedure input: from its schema (or none), now and then replaced by hostile input. */
export function inputFor(schemas: readonly unknown[], hints: Hints): fc.Arbitrary<unknown> {
  // Several .input() calls merge their objects; a procedure with none takes anything.
  const shaped = schemas.length
    ? fc.tuple(...schemas.map((s) => arbitraryFor(s, hints))).map((parts) => (parts.every(isPlainObject) ? Object.assign({}, ...parts) : parts.at(-1)))
    : fc.constantFrom<unknown>(undefined, null, {});
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant(undefined) });
}
