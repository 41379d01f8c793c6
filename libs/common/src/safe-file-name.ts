import { AppError } from './app-error';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Zero-width and bidi controls: an RLO makes "报告‮fdp.exe" display as "报告exe.pdf".
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// Characters Windows refuses in a file name; replaced so the name still saves when downloaded there.
const RESERVED = /[<>:"|?*]/g;

/**
 * An uploader's file name made safe to store, show and send back in Content-Disposition: NFC; no directory
 * part (browsers may send C:\fakepath\…, an attacker ../../etc/passwd); no `..`, control, bidi or zero-width
 * characters; Chinese kept; at most `maxChars` characters with the extension kept. Display metadata only — the
 * bytes are stored under their SHA-256 and this name never becomes a path.
 */
export function safeFileName(
  raw: string | null | undefined,
  opts: { fallback?: string; maxChars?: number } = {},
): string {
  const fallback = opts.fallback ?? 'document';
  const maxChars = opts.maxChars ?? 255;
  let name = (raw ?? '').replace(LONE_SURROGATE, '').normalize('NFC');
  name = name.replace(CONTROL, '').replace(INVISIBLE, '');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name
    .replace(/\.{2,}/g, '.')
    .replace(RESERVED, '_')
    .trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name === '') return fallback;
  const chars = Array.from(name);
  if (chars.length <= maxChars) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const stem = Array.from(name.slice(0, name.length - ext.length)).slice(
    0,
    maxChars - Array.from(ext).length,
  );
  return stem.join('').concat(ext);
}

/**
 * A file name holding a NUL byte is not a name anyone typed: refused (400) rather than silently cleaned, so the
 * uploader learns the file was not taken as named.
 */
export function assertPlainFileName(raw: string | null | undefined): void {
  if (raw && raw.includes('\u0000'))
    throw new AppError('VALIDATION_FAILED', '文件名含有不允许的空字符（NUL），请重命名文件后再上传', {
      fields: { files: ['文件名含有空字符'] },
    });
}
