// The import tool (seed 004's ImportUsers), as jobs: upload a CSV file (a dry run follows on
// the server), read the diff, confirm, follow the progress, download the results file.
// Every procedure needs "Bulk import", and sees only the caller's own jobs.
import { z } from "zod";
import { MAX_IMPORT_BYTES, megabytes } from "../services/import-limits";
import {
  cancelImportJob,
  confirmImportJob,
  createImportJob,
  dropImportPasswords,
  getImportJob,
  importResultsPage,
  importRowsPage,
  listImportJobs,
} from "../services/import-jobs";
import { createTRPCRouter, orgProcedure } from "../trpc/init";
import { id } from "./_schemas";

const jobId = id("Import");
const OUTCOMES = ["create", "update", "enable", "disable", "delete", "unchanged", "refused"] as const;
// Characters, a lower bound of bytes: the service checks the bytes with the same sentence.
const TOO_LARGE = `The file is larger than ${megabytes(MAX_IMPORT_BYTES)}; the import takes files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB and 10,000 rows. Split it into smaller files.`;

export const importerRouter = createTRPCRouter({
  upload: orgProcedure("members.import")
    .input(
      z.object({
        fileName: z.string().trim().min(1, "Name the file.").max(200, "File names are at most 200 characters."),
        csv: z.string().max(MAX_IMPORT_BYTES, TOO_LARGE),
      }),
    )
    .mutation(({ ctx, input }) => createImportJob(ctx.db, ctx.actor, input)),
  jobs: orgProcedure("members.import").query(({ ctx }) => listImportJobs(ctx.db, ctx.actor)),
  job: orgProcedure("members.import")
    .input(z.object({ jobId }))
    .query(({ ctx, input }) => getImportJob(ctx.db, ctx.actor, input.jobId)),
  rows: orgProcedure("members.import")
    .input(
      z.object({
        jobId,
        phase: z.enum(["plan", "result"]).default("plan"),
        outcome: z.enum(OUTCOMES).optional(),
        page: z.number().int().min(1, "Pages start at 1.").max(10_000, "There are at most 10,000 pages.").default(1),
        pageSize: z.number().int().min(1, "Pages hold at least one row.").max(200, "Page size must be at most 200.").default(50),
      }),
    )
    .query(({ ctx, input }) => importRowsPage(ctx.db, ctx.actor, input)),
  confirm: orgProcedure("members.import")
    .input(z.object({ jobId }))
    .mutation(({ ctx, input }) => confirmImportJob(ctx.db, ctx.actor, input.jobId)),
  cancel: orgProcedure("members.import")
    .input(z.object({ jobId }))
    .mutation(({ ctx, input }) => cancelImportJob(ctx.db, ctx.actor, input.jobId)),
  /** A page of the results file; the download (app/o/[slug]/import/[jobId]/results) reads them all. */
  results: orgProcedure("members.import")
    .input(
      z.object({
        jobId,
        cursor: z
          .string()
          .regex(/^\d{1,6}$/, "The cursor is not valid.")
          .nullable()
          .default(null),
      }),
    )
    .query(({ ctx, input }) => importResultsPage(ctx.db, ctx.actor, { jobId: input.jobId, afterLine: input.cursor === null ? null : Number(input.cursor) })),
  /** Called by the download once the whole results file was sent: the one-time passwords go. */
  resultsDownloaded: orgProcedure("members.import")
    .input(z.object({ jobId }))
    .mutation(({ ctx, input }) => dropImportPasswords(ctx.db, ctx.actor, input.jobId)),
});
