/** Hash routes (#/ledger?status=in_progress): pure matching, so the router itself stays a few lines. */

const UUID = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';

const ROUTES = [
  { name: 'login', re: /^\/login$/ },
  { name: 'evaluations', re: /^\/evaluations$/ },
  { name: 'import', re: /^\/evaluations\/import$/ },
  { name: 'evaluation', re: new RegExp(`^/evaluations/${UUID}$`) },
  { name: 'issue', re: new RegExp(`^/evaluations/${UUID}/issue$`) },
  { name: 'ledger', re: /^\/ledger$/ },
  { name: 'rectification', re: /^\/rectifications\/([^/?#]+)$/ },
  { name: 'notifications', re: /^\/notifications$/ },
];

export const HOME = '/evaluations';

/** '#/ledger?a=1' → { path: '/ledger', query: URLSearchParams('a=1') }; '' or '#' is the home page. */
export function parseHash(hash) {
  const raw = String(hash ?? '').replace(/^#/, '');
  const at = raw.indexOf('?');
  const path = (at < 0 ? raw : raw.slice(0, at)) || HOME;
  return {
    path: path.length > 1 ? path.replace(/\/+$/, '') : path,
    query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)),
  };
}

/** { name, id?, query } — name 'not_found' for an address no page answers. */
export function matchRoute(hash) {
  const { path, query } = parseHash(hash);
  for (const r of ROUTES) {
    const m = r.re.exec(path);
    if (!m) continue;
    let id;
    try {
      id = m[1] === undefined ? undefined : decodeURIComponent(m[1]);
    } catch {
      return { name: 'not_found', path, query };
    }
    return { name: r.name, id, path, query };
  }
  return { name: 'not_found', path, query };
}

/** An address for links: href('/rectifications/' + id) with the id encoded, plus an optional query string. */
export function href(path, query = '') {
  const q = typeof query === 'string' ? query : new URLSearchParams(query).toString();
  return `#${path}${q ? `?${q}` : ''}`;
}

export const rectificationHref = (id) => href(`/rectifications/${encodeURIComponent(id)}`);
export const evaluationHref = (id) => href(`/evaluations/${id}`);
