import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeZodError, findInputProblem, TOO_DEEP_MESSAGE, UNSAFE_TEXT_MESSAGE } from "@/server/trpc/input-errors";

const messageOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return describeZodError(result.error);
};

describe("validation messages", () => {
  const schema = z.object({
    membershipId: z.string(),
    pageSize: z.number().int().min(1).max(200),
    status: z.enum(["ACTIVE", "DISABLED"]),
    emails: z.array(z.string()).min(1).max(2),
  });

  it("are sentences naming the field, never zod's wording or a schema path", () => {
    const message = messageOf(schema, { pageSize: "x", status: "GONE", emails: ["a", "b", "c"] });
    expect(message).toBe("Membership id is required. Page size must be a number. Status must be one of: ACTIVE, DISABLED. Emails can hold at most 2 items.");
    expect(message).not.toMatch(/Invalid input|expected string|received|emails\.\d|membershipId/);
  });

  it("cover lengths and bounds", () => {
    expect(messageOf(z.object({ name: z.string().min(1) }), { name: "" })).toBe("Name cannot be empty.");
    expect(messageOf(z.object({ name: z.string().max(3) }), { name: "abcd" })).toBe("Name must be at most 3 characters.");
    expect(messageOf(z.object({ pageSize: z.number().max(200) }), { pageSize: 201 })).toBe("Page size must be at most 200.");
    expect(messageOf(z.object({ emails: z.array(z.string()).min(1) }), { emails: [] })).toBe("Emails needs at least 1 item.");
  });

  it("leave a schema's own message alone", () => {
    expect(messageOf(z.object({ email: z.string().email("Enter a valid email address.") }), { email: "nope" })).toBe("Enter a valid email address.");
  });

  it("name an item of a list by its position, counted from 1, and say each sentence once", () => {
    const list = z.object({ emails: z.array(z.string().email("Enter a valid email address.")) });
    expect(messageOf(list, { emails: ["a@b.co", "y"] })).toBe("Email 2: Enter a valid email address.");
    expect(messageOf(list, { emails: ["x", "x"] })).toBe("Email 1: Enter a valid email address. Email 2: Enter a valid email address.");
    const rows = z.object({ rows: z.array(z.object({ email: z.string().email("Enter a valid email address.") })) });
    expect(messageOf(rows, { rows: [{ email: "bad" }] })).toBe("Row 1: Enter a valid email address.");
    const capabilities = z.object({ capabilities: z.array(z.enum(["view", "run"])) });
    expect(messageOf(capabilities, { capabilities: ["view", "fly"] })).toBe("Capability 2: Capabilities must be one of: view, run.");
  });
});

describe("text no field may hold", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["a bell", "ring\u0007"],
    ["DEL", "x\u007f"],
    ["a lone high surrogate", "x\ud800y"],
    ["a lone low surrogate", "x\udc00y"],
    ["a high surrogate at the end", "x\ud83d"],
  ])("finds %s anywhere in the input, keys included", (_, bad) => {
    expect(findInputProblem({ a: [{ b: bad }] })).toEqual({ path: ["a", 0, "b"], message: UNSAFE_TEXT_MESSAGE });
    expect(findInputProblem({ [bad]: 1 })?.message).toBe(UNSAFE_TEXT_MESSAGE);
    expect(findInputProblem(bad)?.message).toBe(UNSAFE_TEXT_MESSAGE);
  });

  it("lets tabs, new lines, emoji and accents through", () => {
    expect(findInputProblem({ output: "line 1\r\n\tline 2", name: "Chloé 👩🏽‍💻", date: new Date() })).toBeNull();
  });

  it("refuses input nested deeper than any schema, without recursing", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInputProblem(deep)).toEqual({ path: [], message: TOO_DEEP_MESSAGE });
  });
});
