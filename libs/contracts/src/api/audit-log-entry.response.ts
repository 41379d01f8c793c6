import type { Page } from './page.response';

/** One line of the audit trail (GET /audit-log, newest first); secrets in `payload` are redacted. */
export interface AuditLogEntry {
  /** BIGINT, as a string */
  id: string;
  actorId: number | null;
  /** username, or 'anonymous' / 'system' */
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  payload: Record<string, unknown> | null;
  /** ISO 8601 */
  createdAt: string;
}

/** GET /audit-log */
export type AuditLogPage = Page<AuditLogEntry>;
