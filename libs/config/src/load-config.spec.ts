import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from './config.error';
import { EnvironmentVariables } from './env.schema';
import { buildConfig } from './load-config';

const minimal = {
  DATABASE_URL: 'mysql://root@127.0.0.1:3306/rectiflow',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  JWT_SECRET: 'x'.repeat(32),
};

describe('configuration', () => {
  it('builds a typed config with defaults from the required variables', () => {
    const c = buildConfig(minimal);
    expect(c.http).toMatchObject({ host: '127.0.0.1', port: 3000, publicBaseUrl: 'http://127.0.0.1:3000' });
    expect(c.temporal).toMatchObject({ namespace: 'default', taskQueue: 'rectiflow', tls: null });
    expect(c.policy).toEqual({
      reminderOffsetsDays: [7, 3, 1],
      escalationOffsetsDays: [1, 8, 15, 30],
      maxExtensions: 2,
    });
    expect(c.limits.importMaxBytes).toBe(20 * 1024 * 1024);
  });

  it('names every missing variable', () => {
    try {
      buildConfig({});
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      for (const v of [
        'DATABASE_URL is missing',
        'REDIS_URL is missing',
        'TEMPORAL_ADDRESS is missing',
        'JWT_SECRET is missing',
      ])
        expect(msg).toContain(v);
    }
  });

  it.each([
    ['DATABASE_URL', 'postgres://x/y', 'DATABASE_URL must look like mysql://'],
    ['API_PORT', 'eighty', 'API_PORT'],
    ['JWT_SECRET', 'short', 'JWT_SECRET must be at least 32 characters'],
    ['ESCALATION_OFFSETS_DAYS', '1,2', 'ESCALATION_OFFSETS_DAYS needs four days'],
    ['TEMPORAL_ADDRESS', 'localhost', 'TEMPORAL_ADDRESS must look like host:7233'],
  ])('rejects a malformed %s with a message naming it', (name, value, expected) => {
    expect(() => buildConfig({ ...minimal, [name]: value })).toThrow(expected);
  });

  it('treats an empty value as not set, so .env.example can list optional variables empty', () => {
    const c = buildConfig({ ...minimal, PUBLIC_BASE_URL: '', SMTP_URL: '', API_PORT: '' });
    expect(c.http.publicBaseUrl).toBe('http://127.0.0.1:3000');
    expect(c.notifications.smtpUrl).toBeUndefined();
    expect(() => buildConfig({ ...minimal, JWT_SECRET: '' })).toThrow('JWT_SECRET is missing');
  });

  it('requires the client certificate and key together for Temporal mTLS', () => {
    expect(() => buildConfig({ ...minimal, TEMPORAL_TLS_CERT_PATH: '/c.pem' })).toThrow(
      'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH',
    );
    expect(buildConfig({ ...minimal, TEMPORAL_TLS: 'true' }).temporal.tls).toEqual({});
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(resolve(__dirname, '../../../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const known = Object.keys(new EnvironmentVariables()).concat([
      'DATABASE_URL',
      'REDIS_URL',
      'TEMPORAL_ADDRESS',
      'JWT_SECRET',
    ]);
    const declared = new Set(
      [
        ...readFileSync(resolve(__dirname, 'env.schema.ts'), 'utf8').matchAll(
          /\b([A-Z][A-Z0-9_]{2,})[!?]?(?::\s*[a-z'"]| = )/g,
        ),
      ].map((m) => m[1]),
    );
    for (const name of new Set([...known, ...declared])) expect(documented).toContain(name);
    for (const name of documented) expect(declared).toContain(name);
  });
});
