import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore, StoredFile } from './file-store';
import { assertSha256, storageKeyFor } from './storage-key';

const TMP_DIR = 'tmp';

/**
 * FileStore on the local disk under one root directory (config `storage.dir`). Content is streamed to a
 * temporary file inside the root (same file system, so the final `rename` is atomic), hashed on the way,
 * then renamed to its content address. Every path is derived from a validated hash and re-checked to lie
 * under the root, so no input can make it write or read elsewhere.
 */
export class LocalFileStore extends FileStore {
  readonly root: string;

  constructor(rootDir: string) {
    super();
    this.root = resolve(rootDir);
  }

  async put(content: Buffer | Readable): Promise<StoredFile> {
    const tmpDir = join(this.root, TMP_DIR);
    await mkdir(tmpDir, { recursive: true });
    const tmpPath = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    try {
      await pipeline(source, tap, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
      const sha256 = hash.digest('hex');
      const key = storageKeyFor(sha256);
      const finalPath = this.pathFor(sha256);
      if (await this.exists(sha256)) {
        await unlink(tmpPath);
      } else {
        await mkdir(resolve(finalPath, '..'), { recursive: true });
        // Blobs never change once named; read-only makes an accidental overwrite fail loudly.
        await chmod(tmpPath, 0o444);
        // Two concurrent puts of the same bytes both rename identical files onto one name: still correct.
        await rename(tmpPath, finalPath);
      }
      return { sha256, size, key };
    } catch (err) {
      await unlink(tmpPath).catch(() => undefined);
      throw err;
    }
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathFor(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== null;
  }

  async stat(sha256: string): Promise<StoredFile | null> {
    const path = this.pathFor(sha256);
    try {
      const s = await stat(path);
      return s.isFile() ? { sha256, size: s.size, key: storageKeyFor(sha256) } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Absolute path of a blob; throws on a malformed hash and on anything resolving outside the root. */
  pathFor(sha256: string): string {
    const path = resolve(this.root, ...storageKeyFor(assertSha256(sha256)).split('/'));
    const rel = relative(this.root, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
      throw new Error(`storage path escapes the root: ${sha256}`);
    }
    return path;
  }
}
