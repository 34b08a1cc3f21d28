"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataForm, FormError, NewPasswordFields } from "../form-parts";
import { errorMessage, fieldErrorsOf, useTRPC } from "../trpc";
import { Alert, Button } from "../ui";

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
  const fieldErrors = fieldErrorsOf(reset.error);

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
    <DataForm
      onData={(f) => {
        const newPassword = String(f.get("password"));
        if (newPassword !== String(f.get("confirm"))) return setMismatch(true);
        setMismatch(false);
        reset.mutate({ token, newPassword });
      }}
    >
      <FormError error={reset.error} />
      <p className="text-sm text-slate-600">
        For the account <span className="font-medium text-slate-900">{preview.data.email}</span>.
      </p>
      <NewPasswordFields
        idPrefix="reset"
        label="New password"
        repeatLabel="Repeat the new password"
        error={fieldErrors.newPassword?.[0]}
        mismatch={mismatch}
        autoFocus
      />
      <p className="text-xs text-slate-500">Choosing a new password signs you out of every browser.</p>
      <Button type="submit" className="w-full" disabled={reset.isPending || reset.isSuccess}>
        {reset.isPending || reset.isSuccess ? "Saving…" : "Set new password"}
      </Button>
    </DataForm>
  );
}
