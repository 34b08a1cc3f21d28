"use client";
// Creating the account takes a click, not just opening the link: mail scanners and link
// previews that open links must not act for the person.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, useTRPC } from "../trpc";
import { Alert, Button } from "../ui";

const FINAL = new Set(["NOT_FOUND", "PRECONDITION_FAILED", "FORBIDDEN", "BAD_REQUEST"]);

const AFTER_SIGN_UP = "/signin?callbackUrl=/organizations/new";

export function VerifySignUp({ token }: { token: string }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.signUp.verify.mutationOptions());
  if (verify.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your account is ready: sign in with {verify.data.email} and your password, then create your organization.</Alert>
        <Link
          href={`${AFTER_SIGN_UP}&notice=signed-up&email=${encodeURIComponent(verify.data.email)}`}
          className="text-sm font-medium text-indigo-600 hover:underline"
        >
          Sign in
        </Link>
      </div>
    );
  }
  // A refusal that trying again cannot change (link used, expired or invalid, address taken,
  // sign-ups closed) points where to go next; only a passing trouble keeps the button.
  if (verify.error && FINAL.has(verify.error.data?.code ?? "")) {
    return (
      <div className="space-y-4">
        <Alert>{errorMessage(verify.error)}</Alert>
        <div className="flex gap-4 text-sm font-medium">
          <Link href="/signin" className="text-indigo-600 hover:underline">
            Sign in
          </Link>
          <Link href="/signup" className="text-indigo-600 hover:underline">
            Sign up again
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {verify.error && <Alert>{errorMessage(verify.error)}</Alert>}
      <p className="text-sm text-slate-600">Confirm that this email address is yours to create your Steward account.</p>
      <Button className="w-full" disabled={verify.isPending} onClick={() => verify.mutate({ token })}>
        {verify.isPending ? "Creating your account…" : "Create my account"}
      </Button>
    </div>
  );
}
