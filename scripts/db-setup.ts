/**
 * Creates the application database (and the test database next to it) and runs the migrations.
 * Usage: node dist/scripts/db-setup.js   (npm run db:setup)
 */
import 'reflect-metadata';
import { loadConfig } from '@rectiflow/config';
import { ensureDatabase, runMigrations, splitDatabaseUrl } from '@rectiflow/persistence';

async function main(): Promise<void> {
  const config = loadConfig();
  const { database } = splitDatabaseUrl(config.database.url);
  const testUrl = config.database.url.replace(new RegExp(`/${database}(\\?|$)`), `/${database}_test$1`);
  for (const url of [config.database.url, testUrl]) {
    await ensureDatabase(url);
    process.stderr.write(`database ready: ${splitDatabaseUrl(url).database}\n`);
  }
  const applied = await runMigrations(config);
  process.stderr.write(
    applied.length ? `migrations applied: ${applied.join(', ')}\n` : 'migrations: up to date\n',
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`database setup failed: ${(err as Error).message}\n`);
  process.exit(1);
});
