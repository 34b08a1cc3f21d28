"use client";
// Who may create organizations on this instance, with the labels the server decides by.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ORGANIZATION_CREATION, ORGANIZATION_CREATION_LABELS, type OrganizationCreation } from "@/server/authz";
import { DataForm, FormError } from "../form-parts";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { Alert, Button, Card, Loading } from "../ui";

export function CreationSetting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.instance.settings.queryOptions());
  const [chosen, setChosen] = useState<OrganizationCreation | null>(null);
  const update = useMutation(
    trpc.instance.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        // The saved value at once, so that the choice does not flick back while lists reload.
        queryClient.setQueryData(trpc.instance.settings.queryKey(), saved);
        setChosen(null);
        void refreshQueries(queryClient, trpc.instance.events.pathKey());
      },
    }),
  );
  const saved = settings.data?.organizationCreation;
  const value = chosen ?? saved;

  return (
    <Card>
      {settings.error && <Alert>{errorMessage(settings.error)}</Alert>}
      {settings.isPending && <Loading />}
      {value && (
        <DataForm onData={() => update.mutate({ organizationCreation: value })}>
          <fieldset className="space-y-3">
            <legend className="sr-only">Who may create organizations</legend>
            {ORGANIZATION_CREATION.map((option) => (
              <label key={option} className="flex items-start gap-3 text-sm">
                <input
                  type="radio"
                  name="organizationCreation"
                  value={option}
                  checked={value === option}
                  onChange={() => {
                    setChosen(option);
                    update.reset();
                  }}
                  className="mt-1 accent-indigo-600"
                />
                <span>
                  <span className="font-medium text-slate-900">{ORGANIZATION_CREATION_LABELS[option].label}</span>
                  <span className="block text-slate-500">{ORGANIZATION_CREATION_LABELS[option].description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <p className="text-xs text-slate-500">Operators may always create organizations.</p>
          <FormError error={update.error} />
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={update.isPending || value === saved}>
              Save
            </Button>
            {update.isSuccess && (
              <span role="status" className="text-sm text-emerald-700">
                Saved.
              </span>
            )}
          </div>
        </DataForm>
      )}
    </Card>
  );
}
