// The organization's audit log: "View audit log" (organization reach only) reads it. The
// export route (app/o/[slug]/audit/export) pages through `exportPage` and ends with
// `recordExport`, through the same gate; only that route may record (no client forges a count).
import { z } from "zod";
import { auditLogOptions, listAuditLog, recordAuditExport } from "../services/audit-log";
import { createTRPCRouter, orgProcedure, serverSideOrgProcedure } from "../trpc/init";
import { rest } from "./_rest";
import { object, timestamp } from "./_outputs";

const date = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${what} date as YYYY-MM-DD.`)
    .optional()
    .or(z.literal("").transform(() => undefined));

/** The filters, shared by the page, the API and the export's query string. */
export const auditFilters = z.object({
  actorUserId: z.string().trim().max(64, "That actor is not one of the list.").optional(),
  action: z.string().trim().max(80, "Choose an action or an area from the list.").optional(),
  targetId: z.string().trim().max(64, "That target id is not valid.").optional(),
  from: date("from"),
  to: date("to"),
  search: z.string().trim().max(100, "Search for at most 100 characters.").optional(),
});

const cursor = z.string().max(200, "This page of the audit log cannot be found any more.").optional();

export const EXPORT_BATCH = 1000;

export const auditRouter = createTRPCRouter({
  list: orgProcedure("audit.view")
    .meta(
      rest(
        "GET",
        "/audit-log",
        "Read the audit log",
        "Newest first, each event in words. Pass `nextCursor` back as `cursor` for the next page; it is null on the last one.",
      ),
    )
    .input(auditFilters.extend({ cursor, pageSize: z.number().int().min(1).max(100, "At most 100 events per page.").default(50) }))
    .output(
      object({
        rows: z.array(
          object({
            id: z.string(),
            at: timestamp,
            actor: object({ userId: z.string().nullable().meta({ description: "Null for Steward's own events." }), name: z.string() }),
            action: z.string(),
            label: z.string(),
            targetType: z.string(),
            targetId: z.string(),
            sentence: z.string(),
            changes: z.array(object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
            detail: z.string(),
            ip: z.string().nullable(),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => listAuditLog(ctx.db, ctx.actor, input)),
  options: orgProcedure("audit.view").query(({ ctx }) => auditLogOptions(ctx.db, ctx.actor)),
  /** One batch of an export: the same read, in larger pages. */
  exportPage: orgProcedure("audit.view")
    .input(auditFilters.extend({ cursor }))
    .query(({ ctx, input }) => listAuditLog(ctx.db, ctx.actor, { ...input, pageSize: EXPORT_BATCH })),
  /** Called by the export route once it has streamed the rows, with the count it streamed. */
  recordExport: serverSideOrgProcedure("audit.view")
    .input(z.object({ filters: auditFilters, format: z.enum(["csv", "json"]), rows: z.number().int().min(0), complete: z.boolean() }))
    .mutation(({ ctx, input }) => recordAuditExport(ctx.db, ctx.actor, input)),
});
