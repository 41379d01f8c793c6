import { ErrorCode } from './error-code';

/**
 * A failure the caller can act on. `code` decides the HTTP status (see ERROR_HTTP_STATUS);
 * `reason` is a finer, stable machine-readable tag (e.g. the import error code).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id?: string | number) {
    super(
      'NOT_FOUND',
      id === undefined ? `${what}不存在` : `${what} ${id} 不存在`,
      id === undefined ? undefined : { id },
    );
  }
}

export class TransitionNotAllowedError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('TRANSITION_NOT_ALLOWED', message, details);
  }
}

export class DependencyUnavailableError extends AppError {
  constructor(
    readonly dependency: 'mysql' | 'redis' | 'temporal' | 'storage',
    cause?: unknown,
  ) {
    super('DEPENDENCY_UNAVAILABLE', `依赖服务不可用: ${dependency}`, {
      dependency,
      cause: cause instanceof Error ? cause.message : undefined,
    });
  }
}
