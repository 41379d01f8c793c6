import type { AuditLogEntry } from '@rectiflow/contracts';
import type { AuditLogEntity } from '@rectiflow/persistence';

/** An audit row as the route answers it: the contract's fields, so a new column is not leaked. */
export function toAuditLogEntry(a: AuditLogEntity): AuditLogEntry {
  return {
    id: a.id,
    actorId: a.actorId,
    actorName: a.actorName,
    action: a.action,
    entityType: a.entityType,
    entityId: a.entityId,
    ip: a.ip,
    payload: a.payload,
    createdAt: a.createdAt.toISOString(),
  };
}
