"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { DataForm } from "../form-parts";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Button, Field, Input } from "../ui";

/** The answer is the same whether or not the address has an account: nothing is revealed. */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.accountLinks.requestPasswordReset.mutationOptions());
  if (request.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          If {request.variables.email} belongs to a Steward account, an email with a link to choose a new password is on its way. The link works once, for 30
          minutes.
        </Alert>
        <p className="text-sm text-slate-600">Nothing arrived? Check your spam folder, or ask your organization’s administrator to reset your password.</p>
        <Link href="/signin" className="text-sm font-medium text-indigo-600 hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <DataForm onData={(f) => request.mutate({ email: String(f.get("email")) })}>
      {request.error && <Alert>{errorMessage(request.error)}</Alert>}
      <Field label="Email or username" htmlFor="forgot-email">
        <Input id="forgot-email" name="email" required autoFocus autoComplete="username" />
      </Field>
      <Button type="submit" className="w-full" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Email me a link"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/signin" className="text-indigo-600 hover:underline">
          Back to sign in
        </Link>
      </p>
    </DataForm>
  );
}
