-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "notifyOn" TEXT[] DEFAULT ARRAY['activity', 'access']::TEXT[];