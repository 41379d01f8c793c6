import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { fixturePath, readFixture, SEED_FIXTURE } from '../testing/fixtures.testing';
import { runImportCli } from './import-cli.runner';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO_ROOT, 'libs', 'importer', 'src', 'cli', 'import.cli.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI exactly as `npm run -s import -- …` would: a separate process via tsx. */
function runCli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(TSX, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code: unknown = error ? (error as { code?: unknown }).code : 0;
      done({ code: typeof code === 'number' ? code : -1, stdout, stderr });
    });
  });
}

describe('import CLI (child process)', () => {
  jest.setTimeout(60_000);
  let dir: string;
  const runs: Record<string, Promise<Run>> = {};

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'importer-cli-'));
    const binary = Buffer.alloc(2048);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919 + 13) & 0xff;
    writeFileSync(join(dir, 'random.bin'), binary);
    writeFileSync(join(dir, 'seed-gbk.txt'), iconv.encode(readFixture(SEED_FIXTURE), 'gbk'));
    writeFileSync(join(dir, 'notes.txt'), '今天天气很好，我们去公园散步。\n');
    writeFileSync(join(dir, 'empty.txt'), '');
    // Spawning tsx is slow; start every run at once.
    runs.seed = runCli('--json', fixturePath(SEED_FIXTURE));
    runs.gbk = runCli('--json', join(dir, 'seed-gbk.txt'));
    runs.binary = runCli('--json', join(dir, 'random.bin'));
    runs.missing = runCli('--json', join(dir, 'does-not-exist.txt'));
    runs.noStructure = runCli('--json', join(dir, 'notes.txt'));
    runs.empty = runCli('--json', join(dir, 'empty.txt'));
    runs.help = runCli('--help');
    runs.noArgs = runCli();
  });

  afterAll(async () => {
    await Promise.all(Object.values(runs));
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints exactly one JSON object for the seed and exits 0', async () => {
    const run = await runs.seed;
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual([
      'kind',
      'resultsTableRows',
      'evaluation',
      'findings',
      'recommendations',
      'warnings',
    ]);
    expect(out.kind).toBe('feedback_form');
    expect(out.resultsTableRows).toBeNull();
    expect(out.evaluation.score).toBe(80.08);
    expect(out.findings).toHaveLength(4);
    // Provenance: each span covers the finding in the file's text, with a scored confidence.
    const source = readFixture(SEED_FIXTURE);
    for (const f of out.findings) {
      expect(source.slice(f.span.start, f.span.end)).toContain(f.title.slice(0, 8));
      expect(f.confidence.score).toBeGreaterThan(0.8);
      expect(f.confidence.reasons.map((x: { code: string }) => x.code)).toEqual([
        'numbered_heading',
        'paired_by_number',
      ]);
    }
    expect(out.recommendations).toHaveLength(4);
    expect(out.warnings).toEqual([]);
  });

  it('reads a GBK file the same way', async () => {
    const [seed, gbk] = await Promise.all([runs.seed, runs.gbk]);
    expect(gbk.code).toBe(0);
    expect(JSON.parse(gbk.stdout)).toEqual(JSON.parse(seed.stdout));
  });

  it.each([
    ['binary', 'BINARY_FILE'],
    ['missing', 'READ_FAILED'],
    ['noStructure', 'NO_STRUCTURE'],
    ['empty', 'EMPTY_FILE'],
  ])('%s input → {"error":{code:%s}} on stdout and exit 2', async (name, code) => {
    const run = await runs[name];
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['error']);
    expect(out.error.code).toBe(code);
    expect(out.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a results publication table with RESULTS_TABLE and the row count', async () => {
    // In-process (the runner is the CLI without its shell): spawning more tsx processes is slow.
    const run = await runImportCli(['--json', fixturePath('variations/kind-results-table-pipes.txt')]);
    expect(run.exitCode).toBe(2);
    const out = JSON.parse(run.stdout);
    expect(out.error.code).toBe('RESULTS_TABLE');
    expect(out.error.message).toContain('共 4 行');
  });

  it('imports a cover letter with its deadline and no findings', async () => {
    const run = await runImportCli(['--json', fixturePath('variations/kind-review-letter-attachment.txt')]);
    expect(run.exitCode).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.kind).toBe('review_letter');
    expect(out.evaluation).toMatchObject({
      documentNumber: '乐财绩函〔2023〕5号',
      documentDate: '2023-01-18',
      rectificationDeadline: '2023-02-18',
    });
    expect(out.findings).toEqual([]);
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['PROBLEMS_IN_ATTACHMENT']);
  });

  it('--help prints usage on stderr only', async () => {
    const run = await runs.help;
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('usage');
  });

  it('without a file it still answers with JSON on stdout and exit 2', async () => {
    const run = await runs.noArgs;
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.code).toBe('USAGE');
  });
});
