/**
 * Serving the built web app (apps/web/dist, made by `npm run build:web`) from the API process, and the security
 * headers for both. index.html is sent with a fresh CSP nonce per response: antd writes its styles at run time
 * into <style> tags that carry that nonce, so the policy still allows no inline script and no other inline style.
 */
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';

const RELATIVE = join('apps', 'web', 'dist');
export const DOCS_PATH = '/api/docs';
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

type Locals = ServerResponse & { locals?: { cspNonce?: string } };
const nonceOf = (_req: IncomingMessage, res: ServerResponse): string =>
  `'nonce-${(res as Locals).locals?.cspNonce ?? 'none'}'`;

/**
 * The UI's policy: everything from this origin only; styles from files or carrying this response's nonce; blob:
 * for previews of evidence fetched with the token (PDF in a frame, images); no plugins, no framing of this page,
 * no <base> rewriting. No upgrade-insecure-requests: an intranet install on plain http would otherwise have every
 * asset request rewritten to an https port that does not answer.
 */
export const UI_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", nonceOf],
  // <style> elements only from files or with the nonce; style *attributes* (which cannot run script) are what
  // antd's and ECharts' components set on their elements (positions of popups, tooltips, motion).
  'style-src-elem': ["'self'", nonceOf],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-src': ["'self'", 'blob:'],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI's page has inline <style> blocks and its React code sets style attributes, and its CSS uses data:
 * images; its scripts are files. So only styles and images are relaxed, and only under /api/docs.
 */
export const DOCS_CSP = {
  ...UI_CSP,
  'style-src': ["'self'", "'unsafe-inline'"],
  'style-src-elem': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'frame-src': ["'self'"],
  'base-uri': ["'self'"],
};

/** Where apps/web/dist is, walking up from this file (sources: apps/web/server; build: dist/apps/web/server). */
export function webUiDir(from: string = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

export function isDocsPath(path: string): boolean {
  return path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`);
}

/** helmet's headers on every response: the strict CSP with this response's nonce, or the docs' policy. */
export function securityHeaders(): RequestHandler {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: UI_CSP } });
  const docs = helmet({ contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } });
  return (req: Request, res: Response, next: NextFunction) => {
    if (isDocsPath(req.path)) return docs(req, res, next);
    res.locals.cspNonce = randomBytes(16).toString('base64');
    return strict(req, res, next);
  };
}

/** Paths the API answers itself; everything else that is not a file is a page of the app. */
const API_PATH = /^\/(api(\/|$)|health$|ready$)/;

/**
 * Static files (hashed names under /assets: cached for a year; the rest revalidated) and, for every other GET of
 * a page — `/`, `/rectifications/<id>` from a notification's link, `/ledger?…` — index.html with the nonce.
 * Registered before the routes, so `/api/*`, `/health` and `/ready` fall through to Nest.
 */
export function serveWebUi(app: NestExpressApplication, dir: string | null = webUiDir()): void {
  if (!dir) {
    new Logger('WebUi').warn(
      `web app not built (expected ${RELATIVE} above ${__dirname}; run npm run build:web); serving the API only`,
    );
    return;
  }
  const template = readFileSync(join(dir, 'index.html'), 'utf8');
  const sendIndex = (res: Response) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.send(template.split(NONCE_PLACEHOLDER).join(String(res.locals.cspNonce ?? '')));
  };
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && (req.path === '/' || req.path === '/index.html'))
      return sendIndex(res);
    next();
  });
  app.useStaticAssets(dir, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (res, path) =>
      res.setHeader(
        'Cache-Control',
        path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (API_PATH.test(req.path) || req.path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(req.path))
      return next();
    if (!String(req.headers.accept ?? '').includes('text/html')) return next();
    sendIndex(res);
  });
}
