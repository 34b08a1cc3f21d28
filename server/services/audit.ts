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
