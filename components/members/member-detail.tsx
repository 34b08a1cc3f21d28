"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Dialog } from "../dialog";
import { DialogActions } from "../form-parts";
import { errorMessage, refreshQueries, type RouterOutputs, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, Field, Input, Loading, PageHeader, Select } from "../ui";
import { MemberDialogs, type MemberAction } from "./member-dialogs";
import { ResourceScopeCard } from "./resource-scope";
import { MemberResources, MemberStanding } from "./member-access";
import { ApiTokens } from "../account/api-tokens";
import { describeBrowser, when } from "../session-list";
import { describeSetting, POLICY_KEYS, POLICY_LABELS } from "@/server/authz/policies";

type Member = RouterOutputs["members"]["get"];

const STATUS_TONE = { ACTIVE: "green", INVITED: "amber", DISABLED: "rose" } as const;
type Local = "edit" | "delete" | "transfer" | "disable2fa" | "endSessions" | "migrate" | null;

/** `initial`: the member as the page read it on the server, shown without a second fetch. */
export function MemberDetail({ membershipId, initial }: { membershipId: string; initial?: RouterOutputs["members"]["get"] }) {
  const trpc = useTRPC();
  const { slug } = useParams<{ slug: string }>();
  const member = useQuery(trpc.members.get.queryOptions({ membershipId }, { initialData: initial }));
  const options = useQuery(trpc.members.options.queryOptions());
  const [action, setAction] = useState<MemberAction>(null);
  const [local, setLocal] = useState<Local>(null);

  if (member.isPending) return <Loading />;
  if (member.error) return <Alert>{errorMessage(member.error)}</Alert>;
  const m = member.data;

  return (
    <>
      <PageHeader
        title={m.name}
        description={m.email}
        actions={
          <div className="flex flex-wrap gap-2">
            {m.can.edit && (
              <Button variant="secondary" onClick={() => setLocal("edit")}>
                Edit details
              </Button>
            )}
            {m.can.changeRole && (
              <Button variant="secondary" onClick={() => setAction({ kind: "role", member: m })}>
                Change role
              </Button>
            )}
            {m.can.changeGroup && (
              <Button variant="secondary" onClick={() => setAction({ kind: "group", member: m })}>
                Move
              </Button>
            )}
            {m.can.setStatus && m.status !== "INVITED" && (
              <Button variant="secondary" onClick={() => setAction({ kind: "status", member: m })}>
                {m.status === "DISABLED" ? "Enable" : "Disable"}
              </Button>
            )}
            {m.can.resetCredentials && (
              <Button variant="secondary" onClick={() => setAction({ kind: "reset", member: m })}>
                Reset password
              </Button>
            )}
            {m.can.resetCredentials && (
              <Button variant="secondary" onClick={() => setLocal("endSessions")}>
                Sign out everywhere
              </Button>
            )}
            {m.can.resetCredentials && m.hasTwoFactor && (
              <Button variant="secondary" onClick={() => setLocal("disable2fa")}>
                Disable 2FA
              </Button>
            )}
            {m.canTransferOwnership && (
              <Button variant="secondary" onClick={() => setLocal("transfer")}>
                Make owner
              </Button>
            )}
            {m.canMigrateData && (
              <Button variant="secondary" onClick={() => setLocal("migrate")}>
                Move their data…
              </Button>
            )}
            {m.canViewAs && (
              <Link
                href={`/o/${slug}/resources?as=${m.id}`}
                className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
              >
                View as member
              </Link>
            )}
            {m.can.delete && (
              <Button variant="danger" onClick={() => setLocal("delete")}>
                Delete
              </Button>
            )}
          </div>
        }
      />
      {m.readOnly && (
        <div className="mb-4">
          <Alert tone="info">Read-only: {m.readOnly}</Alert>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
        <div className="space-y-6">
          <Card title="Membership">
            <dl className="space-y-3 text-sm">
              {[
                ["Username", m.username ?? "—"],
                ["Company", m.company || "—"],
                ["Role", m.role.name],
                ["Home group", m.group.name],
                [
                  "Status",
                  <Badge key="s" tone={STATUS_TONE[m.status]}>
                    {m.status.toLowerCase()}
                  </Badge>,
                ],
                ["Added", m.createdAt.toISOString().slice(0, 10)],
                ["Two-factor sign-in", m.hasTwoFactor ? "On" : "Off"],
                ["Last sign-in", m.lastSignInAt ? `${m.lastSignInAt.toISOString().replace("T", " ").slice(0, 16)} UTC` : "Never"],
              ].map(([label, value]) => (
                <div key={String(label)} className="flex justify-between gap-4">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="text-right font-medium text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            <div className="mt-4 flex gap-2">
              {m.isOwner && <Badge tone="indigo">owner</Badge>}
              {m.isSelf && <Badge tone="indigo">you</Badge>}
            </div>
          </Card>
          <SignInCard member={m} />
          {m.can.resetCredentials && !m.isSelf && <SessionsCard membershipId={m.id} name={m.name} />}
          <ResourceScopeCard membershipId={m.id} name={m.name} scope={m.resourceScope} canEdit={m.can.edit} />
          {m.policy && <MemberPolicyCard name={m.name} policy={m.policy} hasTwoFactor={m.hasTwoFactor} />}
          {/* Another member's API tokens: seen and revoked with "Edit member info" over them. */}
          {m.can.edit && !m.isSelf && <ApiTokens membershipId={m.id} permissions={[]} canCreate={false} />}
        </div>
        <div className="min-w-0 space-y-6">
          <MemberStanding membershipId={m.id} name={m.name} />
          {m.canViewAs && <MemberResources membershipId={m.id} name={m.name} slug={slug} />}
          <Card title="History">
            {m.history.length === 0 ? (
              <p className="text-sm text-slate-500">No changes recorded yet.</p>
            ) : (
              <ol className="divide-y divide-slate-100 text-sm">
                {m.history.map((e) => (
                  <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                    <span>
                      <span className="text-slate-900">{e.sentence}</span>
                      {e.detail && <span className="ml-2 text-xs text-slate-600">{e.detail}</span>}
                    </span>
                    <time className="text-xs text-slate-500" dateTime={e.at.toISOString()}>
                      {e.at.toISOString().replace("T", " ").slice(0, 16)} UTC
                    </time>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
      <MemberDialogs action={action} onClose={() => setAction(null)} roles={options.data?.roles ?? []} groups={options.data?.groups ?? []} />
      {local && <LocalDialog kind={local} member={m} onClose={() => setLocal(null)} />}
    </>
  );
}

/** The sign-in limit's hold on the member: failed attempts, a lock and, with "Reset
 * credentials" over them, the way to lift it (audited). */
function SignInCard({ member: m }: { member: Member }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unlock = useMutation(trpc.members.unlock.mutationOptions({ onSuccess: () => void refreshQueries(queryClient, trpc.members.pathKey()) }));
  const { failedAttempts, lockedUntil } = m.signIn;
  if (!lockedUntil && failedAttempts === 0 && !unlock.isSuccess) return null;
  return (
    <Card title="Sign-in">
      {lockedUntil ? (
        <p className="text-sm text-slate-900">
          <Badge tone="rose">locked</Badge> Sign-in is refused until {when(lockedUntil)} after {failedAttempts} failed attempt
          {failedAttempts === 1 ? "" : "s"}.
        </p>
      ) : failedAttempts > 0 ? (
        <p className="text-sm text-slate-700">
          {failedAttempts} failed sign-in attempt{failedAttempts === 1 ? "" : "s"} in the last 15 minutes; not locked.
        </p>
      ) : (
        <p className="text-sm text-slate-700">Unlocked: {m.name} can sign in again.</p>
      )}
      {unlock.error && (
        <div className="mt-2">
          <Alert>{errorMessage(unlock.error)}</Alert>
        </div>
      )}
      {m.can.resetCredentials && (lockedUntil || failedAttempts > 0) && (
        <Button className="mt-3" size="sm" variant="secondary" disabled={unlock.isPending} onClick={() => unlock.mutate({ membershipId: m.id })}>
          {lockedUntil ? "Unlock sign-in" : "Clear failed attempts"}
        </Button>
      )}
    </Card>
  );
}

/** Where the member is signed in, for whoever has "Reset credentials" over them; each
 * browser can be signed out on its own (your own are under Sessions in your account). */
function SessionsCard({ membershipId, name }: { membershipId: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.members.sessions.queryOptions({ membershipId }, { staleTime: 0 }));
  const end = useMutation(trpc.members.endSession.mutationOptions({ onSuccess: () => void refreshQueries(queryClient, trpc.members.pathKey()) }));
  return (
    <Card title="Sessions">
      {sessions.isPending && <Loading />}
      {(sessions.error ?? end.error) && <Alert>{errorMessage(sessions.error ?? end.error)}</Alert>}
      {sessions.data?.length === 0 && <p className="text-sm text-slate-500">{name} is not signed in anywhere.</p>}
      <ul className="divide-y divide-slate-100">
        {sessions.data?.map((s) => (
          <li key={s.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <div>
              <p className="font-medium text-slate-900">{describeBrowser(s.userAgent)}</p>
              <p className="text-xs text-slate-500">
                {s.ip ?? "unknown address"} · last seen {when(s.lastSeenAt)}
              </p>
            </div>
            <Button
              size="sm"
              variant="secondary"
              disabled={end.isPending}
              onClick={() => end.mutate({ membershipId, sessionId: s.id })}
              aria-label={`End the session of ${describeBrowser(s.userAgent)} last seen ${when(s.lastSeenAt)}`}
            >
              End
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

type DetailMember = { id: string; name: string; email: string; username: string | null; company: string; role: { name: string }; ownedResources: number };

function LocalDialog({ kind, member: m, onClose }: { kind: Exclude<Local, null>; member: DetailMember; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { slug } = useParams<{ slug: string }>();
  const refresh = () => {
    void refreshQueries(queryClient, trpc.members.pathKey());
    onClose();
  };
  const edit = useMutation(trpc.members.edit.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.members.delete.mutationOptions({
      onSuccess: () => {
        void refreshQueries(queryClient, trpc.members.pathKey());
        router.push(`/o/${slug}/members`);
      },
    }),
  );
  const disable2fa = useMutation(trpc.members.disableTwoFactor.mutationOptions({ onSuccess: refresh }));
  const endSessions = useMutation(trpc.members.endSessions.mutationOptions({ onSuccess: refresh }));
  const transfer = useMutation(
    trpc.members.transferOwnership.mutationOptions({
      onSuccess: () => {
        refresh();
        router.refresh();
      },
    }),
  );
  const migrate = useMutation(
    trpc.members.migrateData.mutationOptions({
      onSuccess: () => {
        void refreshQueries(queryClient, trpc.resources.pathKey());
        refresh();
      },
    }),
  );
  const mutation = { edit, delete: remove, transfer, disable2fa, endSessions, migrate }[kind];
  const titles = {
    edit: `Edit ${m.name}`,
    delete: `Delete ${m.name}?`,
    transfer: `Make ${m.name} the owner?`,
    disable2fa: `Turn off two-factor sign-in for ${m.name}?`,
    endSessions: `Sign ${m.name} out everywhere?`,
    migrate: `Move ${m.name}'s data to another member`,
  };

  return (
    <Dialog open onClose={onClose} title={titles[kind]}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          if (kind === "edit") {
            edit.mutate({
              membershipId: m.id,
              name: String(f.get("name")),
              email: String(f.get("email")),
              username: String(f.get("username")) || null,
              company: String(f.get("company")),
            });
          }
          if (kind === "delete") remove.mutate({ membershipId: m.id, transferResourcesTo: String(f.get("heir") ?? "") || undefined });
          if (kind === "transfer") transfer.mutate({ membershipId: m.id });
          if (kind === "disable2fa") disable2fa.mutate({ membershipId: m.id });
          if (kind === "endSessions") endSessions.mutate({ membershipId: m.id });
          if (kind === "migrate") migrate.mutate({ fromMembershipId: m.id, toMembershipId: String(f.get("heir") ?? "") });
        }}
      >
        {mutation.error && <Alert>{errorMessage(mutation.error)}</Alert>}
        {kind === "edit" && (
          <>
            <Field label="Full name" htmlFor="edit-name">
              <Input id="edit-name" name="name" defaultValue={m.name} required autoFocus />
            </Field>
            <Field label="Email" htmlFor="edit-email" hint="They sign in with this address.">
              <Input id="edit-email" name="email" type="email" defaultValue={m.email} required />
            </Field>
            <Field label="Username" htmlFor="edit-username" hint="Optional; they can sign in with it too.">
              <Input id="edit-username" name="username" defaultValue={m.username ?? ""} />
            </Field>
            <Field label="Company" htmlFor="edit-company">
              <Input id="edit-company" name="company" defaultValue={m.company} />
            </Field>
          </>
        )}
        {kind === "delete" && (
          <p className="text-sm text-slate-600">
            {m.name} loses their membership of this organization and their history stays in the audit log. If they belong to no other organization, their
            Steward account is deleted too. This cannot be undone; to suspend access instead, disable them.
          </p>
        )}
        {kind === "delete" && m.ownedResources > 0 && (
          <HeirPicker exclude={m.id}>
            {m.name} owns {plural(m.ownedResources, "resource")}. Choose who receives {m.ownedResources === 1 ? "it" : "them"}: they become the owner, with
            Administrator access.
          </HeirPicker>
        )}
        {kind === "migrate" &&
          (m.ownedResources > 0 ? (
            <HeirPicker exclude={m.id}>
              {plural(m.ownedResources, "resource")} {m.ownedResources === 1 ? "moves" : "move"} from {m.name} to the member you choose, who becomes their owner
              with Administrator access. Access granted to {m.name} on other resources stays theirs. Both are told by email.
            </HeirPicker>
          ) : (
            <p className="text-sm text-slate-600">{m.name} owns no resources, so there is nothing to move.</p>
          ))}
        {kind === "transfer" && (
          <p className="text-sm text-slate-600">
            {m.name} ({m.role.name}) becomes the owner: they can no longer be disabled, deleted or re-roled, and only they can transfer ownership again. You
            keep your role but lose the owner&apos;s protection.
          </p>
        )}
        {kind === "disable2fa" && (
          <p className="text-sm text-slate-600">
            Use this only when {m.name} has lost their authenticator and you have confirmed who they are. Their sessions end; they sign in with their password
            alone and should set up two-factor sign-in again.
          </p>
        )}
        {kind === "endSessions" && (
          <p className="text-sm text-slate-600">Every browser where {m.name} is signed in is signed out at its next request. Their password stays the same.</p>
        )}
        <DialogActions
          onCancel={onClose}
          submitting={mutation.isPending}
          disabled={kind === "migrate" && m.ownedResources === 0}
          variant={kind === "delete" || kind === "disable2fa" ? "danger" : "primary"}
        >
          {
            {
              edit: "Save",
              delete: "Delete member",
              transfer: "Transfer ownership",
              disable2fa: "Turn off 2FA",
              endSessions: "Sign out everywhere",
              migrate: `Move ${plural(m.ownedResources, "resource")}`,
            }[kind]
          }
        </DialogActions>
      </form>
    </Dialog>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Who receives the resources of a member being deleted (nothing is lost, rule 6) or whose
 * data moves (seed 004): an active member, found by name or email. */
function HeirPicker({ exclude, children }: { exclude: string; children: ReactNode }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const found = useQuery(
    trpc.members.list.queryOptions({ page: 1, pageSize: 20, sort: "name", direction: "asc", status: "ACTIVE", search: search || undefined }),
  );
  const options = found.data?.rows.filter((r) => r.id !== exclude) ?? [];
  return (
    <div className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
      <p className="text-sm text-amber-900">{children}</p>
      <Field label="Find a member" htmlFor="heir-search">
        <Input
          id="heir-search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          // Enter narrows the list; it must not submit the dialog with whoever is selected.
          onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
          autoComplete="off"
          autoFocus
        />
      </Field>
      <Field label="New owner" htmlFor="heir">
        <Select id="heir" name="heir" required>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.email})
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

/** The member's effective policy: the strictest along their group chain, each value with the
 * group it comes from. */
function MemberPolicyCard({ name, policy, hasTwoFactor }: { name: string; policy: NonNullable<Member["policy"]>; hasTwoFactor: boolean }) {
  return (
    <Card title="Policy">
      <dl className="space-y-3 text-sm">
        {POLICY_KEYS.map((key) => (
          <div key={key}>
            <dt className="text-slate-500">{POLICY_LABELS[key]}</dt>
            <dd className="font-medium text-slate-900">
              {describeSetting(key, policy.values[key]).replace(/^./, (c) => c.toUpperCase())}
              <span className="ml-1 font-normal text-slate-500">· {policy.sources[key] ? `from ${policy.sources[key].groupName}` : "default"}</span>
            </dd>
          </div>
        ))}
      </dl>
      {policy.twoFactorRequired && !hasTwoFactor && (
        <p className="mt-4 text-sm text-amber-700">{name} must set up two-factor sign-in before they can use the organization.</p>
      )}
    </Card>
  );
}
