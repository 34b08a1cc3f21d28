// Input pieces shared by several routers.
import { z } from "zod";
import { SLUG_PATTERN } from "../authz/instance";

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
