"use client";
// Teams (seed 000's user groups): flat sets of members that receive grants together.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../dialog";
import { DataForm, DialogActions, FormError, GroupOptions } from "../form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, EmptyState, Field, Input, Select } from "../ui";

/** `canManage`: the role holds "Manage teams"; `wholeOrganization`: with organization reach, so teams may belong to no group. */
export function TeamsPage({ canManage, wholeOrganization }: { canManage: boolean; wholeOrganization: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teams = useQuery(trpc.teams.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<{ teamId: string; name: string } | null>(null);
  const [editing, setEditing] = useState<EditedTeam | null>(null);
  const refresh = () => void refreshQueries(queryClient, trpc.teams.list.queryKey());
  const remove = useMutation(trpc.teams.removeMember.mutationOptions({ onSuccess: refresh }));
  const [deleting, setDeleting] = useState<{
    teamId: string;
    name: string;
    memberCount: number;
    grantCount: number;
    organizationWide: string[];
  } | null>(null);
  const del = useMutation(
    trpc.teams.delete.mutationOptions({
      onSuccess: () => {
        setDeleting(null);
        refresh();
      },
    }),
  );

  return (
    <div className="space-y-4">
      {canManage && (
        <div className="flex justify-end">
          <Button onClick={() => setCreating(true)}>New team</Button>
        </div>
      )}
      {(remove.error || teams.error) && <Alert>{errorMessage(remove.error ?? teams.error)}</Alert>}
      {teams.data && !teams.data.length && (
        <EmptyState title="No teams yet">
          {canManage ? "Create a team, add members, then give it access to resources." : "Teams appear here once an administrator creates them."}
        </EmptyState>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {teams.data?.map((t) => (
          <Card
            key={t.id}
            title={
              <>
                {t.name}{" "}
                <Badge>
                  {t.memberCount} member{t.memberCount === 1 ? "" : "s"}
                </Badge>{" "}
                <Badge tone="indigo">
                  {t.grantCount} grant{t.grantCount === 1 ? "" : "s"}
                </Badge>{" "}
                <Badge tone="slate">{t.group ? `${t.group.name} and subgroups` : "Whole organization"}</Badge>
              </>
            }
            actions={
              t.canManage && (
                <div className="flex gap-1">
                  <Button size="sm" variant="secondary" onClick={() => setAdding({ teamId: t.id, name: t.name })}>
                    Add member
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setEditing({ teamId: t.id, name: t.name, description: t.description, groupId: t.group?.id ?? null })}
                    aria-label={`Edit team ${t.name}`}
                  >
                    Edit
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() =>
                      setDeleting({ teamId: t.id, name: t.name, memberCount: t.memberCount, grantCount: t.grantCount, organizationWide: t.organizationWide })
                    }
                    aria-label={`Delete team ${t.name}`}
                  >
                    Delete
                  </Button>
                </div>
              )
            }
          >
            {t.description && <p className="mb-3 text-sm text-slate-600">{t.description}</p>}
            {t.organizationWide.length > 0 && (
              <p className="mb-3 text-xs text-slate-600">
                <span className="font-medium text-slate-700">Organization-wide:</span> {t.organizationWide.join(" · ")}
              </p>
            )}
            <ul className="divide-y divide-slate-100">
              {t.members.map((m) => (
                <li key={m.membershipId} className="flex items-center justify-between py-1.5 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{m.name}</span> <span className="text-xs text-slate-500">{m.email}</span>
                  </span>
                  {t.canManage && (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => remove.mutate({ teamId: t.id, membershipId: m.membershipId })}
                      aria-label={`Remove ${m.name} from ${t.name}`}
                    >
                      Remove
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
      <Dialog
        open={deleting !== null}
        onClose={() => {
          del.reset();
          setDeleting(null);
        }}
        title={`Delete ${deleting?.name ?? "team"}?`}
      >
        {deleting && (
          <DataForm onData={() => del.mutate({ teamId: deleting.teamId })}>
            <p className="text-sm text-slate-700">
              Its {deleting.memberCount} member{deleting.memberCount === 1 ? "" : "s"} lose what the team&apos;s {deleting.grantCount} grant
              {deleting.grantCount === 1 ? "" : "s"} gave them
              {deleting.organizationWide.length ? `, and its organization-wide access (${deleting.organizationWide.join("; ")})` : ""}. Their accounts and other
              access stay.
            </p>
            <FormError error={del.error} />
            <DialogActions
              variant="danger"
              submitting={del.isPending}
              onCancel={() => {
                del.reset();
                setDeleting(null);
              }}
            >
              Delete team
            </DialogActions>
          </DataForm>
        )}
      </Dialog>
      {creating && <TeamForm wholeOrganization={wholeOrganization} onClose={() => setCreating(false)} onDone={refresh} />}
      {editing && <TeamForm team={editing} wholeOrganization={wholeOrganization} onClose={() => setEditing(null)} onDone={refresh} />}
      {adding && <AddMember team={adding} onClose={() => setAdding(null)} onDone={refresh} />}
    </div>
  );
}

type EditedTeam = { teamId: string; name: string; description: string; groupId: string | null };

/** A new team (no `team`), or an existing one's name, description and group. */
function TeamForm({ team, wholeOrganization, onClose, onDone }: { team?: EditedTeam; wholeOrganization: boolean; onClose: () => void; onDone: () => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.members.options.queryOptions());
  const settled = {
    onSuccess: () => {
      onDone();
      onClose();
    },
  };
  const create = useMutation(trpc.teams.create.mutationOptions(settled));
  const update = useMutation(trpc.teams.update.mutationOptions(settled));
  const saving = team ? update : create;
  const errors = fieldErrorsOf(saving.error);
  return (
    <Dialog open onClose={onClose} title={team ? `Edit ${team.name}` : "New team"}>
      <DataForm
        onData={(f) => {
          const fields = { name: String(f.get("name")), description: String(f.get("description")), groupId: String(f.get("groupId") ?? "") || null };
          if (team) update.mutate({ teamId: team.teamId, ...fields });
          else create.mutate(fields);
        }}
      >
        <FormError error={saving.error} />
        <Field label="Name" htmlFor="team-name" error={errors.name?.[0]}>
          <Input id="team-name" name="name" required autoFocus autoComplete="off" defaultValue={team?.name} />
        </Field>
        <Field label="Description (optional)" htmlFor="team-description" error={errors.description?.[0]}>
          <Input id="team-description" name="description" autoComplete="off" defaultValue={team?.description} />
        </Field>
        <Field
          label="Belongs to"
          htmlFor="team-group"
          hint="A team that belongs to a group holds only members of that group and its subgroups, and that group's admins manage it."
          error={errors.groupId?.[0]}
        >
          {/* Keyed on the options so that the team's own group is selected once they load. */}
          <Select
            key={options.data ? "loaded" : "loading"}
            id="team-group"
            name="groupId"
            defaultValue={team ? (team.groupId ?? "") : wholeOrganization ? "" : undefined}
          >
            {(wholeOrganization || (team && team.groupId === null)) && <option value="">Whole organization</option>}
            <GroupOptions groups={options.data?.groups ?? []} suffix=" and subgroups" />
          </Select>
        </Field>
        <DialogActions onCancel={onClose} submitting={saving.isPending}>
          {team ? "Save team" : "Create team"}
        </DialogActions>
      </DataForm>
    </Dialog>
  );
}

function AddMember({ team, onClose, onDone }: { team: { teamId: string; name: string }; onClose: () => void; onDone: () => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const members = useQuery(
    trpc.members.list.queryOptions({ page: 1, pageSize: 8, sort: "name", direction: "asc", search: search || undefined, status: "ACTIVE" }),
  );
  const add = useMutation(
    trpc.teams.addMember.mutationOptions({
      onSuccess: () => {
        onDone();
        onClose();
      },
    }),
  );
  return (
    <Dialog open onClose={onClose} title={`Add a member to ${team.name}`}>
      <div className="space-y-3">
        {add.error && <Alert>{errorMessage(add.error)}</Alert>}
        <Field label="Find a member in your span" htmlFor="team-member-search">
          <Input id="team-member-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoFocus autoComplete="off" />
        </Field>
        <ul className="max-h-64 divide-y divide-slate-100 overflow-auto rounded-md ring-1 ring-slate-200" aria-label="Matching members">
          {members.data?.rows.map((m) => (
            <li key={m.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{m.name}</span> <span className="text-xs text-slate-500">{m.email}</span>
              </span>
              <Button
                size="sm"
                variant="secondary"
                disabled={add.isPending}
                onClick={() => add.mutate({ teamId: team.teamId, membershipId: m.id })}
                aria-label={`Add ${m.name}`}
              >
                Add
              </Button>
            </li>
          ))}
        </ul>
        <p className="text-xs text-slate-500">Joining a team gives its grants; you can add someone only if you could grant them all of it yourself.</p>
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
