"use client";
// What only the owner does to the organization itself: give it a new address, delete it.
// Others see the address and who may change it.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog } from "./dialog";
import { errorMessage, useTRPC } from "./trpc";
import { Alert, Button, Card, Field, Input } from "./ui";

type Props = { name: string; slug: string; isOwner: boolean; ownerUsesTwoFactor: boolean };

export function OrganizationOwnerCards(props: Props) {
  return (
    <div className="mt-8 max-w-2xl space-y-6">
      <AddressCard {...props} />
      {props.isOwner && <DeleteCard {...props} />}
    </div>
  );
}

function AddressCard({ slug, isOwner }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(slug);
  const change = useMutation(trpc.organization.changeAddress.mutationOptions({ onSuccess: (r) => router.push(`/o/${r.slug}/settings`) }));
  return (
    <Card title="Address">
      {isOwner ? (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ slug: value });
          }}
        >
          <Field
            label="Address of the console"
            htmlFor="org-slug"
            error={change.error ? errorMessage(change.error) : null}
            hint="Lower-case letters, digits and hyphens. Members' old links keep working: they lead to the new address."
          >
            <div className="flex items-center gap-1 text-sm text-slate-500">
              <span aria-hidden>/o/</span>
              <Input id="org-slug" value={value} onChange={(e) => setValue(e.target.value)} required minLength={2} maxLength={40} className="!w-64" />
            </div>
          </Field>
          <Button type="submit" variant="secondary" disabled={change.isPending || value.trim() === slug}>
            Change address
          </Button>
        </form>
      ) : (
        <p className="text-sm text-slate-600">
          The console lives at <code className="rounded bg-slate-100 px-1">/o/{slug}</code>. Only the organization&apos;s owner may change its address.
        </p>
      )}
    </Card>
  );
}

function DeleteCard({ name, ownerUsesTwoFactor }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [confirmName, setConfirmName] = useState("");
  const remove = useMutation(trpc.organization.delete.mutationOptions({ onSuccess: () => router.replace("/") }));
  return (
    <Card title="Delete organization">
      <p className="mb-3 text-sm text-slate-600">
        Deletes {name} and everything in it: members&apos; places, groups, teams, roles, resources and their access lists, invitations and the audit log. People
        keep their accounts. This cannot be undone.
      </p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete {name}…
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete ${name}?`}>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            remove.mutate({ confirmName, password: String(f.get("password")), code: ownerUsesTwoFactor ? String(f.get("code")) : undefined });
          }}
        >
          {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
          <Field label={`Type “${name}” to confirm`} htmlFor="delete-org-name">
            <Input id="delete-org-name" value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" required />
          </Field>
          <Field label="Your password" htmlFor="delete-org-password">
            <Input id="delete-org-password" name="password" type="password" autoComplete="current-password" required />
          </Field>
          {ownerUsesTwoFactor && (
            <Field label="Code from your authenticator (or a recovery code)" htmlFor="delete-org-code">
              <Input id="delete-org-code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
            </Field>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={remove.isPending || confirmName.trim() !== name}>
              Delete organization
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}
