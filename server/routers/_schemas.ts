// Input pieces shared by several routers.
import { z } from "zod";
import { SLUG_PATTERN } from "../authz/instance";
import { POLICY_BOUNDS } from "../authz/policies";

export const id = (what: string) => z.string({ error: `${what} id is required.` }).cuid({ error: `${what} id is not a valid id.` });

export const groupName = z
  .string()
  .trim()
  .min(1, "Give the group a name.")
  .max(80, "Group names are at most 80 characters.")
  .refine((s) => !/[\u0000-\u001f/]/.test(s), "Group names cannot contain “/” or control characters.");

export const personName = z.string().trim().min(1, "Enter a name.").max(120, "Names are at most 120 characters.");
export const email = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, "Usernames are 2 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit.");
export const company = z.string().trim().max(120, "Company names are at most 120 characters.");

export const organizationName = z
  .string()
  .trim()
  .min(2, "Organization names are at least 2 characters.")
  .max(80, "Organization names are at most 80 characters.");

/** An organization's address, /o/<slug>. */
export const organizationSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, "Addresses are 2 to 40 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.");

export const page = z.number().int().min(1, "Pages start at 1.").default(1);

/** The input of a list paged by cursor (server/services/cursor.ts), in one of `sorts`, the first by default. */
export const cursorPaging = <S extends string>(sorts: readonly [S, ...S[]]) => ({
  page: z.number().int().min(1).max(1_000_000).default(1),
  cursor: z.string().max(4000).optional(),
  last: z.boolean().optional(),
  sort: z.enum(sorts).default(sorts[0]),
  direction: z.enum(["asc", "desc"]).default("asc"),
});

const hoursOrDays = (what: string, unit: string, min: number, max: number) =>
  z
    .number({ error: `Enter the ${what} as a number of ${unit}.` })
    .int(`Enter a whole number of ${unit}.`)
    .min(min, `The ${what} is at least ${min} ${unit}.`)
    .max(max, `The ${what} is at most ${max} ${unit}.`);

/** A domain invitations may go to: "example.com" (an "@" before it is dropped). */
const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .pipe(
    z
      .string()
      .max(253, "Domains are at most 253 characters.")
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Enter domains such as example.com."),
  );

/** A group policy's settings; null inherits from the parent group (the default at the root). */
export const policySettings = z.object({
  twoFactor: z.enum(["OFF", "ADMINS", "EVERYONE"], { error: "Two-factor sign-in is OFF, ADMINS or EVERYONE." }).nullable(),
  minPasswordLength: hoursOrDays("minimum password length", "characters", POLICY_BOUNDS.minPasswordLength.min, POLICY_BOUNDS.minPasswordLength.max).nullable(),
  sessionLifetimeHours: hoursOrDays("session lifetime", "hours", POLICY_BOUNDS.sessionLifetimeHours.min, POLICY_BOUNDS.sessionLifetimeHours.max).nullable(),
  invitationTtlDays: hoursOrDays("invitation link lifetime", "days", POLICY_BOUNDS.invitationTtlDays.min, POLICY_BOUNDS.invitationTtlDays.max).nullable(),
  allowedEmailDomains: z
    .array(emailDomain)
    .min(1, "List at least one domain, or let the group inherit.")
    .max(50, "List at most 50 domains.")
    .transform((list) => [...new Set(list)].sort())
    .nullable(),
  /** 0 lets tokens never expire; absent inherits (older clients send no such field). */
  tokenLifetimeDays: z
    .number({ error: "Enter the API token lifetime as a number of days." })
    .int("Enter a whole number of days.")
    .min(0, `The API token lifetime is 0 (no limit) or from ${POLICY_BOUNDS.tokenLifetimeDays.min} to ${POLICY_BOUNDS.tokenLifetimeDays.max} days.`)
    .max(POLICY_BOUNDS.tokenLifetimeDays.max, `The API token lifetime is at most ${POLICY_BOUNDS.tokenLifetimeDays.max} days, or 0 for no limit.`)
    .nullable()
    .default(null),
});
