import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { AppError } from './app-error';
import { DependencyEndpoints, unavailableDependency } from './dependency-error';
import { ERROR_HTTP_STATUS, ErrorCode } from './error-code';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>; errorId?: string };
}

const STATUS_CODE: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'DEPENDENCY_UNAVAILABLE',
};

/**
 * The one place errors become HTTP. Every body has the shape `{ error: { code, message, … } }`.
 * Unknown errors are logged with an id that the 500 answer carries, so support can find the trace.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly endpoints: DependencyEndpoints = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(exception);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).json(body);
  }

  toResponse(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof AppError) {
      const body: ErrorBody = { error: { code: exception.code, message: exception.message } };
      if (exception.details) body.error.details = exception.details;
      return { status: ERROR_HTTP_STATUS[exception.code], body };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (isHealthReport(response)) {
        // Terminus' readiness report: keep every dependency's status and name the failing ones.
        const failing = Object.keys(response.error ?? {});
        return {
          status,
          body: {
            ...response,
            error: {
              code: 'DEPENDENCY_UNAVAILABLE',
              message: `未就绪，不可用的依赖: ${failing.join(', ')}`,
              details: { failing },
            },
          } as ErrorBody,
        };
      }
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message.join('; ') as string)
            : String((response as { message?: unknown }).message ?? exception.message);
      return { status, body: { error: { code: STATUS_CODE[status] ?? `HTTP_${status}`, message } } };
    }
    const multer = multerError(exception);
    if (multer) return multer;
    const bodyError = bodyParserError(exception);
    if (bodyError) return bodyError;
    const dependency = unavailableDependency(exception, this.endpoints);
    if (dependency) {
      this.logger.warn({ dependency, err: exception }, `dependency unavailable: ${dependency}`);
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        body: {
          error: {
            code: 'DEPENDENCY_UNAVAILABLE',
            message: `依赖服务不可用: ${dependency}`,
            details: { dependency },
          },
        },
      };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, 'unhandled error');
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: { code: 'INTERNAL', message: '服务器内部错误，请联系管理员并提供错误编号', errorId } },
    };
  }
}

/** multer reports limits through its own error class; map them to 413/400 with a clear reason. */
function multerError(exception: unknown): { status: number; body: ErrorBody } | null {
  if ((exception as { name?: unknown } | null)?.name !== 'MulterError') return null;
  const code = (exception as Error & { code?: string; field?: string }).code ?? '';
  if (
    code === 'LIMIT_FILE_SIZE' ||
    code === 'LIMIT_FIELD_VALUE' ||
    code === 'LIMIT_PART_COUNT' ||
    code === 'LIMIT_FILE_COUNT'
  )
    return {
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE', message: `上传内容超过大小或数量限制 (${code})` } },
    };
  return { status: 400, body: { error: { code: 'BAD_REQUEST', message: `上传请求无效 (${code})` } } };
}

interface HealthReport {
  status: string;
  info?: Record<string, unknown>;
  error?: Record<string, unknown>;
  details: Record<string, unknown>;
}

function isHealthReport(r: unknown): r is HealthReport {
  return typeof r === 'object' && r !== null && 'details' in r && 'status' in r && 'info' in r;
}

/** Express' body parser: an oversized or malformed JSON body is the client's error, not a 500. */
function bodyParserError(exception: unknown): { status: number; body: ErrorBody } | null {
  const type = (exception as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large')
    return {
      status: 413,
      body: {
        error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大：较大的文档请以文件（multipart）上传' },
      },
    };
  if (type === 'entity.parse.failed')
    return { status: 400, body: { error: { code: 'BAD_REQUEST', message: '请求体不是合法的 JSON' } } };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return { status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求编码' } } };
  return null;
}
