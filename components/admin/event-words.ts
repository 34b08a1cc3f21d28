// Instance events in words, for the operators' console: "Alice suspended Acme". The words are
// the audit catalog's (server/services/audit-catalog.ts), as in every organization's log.
import { describeAuditEvent } from "@/server/services/audit-catalog";

export type InstanceEventFacts = { action: string; actor: string; before: unknown; after: unknown; targetType?: string; targetId?: string };

/** The sentence for an event, and a second line with its details when there are any. */
export function describeEvent(event: InstanceEventFacts): { sentence: string; detail: string | null } {
  const actor = event.actor === "Command line" ? "the command line" : event.actor;
  const { sentence, note } = describeAuditEvent(event.action, event.targetType ?? "", {
    actor,
    targetId: event.targetId ?? "",
    before: event.before,
    after: event.after,
  });
  return { sentence, detail: note };
}
