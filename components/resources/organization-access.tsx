"use client";
// Organization-wide access (seed 000's user groups): who holds what on every resource of a
// type, and giving or changing it within what you hold on all of them yourself.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PRESETS, RESOURCE_TYPES, type Capability, type PresetKey, type ResourceType } from "@/server/authz/resources";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { CapabilityChecks } from "./capability-checks";
import { Alert, Badge, Button, Card, EmptyState, Field, Input, Loading, PageButtons, Select } from "../ui";

type Kind = "MEMBER" | "TEAM" | "GROUP";
type Principal = { kind: "MEMBER"; membershipId: string } | { kind: "TEAM"; teamId: string } | { kind: "GROUP"; groupId: string };
const KIND_LABEL: Record<Kind, string> = { MEMBER: "member", TEAM: "team", GROUP: "group" };
const SCOPES = ["*", ...(Object.keys(RESOURCE_TYPES) as ResourceType[])] as const;
type Scope = (typeof SCOPES)[number];
const SCOPE_LABEL = (s: Scope) => (s === "*" ? "All resources" : `All ${RESOURCE_TYPES[s].plural.toLowerCase()}`);
const PRESET_KEYS = (["view_only", "run", "edit_run", "full"] as const satisfies readonly PresetKey[]).slice();
const PAGE_SIZE = 50;

export function OrganizationAccess() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery(trpc.organizationAccess.list.queryOptions({ page, pageSize: PAGE_SIZE }));
  const refresh = () => void refreshQueries(queryClient, trpc.organizationAccess.pathKey());
  const set = useMutation(trpc.organizationAccess.set.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.organizationAccess.revoke.mutationOptions({ onSuccess: refresh }));
  if (list.isPending) return <Loading />;
  if (list.error) return <Alert>{errorMessage(list.error)}</Alert>;
  const { rows, total, yours } = list.data;

  return (
    <div className="space-y-4">
      <Card title="Who has organization-wide access">
        {(set.error || revoke.error) && (
          <div className="mb-3">
            <Alert>{errorMessage(set.error ?? revoke.error)}</Alert>
          </div>
        )}
        {rows.length === 0 ? (
          <EmptyState title="Nobody has organization-wide access">
            Give a team “View only” on all resources, or “Full access” on servers, instead of sharing each one.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {rows.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                <div>
                  <Badge>{KIND_LABEL[g.kind as Kind]}</Badge> <span className="font-medium text-slate-900">{g.principal.name}</span>{" "}
                  <span className="text-xs text-slate-500">{g.principal.detail}</span>
                  <div className="text-xs text-slate-600">{g.summary}</div>
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone="indigo">{g.scopeLabel}</Badge>
                  {g.canChange ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ id: g.id })}
                      aria-label={`Remove the access of ${g.principal.name} to ${g.scopeLabel}`}
                    >
                      Remove
                    </Button>
                  ) : (
                    <span className="text-xs text-slate-500" title="It gives more than you hold on all of them.">
                      Beyond what you hold
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <PageButtons page={page} pageSize={PAGE_SIZE} total={total} noun="entries" onPage={setPage} />
      </Card>
      <GiveAccess yours={yours} pending={set.isPending} onGive={(input) => set.mutate(input)} />
    </div>
  );
}

type Holdings = Record<Scope, { capabilities: Capability[]; mayCreate: boolean }>;

