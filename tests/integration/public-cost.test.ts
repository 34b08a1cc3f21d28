// Public endpoints that take a password check their link first: a made-up link must cost
// the server no argon2 work. The password module is wrapped (calling through) to count it.
vi.mock("@/server/auth/password", async (original) => {
  const real = await original<typeof import("@/server/auth/password")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as passwords from "@/server/auth/password";
import { org, type BuiltOrg } from "../factories/org";
import { callerFor, refusal, testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
let acme: BuiltOrg;
beforeAll(async () => {
  t = await testDatabase();
  acme = await org(t.db, "Acme").create();
});
afterAll(() => t.close());

const fakeToken = "A".repeat(43);

describe("links before passwords", () => {
  it("accepting an invitation with a made-up link hashes nothing", async () => {
    const hash = vi.mocked(passwords.hashPassword);
    hash.mockClear();
    const anonymous = callerFor(t.db, null, null);
    const refused = await refusal(() =>
      anonymous.invitations.accept({ organization: acme.slug, token: fakeToken, name: "Mallory", password: "a long enough password" }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    expect(hash).not.toHaveBeenCalled();
  });

  it("resetting a password with a made-up link hashes nothing", async () => {
    const hash = vi.mocked(passwords.hashPassword);
    hash.mockClear();
    const anonymous = callerFor(t.db, null, null);
    const refused = await refusal(() => anonymous.accountLinks.resetPassword({ token: fakeToken, newPassword: "a long enough password" }));
    expect(refused.code).toBe("NOT_FOUND");
    expect(hash).not.toHaveBeenCalled();
  });
});
