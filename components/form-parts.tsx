// Pieces that several dialogs and forms share: the indented group picker options, the
// Cancel / submit row, password fields, the role set choice.
import type { ReactNode } from "react";
import { ROLE_SETS } from "@/server/authz/role-sets";
import { errorMessage, fieldErrorsOf } from "./trpc";
import { Alert, Button, Field, Input, Select } from "./ui";

/** <option>s for groups in tree order, indented by depth. */
export function GroupOptions({ groups, suffix = "" }: { groups: Array<{ id: string; name: string; depth: number }>; suffix?: string }) {
  return groups.map((g) => (
    <option key={g.id} value={g.id}>
      {"\u00a0\u00a0".repeat(g.depth)}
      {g.name}
      {suffix}
    </option>
  ));
}

export function DialogActions({
  onCancel,
  submitting,
  disabled,
  variant = "primary",
  children,
}: {
  onCancel: () => void;
  submitting?: boolean;
  disabled?: boolean;
  variant?: "primary" | "danger";
  children: ReactNode;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} disabled={submitting || disabled}>
        {children}
      </Button>
    </div>
  );
}

/** A new password and its repetition (fields "password" and "confirm"), with the policy as hint. */
export function NewPasswordFields({
  idPrefix,
  label,
  repeatLabel,
  error,
  mismatch,
  autoFocus,
}: {
  idPrefix: string;
  label: string;
  repeatLabel: string;
  error?: string;
  mismatch: boolean;
  autoFocus?: boolean;
}) {
  return (
    <>
      <Field label={label} htmlFor={`${idPrefix}-password`} hint="At least 10 characters; not a common password." error={error}>
        <Input id={`${idPrefix}-password`} name="password" type="password" required autoFocus={autoFocus} autoComplete="new-password" />
      </Field>
      <Field label={repeatLabel} htmlFor={`${idPrefix}-confirm`} error={mismatch ? "The two passwords differ." : null}>
        <Input id={`${idPrefix}-confirm`} name="confirm" type="password" required autoComplete="new-password" />
      </Field>
    </>
  );
}

/** A form that hands its FormData to `onData` (no page reload; the browser's own validation off, the server's messages shown). */
export function DataForm({ onData, className = "space-y-4", children }: { onData: (form: FormData) => void; className?: string; children: ReactNode }) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onData(new FormData(e.currentTarget));
      }}
    >
      {children}
    </form>
  );
}

/** The error of a mutation, unless zod's field messages already show beside the fields. */
export function FormError({ error }: { error: unknown }) {
  if (!error || Object.keys(fieldErrorsOf(error)).length) return null;
  return <Alert>{errorMessage(error)}</Alert>;
}

/** The choice of a seed's role set for a new organization (setup, creating one), sent as `roleSet`. */
export function RoleSetField({ id, error }: { id: string; error?: string }) {
  return (
    <Field
      label="Roles"
      htmlFor={id}
      hint="The twelve ranked roles of Data Admin down to User are always there; a set adds roles you can edit later."
      error={error}
    >
      <Select id={id} name="roleSet" defaultValue="">
        <option value="">The twelve built-in roles only</option>
        {ROLE_SETS.map((s) => (
          <option key={s.key} value={s.key}>
            Also {s.name}: {s.roles.map((r) => r.name).join(", ")}
          </option>
        ))}
      </Select>
    </Field>
  );
}
