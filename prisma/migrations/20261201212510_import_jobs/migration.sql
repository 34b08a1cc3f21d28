-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('DRAFT', 'PREVIEWED', 'APPLYING', 'DONE', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ImportOutcome" AS ENUM ('create', 'update', 'enable', 'disable', 'delete', 'unchanged', 'refused');

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'DRAFT',
    "total" INTEGER NOT NULL,
    "previewed" INTEGER NOT NULL DEFAULT 0,
    "applied" INTEGER NOT NULL DEFAULT 0,
    "ignoredColumns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "failure" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "leaseToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "previewedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "passwordsDroppedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "input" JSONB,
    "problem" TEXT,
    "planOutcome" "ImportOutcome",
    "planChanges" JSONB,
    "planMessage" TEXT,
    "outcome" "ImportOutcome",
    "message" TEXT,
    "oneTimePassword" TEXT,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportJob_organizationId_createdById_createdAt_idx" ON "ImportJob"("organizationId", "createdById", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_status_lockedUntil_idx" ON "ImportJob"("status", "lockedUntil");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_planOutcome_idx" ON "ImportRow"("jobId", "planOutcome");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_outcome_idx" ON "ImportRow"("jobId", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRow_jobId_line_key" ON "ImportRow"("jobId", "line");

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
