-- Group policies: the organization-wide two-factor requirement and invitation lifetime
-- become the root group's policy.

-- CreateTable
CREATE TABLE "GroupPolicy" (
    "groupId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "twoFactor" "TwoFactorPolicy",
    "minPasswordLength" INTEGER,
    "sessionLifetimeHours" INTEGER,
    "invitationTtlDays" INTEGER,
    "allowedEmailDomains" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "restrictsEmailDomains" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupPolicy_pkey" PRIMARY KEY ("groupId")
);

-- CreateIndex
CREATE INDEX "GroupPolicy_organizationId_idx" ON "GroupPolicy"("organizationId");

-- AddForeignKey
ALTER TABLE "GroupPolicy" ADD CONSTRAINT "GroupPolicy_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Carry each organization's settings over to its root group.
INSERT INTO "GroupPolicy" ("groupId", "organizationId", "twoFactor", "invitationTtlDays", "updatedAt")
SELECT g."id", o."id", o."twoFactorPolicy", o."invitationTtlDays", CURRENT_TIMESTAMP
FROM "Organization" o JOIN "Group" g ON g."organizationId" = o."id" AND g."parentId" IS NULL;

-- AlterTable
ALTER TABLE "Organization" DROP COLUMN "invitationTtlDays",
DROP COLUMN "twoFactorPolicy";
