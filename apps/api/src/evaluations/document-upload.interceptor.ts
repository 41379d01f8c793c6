import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { AppError, malformedMultipart } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { tooLargeError } from '@rectiflow/evaluations';

/**
 * Lets a POST take either multipart/form-data (one `file` part, kept in memory up to
 * `limits.importMaxBytes`) or application/json; anything else is 415. Used instead of Nest's
 * FileInterceptor for two reasons: the size error must carry the same body as the importer's TOO_LARGE
 * (413 with details.reason), and part headers must be read as UTF-8 — multer's latin1 default turns a
 * Chinese file name into mojibake. Interceptors run after the guards, so nothing is buffered for a caller
 * who may not import.
 */
export abstract class DocumentUploadInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler;
  private readonly maxBytes: number;

  protected constructor(
    config: AppConfig,
    maxFields: number,
    /** the 415 message: what the route takes */
    private readonly accepted: string,
  ) {
    this.maxBytes = config.limits.importMaxBytes;
    this.upload = multer({
      storage: multer.memoryStorage(),
      limits: {
        fileSize: this.maxBytes,
        files: 1,
        fields: maxFields,
        fieldSize: 64 * 1024,
        parts: maxFields + 1,
      },
      defParamCharset: 'utf8',
    }).single('file');
  }

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    if (req.is('multipart/form-data')) {
      await new Promise<void>((resolve, reject) =>
        this.upload(req, res, (err?: unknown) => (err ? reject(this.toAppError(err)) : resolve())),
      );
    } else if (!req.is('application/json')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', this.accepted, { reason: 'CONTENT_TYPE' });
    }
    return next.handle();
  }

  private toAppError(err: unknown): unknown {
    if (!(err instanceof multer.MulterError)) return malformedMultipart(err) ?? err;
    if (err.code === 'LIMIT_FILE_SIZE') return tooLargeError(this.maxBytes);
    if (err.code === 'LIMIT_UNEXPECTED_FILE') {
      return new AppError(
        'BAD_REQUEST',
        `文件字段名应为 file，且只能上传一个文件（收到 ${err.field ?? '?'}）`,
        {
          reason: err.code,
        },
      );
    }
    return new AppError('BAD_REQUEST', `上传请求无效 (${err.code})`, { reason: err.code });
  }
}
