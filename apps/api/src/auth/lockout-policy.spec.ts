import { afterAccountFailure, lockoutMessage, lockoutPolicy, secondsUntil } from './lockout-policy';

const auth = {
  jwtSecret: 'x'.repeat(32),
  accessTtlSeconds: 900,
  refreshTtlSeconds: 86400,
  loginMaxFailures: 5,
  loginLockSeconds: 300,
  loginRateLimitPerMinute: 30,
  loginUsernameRateLimitPerMinute: 10,
};

describe('lockout policy', () => {
  const policy = lockoutPolicy(auth);
  const now = new Date('2025-03-01T08:00:00.000Z');

  it('derives the per-pair window and the account layer from the two settings', () => {
    expect(policy).toEqual({
      maxFailures: 5,
      lockSeconds: 300,
      windowSeconds: 900,
      accountMaxFailures: 20,
      accountLockSeconds: 900,
    });
    expect(lockoutPolicy({ ...auth, loginLockSeconds: 3600 }).windowSeconds).toBe(3600);
  });

  it('locks the account on the 20th consecutive failure and on every one after it', () => {
    expect(afterAccountFailure(0, now, policy)).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(afterAccountFailure(18, now, policy)).toEqual({ failedLogins: 19, lockedUntil: null });
    expect(afterAccountFailure(19, now, policy)).toEqual({
      failedLogins: 20,
      lockedUntil: new Date('2025-03-01T08:15:00.000Z'),
    });
    expect(afterAccountFailure(25, now, policy).lockedUntil).toEqual(new Date('2025-03-01T08:15:00.000Z'));
  });

  it('counts the wait in whole seconds, rounded up, never negative', () => {
    expect(secondsUntil(null, now)).toBe(0);
    expect(secondsUntil(undefined, now)).toBe(0);
    expect(secondsUntil(new Date(now.getTime() - 1), now)).toBe(0);
    expect(secondsUntil(now, now)).toBe(0);
    expect(secondsUntil(new Date(now.getTime() + 1), now)).toBe(1);
    expect(secondsUntil(new Date(now.getTime() + 299_001), now)).toBe(300);
  });

  it('tells the user how long to wait, in minutes from one minute up', () => {
    expect(lockoutMessage(45)).toBe('登录失败次数过多，请 45 秒后再试');
    expect(lockoutMessage(60)).toBe('登录失败次数过多，请 1 分钟后再试');
    expect(lockoutMessage(299)).toBe('登录失败次数过多，请 5 分钟后再试');
  });
});
