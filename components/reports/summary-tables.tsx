"use client";
// A report's small tables: members by role and status, two-factor coverage, last sign-in and
// invitations. Each is whole in the page, so its CSV is built in the browser.
import { createColumnHelper } from "@tanstack/react-table";
import Papa from "papaparse";
import type { ReactNode } from "react";
import { DataTable, useStaticTable } from "../data-table";
import { saveCsv } from "../save-csv";
import { Button, Card, EmptyState } from "../ui";
import type { Summary } from "./reports-panel";

const number = (n: number) => n.toLocaleString("en");
const share = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : "—");
const fileName = (slug: string, s: Summary, what: string) => `${slug}-${s.group.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${what}.csv`;

function CsvButton({ rows, file, label }: { rows: Array<Record<string, string | number>>; file: string; label: string }) {
  return (
    <Button size="sm" variant="secondary" onClick={() => saveCsv(Papa.unparse(rows, { escapeFormulae: true }), file)} aria-label={`Download ${label} as CSV`}>
      CSV
    </Button>
  );
}

// ---- Members by role and status -------------------------------------------------------

type RoleRow = { id: string; role: string; invited: number; active: number; disabled: number; total: number; all?: boolean };
const roleColumn = createColumnHelper<RoleRow>();
const count = (key: "invited" | "active" | "disabled" | "total", header: string) =>
  roleColumn.accessor(key, {
    header,
    cell: ({ row, getValue }) => (
      <span className={row.original.all ? "font-semibold tabular-nums" : getValue() ? "tabular-nums" : "text-slate-500 tabular-nums"}>
        {number(getValue())}
      </span>
    ),
  });
const ROLE_COLUMNS = [
  roleColumn.accessor("role", {
    header: "Role",
    cell: ({ row, getValue }) => <span className={row.original.all ? "font-semibold text-slate-900" : "font-medium text-slate-900"}>{getValue()}</span>,
  }),
  count("active", "Active"),
  count("invited", "Invited"),
  count("disabled", "Disabled"),
  count("total", "Total"),
];

export function RolesTable({ slug, summary: s }: { slug: string; summary: Summary }) {
  const rows: RoleRow[] = [...s.byRole.map((r) => ({ ...r, id: r.roleId })), { id: "all", role: "All roles", ...s.totals, all: true }];
  const table = useStaticTable({ rows: s.byRole.length ? rows : [], columns: ROLE_COLUMNS });
  return (
    <Card
      title="Members by role and status"
      actions={
        <CsvButton
          label="members by role and status"
          file={fileName(slug, s, "members-by-role")}
          rows={rows.map((r) => ({ role: r.role, active: r.active, invited: r.invited, disabled: r.disabled, total: r.total }))}
        />
      }
    >
      <DataTable
        label="Members by role and status"
        table={table}
        loading={false}
        loadingText=""
        empty={<EmptyState title="Nobody you see is at home here" />}
      />
    </Card>
  );
}

// ---- Two-factor, sign-ins, invitations: label, count, share -----------------------------

type Line = { id: string; label: ReactNode; text: string; value: number; tone?: "amber" | "rose" };
const lineColumn = createColumnHelper<Line>();
const BAR = { amber: "bg-amber-500", rose: "bg-rose-500", none: "bg-indigo-500" };

function Breakdown({
  title,
  heading,
  intro,
  lines,
  of,
  file,
  slug,
  summary,
}: {
  title: string;
  heading: string;
  intro: ReactNode;
  lines: Line[];
  of: number;
  file: string;
  slug: string;
  summary: Summary;
}) {
  const columns = [
    lineColumn.accessor("label", { header: heading, cell: ({ getValue }) => <span className="whitespace-nowrap text-slate-700">{getValue()}</span> }),
    lineColumn.accessor("value", {
      header: "Members",
      cell: ({ row, getValue }) => (
        <span className="flex items-center gap-2">
          <span className="w-16 text-right font-medium tabular-nums text-slate-900">{number(getValue())}</span>
          <span className="h-1.5 w-12 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <span className={`block h-full ${BAR[row.original.tone ?? "none"]}`} style={{ width: of ? `${(100 * getValue()) / of}%` : 0 }} />
          </span>
          <span className="w-9 text-right text-xs text-slate-500 tabular-nums">{share(getValue(), of)}</span>
        </span>
      ),
    }),
  ];
  const table = useStaticTable({ rows: lines, columns });
  return (
    <Card
      title={title}
      actions={
        <CsvButton
          label={title.toLowerCase()}
          file={fileName(slug, summary, file)}
          rows={lines.map((l) => ({ [title.toLowerCase()]: l.text, members: l.value }))}
        />
      }
    >
      <p className="mb-3 text-sm text-slate-600">{intro}</p>
      <DataTable label={title} table={table} loading={false} loadingText="" empty={null} />
    </Card>
  );
}

export function TwoFactorTable({ slug, summary: s }: { slug: string; summary: Summary }) {
  const t = s.twoFactor;
  return (
    <Breakdown
      title="Two-factor sign-in"
      heading="Coverage"
      intro="Active members, and whether the policy of their home group (or of a group above it) requires two-factor sign-in of them."
      of={t.coveredEnrolled + t.coveredNotEnrolled + t.notCovered}
      file="two-factor"
      slug={slug}
      summary={s}
      lines={[
        { id: "enrolled", label: "Covered, enrolled", text: "covered, enrolled", value: t.coveredEnrolled },
        { id: "missing", label: "Covered, not enrolled", text: "covered, not enrolled", value: t.coveredNotEnrolled, tone: "amber" },
        { id: "free", label: "Not covered", text: "not covered", value: t.notCovered },
      ]}
    />
  );
}

export function SignInTable({ slug, summary: s }: { slug: string; summary: Summary }) {
  const i = s.signIn;
  return (
    <Breakdown
      title="Last sign-in"
      heading="When"
      intro={`Active members, by their last sign-in. Dormant: none for ${s.dormantDays} days.`}
      of={i.within7 + i.within30 + i.within90 + i.dormant + i.never}
      file="last-sign-in"
      slug={slug}
      summary={s}
      lines={[
        { id: "7", label: "In the last 7 days", text: "last 7 days", value: i.within7 },
        { id: "30", label: "8 to 30 days ago", text: "8-30 days ago", value: i.within30 },
        { id: "90", label: `31 to ${s.dormantDays} days ago`, text: `31-${s.dormantDays} days ago`, value: i.within90 },
        { id: "dormant", label: `Dormant (over ${s.dormantDays} days)`, text: `dormant (over ${s.dormantDays} days)`, value: i.dormant, tone: "amber" },
        { id: "never", label: "Never signed in", text: "never", value: i.never },
      ]}
    />
  );
}

export function InvitationsTable({ slug, summary: s }: { slug: string; summary: Summary }) {
  const v = s.invitations;
  return (
    <Breakdown
      title="Invitations"
      heading="State"
      intro="Invitations not yet accepted or revoked, to a group of this subtree, for people you would see once they join."
      of={v.pending + v.expired}
      file="invitations"
      slug={slug}
      summary={s}
      lines={[
        { id: "pending", label: "Pending", text: "pending", value: v.pending },
        { id: "expired", label: "Expired", text: "expired", value: v.expired, tone: "rose" },
      ]}
    />
  );
}
