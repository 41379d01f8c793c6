import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { ParseResult } from '../model/parse-result.types';
import { parseFeedbackForm } from '../parser/parse-feedback-form';

/** Test-only helpers for the fixture corpus under libs/importer/fixtures. */
export const FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures');
export const SEED_FIXTURE = 'seed/000_e9da2ade9415734b.txt';

export function fixturePath(relative: string): string {
  return join(FIXTURES_DIR, relative);
}

export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

export function parseFixture(relative: string): ParseResult {
  return parseFeedbackForm(readFixture(relative));
}

/** Every text fixture (seed + variations), as paths relative to the fixtures directory. */
export function listTextFixtures(): string[] {
  const variations = readdirSync(join(FIXTURES_DIR, 'variations'))
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => `variations/${f}`);
  return [SEED_FIXTURE, ...variations];
}

export function warningCodes(result: ParseResult): string[] {
  return result.warnings.map((w) => w.code);
}

/** Warnings about pairing problems with recommendations (the golden cases must have none). */
export const PAIRING_CODES = [
  'NO_RECOMMENDATIONS',
  'COUNT_MISMATCH',
  'PAIRING_BY_POSITION',
  'SINGLE_RECOMMENDATION_FOR_ALL',
];
