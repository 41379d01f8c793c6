import { auditPayload, MAX_PAYLOAD_CHARS, redactSecrets } from './redact-secrets';

describe('audit payload hygiene', () => {
  it('redacts secret-looking keys at any depth and keeps the rest', () => {
    expect(
      redactSecrets({
        username: 'zhangsan',
        password: 'p',
        newPassword: 'p',
        refreshToken: 't',
        passwordHash: 'h',
        nested: {
          clientSecret: 's',
          list: [{ accessToken: 't', ok: 1 }],
          headers: { Authorization: 'Bearer x' },
        },
        when: new Date('2025-01-02T03:04:05.000Z'),
      }),
    ).toEqual({
      username: 'zhangsan',
      password: '[redacted]',
      newPassword: '[redacted]',
      refreshToken: '[redacted]',
      passwordHash: '[redacted]',
      nested: {
        clientSecret: '[redacted]',
        list: [{ accessToken: '[redacted]', ok: 1 }],
        headers: { Authorization: '[redacted]' },
      },
      when: '2025-01-02T03:04:05.000Z',
    });
  });

  it('cuts off deep nesting and oversized payloads', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };
    expect(JSON.stringify(redactSecrets(deep))).toContain('[truncated]');
    const big = auditPayload({ text: 'x'.repeat(MAX_PAYLOAD_CHARS * 2) });
    expect(big).toMatchObject({ truncated: true });
    expect(String(big?.preview)).toHaveLength(MAX_PAYLOAD_CHARS);
    expect(auditPayload(null)).toBeNull();
    expect(auditPayload({ a: 1 })).toEqual({ a: 1 });
  });
});
