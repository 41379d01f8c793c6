import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { RequestHandler, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '@rectiflow/auth';
import { AppError, malformedMultipart } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { EvidenceUploadService } from '@rectiflow/evidence';
import { BudgetedMemoryStorage, formatBytes, requestTooLarge } from './budgeted-memory.storage';

export const MAX_FILES_PER_UPLOAD = 20;
/** Room for the multipart envelope (boundaries, part headers, description) on top of the file bytes. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Reads the multipart body of an evidence upload — but only for a caller who may upload to this item: the
 * access check (404 outside one's units, 403 for bureau roles) runs first, so nobody can make the server buffer
 * megabytes for an item they cannot touch. Interceptors run after the guards, so the caller is known here.
 * Then: 415 for a non-multipart request, 413 at once when Content-Length already exceeds the request limit,
 * otherwise multer with the per-file limit and the per-request budget (BudgetedMemoryStorage). Part headers are
 * read as UTF-8: multer's latin1 default would turn a Chinese file name into mojibake.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler;
  private readonly maxFileBytes: number;
  private readonly maxRequestBytes: number;

  constructor(
    private readonly evidence: EvidenceUploadService,
    config: AppConfig,
  ) {
    this.maxFileBytes = config.limits.uploadMaxFileBytes;
    this.maxRequestBytes = config.limits.uploadMaxRequestBytes;
    this.upload = multer({
      storage: new BudgetedMemoryStorage(this.maxRequestBytes),
      limits: {
        fileSize: this.maxFileBytes,
        files: MAX_FILES_PER_UPLOAD,
        fields: 10,
        fieldSize: 64 * 1024,
        parts: MAX_FILES_PER_UPLOAD + 10,
      },
      defParamCharset: 'utf8',
    }).array('files', MAX_FILES_PER_UPLOAD);
  }

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    if (!req.user) throw new AppError('UNAUTHENTICATED', '未登录：缺少访问令牌');
    await this.evidence.assertCanUpload(req.user, String(req.params.id));
    if (!req.is('multipart/form-data'))
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        '请以 multipart/form-data 上传佐证材料（文件字段 files，另附 description、effectiveDate）',
        {
          reason: 'CONTENT_TYPE',
        },
      );
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxRequestBytes + ENVELOPE_BYTES)
      throw requestTooLarge(this.maxRequestBytes);
    await new Promise<void>((resolve, reject) =>
      this.upload(req, res, (err?: unknown) => (err ? reject(this.toAppError(err)) : resolve())),
    );
    return next.handle();
  }

  private toAppError(err: unknown): unknown {
    if (!(err instanceof multer.MulterError)) return malformedMultipart(err) ?? err;
    const file = (err as multer.MulterError & { filename?: string }).filename;
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return new AppError(
          'PAYLOAD_TOO_LARGE',
          `文件${file ? `「${file}」` : ''}超过单个文件大小上限（${formatBytes(this.maxFileBytes)}）`,
          {
            reason: 'FILE_TOO_LARGE',
            limit: this.maxFileBytes,
            file,
          },
        );
      case 'LIMIT_FILE_COUNT':
        return new AppError('PAYLOAD_TOO_LARGE', `一次最多上传 ${MAX_FILES_PER_UPLOAD} 个文件`, {
          reason: 'TOO_MANY_FILES',
          limit: MAX_FILES_PER_UPLOAD,
        });
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppError('BAD_REQUEST', `文件字段名应为 files（收到 ${err.field ?? '?'}）`, {
          reason: err.code,
        });
      default:
        return new AppError('BAD_REQUEST', `上传请求无效 (${err.code})`, { reason: err.code });
    }
  }
}