function GiveAccess({
  yours,
  pending,
  onGive,
}: {
  yours: Holdings;
  pending: boolean;
  onGive: (input: { principal: Principal; scope: Scope; capabilities: Capability[]; mayCreate: boolean }) => void;
}) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind>("TEAM");
  const [scope, setScope] = useState<Scope>("*");
  const [preset, setPreset] = useState<PresetKey | "none" | "custom">("view_only");
  const [custom, setCustom] = useState<Capability[]>(["view"]);
  const [mayCreate, setMayCreate] = useState(false);
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<{ principal: Principal; name: string } | null>(null);
  const found = useQuery(trpc.organizationAccess.principals.queryOptions({ search }));
  const held = new Set(yours[scope].capabilities);
  const caps: Capability[] = preset === "none" ? [] : preset === "custom" ? custom : [...PRESETS[preset].capabilities];
  const options =
    kind === "MEMBER"
      ? (found.data?.members ?? []).map((m) => ({ principal: { kind, membershipId: m.membershipId } as Principal, name: m.name, detail: m.email }))
      : kind === "TEAM"
        ? (found.data?.teams ?? []).map((t) => ({ principal: { kind, teamId: t.teamId } as Principal, name: t.name, detail: "" }))
        : (found.data?.groups ?? []).map((g) => ({ principal: { kind, groupId: g.groupId } as Principal, name: g.name, detail: "and its subgroups" }));
  const createLabel = scope === "*" ? "May create resources of any type" : `May create ${RESOURCE_TYPES[scope].plural.toLowerCase()}`;

  return (
    <Card title="Give organization-wide access">
      <div className="space-y-4">
        <p className="text-sm text-slate-600">
          Covers every resource of the type that is not private, now and later. You give only what you hold on all of them yourself. Members placed in a team or
          group holding it later must be placed by someone who could give it too.
        </p>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="To a" htmlFor="type-grant-kind">
            <Select
              id="type-grant-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                setPicked(null);
              }}
            >
              <option value="TEAM">Team</option>
              <option value="GROUP">Group (and its subgroups)</option>
              <option value="MEMBER">Member</option>
            </Select>
          </Field>
          <Field label="On" htmlFor="type-grant-scope">
            <Select id="type-grant-scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
              {SCOPES.map((s) => (
                <option key={s} value={s}>
                  {SCOPE_LABEL(s)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Access" htmlFor="type-grant-preset">
            <Select id="type-grant-preset" value={preset} onChange={(e) => setPreset(e.target.value as PresetKey | "none" | "custom")}>
              {PRESET_KEYS.map((k) => (
                <option key={k} value={k} disabled={!PRESETS[k].capabilities.every((c) => held.has(c))}>
                  {PRESETS[k].label} ({PRESETS[k].capabilities.join(", ")})
                </option>
              ))}
              <option value="custom">Custom…</option>
              <option value="none">None (create only)</option>
            </Select>
          </Field>
        </div>
        {preset === "custom" && <CapabilityChecks held={held} value={custom} onChange={setCustom} />}
        <label className={`flex items-start gap-3 text-sm ${yours[scope].mayCreate ? "" : "text-slate-500"}`}>
          <input
            type="checkbox"
            className="mt-1 accent-indigo-600"
            disabled={!yours[scope].mayCreate}
            checked={mayCreate && yours[scope].mayCreate}
            onChange={(e) => setMayCreate(e.target.checked)}
          />
          <span>
            <span className="font-medium">{createLabel}</span>
            <span className="block text-slate-500">They own what they create, with Administrator access, even without “Create resources” in their role.</span>
          </span>
        </label>
        {held.size === 0 && <p className="text-sm text-slate-500">You hold nothing on {SCOPE_LABEL(scope).toLowerCase()}, so you can give no access there.</p>}
        {picked ? (
          <p className="text-sm text-slate-700">
            To <strong>{picked.name}</strong>{" "}
            <Button size="sm" variant="ghost" onClick={() => setPicked(null)}>
              Change
            </Button>
          </p>
        ) : (
          <div className="space-y-2">
            <Field
              label={`Find a ${KIND_LABEL[kind]}`}
              htmlFor="type-grant-search"
              hint={kind === "MEMBER" ? "By name, part of an email, or a full address." : undefined}
            >
              <Input id="type-grant-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
            </Field>
            <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
              {options.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">{found.isPending ? "Searching…" : "Nothing matches."}</li>}
              {options.map((o) => (
                <li key={o.name + JSON.stringify(o.principal)} className="flex items-center justify-between px-3 py-2 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{o.name}</span> <span className="text-xs text-slate-500">{o.detail}</span>
                  </span>
                  <Button size="sm" variant="secondary" onClick={() => setPicked({ principal: o.principal, name: o.name })} aria-label={`Choose ${o.name}`}>
                    Choose
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex justify-end">
          <Button
            disabled={!picked || pending || (!caps.length && !(mayCreate && yours[scope].mayCreate))}
            onClick={() => picked && onGive({ principal: picked.principal, scope, capabilities: caps, mayCreate: mayCreate && yours[scope].mayCreate })}
          >
            Give access
          </Button>
        </div>
      </div>
    </Card>
  );
}
