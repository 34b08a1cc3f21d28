// The export tool's cards: one per kind, with how many rows it holds now and plain download
// links to app/o/[slug]/export/[kind]; the browser shows a large download's progress.
import type { ExportKind } from "@/server/authz/export";
import { Card } from "@/components/ui";

const KINDS: Array<{ kind: ExportKind; title: string; what: string; unit: string }> = [
  {
    kind: "members",
    title: "Members",
    what: "Email, name, username, company, group, status, role, second factor and last sign-in. The CSV re-imports with the import tool.",
    unit: "member",
  },
  { kind: "groups", title: "Groups", what: "Path, name, depth and how many members each group is home to.", unit: "group" },
  { kind: "teams", title: "Teams", what: "Name, group and the members' emails.", unit: "team" },
  { kind: "resources", title: "Resources", what: "Type, name, owner's email, private or not, and creation date, of the resources you see.", unit: "resource" },
  { kind: "grants", title: "Grants", what: "Each access entry of those resources: the principal and its capabilities.", unit: "grant" },
];

const LINK = "rounded-md px-2.5 py-1 text-xs font-medium text-indigo-600 ring-1 ring-slate-300 hover:bg-slate-50";

export function ExportCards({ slug, counts }: { slug: string; counts: Record<ExportKind, number> }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {KINDS.map(({ kind, title, what, unit }) => (
        <Card
          key={kind}
          title={title}
          actions={
            <div className="flex gap-2">
              <a className={LINK} href={`/o/${slug}/export/${kind}?format=csv`} download>
                CSV
              </a>
              <a className={LINK} href={`/o/${slug}/export/${kind}?format=json`} download>
                JSON
              </a>
            </div>
          }
        >
          <p className="text-sm font-medium text-slate-900">
            {counts[kind].toLocaleString("en")} {unit}
            {counts[kind] === 1 ? "" : "s"}
          </p>
          <p className="mt-1 text-sm text-slate-600">{what}</p>
        </Card>
      ))}
    </div>
  );
}
