-- CreateEnum
CREATE TYPE "TwoFactorPolicy" AS ENUM ('OFF', 'ADMINS', 'EVERYONE');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "twoFactorPolicy" "TwoFactorPolicy" NOT NULL DEFAULT 'OFF';