import { AppError } from '@rectiflow/common';

/** Why a request was not authenticated; clients use it to decide between "refresh" and "log in again". */
export type UnauthenticatedReason =
  | 'missing_token'
  | 'malformed_token'
  | 'invalid_token'
  | 'expired_token'
  | 'account_inactive'
  | 'invalid_credentials'
  | 'invalid_refresh_token'
  | 'expired_refresh_token'
  | 'refresh_token_reused'
  | 'session_revoked';

/** 401 UNAUTHENTICATED with a machine-readable reason in details.reason. */
export class UnauthenticatedError extends AppError {
  constructor(
    readonly reason: UnauthenticatedReason,
    message: string,
  ) {
    super('UNAUTHENTICATED', message, { reason });
  }
}

/** 403 FORBIDDEN: the caller is known but its role may not do this. Never used to hide another unit's data (404). */
export class ForbiddenError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('FORBIDDEN', message, details);
  }
}
