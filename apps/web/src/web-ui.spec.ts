import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOCS_CSP, isDocsPath, UI_CSP, webUiDir } from './web-ui';

const ROOT = resolve(__dirname, '..', '..', '..');
const PUBLIC = join(ROOT, 'apps', 'web', 'public');

describe('serving the web UI', () => {
  it('finds apps/web/public from the sources and from the compiled layout', () => {
    expect(webUiDir()).toBe(PUBLIC);
    expect(webUiDir(join(ROOT, 'dist', 'apps', 'web', 'src'))).toBe(PUBLIC);
    expect(webUiDir(tmpdir())).toBeNull();
  });

  it('relaxes the CSP for Swagger UI only, and never for scripts', () => {
    expect(['/api/docs', '/api/docs/', '/api/docs/swagger-ui-bundle.js'].every(isDocsPath)).toBe(true);
    expect(['/', '/api/docs-json', '/api/v1/docs', '/assets/main.js'].some(isDocsPath)).toBe(false);
    expect(UI_CSP['script-src']).toEqual(["'self'"]);
    expect(UI_CSP['style-src']).toEqual(["'self'"]);
    expect(DOCS_CSP['script-src']).toEqual(["'self'"]);
  });
});
