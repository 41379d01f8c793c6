import type { Readable } from 'node:stream';

/** What the store knows about one stored blob. */
export interface StoredFile {
  /** lowercase hex SHA-256 of the content: the blob's name */
  sha256: string;
  /** bytes */
  size: number;
  /** back-end independent location, `sha256/ab/cd/<hash>`; safe to persist */
  key: string;
}

/**
 * Content-addressed blob storage, and the Nest injection token for it (inject `FileStore`, never an
 * implementation). Blobs are immutable and named by their SHA-256, so:
 * - `put` of content already stored is a no-op that returns the same `StoredFile` (stored once);
 * - writes are all-or-nothing: a reader never sees a partial blob;
 * - a blob written by a request whose database transaction then failed is an orphan, harmless: the
 *   next upload of the same bytes reuses it. Nothing here deletes.
 * Callers keep `sha256` (and `key`) in their own rows; metadata such as file names lives there too.
 */
export abstract class FileStore {
  /** Stores the content (whole buffer or a stream, consumed to the end) and returns its address. */
  abstract put(content: Buffer | Readable): Promise<StoredFile>;

  /**
   * Opens a stored blob for reading. Throws synchronously on a malformed hash; a missing blob surfaces
   * as an `error` event (ENOENT) on the stream, so check `exists`/`stat` first when a 404 is wanted.
   */
  abstract open(sha256: string): Readable;

  abstract exists(sha256: string): Promise<boolean>;

  /** null when no blob has that hash. */
  abstract stat(sha256: string): Promise<StoredFile | null>;
}
