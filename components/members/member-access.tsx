"use client";
// A member's standing on their page: where they sit (group chain, teams), what their role
// gives, the organization-wide access that reaches them, and, for those who may preview
// what others see, the resources they reach, each with the way to its explanation.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { typeLabel } from "../resources/resources-table";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, Loading } from "../ui";

export function MemberStanding({ membershipId, name }: { membershipId: string; name: string }) {
  const trpc = useTRPC();
  const access = useQuery(trpc.members.access.queryOptions({ membershipId }));
  if (access.isPending) return <Card title="Where they stand">{<Loading />}</Card>;
  if (access.error) return <Alert>{errorMessage(access.error)}</Alert>;
  const a = access.data;
  const areas = [...new Set(a.role.permissions.map((p) => p.area))];
  return (
    <Card title="Where they stand">
      <dl className="space-y-4 text-sm">
        <div>
          <dt className="text-slate-500">Groups</dt>
          <dd className="mt-1 font-medium text-slate-900">
            <ol className="flex flex-wrap items-center gap-1" aria-label={`Group chain of ${name}`}>
              {a.groups.map((g, i) => (
                <li key={g.id} className="flex items-center gap-1">
                  {i > 0 && <span aria-hidden="true">›</span>}
                  {g.name}
                </li>
              ))}
            </ol>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Teams</dt>
          <dd className="mt-1 flex flex-wrap gap-1">
            {a.teams.length ? a.teams.map((t) => <Badge key={t.id}>{t.name}</Badge>) : <span className="text-slate-500">None</span>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">
            Permissions <span className="font-normal">· from the role {a.role.name}</span>
          </dt>
          <dd className="mt-1 space-y-2">
            {areas.length === 0 && <span className="text-slate-500">None: the role gives only what grants give.</span>}
            {areas.map((area) => (
              <div key={area}>
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{area}</p>
                <ul className="mt-0.5 flex flex-wrap gap-1">
                  {a.role.permissions
                    .filter((p) => p.area === area)
                    .map((p) => (
                      <li key={p.key}>
                        <Badge tone="indigo">{p.label}</Badge>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Organization-wide access</dt>
          <dd className="mt-1">
            {a.organizationWide.length === 0 ? (
              <span className="text-slate-500">None</span>
            ) : (
              <ul className="space-y-1">
                {a.organizationWide.map((g) => (
                  <li key={g.grantId}>
                    <span className="font-medium text-slate-900">{g.scope === "*" ? "Every type" : typeLabel(g.scope)}</span>:{" "}
                    {[...g.capabilities, ...(g.mayCreate ? ["create"] : [])].join(", ") || "nothing"} <span className="text-slate-500">· {g.source}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

const PAGE_SIZE = 10;

/** What the member sees, as far as the viewer sees it too (a preview never names more). */
export function MemberResources({ membershipId, name, slug }: { membershipId: string; name: string; slug: string }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...trpc.resources.list.queryOptions({ page, pageSize: PAGE_SIZE, asMembershipId: membershipId }),
    placeholderData: keepPreviousData,
  });
  if (list.error) return <Alert>{errorMessage(list.error)}</Alert>;
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Card title={`Resources ${name} sees`}>
      {!data ? (
        <Loading />
      ) : data.rows.length === 0 ? (
        <p className="text-sm text-slate-500">{data.hidden ? "None that you see too." : "None."}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0">
                <Link href={`/o/${slug}/resources/${r.id}?as=${membershipId}`} className="font-medium text-slate-900 hover:text-indigo-600 hover:underline">
                  {r.name}
                </Link>{" "}
                <span className="text-slate-500">· {typeLabel(r.type)}</span> {r.private && <Badge>private</Badge>}
              </span>
              <Link
                href={`/o/${slug}/resources/${r.id}?explain=${membershipId}`}
                className="text-xs font-medium text-indigo-600 hover:text-indigo-500"
                aria-label={`Explain ${name}'s access to ${r.name}`}
              >
                Explain access
              </Link>
            </li>
          ))}
        </ul>
      )}
      {data && data.hidden > 0 && <p className="mt-2 text-xs text-slate-500">And {data.hidden} that you do not see yourself, so they are not named here.</p>}
      {data && data.total > PAGE_SIZE && (
        <div className="mt-3 flex items-center justify-between text-sm text-slate-600">
          <span aria-live="polite">
            Page {page} of {data.totalExact ? pages : `more than ${pages - 1}`} · {data.totalExact ? data.total : `more than ${data.total - 1}`} in all
          </span>
          <span className="flex gap-2">
            <Button size="sm" variant="secondary" disabled={page === 1} onClick={() => setPage((p) => p - 1)}>
              Previous
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={data.rows.length < PAGE_SIZE || (data.totalExact && page >= pages)}
              onClick={() => setPage((p) => p + 1)}
            >
              Next
            </Button>
          </span>
        </div>
      )}
    </Card>
  );
}
