"use client";
// The Access tab: who has what and how, granting within what you hold, and "Explain access".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PRESETS, type Capability, type PresetKey } from "@/server/authz/resources";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { CapabilityChecks } from "./capability-checks";
import { Alert, Badge, Button, Card, Field, Input, Loading, Select } from "../ui";
import { MemberSearch } from "./resource-detail";

type Kind = "MEMBER" | "TEAM" | "GROUP" | "EMAIL";
const KIND_LABEL: Record<Kind, string> = { MEMBER: "member", TEAM: "team", GROUP: "group", EMAIL: "email" };
const PRESET_KEYS = Object.keys(PRESETS) as PresetKey[];

export function AccessTab({ resourceId, explainMembershipId }: { resourceId: string; explainMembershipId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const access = useQuery(trpc.resources.access.queryOptions({ resourceId }));
  const refresh = () => void refreshQueries(queryClient, trpc.resources.pathKey());
  const grant = useMutation(trpc.resources.grant.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.resources.revoke.mutationOptions({ onSuccess: refresh }));
  if (access.isPending) return <Loading />;
  if (access.error) return <Alert>{errorMessage(access.error)}</Alert>;
  const yours = new Set(access.data.yours);
  const grantable = PRESET_KEYS.filter((k) => PRESETS[k].capabilities.every((c) => yours.has(c)));

  return (
    <div className="space-y-4">
      <Card title="Who has access">
        {(grant.error || revoke.error) && (
          <div className="mb-3">
            <Alert>{errorMessage(grant.error ?? revoke.error)}</Alert>
          </div>
        )}
        <ul className="divide-y divide-slate-100">
          <li className="flex items-center justify-between gap-3 py-2 text-sm">
            <div>
              <span className="font-medium text-slate-900">{access.data.owner.name}</span>{" "}
              <span className="text-xs text-slate-500">{access.data.owner.email}</span>
            </div>
            <Badge tone="indigo">Owner · Administrator</Badge>
          </li>
          {access.data.grants.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
              <div>
                <Badge>{KIND_LABEL[g.kind]}</Badge> <span className="font-medium text-slate-900">{g.principal.name}</span>{" "}
                <span className="text-xs text-slate-500">{g.principal.detail}</span>
              </div>
              <div className="flex items-center gap-2">
                {g.kind !== "EMAIL" && g.canChange ? (
                  <>
                    <label htmlFor={`grant-${g.id}`} className="sr-only">
                      Access of {g.principal.name}
                    </label>
                    <Select
                      id={`grant-${g.id}`}
                      className="!w-auto !py-1 text-xs"
                      value={PRESET_KEYS.find((k) => sameSet(PRESETS[k].capabilities, g.capabilities)) ?? ""}
                      onChange={(e) => {
                        const key = e.target.value as PresetKey;
                        grant.mutate({ resourceId, principal: g.ref, capabilities: [...PRESETS[key].capabilities] });
                      }}
                    >
                      {!PRESET_KEYS.some((k) => sameSet(PRESETS[k].capabilities, g.capabilities)) && <option value="">{g.summary}</option>}
                      {grantable.map((k) => (
                        <option key={k} value={k}>
                          {PRESETS[k].label}
                        </option>
                      ))}
                    </Select>
                  </>
                ) : (
                  <span className="text-xs text-slate-600">{g.summary}</span>
                )}
                {g.canChange && (
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate({ resourceId, grantId: g.id })}
                    aria-label={`Remove the access of ${g.principal.name}`}
                  >
                    Remove
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
        {access.data.organizationWide.length > 0 && (
          <>
            <h3 className="mt-4 text-xs font-semibold tracking-wide text-slate-500 uppercase">Organization-wide access</h3>
            <ul className="divide-y divide-slate-100">
              {access.data.organizationWide.map((g) => (
                <li key={g.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                  <div>
                    <Badge>{KIND_LABEL[g.kind]}</Badge> <span className="font-medium text-slate-900">{g.principal.name}</span>{" "}
                    <span className="text-xs text-slate-500">{g.principal.detail}</span>
                  </div>
                  <span className="text-xs text-slate-600">{g.summary}</span>
                </li>
              ))}
            </ul>
            <p className="mt-1 text-xs text-slate-500">Set on the Org-wide access page; making the resource private leaves it out.</p>
          </>
        )}
      </Card>
      <AddAccess
        resourceId={resourceId}
        yours={access.data.yours}
        onGrant={(principal, capabilities) => grant.mutate({ resourceId, principal, capabilities })}
        pending={grant.isPending}
      />
      <ExplainAccess resourceId={resourceId} initialMember={explainMembershipId} />
    </div>
  );
}

type Principal =
  { kind: "MEMBER"; membershipId: string } | { kind: "TEAM"; teamId: string } | { kind: "GROUP"; groupId: string } | { kind: "EMAIL"; email: string };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function AddAccess({
  resourceId,
  yours,
  onGrant,
  pending,
}: {
  resourceId: string;
  yours: Capability[];
  onGrant: (p: Principal, caps: Capability[]) => void;
  pending: boolean;
}) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind>("MEMBER");
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<{ principal: Principal; name: string } | null>(null);
  const [preset, setPreset] = useState<PresetKey | "custom">("view_only");
  const [custom, setCustom] = useState<Capability[]>(["view"]);
  const [email, setEmail] = useState("");
  const found = useQuery(trpc.resources.principals.queryOptions({ resourceId, search }, { enabled: kind === "TEAM" || kind === "GROUP" }));
  // The picker lists only what the viewer may see (rule 5); say so when that is less than all.
  const directory = found.data?.directory;
  const limitedHint =
    kind === "TEAM" && directory?.teams === "own"
      ? "Only teams you belong to are listed."
      : kind === "GROUP" && directory?.groups === "own"
        ? "Only your home group and the groups above it are listed."
        : null;
  const held = new Set(yours);
  const caps = preset === "custom" ? custom : [...PRESETS[preset].capabilities];
  const principal: Principal | null = kind === "EMAIL" ? (email.includes("@") ? { kind: "EMAIL", email } : null) : (picked?.principal ?? null);

  return (
    <Card title="Give access">
      <div className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="To a" htmlFor="grant-kind">
            <Select
              id="grant-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                setPicked(null);
                setSearch("");
              }}
            >
              <option value="MEMBER">Member</option>
              <option value="TEAM">Team</option>
              <option value="GROUP">Group (and its subgroups)</option>
              <option value="EMAIL">Email address (notify only)</option>
            </Select>
          </Field>
          {kind !== "EMAIL" && (
            <div className="sm:col-span-2">
              <Field label="Access" htmlFor="grant-preset">
                <Select id="grant-preset" value={preset} onChange={(e) => setPreset(e.target.value as PresetKey | "custom")}>
                  {PRESET_KEYS.map((k) => (
                    <option key={k} value={k} disabled={!PRESETS[k].capabilities.every((c) => held.has(c))}>
                      {PRESETS[k].label} ({PRESETS[k].capabilities.join(", ")})
                    </option>
                  ))}
                  <option value="custom">Custom…</option>
                </Select>
              </Field>
            </div>
          )}
        </div>
        {kind !== "EMAIL" && preset === "custom" && <CapabilityChecks held={held} value={custom} onChange={setCustom} />}
        {kind === "EMAIL" ? (
          <Field label="Email address" htmlFor="grant-email" hint="Emailed when a run or restore fails and when access changes; gets no access.">
            <Input id="grant-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
          </Field>
        ) : picked ? (
          <p className="text-sm text-slate-700">
            To <strong>{picked.name}</strong>{" "}
            <Button size="sm" variant="ghost" onClick={() => setPicked(null)}>
              Change
            </Button>
          </p>
        ) : kind === "MEMBER" ? (
          <MemberSearch
            resourceId={resourceId}
            search={search}
            onSearch={setSearch}
            onPick={(id, name) => setPicked({ principal: { kind: "MEMBER", membershipId: id }, name })}
          />
        ) : (
          <div className="space-y-2">
            <Field label={kind === "TEAM" ? "Find a team" : "Find a group"} htmlFor="grant-principal-search">
              <Input
                id="grant-principal-search"
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                autoComplete="off"
                aria-describedby={limitedHint ? "grant-principal-hint" : undefined}
              />
              {limitedHint && (
                <p id="grant-principal-hint" className="text-xs text-slate-500">
                  {limitedHint}
                </p>
              )}
            </Field>
            <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
              {(kind === "TEAM"
                ? (found.data?.teams ?? []).map((t) => ({ id: t.teamId, name: t.name }))
                : (found.data?.groups ?? []).map((g) => ({ id: g.groupId, name: g.name }))
              ).map((o) => (
                <li key={o.id} className="flex items-center justify-between px-3 py-2 text-sm">
                  <span className="font-medium text-slate-900">{o.name}</span>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setPicked({ principal: kind === "TEAM" ? { kind: "TEAM", teamId: o.id } : { kind: "GROUP", groupId: o.id }, name: o.name })}
                    aria-label={`Choose ${o.name}`}
                  >
                    Choose
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex justify-end">
          <Button
            disabled={!principal || pending || (kind !== "EMAIL" && !caps.length)}
            onClick={() => principal && onGrant(principal, kind === "EMAIL" ? [] : caps)}
          >
            {kind === "EMAIL" ? "Add to notifications" : "Give access"}
          </Button>
        </div>
      </div>
    </Card>
  );
}

function ExplainAccess({ resourceId, initialMember }: { resourceId: string; initialMember?: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [member, setMember] = useState<string | null>(initialMember ?? null);
  const explain = useQuery(trpc.resources.explain.queryOptions({ resourceId, membershipId: member ?? "" }, { enabled: !!member }));
  return (
    <Card title="Explain access">
      {!member ? (
        <MemberSearch resourceId={resourceId} search={search} onSearch={setSearch} onPick={(id) => setMember(id)} label="Whose access?" />
      ) : (
        <div className="space-y-3 text-sm">
          {explain.error && <Alert>{errorMessage(explain.error)}</Alert>}
          {explain.data && (
            <>
              <p>
                <strong>{explain.data.member.name}</strong> ({explain.data.member.role}):{" "}
                <Badge tone={explain.data.visible ? "green" : "rose"}>{explain.data.summary}</Badge>
              </p>
              <ul className="list-disc space-y-1 pl-5 text-slate-700">
                {explain.data.paths.map((p, i) => (
                  <li key={i}>
                    {p.description}: <span className="text-slate-500">{p.summary}</span>
                  </li>
                ))}
                {!explain.data.paths.length && <li>Nothing reaches them: no grant, team, group or role gives access.</li>}
              </ul>
              {explain.data.removed && <Alert tone="info">{explain.data.removed}</Alert>}
              <p className="text-xs text-slate-500">Resource scope: {explain.data.scope}.</p>
            </>
          )}
          <Button size="sm" variant="secondary" onClick={() => setMember(null)}>
            Explain someone else
          </Button>
        </div>
      )}
    </Card>
  );
}
