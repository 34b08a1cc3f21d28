"use client";
// A new organization owned by the signed-in account: its name, its address (offered from
// the name as it is typed, editable) and optionally one of the seeds' role sets.
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { RoleSetKey } from "@/server/authz";
import { DataForm, RoleSetField } from "./form-parts";
import { errorMessage, fieldErrorsOf, useTRPC } from "./trpc";
import { Alert, Button, Field, Input } from "./ui";
import { useDebounced } from "./use-debounced";

const codeOf = (err: unknown) => (err as { data?: { code?: string } } | null)?.data?.code;

export function CreateOrganizationForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  // null: the address follows the one offered for the name; a string: the person's own.
  const [ownSlug, setOwnSlug] = useState<string | null>(null);
  const typed = useDebounced(name.trim(), 300);
  const suggestion = useQuery({
    ...trpc.instance.suggestSlug.queryOptions({ name: typed }),
    enabled: ownSlug === null && typed.length >= 2,
    placeholderData: keepPreviousData,
  });
  const slug = ownSlug ?? (name.trim().length >= 2 ? (suggestion.data?.slug ?? "") : "");
  const create = useMutation(
    trpc.instance.createOrganization.mutationOptions({
      onSuccess: (created) => {
        router.push(`/o/${created.slug}`);
        router.refresh();
      },
    }),
  );
  const fieldErrors = fieldErrorsOf(create.error);
  const slugError = codeOf(create.error) === "CONFLICT" ? errorMessage(create.error) : fieldErrors.slug?.[0];
  const otherError = create.error && !Object.keys(fieldErrors).length && !slugError ? errorMessage(create.error) : null;

  return (
    <DataForm
      onData={(form) => {
        const roleSet = String(form.get("roleSet") ?? "");
        create.mutate({ name, ...(slug ? { slug } : {}), ...(roleSet ? { roleSet: roleSet as RoleSetKey } : {}) });
      }}
    >
      {otherError && <Alert>{otherError}</Alert>}
      <Field label="Name" htmlFor="org-name" hint="Shown to its members, in the switcher and in emails." error={fieldErrors.name?.[0]}>
        <Input
          id="org-name"
          name="name"
          required
          autoFocus
          maxLength={80}
          placeholder="Acme Inc."
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={fieldErrors.name ? true : undefined}
          aria-describedby={fieldErrors.name ? "org-name-error" : undefined}
        />
      </Field>
      <Field
        label="Address"
        htmlFor="org-slug"
        hint={
          slug
            ? `Members open it at /o/${slug}. Lower-case letters, digits and single hyphens.`
            : "Offered from the name; lower-case letters, digits and single hyphens."
        }
        error={slugError}
      >
        <div className="flex rounded-md bg-white ring-1 ring-inset ring-slate-300 focus-within:ring-2 focus-within:ring-indigo-600">
          <span className="flex select-none items-center pl-3 text-sm text-slate-500" aria-hidden>
            /o/
          </span>
          <Input
            id="org-slug"
            name="slug"
            maxLength={40}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            className="!bg-transparent !pl-0.5 !ring-0"
            value={slug}
            onChange={(e) => setOwnSlug(e.target.value.toLowerCase())}
            aria-invalid={slugError ? true : undefined}
            aria-describedby={slugError ? "org-slug-error" : undefined}
          />
        </div>
      </Field>
      <RoleSetField id="org-role-set" error={fieldErrors.roleSet?.[0]} />
      <Button type="submit" className="w-full" disabled={create.isPending || create.isSuccess}>
        {create.isPending || create.isSuccess ? "Creating…" : "Create organization"}
      </Button>
    </DataForm>
  );
}
