"use client";
import { useMutation } from "@tanstack/react-query";
import { DataForm, FormError } from "../form-parts";
import { fieldErrorsOf, useTRPC } from "../trpc";
import { Alert, Button, Field, Input } from "../ui";

/** The address changes only when its owner opens the link sent to it. */
export function ChangeEmailForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const request = useMutation(trpc.accountLinks.requestEmailChange.mutationOptions());
  const fieldErrors = fieldErrorsOf(request.error);
  if (request.isSuccess) {
    return (
      <Alert tone="success">
        We sent a link to {request.data.newEmail}. Your account keeps signing in with {email} until you open it (within 24 hours). A note went to {email} too.
      </Alert>
    );
  }
  return (
    <DataForm
      onData={(f) => {
        request.mutate({ newEmail: String(f.get("newEmail")), currentPassword: String(f.get("currentPassword")) });
      }}
    >
      <FormError error={request.error} />
      <Field label="Current email" htmlFor="email-current">
        <Input id="email-current" value={email} readOnly disabled />
      </Field>
      <Field label="New email" htmlFor="email-new" error={fieldErrors.newEmail?.[0]}>
        <Input id="email-new" name="newEmail" type="email" required autoFocus autoComplete="email" />
      </Field>
      <Field label="Current password" htmlFor="email-password" error={fieldErrors.currentPassword?.[0]}>
        <Input id="email-password" name="currentPassword" type="password" required autoComplete="current-password" />
      </Field>
      <Button type="submit" className="w-full" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Send confirmation link"}
      </Button>
    </DataForm>
  );
}
