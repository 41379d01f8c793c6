import 'reflect-metadata';
import { ConfigError, loadConfig } from '@rectiflow/config';
import { formatPreflightFailures, preflight } from '@rectiflow/health';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const outcomes = await preflight(config);
  if (outcomes.some((o) => !o.ok)) {
    process.stderr.write(`Rectiflow API cannot start:\n${formatPreflightFailures(outcomes)}\n`);
    process.exit(1);
  }
  const app = await createApiApp(config);
  await app.listen(config.http.port, config.http.host);
  process.stderr.write(
    `Rectiflow API listening on ${config.http.publicBaseUrl} (docs: ${config.http.publicBaseUrl}/api/docs)\n`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Rectiflow API failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
