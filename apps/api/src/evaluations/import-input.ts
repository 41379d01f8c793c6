import type { AuthUser } from '@rectiflow/auth';
import { AppError, assertPlainFileName } from '@rectiflow/common';
import type { ImportRequest } from '@rectiflow/evaluations';
import type { ImportTextDto } from './import-evaluation.dto';

/** One document from either a multipart `file` or JSON `{ text }`; both or neither is a 400. */
export function importRequestFrom(
  file: Express.Multer.File | undefined,
  body: ImportTextDto | undefined,
  actor: AuthUser,
  ip: string,
): ImportRequest {
  const text = body?.text;
  if (file && text !== undefined) {
    throw new AppError('BAD_REQUEST', '请只提供一份文档：文件 (file) 或文本 (text)', {
      reason: 'AMBIGUOUS_INPUT',
    });
  }
  if (file) {
    assertPlainFileName(file.originalname);
    return { content: file.buffer, filename: file.originalname, actor, ip };
  }
  if (text !== undefined) {
    assertPlainFileName(body?.filename);
    return { content: Buffer.from(text, 'utf8'), filename: body?.filename ?? null, actor, ip };
  }
  throw new AppError('BAD_REQUEST', '缺少文档：请上传文件字段 file，或提交 JSON { "text": "…" }', {
    reason: 'NO_DOCUMENT',
  });
}
