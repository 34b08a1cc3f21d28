"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormError } from "./form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, useTRPC } from "./trpc";
import { Alert, Badge, Button, Field, Input, Loading } from "./ui";

function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <Alert tone="info">Keep these recovery codes somewhere safe. Each signs you in once if you lose your authenticator. They are shown only now.</Alert>
      <ul className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-3 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(codes.join("\n")).then(() => setCopied(true))}>
        {copied ? "Copied" : "Copy codes"}
      </Button>
    </div>
  );
}

export function TwoFactorSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.account.twoFactor.queryOptions());
  const refresh = () => void refreshQueries(queryClient, trpc.account.twoFactor.queryKey());
  const begin = useMutation(trpc.account.beginTwoFactor.mutationOptions());
  const confirm = useMutation(trpc.account.confirmTwoFactor.mutationOptions({ onSuccess: refresh }));
  const regenerate = useMutation(trpc.account.regenerateRecoveryCodes.mutationOptions({ onSuccess: refresh }));

  if (status.isPending) return <Loading />;
  if (status.error) return <Alert>{errorMessage(status.error)}</Alert>;
  const codes = confirm.data?.recoveryCodes ?? regenerate.data?.recoveryCodes;
  if (codes) return <RecoveryCodes codes={codes} />;

  if (status.data.enabled) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          <Badge tone="green">on</Badge> since {status.data.enabledAt?.toISOString().slice(0, 10)}. {status.data.recoveryCodesLeft} recovery code
          {status.data.recoveryCodesLeft === 1 ? "" : "s"} left.
        </p>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            regenerate.mutate({ code: String(new FormData(e.currentTarget).get("code")) });
          }}
        >
          <FormError error={regenerate.error} />
          <Field label="Current code" htmlFor="regen-code" hint="New recovery codes replace the old ones." error={fieldErrorsOf(regenerate.error).code?.[0]}>
            <Input id="regen-code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
          </Field>
          <Button type="submit" variant="secondary" disabled={regenerate.isPending}>
            New recovery codes
          </Button>
        </form>
      </div>
    );
  }

  if (!begin.data) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          <Badge tone="amber">off</Badge> Protect your account with a code from an authenticator app (1Password, Google Authenticator, Aegis…).
        </p>
        {begin.error && <Alert>{errorMessage(begin.error)}</Alert>}
        <Button onClick={() => begin.mutate()} disabled={begin.isPending}>
          Set up two-factor sign-in
        </Button>
      </div>
    );
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate({ code: String(new FormData(e.currentTarget).get("code")) });
      }}
    >
      <p className="text-sm text-slate-700">Scan this code with your authenticator app, or enter the key by hand.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing for next/image to optimize */}
      <img src={begin.data.qrDataUrl} alt="QR code for your authenticator app" width={220} height={220} className="mx-auto rounded-md ring-1 ring-slate-200" />
      <code data-testid="totp-secret" className="block break-all rounded-md bg-slate-100 px-3 py-2 text-center font-mono text-sm select-all">
        {begin.data.secret}
      </code>
      <FormError error={confirm.error} />
      <Field label="Code from the app" htmlFor="totp-code" error={fieldErrorsOf(confirm.error).code?.[0]}>
        <Input id="totp-code" name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus />
      </Field>
      <Button type="submit" className="w-full" disabled={confirm.isPending}>
        Turn on
      </Button>
    </form>
  );
}
