import { ensureDatabase, runMigrations } from '../../libs/persistence/src/database-setup';
import { TEST_DATABASE_URL } from './test-config';

/**
 * A migrated database of this test file's own, beside the shared test database: for tests that change a
 * bureau-wide setting (the default policy) which other files, running at the same time, would otherwise read.
 * Returns its URL, for `startTestStack({ overrides: { DATABASE_URL } })`.
 */
export async function privateTestDatabase(suffix: string): Promise<string> {
  const url = TEST_DATABASE_URL.replace(
    /\/([^/?]+)(\?.*)?$/,
    (_m, db: string, q?: string) => `/${db}_${suffix}${q ?? ''}`,
  );
  await ensureDatabase(url);
  await runMigrations({ database: { url, poolSize: 2 } });
  return url;
}
