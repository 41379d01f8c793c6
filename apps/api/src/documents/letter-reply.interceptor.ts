import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { RequestHandler, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '@rectiflow/auth';
import { AppError, malformedMultipart } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { LetterReplyService } from '@rectiflow/documents';
import { BudgetedMemoryStorage, formatBytes, requestTooLarge } from '../evidence/budgeted-memory.storage';

/**
 * Reads the multipart body of a reply to a letter (one file, field `file`) — only after the access check, as for
 * evidence: nobody makes the server buffer a file for an item they cannot answer for.
 */
@Injectable()
export class LetterReplyInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler;
  private readonly maxFileBytes: number;

  constructor(
    private readonly replies: LetterReplyService,
    config: AppConfig,
  ) {
    this.maxFileBytes = config.limits.uploadMaxFileBytes;
    this.upload = multer({
      storage: new BudgetedMemoryStorage(config.limits.uploadMaxRequestBytes),
      limits: { fileSize: this.maxFileBytes, files: 1, fields: 5, fieldSize: 16 * 1024, parts: 6 },
      defParamCharset: 'utf8',
    }).single('file');
  }

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    if (!req.user) throw new AppError('UNAUTHENTICATED', '未登录：缺少访问令牌');
    const letterId = Number(req.params.letterId);
    if (!Number.isInteger(letterId) || letterId < 1) throw new AppError('NOT_FOUND', '督办文书不存在');
    await this.replies.assertCanReply(req.user, String(req.params.id), letterId);
    if (!req.is('multipart/form-data'))
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传回复材料（文件字段 file）', {
        reason: 'CONTENT_TYPE',
      });
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxFileBytes + 64 * 1024)
      throw requestTooLarge(this.maxFileBytes);
    await new Promise<void>((resolve, reject) =>
      this.upload(req, res, (err?: unknown) => (err ? reject(this.toAppError(err)) : resolve())),
    );
    return next.handle();
  }

  private toAppError(err: unknown): unknown {
    if (!(err instanceof multer.MulterError)) return malformedMultipart(err) ?? err;
    if (err.code === 'LIMIT_FILE_SIZE')
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        `文件超过单个文件大小上限（${formatBytes(this.maxFileBytes)}）`,
        {
          reason: 'FILE_TOO_LARGE',
          limit: this.maxFileBytes,
        },
      );
    if (err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT')
      return new AppError('BAD_REQUEST', `请只上传一个文件，字段名为 file（收到 ${err.field ?? '?'}）`, {
        reason: err.code,
      });
    return new AppError('BAD_REQUEST', `上传请求无效 (${err.code})`, { reason: err.code });
  }
}
