// account.me's organizations: where a person is an active member, by name, with their role and
// whether they own it or it is suspended; never one they were disabled in, nor a deleted one.
import { afterAll, beforeAll, expect, it } from "vitest";
import { org } from "../factories/org";
import { testDatabase, type TestDatabase } from "./harness";

let t: TestDatabase;
beforeAll(async () => (t = await testDatabase()));
afterAll(() => t.close());

it("lists the organizations a person is an active member of, by name", async () => {
  const home = await org(t.db, "Zenith").withMember("ines", "user").create();
  const ines = await t.db.user.findUniqueOrThrow({ where: { email: home.email("ines") } });
  const joined = async (name: string, role: string, status: "ACTIVE" | "DISABLED" = "ACTIVE") => {
    const other = await org(t.db, name).create();
    await t.db.membership.create({ data: { userId: ines.id, organizationId: other.id, groupId: other.group(""), roleId: other.role(role), status } });
    return other;
  };
  await joined("Acorn", "admin");
  const paused = await joined("Maple", "support");
  await joined("Birch", "user", "DISABLED");
  const gone = await joined("Aspen", "user");
  await t.db.organization.update({ where: { id: paused.id }, data: { suspendedAt: new Date(), suspendedReason: "unpaid" } });
  await t.db.organization.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

  const caller = await home.signIn("ines");
  expect((await caller.account.me()).organizations).toEqual([
    { slug: expect.any(String), name: "Acorn", role: "Admin", isOwner: false, suspended: false },
    { slug: paused.slug, name: "Maple", role: "Support", isOwner: false, suspended: true },
    { slug: home.slug, name: "Zenith", role: "User", isOwner: false, suspended: false },
  ]);
  const owner = await home.signIn("owner");
  expect((await owner.account.me()).organizations).toEqual([{ slug: home.slug, name: "Zenith", role: "Data Admin", isOwner: true, suspended: false }]);
});
