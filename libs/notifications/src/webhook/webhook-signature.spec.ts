import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec-test';
  const body = JSON.stringify({ id: 'k.webhook.unit7', title: '【督办通知】…' });
  const now = 1_790_000_000_000;
  const timestamp = String(now / 1000);

  it('is sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">, as documented for receivers', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${expected}`);
    expect(signWebhook(secret, timestamp, Buffer.from(body))).toBe(`sha256=${expected}`);
  });

  it('accepts a fresh request signed with the secret', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature({ secret, body, timestamp, signature, now })).toBe(true);
    expect(
      verifyWebhookSignature({ secret, body: Buffer.from(body), timestamp, signature, now: now + 299_000 }),
    ).toBe(true);
  });

  it.each([
    ['another secret', { secret: 'other' }],
    ['a changed body', { body: body.replace('督办', '约谈') }],
    ['a changed timestamp', { timestamp: String(now / 1000 + 1) }],
    ['a stale timestamp (replay)', { now: now + 301_000 }],
    ['a missing signature', { signature: undefined }],
    ['a missing timestamp', { timestamp: undefined }],
    ['a malformed signature', { signature: 'sha256=zz' }],
  ])('refuses %s', (_what, change) => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature({ secret, body, timestamp, signature, now, ...change })).toBe(false);
  });
});
