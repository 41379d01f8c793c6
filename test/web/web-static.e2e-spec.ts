/**
 * The web UI is served by the API process: index.html at `/`, ES modules as text/javascript, the strict CSP on
 * the UI, and the API, health checks and Swagger UI (with its own, slightly relaxed CSP) still answering.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import request from 'supertest';
import { ROOT } from '../support/test-config';
import { startTestStack, TestStack } from '../support/test-stack';

const PUBLIC = join(ROOT, 'apps', 'web', 'public');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function directives(csp: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('web UI served by the API', () => {
  let stack: TestStack;
  let http: ReturnType<TestStack['api']['getHttpServer']>;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    http = stack.api.getHttpServer();
  });
  afterAll(() => stack?.close());

  it('serves index.html at / in Chinese, with a strict CSP', async () => {
    const res = await request(http).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.text).toContain('<title>绩效评价问题整改跟踪</title>');
    expect(res.text).toContain('<script type="module" src="/assets/main.js"></script>');
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    await request(http)
      .get('/index.html')
      .expect(200)
      .expect('content-type', /text\/html/);
  });

  it('has no inline script or style in the page (the CSP would block them)', async () => {
    const res = await request(http).get('/').expect(200);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('serves every module as text/javascript and every stylesheet as text/css', async () => {
    const assets = files(PUBLIC).map((f) => `/${relative(PUBLIC, f).split('\\').join('/')}`);
    expect(assets).toEqual(
      expect.arrayContaining(['/assets/main.js', '/assets/css/base.css', '/favicon.svg']),
    );
    const types = { '.js': /^text\/javascript/, '.css': /^text\/css/ };
    for (const [ext, type] of Object.entries(types))
      for (const path of assets.filter((p) => p.endsWith(ext))) {
        const res = await request(http).get(path).expect(200);
        expect({ path, type: res.headers['content-type'] }).toEqual({
          path,
          type: expect.stringMatching(type),
        });
      }
    await request(http).get('/assets/missing.js').expect(404);
  });

  it('sends the item links of notifications (/rectifications/<id>) on to the page', async () => {
    const id = 'rectification-98710fed-487a-4d5d-b23f-bb01a7b293b4-1';
    await request(http)
      .get(`/rectifications/${id}`)
      .expect(302)
      .expect('location', `/#/rectifications/${id}`);
    await request(http).get('/rectifications').expect(302).expect('location', '/#/ledger');
    await request(http).get('/rectifications/a/b').expect(404);
    await request(http).get('/rectifications/%3Cscript%3E').expect(404);
  });

  it('keeps /api/*, /health, /ready and /api/docs working', async () => {
    const unauth = await request(http).get('/api/v1/evaluations').expect(401);
    expect(unauth.body.error.code).toBe('UNAUTHENTICATED');
    await request(http).get('/health').expect(200);
    await request(http).get('/ready').expect(200);
    const docs = await request(http).get('/api/docs').expect(200);
    expect(docs.text).toContain('swagger-ui');
    const docsCsp = directives(docs.headers['content-security-policy']);
    expect(docsCsp['script-src']).toEqual(["'self'"]);
    expect(docsCsp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    await request(http).get('/api/docs/swagger-ui-bundle.js').expect(200);
    const json = await request(http).get('/api/docs-json').expect(200);
    expect(json.body.info.title).toBe('Rectiflow API');
  });
});
