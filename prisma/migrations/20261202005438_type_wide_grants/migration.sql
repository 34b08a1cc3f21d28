-- CreateTable
CREATE TABLE "TypeGrant" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "kind" "PrincipalKind" NOT NULL,
    "principalKey" TEXT NOT NULL,
    "membershipId" TEXT,
    "teamId" TEXT,
    "groupId" TEXT,
    "capabilities" TEXT[],
    "mayCreate" BOOLEAN NOT NULL DEFAULT false,
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TypeGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TypeGrant_membershipId_idx" ON "TypeGrant"("membershipId");

-- CreateIndex
CREATE INDEX "TypeGrant_teamId_idx" ON "TypeGrant"("teamId");

-- CreateIndex
CREATE INDEX "TypeGrant_groupId_idx" ON "TypeGrant"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "TypeGrant_organizationId_resourceType_principalKey_key" ON "TypeGrant"("organizationId", "resourceType", "principalKey");

-- AddForeignKey
ALTER TABLE "TypeGrant" ADD CONSTRAINT "TypeGrant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypeGrant" ADD CONSTRAINT "TypeGrant_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypeGrant" ADD CONSTRAINT "TypeGrant_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypeGrant" ADD CONSTRAINT "TypeGrant_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
