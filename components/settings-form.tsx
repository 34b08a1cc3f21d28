"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { OrganizationOwnerCards } from "./organization-owner-cards";
import { errorMessage, useTRPC } from "./trpc";
import { Alert, Button, Card, Field, Input } from "./ui";

const POLICIES = [
  { value: "OFF", label: "Optional", description: "Members choose whether to use two-factor sign-in." },
  { value: "ADMINS", label: "Required for administrators", description: "Members whose role holds any permission must set it up at their next sign-in." },
  { value: "EVERYONE", label: "Required for everyone", description: "Every member must set it up at their next sign-in." },
] as const;

export function SettingsForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.organization.settings.queryOptions());
  const update = useMutation(
    trpc.organization.updateSettings.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() });
        router.refresh();
      },
    }),
  );
  if (settings.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (settings.error) return <Alert>{errorMessage(settings.error)}</Alert>;

  return (
    <>
      <form
        className="max-w-2xl space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          update.mutate({
            name: String(f.get("name")),
            twoFactorPolicy: String(f.get("twoFactorPolicy")) as "OFF" | "ADMINS" | "EVERYONE",
            invitationTtlDays: Number(f.get("invitationTtlDays")),
          });
        }}
      >
        {update.error && <Alert>{errorMessage(update.error)}</Alert>}
        {update.isSuccess && <Alert tone="success">Settings saved.</Alert>}
        <Card title="Organization">
          <Field label="Name" htmlFor="org-name">
            <Input id="org-name" name="name" defaultValue={settings.data.name} required />
          </Field>
        </Card>
        <Card title="Two-factor sign-in">
          <fieldset className="space-y-3">
            <legend className="sr-only">Two-factor sign-in policy</legend>
            {POLICIES.map((p) => (
              <label key={p.value} className="flex items-start gap-3 text-sm">
                <input
                  type="radio"
                  name="twoFactorPolicy"
                  value={p.value}
                  defaultChecked={settings.data.twoFactorPolicy === p.value}
                  className="mt-1 accent-indigo-600"
                />
                <span>
                  <span className="font-medium text-slate-900">{p.label}</span>
                  <span className="block text-slate-500">{p.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </Card>
        <Card title="Invitations">
          <Field
            label="Invitation links expire after (days)"
            htmlFor="org-invitation-ttl"
            hint="From 1 to 90 days. Applies to invitations sent or resent from now on."
          >
            <Input
              id="org-invitation-ttl"
              name="invitationTtlDays"
              type="number"
              min={1}
              max={90}
              className="!w-32"
              defaultValue={settings.data.invitationTtlDays}
              required
            />
          </Field>
        </Card>
        <Button type="submit" disabled={update.isPending}>
          Save settings
        </Button>
      </form>
      <OrganizationOwnerCards
        name={settings.data.name}
        slug={settings.data.slug}
        isOwner={settings.data.isOwner}
        ownerUsesTwoFactor={settings.data.ownerUsesTwoFactor}
      />
    </>
  );
}
