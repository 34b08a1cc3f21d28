"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { NOTIFICATION_EVENT_KEYS, NOTIFICATION_EVENTS } from "@/server/authz/resources";
import { errorMessage, refreshQueries, useTRPC } from "../trpc";
import { Alert, Loading } from "../ui";

const EVENTS = NOTIFICATION_EVENT_KEYS.map((key) => ({ key, ...NOTIFICATION_EVENTS[key] }));

/** Per organization, which resource events email the member. Saved as soon as a box changes. */
export function NotificationSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.account.notifications.queryOptions());
  const save = useMutation(
    trpc.account.setNotifications.mutationOptions({ onSuccess: () => void refreshQueries(queryClient, trpc.account.notifications.queryKey()) }),
  );
  if (prefs.isPending) return <Loading />;
  if (prefs.error) return <Alert>{errorMessage(prefs.error)}</Alert>;
  return (
    <div className="space-y-5">
      {save.error && <Alert>{errorMessage(save.error)}</Alert>}
      {save.isSuccess && <Alert tone="success">Saved.</Alert>}
      {prefs.data.map((p) => (
        <fieldset key={p.organization.slug} className="space-y-2">
          <legend className="mb-1 text-sm font-semibold text-slate-900">{p.organization.name}</legend>
          {EVENTS.map((e) => (
            <label key={e.key} className="flex items-start gap-3 text-sm">
              <input
                type="checkbox"
                className="mt-1 accent-indigo-600"
                checked={p.events.includes(e.key)}
                disabled={save.isPending}
                onChange={(ev) =>
                  save.mutate({ organization: p.organization.slug, events: ev.target.checked ? [...p.events, e.key] : p.events.filter((x) => x !== e.key) })
                }
              />
              <span>
                <span className="font-medium text-slate-900">{e.label}</span>
                <span className="block text-slate-500">{e.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
