/**
 * `attachment` with the name twice: an ASCII fallback for old clients, and RFC 5987/6266 `filename*` in UTF-8 so
 * that a Chinese file name arrives intact. CR/LF and other controls are dropped first, so a name can never break
 * out of the header even if a caller forgot to sanitise it; quotes, backslashes, `%` and `;` are replaced in the
 * fallback, whose only job is to be harmless.
 */
export function attachmentDisposition(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '');
  const fallback = clean.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
