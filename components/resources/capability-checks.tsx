"use client";
// The capability checkboxes of a custom grant: those the giver holds can be ticked, the others
// are shown greyed (rule 4: never beyond what one holds).
import { CAPABILITIES, CAPABILITY_LABELS, type Capability } from "@/server/authz/resources";

export function CapabilityChecks({ held, value, onChange }: { held: ReadonlySet<string>; value: Capability[]; onChange: (caps: Capability[]) => void }) {
  return (
    <fieldset className="flex flex-wrap gap-4">
      <legend className="sr-only">Capabilities</legend>
      {CAPABILITIES.map((c) => (
        <label key={c} className={`flex items-center gap-2 text-sm ${held.has(c) ? "" : "text-slate-500"}`}>
          <input
            type="checkbox"
            className="accent-indigo-600"
            disabled={!held.has(c)}
            checked={value.includes(c)}
            onChange={(e) => onChange(e.target.checked ? [...value, c] : value.filter((x) => x !== c))}
          />
          {CAPABILITY_LABELS[c]}
        </label>
      ))}
    </fieldset>
  );
}
