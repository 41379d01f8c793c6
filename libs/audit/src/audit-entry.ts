import type { AuthUser } from '@rectiflow/auth';

/** Who acted when it is not a signed-in user: e.g. the worker (`{ id: null, name: 'system' }`). */
export interface AuditActor {
  id: number | null;
  name: string;
}

/** One change to record. `payload` is free JSON; keys that look secret (password, token, hash…) are redacted. */
export interface AuditEntry {
  /** The signed-in user, another actor, or null for an anonymous request (e.g. a failed login). */
  actor: AuthUser | AuditActor | null;
  /** Dotted verb, stable and English: 'auth.login', 'user.update', 'rectification.review'. */
  action: string;
  /** What was acted on: 'app_user', 'unit', 'rectification', … */
  entityType: string;
  entityId?: string | number | null;
  /** The client address, from @ClientIp() (honours TRUST_PROXY). */
  ip?: string | null;
  payload?: Record<string, unknown> | null;
}

export interface AuditSearch {
  actorId?: number;
  /** Exact action, or a prefix ending in '.' ('user.' matches 'user.create', 'user.update'). */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** Who did it and from where, handed from a controller to the service that records the change. */
export interface AuditContext {
  actor: AuthUser;
  ip?: string | null;
}
