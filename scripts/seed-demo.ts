/**
 * Loads the demo evaluation — the real feedback form libs/importer/fixtures/seed/000_e9da2ade9415734b.txt —
 * as a draft, through the same EvaluationImportService the API uses. Idempotent: when a document with the
 * same SHA-256 is already stored it says so and changes nothing.
 * Usage: node dist/scripts/seed-demo.js   (after npm run build and npm run db:setup)
 *        npx tsx scripts/seed-demo.ts
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppError } from '@rectiflow/common';
import { loadConfig } from '@rectiflow/config';
import { EvaluationImportService, sha256Of } from '@rectiflow/evaluations';
import { buildDataSourceOptions } from '@rectiflow/persistence';
import { FileStore, LocalFileStore } from '@rectiflow/storage';

const SEED_RELATIVE = join('libs', 'importer', 'fixtures', 'seed', '000_e9da2ade9415734b.txt');

export interface SeedOutcome {
  created: boolean;
  evaluationId: string | null;
  sha256: string;
}

/** The seed document, found from both scripts/ (tsx) and dist/scripts/ (compiled). */
export function seedDocumentPath(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, SEED_RELATIVE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`seed document not found above ${from}: ${SEED_RELATIVE}`);
  }
}

export async function seedDemoEvaluation(
  dataSource: DataSource,
  fileStore: FileStore,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<SeedOutcome> {
  const path = seedDocumentPath();
  const content = await readFile(path);
  const sha256 = sha256Of(content);
  const imports = new EvaluationImportService(dataSource, fileStore);
  const existing = await imports.findBySha256(sha256);
  if (existing) {
    // The row survives a wiped storage folder; put the bytes back so that the download keeps working.
    if (!(await fileStore.exists(sha256))) {
      await fileStore.put(content);
      log('restored the stored copy of the demo document');
    }
    log(
      `demo evaluation already present (evaluation ${existing.evaluationId}, sha256 ${sha256.slice(0, 12)}…): nothing to do`,
    );
    return { created: false, evaluationId: existing.evaluationId, sha256 };
  }
  log(`importing demo feedback form ${basename(path)}…`);
  try {
    const detail = await imports.importDocument({ content, filename: basename(path), actor: null });
    log(
      `demo evaluation created: ${detail.evaluation.id} — ${detail.evaluation.projectName ?? detail.evaluation.title}, ` +
        `${detail.findings.length} findings, ${detail.recommendations.length} recommendations, ` +
        `score ${detail.evaluation.score} (${detail.evaluation.grade})`,
    );
    return { created: true, evaluationId: detail.evaluation.id, sha256 };
  } catch (err) {
    // Another seeder won the race between the check above and the insert.
    if (err instanceof AppError && err.code === 'DUPLICATE') {
      const evaluationId = (err.details?.evaluationId as string | null | undefined) ?? null;
      log(`demo evaluation already present (evaluation ${evaluationId}): nothing to do`);
      return { created: false, evaluationId, sha256 };
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(buildDataSourceOptions(config));
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) {
      throw new Error('the database has pending migrations: run `npm run db:setup` first');
    }
    log(`storage: ${config.storage.dir}`);
    await seedDemoEvaluation(dataSource, new LocalFileStore(config.storage.dir));
  } finally {
    await dataSource.destroy();
  }
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`demo seed failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
