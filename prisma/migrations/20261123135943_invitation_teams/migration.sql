-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "teamIds" TEXT[] DEFAULT ARRAY[]::TEXT[];