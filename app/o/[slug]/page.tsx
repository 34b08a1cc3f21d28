import Link from "next/link";
import { refusePage } from "@/components/refuse-page";
import { Badge, Card, PageHeader } from "@/components/ui";
import { readForPage } from "@/server/trpc/server";
import { auditLabel } from "@/server/services/audit-catalog";

export const metadata = { title: "Overview" };

const REACH = { ORGANIZATION: "the whole organization", SUBTREE: "your home group and its subgroups", SELF: "your own account" };
const TOWARD_MEMBERS = {
  manage: "You manage the members ranked below you who hold no power you lack.",
  see: "You see the members ranked below you who hold no power you lack, and change none of them.",
};

export default async function OverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const at = { slug, path: `/o/${slug}` };
  const frame = await readForPage(at, (api) => api.console.you());
  if (!frame.allowed) return refusePage(slug, frame.reason);
  const { you, organization } = frame.data;
  // Seed 000: members whose role administers nothing see no overview, only their account.
  if (!you.role.permissions.includes("overview.view")) {
    return (
      <>
        <PageHeader title={`Welcome, ${you.name}`} description={`You are a member of ${organization.name}.`} />
        <Card title="Your membership">
          <dl className="grid grid-cols-2 gap-4 text-sm">
            <div>
              <dt className="text-slate-500">Role</dt>
              <dd className="font-medium">{you.role.name}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Group</dt>
              <dd className="font-medium">{you.group.name}</dd>
            </div>
          </dl>
        </Card>
      </>
    );
  }
  const read = await readForPage(at, (api) => api.organization.overview());
  if (!read.allowed) return refusePage(slug, read.reason);
  const o = read.data;
  // Each figure comes only to a role that may open the page it summarizes.
  const stats = [
    ...(o.members
      ? [
          { label: "Members you see", value: o.members.total, href: `/o/${slug}/members` },
          { label: "Active", value: o.members.active, href: null },
        ]
      : []),
    ...(o.pendingInvitations === null ? [] : [{ label: "Pending invitations", value: o.pendingInvitations, href: `/o/${slug}/invitations` }]),
    ...(o.groups === null ? [] : [{ label: "Groups in your reach", value: o.groups, href: `/o/${slug}/groups` }]),
  ];
  return (
    <>
      <PageHeader title="Overview" description={o.organization.name} />
      {stats.length > 0 && (
        <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {stats.map((s) => (
            <div key={s.label} className="rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200">
              <p className="text-sm text-slate-500">{s.label}</p>
              <p className="mt-1 text-3xl font-semibold text-slate-900">{s.value}</p>
              {s.href && (
                <Link href={s.href} className="mt-2 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
                  View →
                </Link>
              )}
            </div>
          ))}
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Your authority">
          <p className="text-sm text-slate-700">
            You are <strong>{o.you.role}</strong>
            {o.you.isOwner && (
              <>
                {" "}
                and the <Badge tone="indigo">owner</Badge>
              </>
            )}{" "}
            in <strong>{o.you.group}</strong>. Your role reaches {REACH[o.you.reach]}.{o.you.members && ` ${TOWARD_MEMBERS[o.you.members]}`}
          </p>
          <p className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Your role may</p>
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {o.you.holds.map((label) => (
              <li key={label}>
                <Badge>{label}</Badge>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Your recent changes">
          {o.recentActivity.length === 0 ? (
            <p className="text-sm text-slate-500">You have not changed anything yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {o.recentActivity.map((e) => (
                <li key={e.id} className="flex justify-between py-2">
                  <span className="text-slate-700">{auditLabel(e.action)}</span>
                  <time className="text-xs text-slate-500" dateTime={e.at.toISOString()}>
                    {e.at.toISOString().replace("T", " ").slice(0, 16)} UTC
                  </time>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
