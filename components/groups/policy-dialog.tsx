"use client";
// A group's policy: for each setting, what the group sets itself, what it inherits and the
// effective result with the group it comes from. Holders of "Manage policies" edit the
// group's own settings; an empty field inherits. The server refuses any loosening.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { DEFAULT_POLICY, describeSetting, POLICY_BOUNDS, POLICY_KEYS, POLICY_LABELS, type PolicyKey, type PolicySettings } from "@/server/authz/policies";
import type { AppRouter } from "@/server/trpc/root";
import { Dialog } from "../dialog";
import { DataForm, DialogActions, FormError } from "../form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, useTRPC } from "../trpc";
import { Alert, Button, Field, Input, Loading, Select } from "../ui";

type Policy = inferRouterOutputs<AppRouter>["groups"]["policy"];

const TWO_FACTOR_CHOICES = [
  { value: "OFF", label: "Optional" },
  { value: "ADMINS", label: "Required for administrative roles" },
  { value: "EVERYONE", label: "Required for everyone" },
] as const;

const HINTS: Record<PolicyKey, string> = {
  twoFactor: "Members it covers set up two-factor sign-in before they can use the organization.",
  minPasswordLength: `From ${POLICY_BOUNDS.minPasswordLength.min} to ${POLICY_BOUNDS.minPasswordLength.max} characters. A shorter password must be changed at the next sign-in.`,
  sessionLifetimeHours: `From ${POLICY_BOUNDS.sessionLifetimeHours.min} to ${POLICY_BOUNDS.sessionLifetimeHours.max} hours after signing in, however active; empty: only the idle limit.`,
  invitationTtlDays: `From ${POLICY_BOUNDS.invitationTtlDays.min} to ${POLICY_BOUNDS.invitationTtlDays.max} days, for invitations sent or resent from now on.`,
  allowedEmailDomains: "Separated by commas, such as example.com, example.org. Other addresses cannot be invited, created or imported here.",
  tokenLifetimeDays:
    "The longest members may choose for a new API token; a token older than this stops working. “No limit” also allows tokens that never expire.",
};

const TOKEN_LIFETIMES = [7, 30, 90, 180, 365];
const tokenLifetimeText = (days: number) => (days === 0 ? "No limit (may never expire)" : `${days} days`);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sourceText(policy: Policy, key: PolicyKey): string {
  const source = policy.effective.sources[key];
  if (!source) return "default";
  return source.groupId === policy.group.id ? "set here" : `from ${source.groupName}`;
}

/** The form's values as the API takes them: an empty field inherits. */
function readSettings(form: FormData): PolicySettings {
  const text = (key: string) => String(form.get(key) ?? "").trim();
  const number = (key: string) => (text(key) ? Number(text(key)) : null);
  const domains = text("allowedEmailDomains")
    .split(/[\s,;]+/)
    .filter(Boolean);
  return {
    twoFactor: (text("twoFactor") || null) as PolicySettings["twoFactor"],
    minPasswordLength: number("minPasswordLength"),
    sessionLifetimeHours: number("sessionLifetimeHours"),
    invitationTtlDays: number("invitationTtlDays"),
    allowedEmailDomains: domains.length ? domains : null,
    tokenLifetimeDays: number("tokenLifetimeDays"),
  };
}

