"use client";
// The instance's operators: adding one by the email of an existing account, removing one
// (never the last: the server refuses it too).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog } from "../dialog";
import { DataForm, DialogActions, FormError } from "../form-parts";
import { errorMessage, fieldErrorsOf, refreshQueries, type RouterOutputs, useTRPC } from "../trpc";
import { Alert, Badge, Button, Card, Input, Loading, PageButtons } from "../ui";

type Operator = RouterOutputs["instance"]["operators"]["rows"][number];
const PAGE_SIZE = 50;

export function OperatorsCard({ viewerId }: { viewerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const operators = useQuery(trpc.instance.operators.queryOptions({ page, pageSize: PAGE_SIZE }));
  const [removing, setRemoving] = useState<Operator | null>(null);
  const [email, setEmail] = useState("");
  const add = useMutation(
    trpc.instance.addOperator.mutationOptions({
      onSuccess: () => {
        setEmail("");
        void refreshQueries(queryClient, trpc.instance.pathKey());
      },
    }),
  );
  const rows = operators.data?.rows ?? [];
  const total = operators.data?.total ?? 0;
  const last = total === 1;
  const emailError = fieldErrorsOf(add.error).email?.[0] ?? (add.error ? errorMessage(add.error) : null);

  return (
    <Card>
      {operators.error && <Alert>{errorMessage(operators.error)}</Alert>}
      {operators.isPending && <Loading label="Loading operators…" />}
      <ul className="-my-2 divide-y divide-slate-100">
        {rows.map((o) => (
          <li key={o.id} className="flex items-center justify-between gap-3 py-2">
            <div className="min-w-0">
              <p className="truncate text-sm font-medium text-slate-900">
                {o.name} {o.id === viewerId && <Badge tone="indigo">you</Badge>}
              </p>
              <p className="truncate text-xs text-slate-500">
                {o.email} · {o.lastSignInAt ? `last signed in ${o.lastSignInAt.toISOString().slice(0, 10)}` : "never signed in"}
              </p>
            </div>
            <Button
              size="sm"
              variant="ghost"
              disabled={last}
              title={last ? "The last operator cannot be removed: add another first." : undefined}
              aria-label={`Remove ${o.name} as an operator`}
              onClick={() => setRemoving(o)}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <PageButtons page={page} pageSize={PAGE_SIZE} total={total} noun="operators" onPage={setPage} />
      {last && <p className="mt-3 text-xs text-slate-500">The last operator cannot be removed, or nobody could manage this Steward: add another first.</p>}
      <DataForm className="mt-4 border-t border-slate-100 pt-4" onData={() => add.mutate({ email })}>
        <label htmlFor="operator-email" className="block text-sm font-medium text-slate-700">
          Add an operator
        </label>
        <div className="mt-1 flex gap-2">
          <Input
            id="operator-email"
            type="email"
            autoComplete="off"
            placeholder="name@example.com"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              if (add.error) add.reset();
            }}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "operator-email-error" : "operator-email-hint"}
          />
          <Button type="submit" variant="secondary" disabled={add.isPending || !email.trim()}>
            Add
          </Button>
        </div>
        {emailError ? (
          <p id="operator-email-error" className="mt-1 text-xs text-rose-600">
            {emailError}
          </p>
        ) : (
          <p id="operator-email-hint" className="mt-1 text-xs text-slate-500">
            {add.isSuccess ? `${add.data.name} is now an operator.` : "The account must exist already: the person is invited to some organization first."}
          </p>
        )}
      </DataForm>
      <RemoveOperatorDialog operator={removing} self={removing?.id === viewerId} onClose={() => setRemoving(null)} />
    </Card>
  );
}

function RemoveOperatorDialog({ operator, self, onClose }: { operator: Operator | null; self: boolean; onClose: () => void }) {
  return (
    <Dialog open={operator !== null} onClose={onClose} title={operator ? (self ? "Stop being an operator?" : `Remove ${operator.name} as an operator?`) : ""}>
      {operator && <RemoveOperatorForm key={operator.id} operator={operator} self={self} onClose={onClose} />}
    </Dialog>
  );
}

function RemoveOperatorForm({ operator, self, onClose }: { operator: Operator; self: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.instance.removeOperator.mutationOptions({
      onSuccess: () => {
        onClose();
        // Without the role, this console is closed to you: back to your organizations.
        if (self) router.replace("/");
        else void refreshQueries(queryClient, trpc.instance.pathKey());
      },
    }),
  );
  return (
    <DataForm onData={() => remove.mutate({ email: operator.email })}>
      <p className="text-sm text-slate-600">
        {self
          ? "You will no longer see this console or manage the instance. Your memberships in organizations stay as they are."
          : `${operator.name} (${operator.email}) will no longer see this console. Their memberships in organizations stay as they are.`}
      </p>
      <FormError error={remove.error} />
      <DialogActions onCancel={onClose} submitting={remove.isPending} variant="danger">
        Remove
      </DialogActions>
    </DataForm>
  );
}
