import { GroupTree } from "@/components/groups/group-tree";
import { refusePage } from "@/components/refuse-page";
import { PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Groups" };

export default async function GroupsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ policy?: string; group?: string }>;
}) {
  const { slug } = await params;
  const { policy, group } = await searchParams;
  const page = await readForPage({ slug, path: `/o/${slug}/groups` }, (api) => api.console.groups());
  if (!page.allowed) return refusePage(slug, page.reason);
  const { you } = page.data;
  return (
    <>
      <PageHeader
        title="Groups"
        description={
          you.role.reach === "ORGANIZATION"
            ? "The organization's group tree. Members sit in one home group; subgroups inherit their parents' grants."
            : `Your home group ${you.group.name} and its subgroups: the part of the tree your role reaches.`
        }
      />
      <GroupTree openPolicyOf={typeof policy === "string" ? policy.slice(0, 40) : null} shown={typeof group === "string" ? group.slice(0, 40) : null} />
    </>
  );
}
