import { GroupTree } from "@/components/groups/group-tree";
import { PageHeader } from "@/components/ui";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata = { title: "Groups" };

export default async function GroupsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await requirePageActor(slug, "groups.view");
  return (
    <>
      <PageHeader
        title="Groups"
        description={
          actor.role.reach === "ORGANIZATION"
            ? "The organization's group tree. Members sit in one home group; subgroups inherit their parents' grants."
            : `Your home group ${actor.group.name} and its subgroups: the part of the tree your role reaches.`
        }
      />
      <GroupTree />
    </>
  );
}
