"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { OrganizationOwnerCards } from "./organization-owner-cards";
import { FormError } from "./form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, useTRPC } from "./trpc";
import { Alert, Button, Card, Field, Input, Loading } from "./ui";

export function SettingsForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.organization.settings.queryOptions());
  const update = useMutation(
    trpc.organization.updateSettings.mutationOptions({
      onSuccess: () => {
        void refreshQueries(queryClient, trpc.organization.pathKey());
        router.refresh();
      },
    }),
  );
  if (settings.isPending) return <Loading />;
  if (settings.error) return <Alert>{errorMessage(settings.error)}</Alert>;

  return (
    <>
      <form
        className="max-w-2xl space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          update.mutate({ name: String(f.get("name")) });
        }}
      >
        <FormError error={update.error} />
        {update.isSuccess && <Alert tone="success">Settings saved.</Alert>}
        <Card title="Organization">
          <Field label="Name" htmlFor="org-name" error={fieldErrorsOf(update.error).name?.[0]}>
            <Input id="org-name" name="name" defaultValue={settings.data.name} required />
          </Field>
        </Card>
        <Button type="submit" disabled={update.isPending}>
          Save settings
        </Button>
      </form>
      <Card title="Policies" className="mt-6 max-w-2xl">
        <p className="text-sm text-slate-600">
          Two-factor sign-in, password length, session and invitation link lifetimes and the email domains invitations may go to are set per group, and apply to
          the group&apos;s whole subtree. The organization-wide policy is that of the root group, {settings.data.rootGroup.name}; a subgroup may tighten it,
          never loosen it.
        </p>
        {settings.data.canViewPolicies && (
          <Link
            href={`/o/${settings.data.slug}/groups?policy=${settings.data.rootGroup.id}`}
            className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:underline"
          >
            Open the policy of {settings.data.rootGroup.name} →
          </Link>
        )}
      </Card>
      <OrganizationOwnerCards
        name={settings.data.name}
        slug={settings.data.slug}
        isOwner={settings.data.isOwner}
        ownerUsesTwoFactor={settings.data.ownerUsesTwoFactor}
      />
    </>
  );
}
