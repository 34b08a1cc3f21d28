"use client";
import { useState } from "react";
import { Alert, Button } from "../ui";

/** A password shown exactly once, with a copy button and the warning that goes with it.
 * `newMember`: also say what happens to someone who already uses Steward elsewhere (the
 * dialog must not tell the two apart, see createMember). */
export function OneTimePassword({ email, password, newMember = false }: { email: string; password: string; newMember?: boolean }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <Alert tone="info">
        Give this one-time password to {email} through a channel you trust. It is shown only now: once you close this dialog it cannot be seen again. They must
        choose their own password when they first sign in.
        {newMember && " If they already use Steward in another organization, they keep signing in with their own password, and this one does nothing."}
      </Alert>
      <div className="flex items-center gap-2">
        <code data-testid="one-time-password" className="flex-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm text-slate-900 select-all">
          {password}
        </code>
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(password).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
