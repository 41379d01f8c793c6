import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabase, runMigrations } from '../../libs/persistence/src/database-setup';
import { ROOT, TEST_DATABASE_URL, TEST_WORKFLOW_BUNDLE } from './test-config';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The web app the browser tests load: apps/web/dist, rebuilt when its sources or the shared labels changed. */
function buildWebApp(): void {
  const web = join(ROOT, 'apps', 'web');
  const built = join(web, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(join(web, 'src')),
    statSync(join(web, 'index.html')).mtimeMs,
    statSync(join(web, 'vite.config.mts')).mtimeMs,
    newestMtime(join(ROOT, 'libs', 'contracts')),
    newestMtime(join(ROOT, 'libs', 'dashboard')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync('npx', ['vite', 'build', '--config', join(web, 'vite.config.mts'), '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Jest sets NODE_ENV=test, which would make Vite build React's development bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** Once per run: test database migrated, workflow bundle built (reused while the sources are unchanged). */
export default async function globalSetup(): Promise<void> {
  await ensureDatabase(TEST_DATABASE_URL);
  await runMigrations({ database: { url: TEST_DATABASE_URL, poolSize: 2 } });
  const sources = Math.max(
    newestMtime(join(ROOT, 'workflows')),
    newestMtime(join(ROOT, 'libs', 'contracts')),
  );
  if (!existsSync(TEST_WORKFLOW_BUNDLE) || statSync(TEST_WORKFLOW_BUNDLE).mtimeMs < sources) {
    const { bundle } = require('../../scripts/bundle-workflows.js') as {
      bundle: (f: string) => Promise<string>;
    };
    await bundle(TEST_WORKFLOW_BUNDLE);
  }
  buildWebApp();
}
