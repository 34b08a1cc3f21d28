-- AlterTable
ALTER TABLE "User" ADD COLUMN     "company" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "username" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
