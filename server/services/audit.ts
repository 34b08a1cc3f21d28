// Every mutation writes one AuditEvent inside its own transaction (rule 10).
import type { Tx } from "../db";
import type { Prisma } from "../db/generated/client";

export type AuditEntry = {
  organizationId: string | null;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ip?: string | null;
};

export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, ip: entry.ip ?? null } });
}

/** An event by the acting member, in their organization, from their request's address. */
export function auditBy(
  tx: Tx,
  actor: { organizationId: string; userId: string; ip?: string | null },
  entry: Omit<AuditEntry, "organizationId" | "actorUserId" | "ip">,
): Promise<void> {
  return audit(tx, { ...entry, organizationId: actor.organizationId, actorUserId: actor.userId, ip: actor.ip ?? null });
}
