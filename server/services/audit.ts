// Every mutation writes one AuditEvent inside its own transaction (rule 10). The action is a
// key of the catalog (audit-catalog.ts), with the target type the catalog gives it, so that
// every event recorded can be shown in words.
import type { Tx } from "../db";
import type { Prisma } from "../db/generated/client";
import type { AuditAction, AuditTargetOf } from "./audit-catalog";

/** The action and its target type, as one of the catalog's pairs (a union of actions, as
 * `resource.${"run" | "restore"}` gives, type-checks when they share a target type). */
export type AuditTarget = { [A in AuditAction]: { action: A; targetType: AuditTargetOf<A> } }[AuditAction];

type AuditDetails = {
  targetId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

export type AuditEntry = AuditTarget &
  AuditDetails & {
    organizationId: string | null;
    actorUserId: string | null;
    ip?: string | null;
    /** The API token the change came through (none: a session, the CLI or the system). */
    apiTokenId?: string | null;
  };

export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, ip: entry.ip ?? null } });
}

/** An event by the acting member, in their organization, from their request's address. */
export function auditBy(
  tx: Tx,
  actor: { organizationId: string; userId: string; ip?: string | null; tokenId?: string },
  entry: AuditTarget & AuditDetails,
): Promise<void> {
  return audit(tx, { ...entry, organizationId: actor.organizationId, actorUserId: actor.userId, ip: actor.ip ?? null, apiTokenId: actor.tokenId ?? null });
}
