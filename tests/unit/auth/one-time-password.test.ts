// One-time passwords go into CSV files (the import's results): none may start with a
// character that spreadsheets take for a formula, or the file carries it escaped.
import { describe, expect, it } from "vitest";
import { generatePassword } from "@/server/auth/password";

describe("generatePassword", () => {
  it("gives 20 base64url characters starting with a letter or digit, all different", () => {
    const seen = new Set<string>();
    // With 2 of 64 first characters unsafe, 2,000 draws would meet about 62 of them.
    for (let i = 0; i < 2000; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{19}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(2000);
  });
});
