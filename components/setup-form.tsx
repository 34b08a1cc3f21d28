"use client";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage, fieldErrorsOf, useTRPC } from "./trpc";
import type { RoleSetKey } from "@/server/authz";
import { RoleSetField } from "./form-parts";
import { Alert, Button, Field, Input } from "./ui";

export function SetupForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const create = useMutation(trpc.setup.create.mutationOptions());
  const fieldErrors = fieldErrorsOf(create.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    if (password !== form.get("confirm")) {
      setConfirmError("The two passwords differ.");
      return;
    }
    setConfirmError(null);
    const ownerEmail = String(form.get("ownerEmail"));
    const { slug } = await create.mutateAsync({
      organizationName: String(form.get("organizationName")),
      ownerName: String(form.get("ownerName")),
      ownerEmail,
      password,
      ...(form.get("roleSet") ? { roleSet: String(form.get("roleSet")) as RoleSetKey } : {}),
    });
    await signIn("credentials", { email: ownerEmail, password, redirect: false });
    router.replace(`/o/${slug}`);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e).catch(() => {})} className="space-y-4" noValidate>
      {create.error && !Object.keys(fieldErrors).length && <Alert>{errorMessage(create.error)}</Alert>}
      <Field label="Organization name" htmlFor="organizationName" error={fieldErrors.organizationName?.[0]}>
        <Input id="organizationName" name="organizationName" required autoFocus placeholder="Acme Inc." />
      </Field>
      <Field label="Your name" htmlFor="ownerName" error={fieldErrors.ownerName?.[0]}>
        <Input id="ownerName" name="ownerName" required autoComplete="name" />
      </Field>
      <Field label="Your email" htmlFor="ownerEmail" error={fieldErrors.ownerEmail?.[0]}>
        <Input id="ownerEmail" name="ownerEmail" type="email" required autoComplete="email" />
      </Field>
      <Field label="Password" htmlFor="password" hint="At least 10 characters." error={fieldErrors.password?.[0]}>
        <Input id="password" name="password" type="password" required autoComplete="new-password" />
      </Field>
      <Field label="Confirm password" htmlFor="confirm" error={confirmError}>
        <Input id="confirm" name="confirm" type="password" required autoComplete="new-password" />
      </Field>
      <RoleSetField id="roleSet" error={fieldErrors.roleSet?.[0]} />
      <Button type="submit" className="w-full" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
