-- AlterTable
ALTER TABLE "GroupPolicy" ADD COLUMN     "tokenLifetimeDays" INTEGER;