import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalFileStore } from './local-file-store';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('LocalFileStore', () => {
  let root: string;
  let store: LocalFileStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rectiflow-store-'));
    store = new LocalFileStore(join(root, 'store'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores a buffer under its content address and reads it back', async () => {
    const content = Buffer.from('绩效评价结果反馈表\n', 'utf8');
    const stored = await store.put(content);
    const hash = sha(content);
    expect(stored).toEqual({
      sha256: hash,
      size: content.length,
      key: `sha256/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`,
    });
    expect(await readFile(join(root, 'store', ...stored.key.split('/')))).toEqual(content);
    expect(await text(store.open(hash))).toBe('绩效评价结果反馈表\n');
    expect(await store.exists(hash)).toBe(true);
    expect(await store.stat(hash)).toEqual(stored);
  });

  it('streams a Readable of many chunks and hashes all of it', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(10_000, i));
    const stored = await store.put(Readable.from(chunks));
    expect(stored.size).toBe(500_000);
    expect(stored.sha256).toBe(sha(Buffer.concat(chunks)));
  });

  it('stores identical content once, also when puts race, and leaves no temporary files', async () => {
    const content = Buffer.from('same bytes');
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(content)));
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    expect(await store.put(Buffer.from('same bytes'))).toEqual(results[0]);
    expect(await readdir(join(root, 'store', 'tmp'))).toEqual([]);
    const leafDir = join(
      root,
      'store',
      'sha256',
      results[0].sha256.slice(0, 2),
      results[0].sha256.slice(2, 4),
    );
    expect(await readdir(leafDir)).toEqual([results[0].sha256]);
  });

  it('makes stored blobs read-only', async () => {
    const stored = await store.put(Buffer.from('immutable'));
    const mode = (await stat(store.pathFor(stored.sha256))).mode & 0o777;
    expect(mode & 0o222).toBe(0);
  });

  it('stores an empty blob', async () => {
    const stored = await store.put(Buffer.alloc(0));
    expect(stored.size).toBe(0);
    expect(stored.sha256).toBe(sha(''));
  });

  it('answers null / false for an unknown hash and errors on the stream when opening it', async () => {
    const unknown = sha('never stored');
    expect(await store.exists(unknown)).toBe(false);
    expect(await store.stat(unknown)).toBeNull();
    await expect(text(store.open(unknown))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    ['traversal', '../../../../etc/passwd'],
    ['uppercase', sha('x').toUpperCase()],
    ['too short', 'abc'],
    ['63 hex digits', sha('x').slice(1)],
    ['slash inside', `${sha('x').slice(0, 30)}/${sha('x').slice(31)}`],
    ['NUL', `${sha('x').slice(0, 63)}\0`],
    ['empty', ''],
  ])('refuses a malformed hash (%s) before touching the disk', async (_what, bad) => {
    expect(() => store.open(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    await expect(store.exists(bad)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(store.stat(bad)).rejects.toMatchObject({ details: { reason: 'INVALID_SHA256' } });
  });

  it('removes the temporary file when the source stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('client went away');
    expect(await readdir(join(root, 'store', 'tmp'))).toEqual([]);
  });
});
