"use client";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "./form-parts";
import { fieldErrorsOf, useTRPC } from "./trpc";
import { Button, Field, Input } from "./ui";

export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const fieldErrors = fieldErrorsOf(change.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword"));
    setMismatch(newPassword !== form.get("confirm"));
    if (newPassword !== form.get("confirm")) return;
    await change.mutateAsync({ currentPassword: String(form.get("currentPassword")), newPassword });
    // The change ended every session, this one included: sign in again with the new password.
    const again = await signIn("credentials", { email, password: newPassword, redirect: false });
    // With two-factor sign-in on, the fresh sign-in also needs a code: ask for it there.
    router.replace(again?.error ? "/signin" : "/");
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e).catch(() => {})} className="space-y-4" noValidate>
      <FormError error={change.error} />
      <Field label="Current password" htmlFor="currentPassword" error={fieldErrors.currentPassword?.[0]}>
        <Input id="currentPassword" name="currentPassword" type="password" required autoFocus autoComplete="current-password" />
      </Field>
      <Field label="New password" htmlFor="newPassword" hint="At least 10 characters." error={fieldErrors.newPassword?.[0]}>
        <Input id="newPassword" name="newPassword" type="password" required autoComplete="new-password" />
      </Field>
      <Field label="Confirm new password" htmlFor="confirm" error={mismatch ? "The two passwords differ." : null}>
        <Input id="confirm" name="confirm" type="password" required autoComplete="new-password" />
      </Field>
      <Button type="submit" className="w-full" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
