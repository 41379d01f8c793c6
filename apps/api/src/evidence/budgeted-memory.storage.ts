import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { AppError } from '@rectiflow/common';

type Callback = (error?: unknown, info?: Partial<Express.Multer.File>) => void;

/**
 * multer's memory storage plus a per-request budget. multer limits each file (limits.fileSize) but not their sum;
 * this engine counts every file byte of the request as it arrives and fails the upload (413) the moment the total
 * passes the limit, instead of buffering n × the per-file limit first.
 */
export class BudgetedMemoryStorage implements StorageEngine {
  private readonly used = new WeakMap<Request, number>();

  constructor(private readonly maxRequestBytes: number) {}

  _handleFile(req: Request, file: Express.Multer.File, cb: Callback): void {
    const chunks: Buffer[] = [];
    let settled = false;
    const onData = (chunk: Buffer): void => {
      const total = (this.used.get(req) ?? 0) + chunk.length;
      this.used.set(req, total);
      if (total > this.maxRequestBytes) {
        settled = true;
        chunks.length = 0;
        file.stream.off('data', onData);
        file.stream.resume(); // discard the rest; multer drains the request before answering
        cb(requestTooLarge(this.maxRequestBytes));
        return;
      }
      chunks.push(chunk);
    };
    file.stream.on('data', onData);
    file.stream.on('end', () => {
      if (settled) return;
      settled = true;
      const buffer = Buffer.concat(chunks);
      cb(null, { buffer, size: buffer.length });
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void): void {
    (file as Partial<Express.Multer.File>).buffer = undefined;
    cb(null);
  }
}

export function requestTooLarge(limit: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `本次上传的文件合计超过上限（${formatBytes(limit)}），请分批上传`,
    {
      reason: 'REQUEST_TOO_LARGE',
      limit,
    },
  );
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} 字节`;
}
