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
