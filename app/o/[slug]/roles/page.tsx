import Link from "next/link";
import { Forbidden } from "@/components/forbidden";
import { Badge, Card, cx, PageHeader } from "@/components/ui";
import { PERMISSION_AREAS, PERMISSIONS, type Permission } from "@/server/authz";
import { readForPage } from "@/server/trpc/server";

export const metadata = { title: "Roles" };

const REACH = { ORGANIZATION: "Organization", SUBTREE: "Home-group subtree", SELF: "Own account" };
const catalog = Object.entries(PERMISSIONS) as Array<[Permission, (typeof PERMISSIONS)[Permission]]>;

export default async function RolesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ role?: string }> }) {
  const { slug } = await params;
  const { role: selectedId } = await searchParams;
  const path = `/o/${slug}/roles${selectedId ? `?role=${encodeURIComponent(selectedId)}` : ""}`;
  const read = await readForPage({ slug, path }, (api) => api.roles.list());
  if (!read.allowed) return <Forbidden slug={slug} reason={read.reason} />;
  const roles = read.data;
  const selected = roles.find((r) => r.id === selectedId) ?? roles.find((r) => r.isYours) ?? roles[0]!;

  return (
    <>
      <PageHeader title="Roles" description="Ranked roles, highest first. A member manages only members whose role ranks lower and holds no power they lack." />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <nav aria-label="Roles" className="rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
          <ul className="divide-y divide-slate-100">
            {roles.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/o/${slug}/roles?role=${r.id}`}
                  aria-current={r.id === selected.id ? "true" : undefined}
                  className={cx(
                    "flex items-center justify-between gap-2 px-4 py-2.5 text-sm",
                    r.id === selected.id ? "bg-indigo-50 text-indigo-700" : "hover:bg-slate-50",
                  )}
                >
                  <span className="font-medium">{r.name}</span>
                  <span className="flex items-center gap-1.5">
                    {r.isYours && <Badge tone="indigo">yours</Badge>}
                    <span className="text-xs tabular-nums text-slate-500">rank {r.rank}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Card
          title={
            <span className="flex items-center gap-2">
              {selected.name} {selected.builtIn && <Badge>built-in</Badge>}
            </span>
          }
        >
          <p className="text-sm text-slate-600">{selected.description}</p>
          <dl className="mt-3 flex gap-8 text-sm">
            <div>
              <dt className="text-slate-500">Rank</dt>
              <dd className="font-medium">{selected.rank}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Reach</dt>
              <dd className="font-medium">{REACH[selected.reach]}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Permissions</dt>
              <dd className="font-medium">{selected.permissions.length}</dd>
            </div>
          </dl>
          {selected.builtIn && <p className="mt-3 text-xs text-slate-500">Built-in roles cannot be edited.</p>}
          <div className="mt-5 grid gap-5 md:grid-cols-2">
            {PERMISSION_AREAS.map((area) => (
              <fieldset key={area} disabled className="space-y-2">
                <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{area}</legend>
                {catalog
                  .filter(([, p]) => p.area === area)
                  .map(([key, p]) => (
                    <label key={key} className="flex items-start gap-2 text-sm" title={p.description}>
                      <input type="checkbox" className="mt-0.5 accent-indigo-600" checked={selected.permissions.includes(key)} readOnly />
                      <span>
                        <span className={selected.permissions.includes(key) ? "text-slate-900" : "text-slate-400"}>{p.label}</span>
                        <span className="block text-xs text-slate-500">{p.description}</span>
                      </span>
                    </label>
                  ))}
              </fieldset>
            ))}
          </div>
        </Card>
      </div>
    </>
  );
}
