// Rows built as JSON inside a statement (json_build_object): what JSON cannot carry as
// PostgreSQL's driver would, written so that it arrives exactly.
import { Prisma } from "./generated/client";

/** A timestamp column (UTC, without zone) as milliseconds since the epoch: JSON would carry it
 * as text without a zone, which `new Date` reads in the server's local time. */
export const epochMsSql = (column: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${column}) * 1000)::float8`;

/** `epochMsSql` read back: a Date, or null for a null column. */
export const dateOfEpochMs = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
