"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Button, Field, Input } from "../ui";

type FieldErrors = Partial<Record<string, string[]>>;

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mismatch, setMismatch] = useState(false);
  const preview = useQuery({ ...trpc.accountLinks.previewPasswordReset.queryOptions({ token }), retry: false });
  const reset = useMutation(
    trpc.accountLinks.resetPassword.mutationOptions({
      onSuccess: (r) => router.replace(`/signin?notice=password-reset&email=${encodeURIComponent(r.email)}`),
    }),
  );
  const fieldErrors: FieldErrors = (reset.error?.data as { zodError?: { fieldErrors: FieldErrors } } | undefined)?.zodError?.fieldErrors ?? {};

  if (preview.isPending) return <p className="text-sm text-slate-500">Checking the link…</p>;
  if (preview.error) {
    return (
      <div className="space-y-4">
        <Alert>{errorMessage(preview.error)}</Alert>
        <Link href="/forgot-password" className="text-sm font-medium text-indigo-600 hover:underline">
          Ask for a new link
        </Link>
      </div>
    );
  }
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const newPassword = String(f.get("password"));
        if (newPassword !== String(f.get("confirm"))) return setMismatch(true);
        setMismatch(false);
        reset.mutate({ token, newPassword });
      }}
    >
      {reset.error && !Object.keys(fieldErrors).length && <Alert>{errorMessage(reset.error)}</Alert>}
      <p className="text-sm text-slate-600">
        For the account <span className="font-medium text-slate-900">{preview.data.email}</span>.
      </p>
      <Field label="New password" htmlFor="reset-password" hint="At least 10 characters; not a common password." error={fieldErrors.newPassword?.[0]}>
        <Input id="reset-password" name="password" type="password" required autoFocus autoComplete="new-password" />
      </Field>
      <Field label="Repeat the new password" htmlFor="reset-confirm" error={mismatch ? "The two passwords differ." : null}>
        <Input id="reset-confirm" name="confirm" type="password" required autoComplete="new-password" />
      </Field>
      <p className="text-xs text-slate-500">Choosing a new password signs you out of every browser.</p>
      <Button type="submit" className="w-full" disabled={reset.isPending || reset.isSuccess}>
        {reset.isPending || reset.isSuccess ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
