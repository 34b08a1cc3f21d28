"use client";
// The reports page: a group picker (the groups in the viewer's reach, keyboard-usable as a
// native select), the subtree's figures as tiles and small tables (each with its CSV, built in
// the browser), and the lists behind the figures (report-lists.tsx). The chosen group is kept
// in the address, so a report can be linked and reloaded.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC, type RouterOutputs } from "../trpc";
import { Alert, EmptyState, Select, cx } from "../ui";
import { ReportLists, type ListKey } from "./report-lists";
import { InvitationsTable, RolesTable, SignInTable, TwoFactorTable } from "./summary-tables";

type Group = RouterOutputs["reports"]["groups"][number];
export type Summary = RouterOutputs["reports"]["summary"];

const number = (n: number) => n.toLocaleString("en");

export function ReportsPanel({
  slug,
  groups,
  initialGroupId,
  canOpenMembers,
}: {
  slug: string;
  groups: Group[];
  initialGroupId: string | null;
  canOpenMembers: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [groupId, setGroupId] = useState(initialGroupId);
  const [list, setList] = useState<ListKey>("dormant");
  const summary = useQuery({
    ...trpc.reports.summary.queryOptions({ groupId: groupId ?? "" }),
    enabled: groupId !== null,
    placeholderData: keepPreviousData,
  });

  if (!groupId) {
    return <EmptyState title="No group within your reach">Your role runs reports only on groups it reaches; it reaches none in this organization.</EmptyState>;
  }

  function choose(id: string) {
    setGroupId(id);
    router.replace(`${pathname}?group=${encodeURIComponent(id)}`, { scroll: false });
  }

  const s = summary.data;
  const group = groups.find((g) => g.id === groupId);
  const showList = (key: ListKey) => {
    setList(key);
    document.getElementById("report-lists")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3 rounded-lg bg-white px-5 py-4 shadow-xs ring-1 ring-slate-200">
        <div className="min-w-72 flex-1 space-y-1">
          <label htmlFor="report-group" className="block text-sm font-medium text-slate-700">
            Group
          </label>
          <Select id="report-group" value={groupId} onChange={(e) => choose(e.target.value)} aria-describedby="report-group-hint">
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {"\u00a0\u00a0\u00a0".repeat(g.level)}
                {g.name}
              </option>
            ))}
          </Select>
          <p id="report-group-hint" className="text-xs text-slate-500">
            {group?.label ?? ""} and every group below it. Members you do not see (outside your reach, or ranked at or above you) are never counted.
          </p>
        </div>
        {s && (
          <p className="text-xs text-slate-500">
            As of <time dateTime={s.at.toISOString()}>{s.at.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
          </p>
        )}
      </div>

      {summary.error && <Alert>{errorMessage(summary.error)}</Alert>}
      {!s && !summary.error && <p className="text-sm text-slate-500">Counting…</p>}
      {s && (
        <div className={cx("space-y-6 transition-opacity", summary.isPlaceholderData && "opacity-60")} aria-busy={summary.isPlaceholderData}>
          <section aria-label="Figures" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
            <Tile label="Members" value={s.totals.total} detail={`${number(s.totals.active)} active, ${number(s.totals.disabled)} disabled`} />
            <Tile
              label="Not enrolled in 2FA"
              value={s.twoFactor.coveredNotEnrolled}
              detail="covered by the policy"
              tone={s.twoFactor.coveredNotEnrolled ? "amber" : "slate"}
              onShow={() => showList("notEnrolled")}
            />
            <Tile
              label="Dormant"
              value={s.signIn.dormant}
              detail={`no sign-in for ${s.dormantDays} days`}
              tone={s.signIn.dormant ? "amber" : "slate"}
              onShow={() => showList("dormant")}
            />
            <Tile label="Never signed in" value={s.signIn.never} detail="active accounts" onShow={() => showList("neverSignedIn")} />
            <Tile label="Pending invitations" value={s.invitations.pending} detail="waiting for an answer" onShow={() => showList("pendingInvitations")} />
            <Tile
              label="Expired invitations"
              value={s.invitations.expired}
              detail="never accepted"
              tone={s.invitations.expired ? "rose" : "slate"}
              onShow={() => showList("expiredInvitations")}
            />
          </section>

          <RolesTable slug={slug} summary={s} />
          <div className="grid gap-6 lg:grid-cols-2 2xl:grid-cols-3">
            <TwoFactorTable slug={slug} summary={s} />
            <SignInTable slug={slug} summary={s} />
            <InvitationsTable slug={slug} summary={s} />
          </div>
          <div id="report-lists" className="scroll-mt-6">
            <ReportLists slug={slug} groupId={groupId} summary={s} list={list} onList={setList} canOpenMembers={canOpenMembers} />
          </div>
        </div>
      )}
    </div>
  );
}

const TONES = { slate: "text-slate-900", amber: "text-amber-700", rose: "text-rose-700" };

function Tile({
  label,
  value,
  detail,
  tone = "slate",
  onShow,
}: {
  label: string;
  value: number;
  detail: string;
  tone?: keyof typeof TONES;
  onShow?: () => void;
}) {
  const body = (
    <>
      <span className="block text-xs font-medium text-slate-500">{label}</span>
      <span className={cx("mt-1 block text-2xl font-semibold tabular-nums", TONES[tone])}>{number(value)}</span>
      <span className="mt-0.5 block text-xs text-slate-500">{detail}</span>
    </>
  );
  const frame = "rounded-lg bg-white px-4 py-3 text-left shadow-xs ring-1 ring-slate-200";
  if (!onShow) return <div className={frame}>{body}</div>;
  return (
    <button
      type="button"
      onClick={onShow}
      className={cx(frame, "hover:ring-indigo-300 focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-none")}
      aria-label={`${label}: ${number(value)}, ${detail}. Show the list.`}
    >
      {body}
    </button>
  );
}
