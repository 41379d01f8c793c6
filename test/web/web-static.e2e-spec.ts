/**
 * The built web app (apps/web/dist) served by the API process: index.html at `/` and at every page address with a
 * fresh CSP nonce that the policy names, hashed assets cached for good, the strict CSP everywhere but Swagger UI,
 * and the API, health checks and docs still answering. Also the size of what the dashboard's first load fetches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { ROOT } from '../support/test-config';
import { startTestStack, TestStack } from '../support/test-stack';

const DIST = join(ROOT, 'apps', 'web', 'dist');
const HTML = { Accept: 'text/html,application/xhtml+xml' };

function directives(csp: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

const nonceIn = (html: string): string | undefined =>
  /<meta name="csp-nonce" content="([^"]+)"/.exec(html)?.[1];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

describe('web app served by the API', () => {
  let stack: TestStack;
  let http: ReturnType<TestStack['api']['getHttpServer']>;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    http = stack.api.getHttpServer();
  });
  afterAll(() => stack?.close());

  it('serves index.html at / in Chinese with a per-response nonce that the strict CSP names', async () => {
    const a = await request(http).get('/').set(HTML).expect(200);
    const b = await request(http).get('/').set(HTML).expect(200);
    expect(a.headers['content-type']).toMatch(/^text\/html/);
    expect(a.text).toContain('<html lang="zh-CN">');
    expect(a.text).toContain('<title>绩效评价问题整改跟踪</title>');
    expect(a.text).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
    const nonce = nonceIn(a.text);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceIn(b.text)).not.toBe(nonce);
    const csp = directives(a.headers['content-security-policy']);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(csp['style-src-elem']).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(csp['style-src-attr']).toEqual(["'unsafe-inline'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(a.headers['cache-control']).toBe('no-store');
    expect(a.headers['x-content-type-options']).toBe('nosniff');
  });

  it('has no inline script or style in the page', async () => {
    const res = await request(http).get('/').set(HTML).expect(200);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('answers every page address (a notification link, the ledger with filters) with the app', async () => {
    const id = 'rectification-98710fed-487a-4d5d-b23f-bb01a7b293b4-1';
    for (const path of [
      `/rectifications/${id}`,
      '/rectifications?status=closed',
      '/dashboard',
      '/admin/users',
    ]) {
      const res = await request(http).get(path).set(HTML).expect(200);
      expect({ path, nonce: nonceIn(res.text) }).toEqual({ path, nonce: expect.stringMatching(/==$/) });
    }
    // Not a page: a missing file, and an API route, keep their own answers.
    await request(http).get('/assets/missing.js').set(HTML).expect(404);
    const api = await request(http).get('/api/v1/nothing-here').set(HTML).expect(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
  });

  it('serves the hashed scripts as JavaScript, cached for a year', async () => {
    const index = readFileSync(join(DIST, 'index.html'), 'utf8');
    const entry = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1];
    const res = await request(http).get(entry).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await request(http).get('/favicon.svg').expect(200).expect('content-type', /svg/);
  });

  it('keeps /api/*, /health, /ready and /api/docs working, Swagger UI under its own CSP', async () => {
    const unauth = await request(http).get('/api/v1/evaluations').expect(401);
    expect(unauth.body.error.code).toBe('UNAUTHENTICATED');
    await request(http).get('/health').expect(200);
    await request(http).get('/ready').expect(200);
    const docs = await request(http).get('/api/docs').expect(200);
    expect(docs.text).toContain('swagger-ui');
    const docsCsp = directives(docs.headers['content-security-policy']);
    expect(docsCsp['script-src']).toEqual(["'self'"]);
    expect(docsCsp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    const json = await request(http).get('/api/docs-json').expect(200);
    expect(json.body.info.title).toBe('Rectiflow API');
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/dashboard/summary', '/api/v1/todo']),
    );
  });

  it('splits the bundle by page: the dashboard first load is under 1 MB of gzipped script', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
    const dashKey = Object.keys(manifest).find((k) => k.endsWith('pages/dashboard-page.tsx'))!;
    expect(manifest[entryKey].dynamicImports).toEqual(expect.arrayContaining([dashKey]));
    // Everything the entry and the dashboard chunk import statically, each file once.
    const files = new Set<string>();
    const walk = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      chunk.imports?.forEach(walk);
    };
    walk(entryKey);
    walk(dashKey);
    const gzip = [...files].reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f))).length, 0);
    // The ledger and the item page are not part of it.
    const ledger = manifest[Object.keys(manifest).find((k) => k.endsWith('pages/ledger-page.tsx'))!].file;
    expect(files.has(ledger)).toBe(false);
    process.stdout.write(
      `dashboard first load: ${files.size} scripts, ${Math.round(gzip / 1024)} KiB gzip\n`,
    );
    expect(gzip).toBeLessThan(1024 * 1024);
  });
});
