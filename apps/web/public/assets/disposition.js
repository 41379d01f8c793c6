/**
 * The file name of a download from its Content-Disposition header (RFC 6266). The server sends an ASCII
 * `filename` fallback and the real, often Chinese, name as RFC 5987 `filename*=UTF-8''…`; the latter wins.
 */

const STAR = /(?:^|;)\s*filename\*\s*=\s*("?)([^;"]*)\1/i;
const QUOTED = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i;
const TOKEN = /(?:^|;)\s*filename\s*=\s*([^;\s"]+)/i;

function decodeExtValue(ext) {
  const m = /^([A-Za-z0-9!#$&+^_`{}~-]+)'[^']*'(.*)$/.exec(ext.trim());
  if (!m) return null;
  const charset = m[1].toLowerCase();
  try {
    if (charset === 'utf-8') return decodeURIComponent(m[2]);
    if (charset === 'iso-8859-1')
      return unescapePercent(m[2]).replace(/%([0-9a-f]{2})/gi, (_, hex) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
  } catch {
    return null; // malformed percent-encoding: fall back to the plain filename
  }
  return null;
}

// A literal '%' that does not start an escape is invalid in an ext-value; keep it rather than fail.
const unescapePercent = (s) => s.replace(/%(?![0-9a-f]{2})/gi, '%25');

/** A name safe to offer to the browser's save dialog: no folders, no control characters. */
function safeName(name) {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '');
  return (clean.split(/[\\/]/).pop() ?? '').trim();
}

export function fileNameFromDisposition(header, fallback = 'download') {
  if (!header) return fallback;
  const star = STAR.exec(header);
  const candidates = [
    star ? decodeExtValue(star[2]) : null,
    QUOTED.exec(header)?.[1].replace(/\\(.)/g, '$1') ?? null,
    TOKEN.exec(header)?.[1] ?? null,
  ];
  for (const c of candidates) {
    const name = c === null ? '' : safeName(c);
    if (name && name !== '.' && name !== '..') return name;
  }
  return fallback;
}
