const MAX_CHARS = 255;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Zero-width and bidi controls: an RLO can make "报告‮xcod.exe" display as "报告exe.docx".
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * The uploader's file name made safe to store and to show: NFC, no directory part (old browsers send
 * C:\\fakepath\\…), no control/bidi/zero-width characters, no leading dots, at most 255 characters with the
 * extension kept. It is display metadata only — never used as a path (blobs are named by hash).
 */
export function safeFileName(raw: string | null | undefined, fallback = 'document'): string {
  let name = (raw ?? '').replace(LONE_SURROGATE, '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(CONTROL, '').replace(INVISIBLE, '').trim().replace(/^\.+/, '').trim();
  if (name === '') return fallback;
  const chars = Array.from(name);
  if (chars.length <= MAX_CHARS) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return Array.from(name.slice(0, name.length - ext.length))
    .slice(0, MAX_CHARS - Array.from(ext).length)
    .join('')
    .concat(ext);
}
