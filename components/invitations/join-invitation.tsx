"use client";
// The page an invitation link opens: activate a new account, or join with an existing one.
// A closed or broken link gets a page saying what happened and whom to ask.
import { useMutation, useQuery } from "@tanstack/react-query";
import { signIn, signOut } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AuthCard } from "../auth-card";
import { DataForm, FormError, NewPasswordFields } from "../form-parts";
import { errorMessage, fieldErrorsOf, useTRPC } from "../trpc";
import { Alert, Button, Field, Input, TextLink } from "../ui";

export function JoinInvitation({ organization, token }: { organization: string; token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const here = `/join/${organization}/${token}`;
  const preview = useQuery({ ...trpc.invitations.preview.queryOptions({ organization, token }), retry: false });

  if (preview.isPending) {
    return (
      <AuthCard title="Opening your invitation…">
        <p className="text-sm text-slate-500">Checking the link.</p>
      </AuthCard>
    );
  }
  if (preview.error) {
    return (
      <AuthCard title="This invitation can’t be used">
        <div className="space-y-4">
          <Alert>{errorMessage(preview.error)}</Alert>
          <p className="text-sm text-slate-600">
            Already have an account? <TextLink href="/signin">Sign in</TextLink>.
          </p>
        </div>
      </AuthCard>
    );
  }
  const p = preview.data;
  const subtitle = (
    <>
      {p.invitedBy.name} ({p.invitedBy.email}) invited <strong className="text-slate-700">{p.email}</strong> to join as {p.role} in {p.group}
      {p.teams.length > 0 && `, in the team${p.teams.length === 1 ? "" : "s"} ${p.teams.join(", ")}`}.
    </>
  );

  if (!p.accountExists) {
    return (
      <AuthCard title={`Join ${p.organization.name}`} subtitle={subtitle}>
        {p.viewer !== "anonymous" && (
          <div className="mb-4">
            <Alert tone="info">You are signed in with another account. Activating this invitation signs you in as {p.email}.</Alert>
          </div>
        )}
        <ActivateForm organization={organization} token={token} email={p.email} />
      </AuthCard>
    );
  }
  if (p.viewer === "anonymous") {
    return (
      <AuthCard title={`Join ${p.organization.name}`} subtitle={subtitle}>
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{p.email} already has a Steward account. Sign in with it, and you will come back here to join.</p>
          <Button className="w-full" onClick={() => router.push(`/signin?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(p.email)}`)}>
            Sign in as {p.email}
          </Button>
        </div>
      </AuthCard>
    );
  }
  if (p.viewer === "someone-else") {
    return (
      <AuthCard title={`Join ${p.organization.name}`} subtitle={subtitle}>
        <div className="space-y-4">
          <Alert tone="info">You are signed in with another account. This invitation is for {p.email}.</Alert>
          <Button
            className="w-full"
            variant="secondary"
            onClick={() => void signOut({ callbackUrl: `/signin?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(p.email)}` })}
          >
            Sign out, then sign in as {p.email}
          </Button>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${p.organization.name}`} subtitle={subtitle}>
      <JoinWithAccount organization={organization} token={token} name={p.organization.name} />
    </AuthCard>
  );
}

function JoinWithAccount({ organization, token, name }: { organization: string; token: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.invitations.accept.mutationOptions({ onSuccess: (r) => router.push(`/o/${r.organizationSlug}`) }));
  return (
    <div className="space-y-4">
      {accept.error && <Alert>{errorMessage(accept.error)}</Alert>}
      <Button className="w-full" disabled={accept.isPending || accept.isSuccess} onClick={() => accept.mutate({ organization, token })}>
        {accept.isPending || accept.isSuccess ? "Joining…" : `Join ${name}`}
      </Button>
    </div>
  );
}

function ActivateForm({ organization, token, email }: { organization: string; token: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mismatch, setMismatch] = useState(false);
  const [signInFailed, setSignInFailed] = useState(false);
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const fieldErrors = fieldErrorsOf(accept.error);

  return (
    <DataForm
      onData={(f) => {
        const password = String(f.get("password"));
        if (password !== String(f.get("confirm"))) return setMismatch(true);
        setMismatch(false);
        accept.mutate(
          { organization, token, name: String(f.get("name")), password },
          {
            onSuccess: async (r) => {
              const result = await signIn("credentials", { email, password, code: "", redirect: false });
              if (!result || result.error) return setSignInFailed(true);
              router.replace(`/o/${r.organizationSlug}`);
              router.refresh();
            },
          },
        );
      }}
    >
      <FormError error={accept.error} />
      {signInFailed && (
        <Alert tone="success">
          Your account is active.{" "}
          <Link href="/signin" className="font-medium underline">
            Sign in
          </Link>{" "}
          to continue.
        </Alert>
      )}
      <Field label="Email" htmlFor="join-email">
        <Input id="join-email" value={email} readOnly disabled autoComplete="username" />
      </Field>
      <Field label="Your name" htmlFor="join-name" error={fieldErrors.name?.[0]}>
        <Input id="join-name" name="name" required autoFocus autoComplete="name" />
      </Field>
      <NewPasswordFields idPrefix="join" label="Password" repeatLabel="Repeat the password" error={fieldErrors.password?.[0]} mismatch={mismatch} />
      <Button type="submit" className="w-full" disabled={accept.isPending || accept.isSuccess}>
        {accept.isPending || accept.isSuccess ? "Activating…" : "Activate account and join"}
      </Button>
    </DataForm>
  );
}
