// Resource capabilities (rule 8): the one list, shared by grants, presets and role ceilings.

export const CAPABILITIES = ["view", "run", "edit", "data", "share", "admin"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CAPABILITY_LABELS: Record<Capability, string> = {
  view: "View",
  run: "Run",
  edit: "Edit",
  data: "Data (read and write its files)",
  share: "Share (manage access)",
  admin: "Administer (delete, everything)",
};

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}
