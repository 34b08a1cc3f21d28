"use client";
// The permission matrix of seed 002's "Create user role": a custom role's name, its place
// among the roles, its reach, the resource access grants may give its holders, and its
// permissions grouped by area. What the author's own role lacks is shown but cannot be
// ticked (the server refuses it anyway).
import { useState } from "react";
import { CAPABILITIES, CAPABILITY_LABELS, PERMISSION_AREAS, PERMISSIONS, type Permission } from "@/server/authz";
import { DataForm, DialogActions, FormError } from "../form-parts";
import { fieldErrorsOf } from "../trpc";
import { Field, Input, Select } from "../ui";

export type RoleValues = {
  name: string;
  description: string;
  reach: "ORGANIZATION" | "SUBTREE" | "SELF";
  permissions: string[];
  ceiling: string[];
  placeBelowRoleId: string;
};

export type Author = { reach: "ORGANIZATION" | "SUBTREE" | "SELF"; permissions: string[]; ceiling: string[] };

const REACHES = [
  { value: "ORGANIZATION", label: "The whole organization" },
  { value: "SUBTREE", label: "The holder's home group and its subgroups" },
  { value: "SELF", label: "The holder's own account only" },
] as const;

const catalog = Object.entries(PERMISSIONS) as Array<[Permission, (typeof PERMISSIONS)[Permission]]>;

export function RoleEditor({
  initial,
  roles,
  author,
  submitLabel,
  submitting,
  error,
  onSubmit,
  onCancel,
}: {
  initial: RoleValues;
  /** Where the role may be placed: every other role, highest first. */
  roles: Array<{ id: string; name: string }>;
  author: Author;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: RoleValues) => void;
  onCancel: () => void;
}) {
  const [permissions, setPermissions] = useState<string[]>(initial.permissions);
  const [ceiling, setCeiling] = useState<string[]>(initial.ceiling.includes("view") ? initial.ceiling : ["view", ...initial.ceiling]);
  const fields = fieldErrorsOf(error);
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <DataForm
      onData={(form) =>
        onSubmit({
          name: String(form.get("name") ?? ""),
          description: String(form.get("description") ?? ""),
          reach: String(form.get("reach")) as RoleValues["reach"],
          placeBelowRoleId: String(form.get("placeBelowRoleId") ?? ""),
          permissions,
          ceiling,
        })
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="role-name" error={fields.name?.[0]}>
          <Input id="role-name" name="name" defaultValue={initial.name} required maxLength={60} autoFocus />
        </Field>
        <Field
          label="Place it just below"
          htmlFor="role-below"
          hint="Ranks decide who manages whom: a role manages only roles below it."
          error={fields.placeBelowRoleId?.[0]}
        >
          <Select id="role-below" name="placeBelowRoleId" defaultValue={initial.placeBelowRoleId}>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Description" htmlFor="role-description" error={fields.description?.[0]}>
        <Input id="role-description" name="description" defaultValue={initial.description} maxLength={500} />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Reach</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          {REACHES.map((r) => {
            const wider = (r.value === "ORGANIZATION" && author.reach !== "ORGANIZATION") || (r.value === "SUBTREE" && author.reach === "SELF");
            return (
              <label key={r.value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="reach" value={r.value} defaultChecked={initial.reach === r.value} disabled={wider} className="accent-indigo-600" />
                {r.label}
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Resource access</legend>
        <p className="mb-2 text-xs text-slate-500">
          The most that grants on a resource give its holders: with View only, a holder on a job&apos;s access list sees it but never runs it.
        </p>
        {fields.ceiling?.[0] && <p className="mb-2 text-sm text-rose-600">{fields.ceiling[0]}</p>}
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          {CAPABILITIES.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="accent-indigo-600"
                checked={ceiling.includes(c)}
                disabled={c === "view" || !author.ceiling.includes(c)}
                onChange={(e) => setCeiling((list) => toggle(list, c, e.target.checked))}
              />
              {CAPABILITY_LABELS[c]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">Permissions</legend>
        {fields.permissions?.[0] && <p className="mb-2 text-sm text-rose-600">{fields.permissions[0]}</p>}
        <div className="grid max-h-[45vh] gap-5 overflow-y-auto rounded-md p-3 ring-1 ring-slate-200 md:grid-cols-2">
          {PERMISSION_AREAS.map((area) => (
            <div key={area} role="group" aria-labelledby={`area-${area}`} className="space-y-2">
              <p id={`area-${area}`} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {area}
              </p>
              {catalog
                .filter(([, p]) => p.area === area)
                .map(([key, p]) => {
                  const lacking = !author.permissions.includes(key);
                  return (
                    <label key={key} className="flex items-start gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="mt-0.5 accent-indigo-600"
                        checked={permissions.includes(key)}
                        disabled={lacking}
                        onChange={(e) => setPermissions((list) => toggle(list, key, e.target.checked))}
                      />
                      <span>
                        <span className={lacking ? "text-slate-500" : "text-slate-900"}>{p.label}</span>
                        <span className="block text-xs text-slate-500">
                          {lacking ? "Your role lacks this, so no role you author may hold it." : p.description}
                        </span>
                      </span>
                    </label>
                  );
                })}
            </div>
          ))}
        </div>
      </fieldset>
      <FormError error={error} />
      <DialogActions onCancel={onCancel} submitting={submitting}>
        {submitting ? "Saving…" : submitLabel}
      </DialogActions>
    </DataForm>
  );
}
