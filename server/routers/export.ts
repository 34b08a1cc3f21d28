// The export tool (seed 004): "Bulk export" reads every kind in pages; the download route
// (app/o/[slug]/export/[kind]) pages through `page` with the same gate.
import { z } from "zod";
import { EXPORT_KINDS } from "../authz";
import { exportCounts, exportPage } from "../services/export";
import { createTRPCRouter, orgProcedure } from "../trpc/init";

export const exportKind = z.enum(EXPORT_KINDS, { error: `Choose what to export: ${EXPORT_KINDS.join(", ")}.` });
export const exportFormat = z.enum(["csv", "json"], { error: "Choose the export's format: csv or json." });

export const exportRouter = createTRPCRouter({
  /** One page of at most 1,000 rows; the first (no cursor) records the export. */
  page: orgProcedure("data.export")
    .input(
      z.object({
        kind: exportKind,
        cursor: z.string().max(64, "This page of the export cannot be found any more.").nullish(),
        format: exportFormat.optional(),
      }),
    )
    .query(({ ctx, input }) => exportPage(ctx.db, ctx.actor, input)),
  counts: orgProcedure("data.export").query(({ ctx }) => exportCounts(ctx.db, ctx.actor)),
});
