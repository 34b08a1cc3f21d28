// The export tool (seed 004): "Bulk export" reads every kind in pages; the download route
// (app/o/[slug]/export/[kind]) pages through `page` with the same gate, and scripts with a
// token page through it over REST.
import { z } from "zod";
import { EXPORT_KINDS, type ExportKind } from "../authz";
import { exportCounts, exportPage } from "../services/export";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { rest } from "./_rest";
import { count, object } from "./_outputs";

export const exportKind = z.enum(EXPORT_KINDS, { error: `Choose what to export: ${EXPORT_KINDS.join(", ")}.` });
export const exportFormat = z.enum(["csv", "json"], { error: "Choose the export's format: csv or json." });

export const exportRouter = createTRPCRouter({
  /** One page of at most 1,000 rows; the first (no cursor) records the export. */
  page: orgProcedure("data.export")
    .meta(
      rest(
        "GET",
        "/export/{kind}",
        "Export one page of members, groups, teams, resources or grants",
        "Needs Bulk export. At most 1,000 rows a page, in the download's columns; send the previous page's `nextCursor` as `cursor` until it is null. The first page (no cursor) records the export in the audit log, with `format`: the format you will store it in (csv unless given).",
      ),
    )
    .input(
      z.object({
        kind: exportKind,
        cursor: z.string().max(64, "This page of the export cannot be found any more.").nullish(),
        format: exportFormat.optional(),
      }),
    )
    .output(
      object({
        kind: exportKind,
        rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
        nextCursor: z.string().nullable().meta({ description: "The `cursor` of the next page, or null after the last." }),
      }),
    )
    .query(({ ctx, input }) => exportPage(ctx.db, ctx.actor, input)),
  counts: orgProcedure("data.export")
    .meta(rest("GET", "/export", "Count what an export would hold", "Needs Bulk export. How many rows of each kind you would export now."))
    .output(object(Object.fromEntries(EXPORT_KINDS.map((kind) => [kind, count])) as Record<ExportKind, typeof count>))
    .query(({ ctx }) => exportCounts(ctx.db, ctx.actor)),
});
