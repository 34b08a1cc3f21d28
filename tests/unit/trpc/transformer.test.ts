// The API's answers: `writeAnswer` must write exactly superjson's envelope (same json, same
// annotations at the same paths) for plain data with dates and undefined, and hand everything
// else to superjson, so that a client reading with superjson sees no difference.
import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { writeAnswer } from "@/server/trpc/transformer";

const key = fc
  .oneof(fc.string({ maxLength: 6 }), fc.constantFrom("", "a.b", "a\\b", "x\\.y", "0", "rows"))
  .filter((k) => !["__proto__", "constructor", "prototype"].includes(k));
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 5 }),
  object: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
}));

describe("writeAnswer", () => {
  it("writes superjson's envelope for any plain value with dates and undefined", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(writeAnswer(v)).toEqual(superjson.serialize(v));
        expect(superjson.deserialize(writeAnswer(v))).toEqual(v);
      }),
      { numRuns: 2000 },
    );
  });

  it("annotates a date or undefined at its path, the answer itself at the root", () => {
    const at = new Date("2026-12-01T10:00:00Z");
    expect(writeAnswer({ rows: [{ createdAt: at, note: undefined }], "a.b": { c: at } })).toEqual({
      json: { rows: [{ createdAt: at.toISOString(), note: null }], "a.b": { c: at.toISOString() } },
      meta: { values: { "rows.0.createdAt": ["Date"], "rows.0.note": ["undefined"], "a\\.b.c": ["Date"] }, v: 1 },
    });
    expect(writeAnswer(at)).toEqual({ json: at.toISOString(), meta: { values: ["Date"], v: 1 } });
    expect(writeAnswer({ total: 3, rows: [] })).toEqual({ json: { total: 3, rows: [] } });
  });

  it("hands anything else to superjson", () => {
    class Point {
      constructor(public x = 1) {}
    }
    const others = [
      { ids: new Set(["a"]) },
      { byId: new Map([["a", 1]]) },
      { n: 10n },
      { n: Number.NaN, m: [Number.POSITIVE_INFINITY] },
      { zero: -0 },
      { at: new Date(Number.NaN) },
      { p: new Point() },
      { re: /x/ },
      [new Error("no")],
    ];
    for (const other of others) expect(writeAnswer(other)).toEqual(superjson.serialize(other));
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(writeAnswer(cycle)).toEqual(superjson.serialize(cycle));
  });

  it("refuses what superjson refuses", () => {
    const hostile = JSON.parse('{"ok": 1, "__proto__": {"polluted": true}}');
    expect(() => superjson.serialize(hostile)).toThrow(/prototype pollution/);
    expect(() => writeAnswer(hostile)).toThrow(/prototype pollution/);
  });
});
