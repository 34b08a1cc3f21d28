"use client";
// Personal API tokens: making one (its secret shown once), the list, revoking one or all.
// `membershipId`: another member's tokens (an admin with "Edit member info" over them), who
// can only be revoked from here; without it, the viewer's own.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PERMISSION_AREAS, PERMISSIONS, type Permission } from "@/server/authz/permissions";
import { FormError } from "../form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, EmptyState, Field, Input, Loading, Select } from "../ui";

const when = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
const LIFETIMES = [7, 30, 90, 180, 365];
/** "Never" in the expiry picker (the API takes null). */
const NEVER = 0;

/** The lifetimes the group policy lets the member choose (`maxDays` 0: no limit, "never" too). */
function lifetimeChoices(maxDays: number): number[] {
  if (maxDays === 0) return [...LIFETIMES, NEVER];
  return [...new Set([...LIFETIMES.filter((d) => d <= maxDays), maxDays])].sort((a, b) => a - b);
}

export function ApiTokens({ membershipId, permissions, canCreate }: { membershipId?: string; permissions: string[]; canCreate: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Scripts use tokens outside this browser: "last used" is read afresh whenever the list shows.
  const list = useQuery(trpc.tokens.list.queryOptions({ membershipId }, { staleTime: 0, refetchOnMount: "always" }));
  const refresh = () => void refreshQueries(queryClient, trpc.tokens.pathKey());
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions({ onSuccess: refresh }));
  const revokeAll = useMutation(trpc.tokens.revokeAll.mutationOptions({ onSuccess: refresh }));

  if (list.isPending) return <Loading />;
  if (list.error) return <Alert>{errorMessage(list.error)}</Alert>;
  const { tokens, member, maxLifetimeDays } = list.data;

  return (
    <div className="space-y-4">
      {canCreate && member.isYou && <NewToken permissions={permissions} maxLifetimeDays={maxLifetimeDays} onMade={refresh} />}
      <Card
        title={member.isYou ? "Your tokens" : `Tokens of ${member.name}`}
        actions={
          tokens.length > 1 && (
            <Button size="sm" variant="secondary" disabled={revokeAll.isPending} onClick={() => revokeAll.mutate({ membershipId })}>
              Revoke all
            </Button>
          )
        }
      >
        {(revoke.error ?? revokeAll.error) && (
          <div className="mb-3">
            <Alert>{errorMessage(revoke.error ?? revokeAll.error)}</Alert>
          </div>
        )}
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens">
            {member.isYou ? "A token lets a script or an agent act as you, never beyond your role." : `${member.name} has no token.`}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">
                    {t.name} <code className="text-xs text-slate-500">{t.prefix}…</code> {t.readOnly && <Badge>read-only</Badge>}{" "}
                    {t.permissions.length > 0 && (
                      <Badge tone="indigo">
                        {t.permissions.length} permission{t.permissions.length === 1 ? "" : "s"}
                      </Badge>
                    )}{" "}
                    {t.expired && <Badge tone="rose">expired</Badge>}
                  </p>
                  <p className="text-xs text-slate-500">
                    made {when(t.createdAt)} · {t.expiresAt ? `${t.expired ? "expired" : "expires"} ${when(t.expiresAt)}` : "never expires"} ·{" "}
                    {t.lastUsedAt ? `last used ${when(t.lastUsedAt)} from ${t.lastUsedIp ?? "an unknown address"}` : "never used"}
                  </p>
                </div>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ tokenId: t.id })}
                  aria-label={`Revoke ${t.name}`}
                >
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function NewToken({ permissions, maxLifetimeDays, onMade }: { permissions: string[]; maxLifetimeDays: number; onMade: () => void }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const choices = lifetimeChoices(maxLifetimeDays);
  const [days, setDays] = useState<number>(choices.includes(90) ? 90 : choices[choices.length - 1]!);
  const [readOnly, setReadOnly] = useState(false);
  const [narrow, setNarrow] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [copied, setCopied] = useState(false);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: () => {
        setName("");
        setCopied(false);
        onMade();
      },
    }),
  );
  const held = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => permissions.includes(p));

  return (
    <Card title="New API token">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, expiresInDays: days === NEVER ? null : days, readOnly, permissions: narrow ? picked : [] });
        }}
      >
        {create.data && (
          <Alert tone="success">
            <p className="font-medium">Copy the token now: Steward keeps only a fingerprint of it and cannot show it again.</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code className="rounded bg-white px-2 py-1 text-xs break-all text-slate-900 ring-1 ring-slate-200" aria-label="The new token">
                {create.data.secret}
              </code>
              <Button
                size="sm"
                variant="secondary"
                type="button"
                onClick={() => void navigator.clipboard?.writeText(create.data.secret).then(() => setCopied(true))}
              >
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
          </Alert>
        )}
        <FormError error={create.error} />
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="sm:col-span-2">
            <Field label="Name" htmlFor="token-name" hint="What will use it, such as “backup agent on web-01”." error={fieldErrorsOf(create.error).name?.[0]}>
              <Input id="token-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoComplete="off" />
            </Field>
          </div>
          <Field
            label="Expires after"
            htmlFor="token-days"
            hint={maxLifetimeDays === 0 ? undefined : `Your group's policy allows at most ${maxLifetimeDays} days.`}
          >
            <Select id="token-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {choices.map((d) => (
                <option key={d} value={d}>
                  {d === NEVER ? "Never" : `${d} days`}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" className="mt-1 accent-indigo-600" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
          <span>
            <span className="font-medium text-slate-900">Read-only</span>
            <span className="block text-slate-500">It reads what you may read and changes nothing.</span>
          </span>
        </label>
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" className="mt-1 accent-indigo-600" checked={narrow} onChange={(e) => setNarrow(e.target.checked)} />
          <span>
            <span className="font-medium text-slate-900">Only some of my permissions</span>
            <span className="block text-slate-500">Resources still follow your grants; this limits what your role lets it do.</span>
          </span>
        </label>
        {narrow && (
          <fieldset className="grid gap-2 sm:grid-cols-2">
            <legend className="sr-only">Permissions the token keeps</legend>
            {PERMISSION_AREAS.flatMap((area) =>
              held
                .filter((p) => PERMISSIONS[p].area === area)
                .map((p) => (
                  <label key={p} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="mt-1 accent-indigo-600"
                      checked={picked.includes(p)}
                      onChange={(e) => setPicked(e.target.checked ? [...picked, p] : picked.filter((x) => x !== p))}
                    />
                    <span>
                      {PERMISSIONS[p].label} <span className="text-xs text-slate-500">({area})</span>
                    </span>
                  </label>
                )),
            )}
          </fieldset>
        )}
        <div className="flex justify-end">
          <Button type="submit" disabled={!name.trim() || create.isPending || (narrow && picked.length === 0)}>
            Create token
          </Button>
        </div>
      </form>
    </Card>
  );
}
