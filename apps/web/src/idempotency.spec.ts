import { webcrypto } from 'node:crypto';
import { ApiError, NetworkError } from '../public/assets/errors.js';
import { createKeyStore, fingerprintOf, outcomeUnknown, uuid } from '../public/assets/idempotency.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Idempotency-Key per user action', () => {
  it('makes v4 UUIDs, also where randomUUID is missing (plain-http pages are not a secure context)', () => {
    expect(uuid()).toMatch(V4);
    const insecure = {
      getRandomValues: <T extends ArrayBufferView>(a: T) => webcrypto.getRandomValues(a as never) as T,
    };
    const keys = new Set(Array.from({ length: 50 }, () => uuid(insecure)));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(V4);
  });

  it('reuses the key when the same submission is retried after a network error or a 5xx', () => {
    let n = 0;
    const store = createKeyStore(() => `key-${++n}`);
    const body = fingerprintOf({ comment: '收到' });
    const first = store.keyFor('r-1:acknowledge', body);
    store.settle('r-1:acknowledge', new NetworkError());
    expect(store.keyFor('r-1:acknowledge', body)).toBe(first);
    store.settle(
      'r-1:acknowledge',
      new ApiError(503, { error: { code: 'DEPENDENCY_UNAVAILABLE', message: '依赖服务不可用' } }),
    );
    expect(store.keyFor('r-1:acknowledge', body)).toBe(first);
  });

  it('takes a new key once the outcome is known, for a changed submission, and per item and step', () => {
    let n = 0;
    const store = createKeyStore(() => `key-${++n}`);
    const a = store.keyFor('r-1:submit', fingerprintOf({ account: 'a' }));
    store.settle('r-1:submit', new NetworkError());
    expect(store.keyFor('r-1:submit', fingerprintOf({ account: 'b' }))).not.toBe(a);
    const b = store.keyFor('r-1:submit', fingerprintOf({ account: 'b' }));
    store.settle(
      'r-1:submit',
      new ApiError(409, { error: { code: 'TRANSITION_NOT_ALLOWED', message: '…' } }),
    );
    expect(store.keyFor('r-1:submit', fingerprintOf({ account: 'b' }))).not.toBe(b);
    const c = store.keyFor('r-1:submit', fingerprintOf({ account: 'c' }));
    store.settle('r-1:submit');
    expect(store.keyFor('r-1:submit', fingerprintOf({ account: 'c' }))).not.toBe(c);
    expect(store.keyFor('r-2:submit', fingerprintOf({ account: 'c' }))).not.toBe(
      store.keyFor('r-1:submit', fingerprintOf({ account: 'c' })),
    );
  });

  it('fingerprints multipart bodies by their fields and files', () => {
    const form = (name: string) => {
      const f = new FormData();
      f.append('description', '整改报告');
      // A fixed lastModified: two Files built in different milliseconds must fingerprint alike.
      f.append(
        'files',
        new File(['%PDF-1.4'], name, { type: 'application/pdf', lastModified: 1_700_000_000_000 }),
      );
      return f;
    };
    expect(fingerprintOf(form('a.pdf'))).toBe(fingerprintOf(form('a.pdf')));
    expect(fingerprintOf(form('a.pdf'))).not.toBe(fingerprintOf(form('b.pdf')));
  });

  it('treats only network errors and 5xx as an unknown outcome', () => {
    expect(outcomeUnknown(new NetworkError())).toBe(true);
    expect(outcomeUnknown(new ApiError(500, null))).toBe(true);
    expect(outcomeUnknown(new ApiError(400, null))).toBe(false);
    expect(outcomeUnknown(undefined)).toBe(false);
  });
});
