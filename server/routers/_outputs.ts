// Output pieces shared by the routers that are also REST routes (_rest.ts). An output schema
// documents a procedure's answer in the OpenAPI document and is checked by tRPC on every
// call. Objects are loose: a field the console reads that a schema does not name passes
// through instead of being dropped; the document lists what scripts may rely on.
import { z } from "zod";
import { RESOURCE_TYPE_KEYS } from "../authz";

/** A time: a Date in process, an ISO 8601 string over HTTP. */
export const timestamp = z.date().meta({ type: "string", format: "date-time" });
export const count = z.number().int().min(0);
export const resourceType = z.string().meta({ description: `One of ${RESOURCE_TYPE_KEYS.join(", ")}.` });
export const object = z.looseObject;

/** Where a page read by cursor stands (server/services/cursor.ts). */
export const cursorPage = {
  page: z.number().int().nullable().meta({ description: "The page number asked for; null for a page read by cursor or the last page." }),
  pageSize: z.number().int(),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  prevCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the previous page; null on the first page." }),
};

/** A value of the effective policy comes from a group (null: Steward's default). */
const policySource = object({ groupId: z.string(), groupName: z.string() }).nullable();
const twoFactorPolicy = z.enum(["OFF", "ADMINS", "EVERYONE"]);

/** The policy of a group's members: the strictest value along its chain, each with its source. */
export const effectivePolicy = object({
  values: object({
    twoFactor: twoFactorPolicy,
    minPasswordLength: z.number().int(),
    sessionLifetimeHours: z.number().int().nullable(),
    invitationTtlDays: z.number().int(),
    allowedEmailDomains: z.array(z.string()).nullable(),
    tokenLifetimeDays: z.number().int().meta({ description: "Days an API token may live at most; 0: no limit." }),
  }),
  sources: object({
    twoFactor: policySource,
    minPasswordLength: policySource,
    sessionLifetimeHours: policySource,
    invitationTtlDays: policySource,
    allowedEmailDomains: policySource,
    tokenLifetimeDays: policySource,
  }),
});

/** A group's own policy settings; null inherits. */
export const policySettingsOutput = object({
  twoFactor: twoFactorPolicy.nullable(),
  minPasswordLength: z.number().int().nullable(),
  sessionLifetimeHours: z.number().int().nullable(),
  invitationTtlDays: z.number().int().nullable(),
  allowedEmailDomains: z.array(z.string()).nullable(),
  tokenLifetimeDays: z.number().int().nullable().meta({ description: "Days an API token may live at most; 0: no limit; null inherits." }),
});
