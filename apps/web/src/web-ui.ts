/**
 * Serving the web UI (apps/web/public) from the API process, and the security headers for both. The UI has no
 * build step: the folder is served as it is, from the repository (or image) root in every layout.
 */
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const RELATIVE = join('apps', 'web', 'public');
export const DOCS_PATH = '/api/docs';

/**
 * The UI's policy: everything from this origin only, no inline script or style (all of it lives in files), no
 * plugins, no framing, no <base> rewriting. No upgrade-insecure-requests: an intranet install on plain http
 * would otherwise have every asset request rewritten to an https port that does not answer.
 */
export const UI_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI's page has inline <style> blocks and its React code sets style attributes, and its CSS uses data:
 * images; its scripts are files. So only styles and images are relaxed, and only under /api/docs.
 */
export const DOCS_CSP: Record<string, string[]> = {
  ...UI_CSP,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'base-uri': ["'self'"],
};

/**
 * Where apps/web/public is. This file runs from apps/web/src (sources, tests) or dist/apps/web/src (build);
 * walking up finds `<root>/apps/web/public` either way. Null when absent (an image built without it).
 */
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

/** helmet's headers on every response, with the strict CSP except on the Swagger UI pages. */
export function securityHeaders(): RequestHandler {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: UI_CSP } });
  const docs = helmet({ contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } });
  return (req: Request, res: Response, next: NextFunction) =>
    (isDocsPath(req.path) ? docs : strict)(req, res, next);
}

const ITEM_ID = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * Notification e-mails and webhooks link to `${PUBLIC_BASE_URL}/rectifications/<id>` (and `/rectifications` for
 * the ledger); the UI routes by hash, so those addresses are sent on to `/#/rectifications/<id>` and `/#/ledger`.
 * The target is always a path on this origin, never taken from the request beyond a checked id.
 */
export function itemLinkRedirect(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return next();
  const id = req.path.replace(/^\/+|\/+$/g, '');
  if (!id) return res.redirect(302, '/#/ledger');
  if (!ITEM_ID.test(id)) return next();
  res.redirect(302, `/#/rectifications/${id}`);
}

/**
 * Static files at `/` (index.html, /assets/*.js, …) and the item-link redirect. Registered before the routes, so
 * `/api/*`, `/health` and `/ready` fall through to Nest (no file there has those names). `no-cache` makes browsers revalidate (ETag),
 * so a deployed change is picked up without a build step to fingerprint file names.
 */
export function serveWebUi(app: NestExpressApplication, dir: string | null = webUiDir()): void {
  if (!dir) {
    new Logger('WebUi').warn(
      `web UI not found (expected ${RELATIVE} above ${__dirname}); serving the API only`,
    );
    return;
  }
  app.use('/rectifications', itemLinkRedirect);
  app.useStaticAssets(dir, {
    index: 'index.html',
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
}
