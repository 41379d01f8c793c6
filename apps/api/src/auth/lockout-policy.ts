import type { AppConfig } from '@rectiflow/config';

/**
 * Two layers against password guessing:
 *  - per username + client IP: `maxFailures` failures within `windowSeconds` lock that pair for `lockSeconds`
 *    (kept in Redis, so an unknown username locks exactly like a real one and reveals nothing);
 *  - per account, from any IP: `accountMaxFailures` consecutive failures lock the account for
 *    `accountLockSeconds`, against guessing spread over many addresses. Each further failure while the count is
 *    at or over the threshold locks again; a success or an admin password reset clears it.
 */
export interface LockoutPolicy {
  maxFailures: number;
  lockSeconds: number;
  windowSeconds: number;
  accountMaxFailures: number;
  accountLockSeconds: number;
}

export function lockoutPolicy(auth: AppConfig['auth']): LockoutPolicy {
  return {
    maxFailures: auth.loginMaxFailures,
    lockSeconds: auth.loginLockSeconds,
    windowSeconds: Math.max(15 * 60, auth.loginLockSeconds),
    accountMaxFailures: auth.loginMaxFailures * 4,
    accountLockSeconds: auth.loginLockSeconds * 3,
  };
}

/** The account's counters after one more failed login. */
export function afterAccountFailure(
  failedLogins: number,
  now: Date,
  policy: LockoutPolicy,
): { failedLogins: number; lockedUntil: Date | null } {
  const count = failedLogins + 1;
  return {
    failedLogins: count,
    lockedUntil:
      count >= policy.accountMaxFailures ? new Date(now.getTime() + policy.accountLockSeconds * 1000) : null,
  };
}

/** Whole seconds left until `until` (rounded up), 0 when it has passed or is unset. */
export function secondsUntil(until: Date | null | undefined, now: Date): number {
  if (!until) return 0;
  return Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** The user-facing wait, in minutes once it is a minute or more. */
export function lockoutMessage(seconds: number): string {
  const wait = seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return `登录失败次数过多，请 ${wait}后再试`;
}
