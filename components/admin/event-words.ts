// Instance events in words, for the operators' console: "Alice suspended Acme". The
// events' before/after are the JSON the services audit (server/services/tenants.ts).
import { ORGANIZATION_CREATION_LABELS, type OrganizationCreation } from "@/server/authz";

export type InstanceEventFacts = { action: string; actor: string; before: unknown; after: unknown };

function read(json: unknown, key: string): unknown {
  return json && typeof json === "object" && key in json ? (json as Record<string, unknown>)[key] : undefined;
}
const text = (json: unknown, key: string, fallback: string) => {
  const value = read(json, key);
  return typeof value === "string" && value ? value : fallback;
};
const setting = (json: unknown) => {
  const value = read(json, "organizationCreation");
  return typeof value === "string" && value in ORGANIZATION_CREATION_LABELS
    ? ORGANIZATION_CREATION_LABELS[value as OrganizationCreation].label
    : "an unknown setting";
};

/** The sentence for an event, and a second line with its details when there are any. */
export function describeEvent(event: InstanceEventFacts): { sentence: string; detail: string | null } {
  const who = event.actor === "Command line" ? "The command line" : event.actor;
  const { before, after } = event;
  switch (event.action) {
    case "instance.updateSettings":
      return { sentence: `${who} set who may create organizations to “${setting(after)}”`, detail: `It was “${setting(before)}”` };
    case "instance.operatorAdd":
      return { sentence: `${who} added ${text(after, "email", "an account")} as an operator`, detail: null };
    case "instance.operatorRemove":
      return { sentence: `${who} removed ${text(before, "email", "an account")} as an operator`, detail: null };
    case "organization.suspend": {
      const reason = text(after, "reason", "");
      return { sentence: `${who} suspended ${text(after, "name", "an organization")}`, detail: reason ? `Reason: ${reason}` : "No reason given" };
    }
    case "organization.resume":
      return { sentence: `${who} resumed ${text(after, "name", "an organization")}`, detail: null };
    case "organization.delete": {
      const members = read(before, "members");
      const byOwner = read(after, "deletedBy") === "owner";
      return {
        sentence: `${who}${byOwner ? ", its owner," : ""} deleted ${text(before, "name", "an organization")}`,
        detail: `It was /o/${text(before, "slug", "?")}${typeof members === "number" ? `, with ${members} member${members === 1 ? "" : "s"}` : ""}`,
      };
    }
    default:
      return { sentence: `${who}: ${event.action}`, detail: null };
  }
}
