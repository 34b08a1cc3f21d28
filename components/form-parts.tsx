// Pieces that several dialogs share: the indented group picker options and the
// Cancel / submit row.
import type { ReactNode } from "react";
import { Button } from "./ui";

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

export function DialogActions({ onCancel, submitting, disabled, variant = "primary", children }: { onCancel: () => void; submitting?: boolean; disabled?: boolean; variant?: "primary" | "danger"; children: ReactNode }) {
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
