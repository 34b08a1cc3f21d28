// Recovery codes: 80 bits as the docs say (16 symbols of 32, drawn without bias), and
// accepted however a person types them; codes issued before (12 symbols, hashed with their
// dashes) keep working.
import { describe, expect, it } from "vitest";
import { newRecoveryCodes, normalizeRecoveryCode, RECOVERY_ALPHABET, RECOVERY_CODE_BITS, RECOVERY_CODE_LENGTH, recoveryCodeForms } from "@/server/auth/totp";

const SHAPE = new RegExp(`^[${RECOVERY_ALPHABET}]{4}(-[${RECOVERY_ALPHABET}]{4}){3}$`);

describe("new recovery codes", () => {
  it("are 32 symbols without look-alikes, 16 to a code: 80 bits", () => {
    expect(new Set(RECOVERY_ALPHABET).size).toBe(32);
    expect(RECOVERY_ALPHABET).toMatch(/^[a-z1-9]+$/);
    for (const lookAlike of ["0", "o", "i", "l"]) expect(RECOVERY_ALPHABET).not.toContain(lookAlike);
    expect(RECOVERY_CODE_LENGTH).toBe(16);
    expect(RECOVERY_CODE_BITS).toBe(80);
  });

  it("come ten at a time as four groups of four, all different", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(SHAPE);
  });

  it("draw from the whole alphabet (a missing symbol would mean fewer bits than stated)", () => {
    const seen = new Set(newRecoveryCodes(300).join("").replaceAll("-", ""));
    expect([...seen].sort().join("")).toBe([...RECOVERY_ALPHABET].sort().join(""));
  });
});

describe("typed recovery codes", () => {
  const bare = "k7m2x9qp4hdtw3ab";

  it("are read in any case, with or without dashes, and with spaces anywhere", () => {
    for (const typed of ["k7m2-x9qp-4hdt-w3ab", "K7M2-X9QP-4HDT-W3AB", bare, "  k7m2 x9qp\t4hdt w3ab\n", "k7m2 - x9qp - 4hdt - w3ab", "k7m2—x9qp_4hdt.w3ab"]) {
      expect(normalizeRecoveryCode(typed), typed).toBe(bare);
      expect(recoveryCodeForms(typed), typed).toEqual([bare]);
    }
  });

  it("read i and l as the 1 they look like, and drop 0 and o (no code holds them)", () => {
    expect(normalizeRecoveryCode("1abc-Iabc-labc")).toBe("1abc1abc1abc");
    expect(normalizeRecoveryCode("o0ab")).toBe("ab");
  });

  it("match the dashed form that codes issued before were hashed in, when 12 symbols long", () => {
    for (const typed of ["abcd-efgh-jkmn", "ABCDEFGHJKMN", " abcd efgh jkmn "]) expect(recoveryCodeForms(typed)).toEqual(["abcd-efgh-jkmn"]);
  });

  it("of any other length match nothing", () => {
    for (const typed of ["", "123456", "k7m2-x9qp-4hdt-w3a", "k7m2-x9qp-4hdt-w3abc", "abcd-efgh-jkm"]) expect(recoveryCodeForms(typed)).toEqual([]);
  });
});
