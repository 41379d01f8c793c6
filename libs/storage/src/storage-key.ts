import { AppError } from '@rectiflow/common';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True for a lowercase 64-hex-digit SHA-256, the only shape a FileStore accepts as a name. */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/**
 * The hash is the only caller-supplied part of a path, so it is checked here before it gets near the
 * file system: anything but 64 lowercase hex digits (`..`, `/`, NUL, uppercase) is refused.
 */
export function assertSha256(value: unknown): string {
  if (!isSha256(value)) {
    throw new AppError('VALIDATION_FAILED', '文件摘要格式无效（应为 64 位十六进制 SHA-256）', {
      reason: 'INVALID_SHA256',
    });
  }
  return value;
}

/**
 * `sha256/ab/cd/<hash>`: two levels of fan-out keep directories small (65 536 leaves) and the key is
 * stable across back ends, so it can be stored in the database and later served from S3 unchanged.
 */
export function storageKeyFor(sha256: string): string {
  const hash = assertSha256(sha256);
  return `sha256/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
}
