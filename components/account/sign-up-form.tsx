"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { DataForm, FormError, NewPasswordFields } from "../form-parts";
import { fieldErrorsOf, useTRPC } from "../trpc";
import { Alert, Button, Field, Input, TextLink } from "../ui";

/** The answer is the same whether or not the address already has an account: nothing is revealed. */
export function SignUpForm() {
  const trpc = useTRPC();
  const [mismatch, setMismatch] = useState(false);
  const request = useMutation(trpc.signUp.request.mutationOptions());
  const fieldErrors = fieldErrorsOf(request.error);

  if (request.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          Check your inbox: an email is on its way to {request.data.email}. Open its link within 24 hours to create your account, then sign in and create your
          organization.
        </Alert>
        <p className="text-sm text-slate-600">
          Nothing arrived after a few minutes? Check your spam folder, or sign up again. If this address already has an account, the email says so instead.
        </p>
        <Link href="/signin" className="text-sm font-medium text-indigo-600 hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <DataForm
      onData={(f) => {
        const password = String(f.get("password"));
        if (password !== String(f.get("confirm"))) return setMismatch(true);
        setMismatch(false);
        request.mutate({ name: String(f.get("name")), email: String(f.get("email")), password });
      }}
    >
      <FormError error={request.error} />
      <Field label="Your name" htmlFor="signup-name" error={fieldErrors.name?.[0]}>
        <Input id="signup-name" name="name" required autoFocus autoComplete="name" maxLength={120} />
      </Field>
      <Field label="Email" htmlFor="signup-email" hint="We send a link there to confirm it is yours." error={fieldErrors.email?.[0]}>
        <Input id="signup-email" name="email" type="email" required autoComplete="email" maxLength={254} />
      </Field>
      <NewPasswordFields idPrefix="signup" label="Password" repeatLabel="Repeat the password" error={fieldErrors.password?.[0]} mismatch={mismatch} />
      <Button type="submit" className="w-full" disabled={request.isPending}>
        {request.isPending ? "Sending…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account? <TextLink href="/signin">Sign in</TextLink>
      </p>
    </DataForm>
  );
}
