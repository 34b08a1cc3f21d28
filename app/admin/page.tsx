import { AdminSection } from "@/components/admin/admin-frame";
import { CreationSetting } from "@/components/admin/creation-setting";
import { InstanceEvents } from "@/components/admin/instance-events";
import { OperatorsCard } from "@/components/admin/operators-card";
import { OrganizationsTable } from "@/components/admin/organizations-table";
import { readForPage } from "@/server/trpc/server";

export default async function AdminPage() {
  // The layout has let in only operators (or shows why not); the page needs to know who is
  // looking, to mark them among the operators.
  const me = await readForPage({ slug: null, path: "/admin" }, (api) => api.account.me());
  if (!me.allowed) return null;
  return (
    <>
      <AdminSection
        id="organizations"
        title="Organizations"
        description="Every organization on this Steward, newest first. Operators see their names, owners and sizes, never their members, groups or resources."
      >
        <OrganizationsTable />
      </AdminSection>
      <div className="grid gap-10 lg:grid-cols-2">
        <AdminSection
          id="operators"
          title="Operators"
          description="Operators run this Steward: this console, and nothing inside an organization they are not a member of."
        >
          <OperatorsCard viewerId={me.data.userId} />
        </AdminSection>
        <AdminSection id="creation" title="Creating organizations" description="Who may create an organization of their own, and become its owner.">
          <CreationSetting />
        </AdminSection>
      </div>
      <AdminSection id="events" title="Events" description="What operators did on this instance, newest first.">
        <InstanceEvents />
      </AdminSection>
    </>
  );
}
