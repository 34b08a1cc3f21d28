-- DropIndex
DROP INDEX "Membership_organizationId_status_idx";

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "groupName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "groupPath" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "roleRank" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "userEmail" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "userName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "userUsername" TEXT;

-- CreateTable
CREATE TABLE "MemberTally" (
    "organizationId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "status" "MembershipStatus" NOT NULL,
    "count" INTEGER NOT NULL,
    "groupPath" TEXT NOT NULL,

    CONSTRAINT "MemberTally_pkey" PRIMARY KEY ("groupId","roleId","status")
);

-- CreateIndex
CREATE INDEX "MemberTally_organizationId_groupPath_idx" ON "MemberTally"("organizationId", "groupPath" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Membership_organizationId_userName_id_roleRank_groupPath_idx" ON "Membership"("organizationId", "userName", "id", "roleRank", "groupPath");

-- CreateIndex
CREATE INDEX "Membership_organizationId_userEmail_id_idx" ON "Membership"("organizationId", "userEmail", "id");

-- CreateIndex
CREATE INDEX "Membership_organizationId_roleRank_userName_id_idx" ON "Membership"("organizationId", "roleRank", "userName", "id");

-- CreateIndex
CREATE INDEX "Membership_organizationId_groupName_userName_id_idx" ON "Membership"("organizationId", "groupName", "userName", "id");

-- CreateIndex
CREATE INDEX "Membership_organizationId_status_userName_id_idx" ON "Membership"("organizationId", "status", "userName", "id");

-- CreateIndex
CREATE INDEX "Membership_organizationId_createdAt_id_idx" ON "Membership"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Membership_organizationId_groupPath_roleRank_idx" ON "Membership"("organizationId", "groupPath" text_pattern_ops, "roleRank");

-- AddForeignKey
ALTER TABLE "MemberTally" ADD CONSTRAINT "MemberTally_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberTally" ADD CONSTRAINT "MemberTally_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberTally" ADD CONSTRAINT "MemberTally_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The copies on Membership, filled for the members there are, then kept by the triggers below.
UPDATE "Membership" m
SET "userName" = u."name", "userEmail" = u."email", "userUsername" = u."username",
    "groupPath" = g."path", "groupName" = g."name", "roleRank" = r."rank"
FROM "User" u, "Group" g, "Role" r
WHERE u."id" = m."userId" AND g."id" = m."groupId" AND r."id" = m."roleId";

INSERT INTO "MemberTally" ("organizationId", "groupId", "roleId", "status", "groupPath", "count")
SELECT "organizationId", "groupId", "roleId", "status", "groupPath", count(*)::int FROM "Membership"
GROUP BY "organizationId", "groupId", "roleId", "status", "groupPath";

-- A membership's copies come from its user, group and role whenever it is written with others.
CREATE FUNCTION steward_membership_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT u."name", u."email", u."username" INTO NEW."userName", NEW."userEmail", NEW."userUsername" FROM "User" u WHERE u."id" = NEW."userId";
  SELECT g."path", g."name" INTO NEW."groupPath", NEW."groupName" FROM "Group" g WHERE g."id" = NEW."groupId";
  SELECT r."rank" INTO NEW."roleRank" FROM "Role" r WHERE r."id" = NEW."roleId";
  RETURN NEW;
END $$;
CREATE TRIGGER membership_copies BEFORE INSERT OR UPDATE OF "userId", "groupId", "roleId" ON "Membership"
FOR EACH ROW EXECUTE FUNCTION steward_membership_copies();

-- ... and follow them when they change: a renamed user, a renamed or moved group (a move
-- rewrites the path of every group below it), a role given another rank.
CREATE FUNCTION steward_user_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Membership" SET "userName" = NEW."name", "userEmail" = NEW."email", "userUsername" = NEW."username" WHERE "userId" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER user_copies AFTER UPDATE OF "name", "email", "username" ON "User"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."email" IS DISTINCT FROM NEW."email" OR OLD."username" IS DISTINCT FROM NEW."username")
EXECUTE FUNCTION steward_user_copies();

CREATE FUNCTION steward_group_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Membership" SET "groupPath" = NEW."path", "groupName" = NEW."name" WHERE "organizationId" = NEW."organizationId" AND "groupId" = NEW."id";
  UPDATE "MemberTally" SET "groupPath" = NEW."path" WHERE "groupId" = NEW."id" AND "groupPath" <> NEW."path";
  RETURN NULL;
END $$;
CREATE TRIGGER group_copies AFTER UPDATE OF "path", "name" ON "Group"
FOR EACH ROW WHEN (OLD."path" IS DISTINCT FROM NEW."path" OR OLD."name" IS DISTINCT FROM NEW."name")
EXECUTE FUNCTION steward_group_copies();

CREATE FUNCTION steward_role_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Membership" SET "roleRank" = NEW."rank" WHERE "organizationId" = NEW."organizationId" AND "roleId" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER role_copies AFTER UPDATE OF "rank" ON "Role"
FOR EACH ROW WHEN (OLD."rank" IS DISTINCT FROM NEW."rank")
EXECUTE FUNCTION steward_role_copies();

-- The tallies follow every statement on Membership, in its transaction: the statement's net
-- change per (group, role, status), applied in key order so that concurrent writers lock the
-- same rows in the same order. A decrease only updates: a tally missing then belongs to a group,
-- role or organization being deleted with it.
CREATE FUNCTION steward_member_tally_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MemberTally" ("organizationId", "groupId", "roleId", "status", "groupPath", "count")
  SELECT "organizationId", "groupId", "roleId", "status", "groupPath", count(*)::int FROM new_rows GROUP BY "organizationId", "groupId", "roleId", "status", "groupPath" ORDER BY "groupId", "roleId", "status"
  ON CONFLICT ("groupId", "roleId", "status") DO UPDATE SET "count" = "MemberTally"."count" + EXCLUDED."count";
  RETURN NULL;
END $$;

CREATE FUNCTION steward_member_tally_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "MemberTally" t SET "count" = t."count" - d.n
  FROM (SELECT "groupId", "roleId", "status", count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) d
  WHERE t."groupId" = d."groupId" AND t."roleId" = d."roleId" AND t."status" = d."status";
  RETURN NULL;
END $$;

CREATE FUNCTION steward_member_tally_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT "organizationId", "groupId", "roleId", "status", max("groupPath") FILTER (WHERE n = 1) AS "groupPath", sum(n)::int AS n FROM (
      SELECT "organizationId", "groupId", "roleId", "status", "groupPath", 1 AS n FROM new_rows UNION ALL SELECT "organizationId", "groupId", "roleId", "status", "groupPath", -1 FROM old_rows
    ) c GROUP BY "organizationId", "groupId", "roleId", "status" HAVING sum(n) <> 0
  ), added AS (
    INSERT INTO "MemberTally" ("organizationId", "groupId", "roleId", "status", "groupPath", "count")
    SELECT "organizationId", "groupId", "roleId", "status", "groupPath", n FROM d WHERE n > 0 ORDER BY "groupId", "roleId", "status"
    ON CONFLICT ("groupId", "roleId", "status") DO UPDATE SET "count" = "MemberTally"."count" + EXCLUDED."count"
  )
  UPDATE "MemberTally" t SET "count" = t."count" + d.n
  FROM d WHERE d.n < 0 AND t."groupId" = d."groupId" AND t."roleId" = d."roleId" AND t."status" = d."status";
  RETURN NULL;
END $$;

CREATE TRIGGER member_tally_added AFTER INSERT ON "Membership" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION steward_member_tally_added();
CREATE TRIGGER member_tally_removed AFTER DELETE ON "Membership" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION steward_member_tally_removed();
CREATE TRIGGER member_tally_changed AFTER UPDATE ON "Membership" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION steward_member_tally_changed();
