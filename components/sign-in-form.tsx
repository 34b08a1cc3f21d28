"use client";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SECOND_FACTOR_INVALID, SECOND_FACTOR_REQUIRED, SIGN_IN_LOCKED, SIGN_IN_UNAVAILABLE } from "@/server/auth/sign-in-errors";
import { Alert, Button, Field, Input, TextLink } from "./ui";

/** The wait the sign-in limit actually applies, in words: seconds under a minute. */
function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function SignInForm({ next, email, notice, signUpOpen = false }: { next: string; email?: string; notice?: string; signUpOpen?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), code: form.get("code") ?? "", redirect: false });
    if (!result || result.error) {
      setPending(false);
      if (result?.error === SECOND_FACTOR_REQUIRED) {
        setNeedsCode(true);
        setError(null);
      } else if (result?.error?.startsWith(SIGN_IN_LOCKED)) {
        const retryAt = new Date(result.error.slice(SIGN_IN_LOCKED.length + 1));
        setError(`Too many attempts. Try again in ${waitInWords(retryAt.getTime() - Date.now())}.`);
      } else if (result?.error === SIGN_IN_UNAVAILABLE) {
        setError("Sign-in is unavailable for a moment. Try again in a few seconds.");
      } else if (result?.error === SECOND_FACTOR_INVALID) {
        setError("That code is not right, or was already used. Enter the current code from your app, or a recovery code.");
      } else if (result?.error && result.error !== "CredentialsSignin") {
        setError("Something went wrong on our side. Try again; if it keeps happening, tell your administrator.");
      } else {
        setNeedsCode(false);
        setError("That email or username and password do not match an active account.");
      }
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4">
      {notice && !error && <Alert tone="success">{notice}</Alert>}
      {error && <Alert>{error}</Alert>}
      <Field label="Email or username" htmlFor="email">
        <Input id="email" name="email" required autoFocus={!email} defaultValue={email} autoComplete="username" />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" required autoFocus={!!email} autoComplete="current-password" />
      </Field>
      {needsCode && (
        <Field label="Authentication code" htmlFor="code" hint="The 6-digit code from your authenticator app, or a recovery code.">
          <Input id="code" name="code" required autoFocus inputMode="numeric" autoComplete="one-time-code" />
        </Field>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-indigo-600 hover:underline">
          Forgot your password?
        </Link>
      </p>
      {signUpOpen && (
        <p className="text-center text-sm text-slate-600">
          New here? <TextLink href="/signup">Create an account</TextLink>
        </p>
      )}
    </form>
  );
}
