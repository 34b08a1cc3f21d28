"use client";
// Confirming takes a click, not just opening the link: mail scanners that open links must
// not change anyone's address.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Button } from "../ui";

export function ConfirmEmail({ token }: { token: string }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.accountLinks.confirmEmailChange.mutationOptions());
  if (confirm.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your account now signs in with {confirm.data.email}. A note went to your previous address.</Alert>
        <Link href="/" className="text-sm font-medium text-indigo-600 hover:underline">
          Continue to Steward
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {confirm.error && <Alert>{errorMessage(confirm.error)}</Alert>}
      <p className="text-sm text-slate-600">Confirm that this address is yours and that you want to sign in with it from now on.</p>
      <Button className="w-full" disabled={confirm.isPending} onClick={() => confirm.mutate({ token })}>
        {confirm.isPending ? "Confirming…" : "Confirm my new email address"}
      </Button>
    </div>
  );
}
