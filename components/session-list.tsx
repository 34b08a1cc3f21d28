"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage, refreshQueries, useTRPC } from "./trpc";
import { Alert, Badge, Button, Loading } from "./ui";

/** A short description of a browser from its user agent. */
export function describeBrowser(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return [browser, system].filter(Boolean).join(" on ") || userAgent.slice(0, 60) || "Unknown browser";
}

export const when = (d: Date) => `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;

export function SessionList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const refresh = () => void refreshQueries(queryClient, trpc.account.sessions.queryKey());
  const end = useMutation(trpc.account.endSession.mutationOptions({ onSuccess: refresh }));
  const endOthers = useMutation(trpc.account.endOtherSessions.mutationOptions({ onSuccess: refresh }));

  if (sessions.isPending) return <Loading />;
  if (sessions.error) return <Alert>{errorMessage(sessions.error)}</Alert>;
  const others = sessions.data.filter((s) => !s.current).length;

  return (
    <div className="space-y-4">
      {(end.error ?? endOthers.error) && <Alert>{errorMessage(end.error ?? endOthers.error)}</Alert>}
      <ul className="divide-y divide-slate-100">
        {sessions.data.map((s) => (
          <li key={s.id} className="flex items-center justify-between gap-3 py-3 text-sm">
            <div>
              <p className="font-medium text-slate-900">
                {describeBrowser(s.userAgent)} {s.current && <Badge tone="green">this browser</Badge>}
              </p>
              <p className="text-xs text-slate-500">
                {s.ip ?? "unknown address"} · signed in {when(s.createdAt)} · last seen {when(s.lastSeenAt)}
              </p>
            </div>
            {!s.current && (
              <Button size="sm" variant="secondary" disabled={end.isPending} onClick={() => end.mutate({ sessionId: s.id })}>
                End
              </Button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <Button variant="danger" disabled={endOthers.isPending} onClick={() => endOthers.mutate()}>
          End {others} other session{others === 1 ? "" : "s"}
        </Button>
      )}
    </div>
  );
}
