-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "groupId" TEXT;

-- CreateIndex
CREATE INDEX "Team_groupId_idx" ON "Team"("groupId");

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;
