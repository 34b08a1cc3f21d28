-- AlterTable
ALTER TABLE "Membership" ALTER COLUMN "notifyOn" SET DEFAULT ARRAY['failures', 'access']::TEXT[];

-- AlterTable
ALTER TABLE "ResourceActivity" ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "finishedByName" TEXT,
ADD COLUMN     "output" TEXT NOT NULL DEFAULT '';
-- Runs recorded before outcomes existed were requests with no outcome yet.
UPDATE "ResourceActivity" SET "result" = 'RUNNING' WHERE "result" = 'STARTED';

-- Members who asked for every run and restore keep hearing about failures, now a choice of its own.
UPDATE "Membership" SET "notifyOn" = array_append("notifyOn", 'failures') WHERE 'activity' = ANY("notifyOn") AND NOT ('failures' = ANY("notifyOn"));
