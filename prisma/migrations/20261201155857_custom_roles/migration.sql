-- DropForeignKey
ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_roleId_fkey";

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "roleName" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "roleId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "ceiling" TEXT[] DEFAULT ARRAY['view', 'run', 'edit', 'data', 'share', 'admin']::TEXT[],
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "rank" SET DATA TYPE DOUBLE PRECISION;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE SET NULL ON UPDATE CASCADE;
