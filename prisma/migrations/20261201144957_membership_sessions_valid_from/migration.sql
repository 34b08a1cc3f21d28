-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "sessionsValidFrom" TIMESTAMP(3);