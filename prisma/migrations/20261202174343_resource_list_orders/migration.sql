-- DropIndex
DROP INDEX "Resource_organizationId_name_idx";

-- CreateIndex
CREATE INDEX "Resource_organizationId_name_id_idx" ON "Resource"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "Resource_organizationId_updatedAt_id_idx" ON "Resource"("organizationId", "updatedAt", "id");
