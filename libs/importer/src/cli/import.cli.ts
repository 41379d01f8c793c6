#!/usr/bin/env node
/**
 * Entry point: `npm run -s import -- --json FILE`. All logic lives in the runner; this file only
 * wires it to the process. Output is written with process.stdout.write so nothing else (no logger)
 * can reach stdout.
 */
import { runImportCli } from './import-cli.runner';

runImportCli(process.argv.slice(2))
  .then(({ stdout, stderr, exitCode }) => {
    if (stderr) process.stderr.write(stderr);
    process.stdout.write(stdout, () => process.exit(exitCode));
  })
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`${JSON.stringify({ error: { code: 'READ_FAILED', message } })}\n`, () =>
      process.exit(2),
    );
  });
