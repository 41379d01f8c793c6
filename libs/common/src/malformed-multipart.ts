import { AppError } from './app-error';

/** busboy's words for a request it cannot parse (a NUL in a part header is one: "Malformed part header"). */
const PARSE_ERRORS =
  /^(Malformed part header|Malformed urlencoded form|Unexpected end of form|Part terminated early|Multipart: Boundary not found|Unexpected end of multipart data)/;

/** A multipart body busboy could not parse is the client's fault: 400 with a reason, not 500. */
export function malformedMultipart(err: unknown): AppError | null {
  if (!(err instanceof Error) || !PARSE_ERRORS.test(err.message)) return null;
  return new AppError(
    'BAD_REQUEST',
    '上传请求无法解析：分段头格式不正确（例如文件名含有空字符 NUL 或换行），请重命名文件后再上传',
    { reason: 'MALFORMED_MULTIPART' },
  );
}