export function PolicyDialog({ groupId, onClose }: { groupId: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policy = useQuery({ ...trpc.groups.policy.queryOptions({ groupId: groupId ?? "" }), enabled: groupId !== null });
  const save = useMutation(
    trpc.groups.setPolicy.mutationOptions({
      onSuccess: () => {
        void refreshQueries(queryClient, trpc.groups.pathKey());
        close();
      },
    }),
  );
  function close() {
    save.reset();
    onClose();
  }
  const p = policy.data;
  const fieldErrors = fieldErrorsOf(save.error);
  return (
    <Dialog open={groupId !== null} onClose={close} title={p ? `Policy of ${p.group.name}` : "Policy"} wide>
      {policy.isPending && <Loading />}
      {policy.error && <Alert>{errorMessage(policy.error)}</Alert>}
      {p && (
        <DataForm onData={(form) => save.mutate({ groupId: p.group.id, settings: readSettings(form) })}>
          <p className="text-sm text-slate-600">
            {p.group.isRoot
              ? `The organization-wide policy: it applies to every member. Subgroups may tighten it, never loosen it.`
              : `It applies to ${p.group.name} and every group below it. A setting left empty inherits; a setting may only be stricter than what ${p.group.name} inherits.`}
          </p>
          <table className="w-full text-sm">
            <caption className="sr-only">Effective policy of {p.group.name}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Setting
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  In effect here
                </th>
                <th scope="col" className="py-2 font-medium">
                  Comes from
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {POLICY_KEYS.map((key) => (
                <tr key={key}>
                  <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-900">
                    {POLICY_LABELS[key]}
                  </th>
                  <td className="py-2 pr-3 text-slate-700">{capitalize(describeSetting(key, p.effective.values[key]))}</td>
                  <td className="py-2 text-slate-500">{sourceText(p, key)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.canManage ? (
            <fieldset className="space-y-4 border-t border-slate-200 pt-4">
              <legend className="sr-only">Settings of {p.group.name}</legend>
              <h3 className="text-sm font-semibold text-slate-900">Set in {p.group.name}</h3>
              <Field label={POLICY_LABELS.twoFactor} htmlFor="policy-twoFactor" hint={HINTS.twoFactor} error={fieldErrors.twoFactor?.[0]}>
                <Select id="policy-twoFactor" name="twoFactor" defaultValue={p.own.twoFactor ?? ""}>
                  <option value="">{p.group.isRoot ? "Default (optional)" : `Inherit (${describeSetting("twoFactor", p.inherited!.values.twoFactor)})`}</option>
                  {TWO_FACTOR_CHOICES.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className="grid gap-4 sm:grid-cols-3">
                {(["minPasswordLength", "sessionLifetimeHours", "invitationTtlDays"] as const).map((key) => (
                  <Field key={key} label={POLICY_LABELS[key]} htmlFor={`policy-${key}`} error={fieldErrors[key]?.[0]}>
                    <Input
                      id={`policy-${key}`}
                      name={key}
                      type="number"
                      inputMode="numeric"
                      min={POLICY_BOUNDS[key].min}
                      max={POLICY_BOUNDS[key].max}
                      defaultValue={p.own[key] ?? ""}
                      placeholder={inheritedPlaceholder(p, key)}
                      aria-describedby={`policy-${key}-hint`}
                    />
                    <span id={`policy-${key}-hint`} className="mt-1 block text-xs text-slate-500">
                      {HINTS[key]}
                    </span>
                  </Field>
                ))}
              </div>
              <Field
                label={POLICY_LABELS.allowedEmailDomains}
                htmlFor="policy-allowedEmailDomains"
                hint={HINTS.allowedEmailDomains}
                error={fieldErrors.allowedEmailDomains?.[0]}
              >
                <Input
                  id="policy-allowedEmailDomains"
                  name="allowedEmailDomains"
                  defaultValue={p.own.allowedEmailDomains?.join(", ") ?? ""}
                  placeholder={p.group.isRoot ? "Any domain" : `Inherit: ${p.inherited!.values.allowedEmailDomains?.join(", ") ?? "any domain"}`}
                />
              </Field>
              <Field
                label={POLICY_LABELS.tokenLifetimeDays}
                htmlFor="policy-tokenLifetimeDays"
                hint={HINTS.tokenLifetimeDays}
                error={fieldErrors.tokenLifetimeDays?.[0]}
              >
                <Select id="policy-tokenLifetimeDays" name="tokenLifetimeDays" defaultValue={p.own.tokenLifetimeDays ?? ""}>
                  <option value="">
                    {p.group.isRoot
                      ? `Default (${tokenLifetimeText(DEFAULT_POLICY.tokenLifetimeDays)})`
                      : `Inherit (${tokenLifetimeText(p.inherited!.values.tokenLifetimeDays)})`}
                  </option>
                  {[...new Set([...TOKEN_LIFETIMES, ...(p.own.tokenLifetimeDays ? [p.own.tokenLifetimeDays] : [])])]
                    .sort((a, b) => a - b)
                    .map((days) => (
                      <option key={days} value={days}>
                        {tokenLifetimeText(days)}
                      </option>
                    ))}
                  <option value={0}>{tokenLifetimeText(0)}</option>
                </Select>
              </Field>
              <FormError error={save.error} />
              <DialogActions onCancel={close} submitting={save.isPending}>
                Save policy
              </DialogActions>
            </fieldset>
          ) : (
            <div className="flex justify-end">
              <Button variant="secondary" onClick={close}>
                Close
              </Button>
            </div>
          )}
        </DataForm>
      )}
    </Dialog>
  );
}

function inheritedPlaceholder(p: Policy, key: "minPasswordLength" | "sessionLifetimeHours" | "invitationTtlDays"): string {
  const from = p.group.isRoot ? null : p.inherited!.values[key];
  if (p.group.isRoot) return DEFAULT_POLICY[key] === null ? "No limit" : `Default: ${DEFAULT_POLICY[key]}`;
  return from === null ? "Inherit: no limit" : `Inherit: ${from}`;
}
