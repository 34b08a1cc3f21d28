// Password hashing: argon2id at the OWASP Password Storage Cheat Sheet's first
// recommended setting (19 MiB memory, 2 iterations, parallelism 1).
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { randomBytes } from "node:crypto";
import { z } from "zod";

// @node-rs/argon2 declares Algorithm as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;

// The ~49,000 most common passwords of zxcvbn-ts's maintained list.
let common: Set<string> | undefined;
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  return common.has(password.toLowerCase());
}

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.")
  .refine((p) => !isCommonPassword(p), "This password is one of the most common ones; choose another.");

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the account does not exist, so that a wrong email costs as much
// time as a wrong password and does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
export function burnVerification(password: string): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash.then((h) => verifyPassword(h, password));
}

/**
 * A random password for one use: shown once, changed at first sign-in. 120 random bits in
 * base64url, starting with a letter or digit: a leading "-" made spreadsheets read it as a
 * formula, so CSV files (the import's results) carried it escaped with an apostrophe.
 */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(15).toString("base64url");
    if (/^[A-Za-z0-9]/.test(password)) return password;
  }
}
