"use client";
// The person's organizations: open one, leave one (not the one they own), create one when
// the instance allows it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Dialog } from "../dialog";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, Loading } from "../ui";

type Org = { slug: string; name: string; role: string; isOwner: boolean; suspended: boolean };

export function MyOrganizations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const creation = useQuery(trpc.instance.creation.queryOptions());
  const [leaving, setLeaving] = useState<Org | null>(null);
  const [left, setLeft] = useState<string | null>(null);
  const leave = useMutation(
    trpc.account.leaveOrganization.mutationOptions({
      onSuccess: (r) => {
        setLeft(r.left);
        setLeaving(null);
        void refreshQueries(queryClient, trpc.account.me.queryKey());
      },
    }),
  );
  if (me.isPending) return <Loading />;
  if (me.error) return <Alert>{errorMessage(me.error)}</Alert>;
  return (
    <div className="space-y-4">
      {left && <Alert tone="success">You left {left}.</Alert>}
      {me.data.organizations.length === 0 ? (
        <p className="text-sm text-slate-600">You belong to no organization.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {me.data.organizations.map((o) => (
            <li key={o.slug} className="flex items-center justify-between gap-3 px-3 py-2.5">
              <div className="min-w-0">
                <Link href={`/o/${o.slug}`} className="block truncate text-sm font-medium text-indigo-700 hover:text-indigo-600">
                  {o.name}
                </Link>
                <p className="text-xs text-slate-500">
                  {o.role}
                  {o.isOwner ? " · owner" : ""}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-2">
                {o.suspended && <Badge tone="amber">Suspended</Badge>}
                {o.isOwner ? (
                  <span className="text-xs text-slate-500" title="Transfer ownership to another member first, or delete the organization under Settings.">
                    You own it
                  </span>
                ) : (
                  <Button size="sm" variant="secondary" onClick={() => setLeaving(o)}>
                    Leave…
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {creation.data?.allowed && (
        <Link href="/organizations/new" className="inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
          + Create an organization
        </Link>
      )}
      <Dialog open={leaving !== null} onClose={() => setLeaving(null)} title={`Leave ${leaving?.name ?? ""}?`}>
        <div className="space-y-4 text-sm text-slate-600">
          {leave.error && <Alert>{errorMessage(leave.error)}</Alert>}
          <p>
            You lose your place, your teams and every access {leaving?.name} gave you. Resources you own there go to its owner. Only an invitation brings you
            back.
          </p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setLeaving(null)}>
              Stay
            </Button>
            <Button variant="danger" disabled={leave.isPending} onClick={() => leaving && leave.mutate({ organization: leaving.slug })}>
              Leave {leaving?.name}
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
