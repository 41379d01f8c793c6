import { buildConfig } from './load-config';

const minimal = {
  DATABASE_URL: 'mysql://root@127.0.0.1:3306/rectiflow',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  JWT_SECRET: 'x'.repeat(32),
};

describe('login limits and trusted proxies', () => {
  it('defaults to trusting no proxy and 5 failures / 300 s / 30 per minute', () => {
    const c = buildConfig(minimal);
    expect(c.http.trustProxy).toBe(false);
    expect(c.auth).toMatchObject({
      loginMaxFailures: 5,
      loginLockSeconds: 300,
      loginRateLimitPerMinute: 300,
    });
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses', () => {
    expect(buildConfig({ ...minimal, TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(buildConfig({ ...minimal, TRUST_PROXY: 'loopback,10.0.0.0/8' }).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(() => buildConfig({ ...minimal, TRUST_PROXY: 'a b' })).toThrow('TRUST_PROXY');
    expect(() => buildConfig({ ...minimal, LOGIN_LOCK_SECONDS: '1' })).toThrow('LOGIN_LOCK_SECONDS');
  });
});
