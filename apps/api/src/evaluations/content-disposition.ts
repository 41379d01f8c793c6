/**
 * `attachment` with the name twice: an ASCII fallback for old clients, and RFC 5987/6266 `filename*` in
 * UTF-8 so that a Chinese file name arrives intact. The name was sanitised at import (no CR/LF, quotes are
 * replaced in the fallback), so it cannot break out of the header.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
