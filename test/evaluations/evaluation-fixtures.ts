import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ROOT } from '../support/test-config';
import type { TestStack } from '../support/test-stack';

export const SEED_PATH = join(ROOT, 'libs', 'importer', 'fixtures', 'seed', '000_e9da2ade9415734b.txt');
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');

/**
 * The seed with a unique HTML comment appended: the parser ignores it (the parse is identical) but the bytes,
 * hence the SHA-256, differ, so every test run imports a "new" document into the persistent test database.
 */
export function seedVariant(): string {
  return `${SEED_TEXT}\n<!-- rectiflow e2e ${randomUUID()} -->\n`;
}

/** A minimal but well-formed feedback form, unique per call. */
export function smallForm(
  opts: { problems?: string[]; recommendations?: string[]; score?: string; grade?: string } = {},
): string {
  const problems = opts.problems ?? ['预算编制不够细化。', '绩效目标设置不合理。', '资金拨付不及时。'];
  const recs = opts.recommendations ?? ['细化预算编制。', '合理设置绩效目标。', '及时拨付资金。'];
  return [
    '某市财政支出绩效评价结果反馈表',
    `评价组织机构\t某市财政局\t项目主管部门\t某市农业农村局`,
    `项目单位名称\t某市农业技术推广中心\t项目起止时间\t2023年1月-12月`,
    `评价机构\t某咨询有限公司\t评价时间\t2024年5月`,
    `评价分值\t${opts.score ?? '85.5'}\t评价结论\t${opts.grade ?? '良'}`,
    '主要问题与建议',
    '一、存在的问题',
    ...problems.map((p, i) => `${i + 1}. ${p}`),
    '二、相关建议',
    ...recs.map((r, i) => `${i + 1}. ${r}`),
    `<!-- ${randomUUID()} -->`,
    '',
  ].join('\n');
}

export interface RowCounts {
  sourceDocuments: number;
  evaluations: number;
  findings: number;
  recommendations: number;
}

/**
 * Rows written on behalf of one user. Test files run in parallel against one database, so "nothing was
 * written" is checked for the test's own (fresh) account rather than for whole tables.
 */
export async function rowsOf(dataSource: DataSource, userId: number): Promise<RowCounts> {
  const [row] = await dataSource.query(
    `SELECT
       (SELECT COUNT(*) FROM source_document WHERE uploadedById = ?) AS sourceDocuments,
       (SELECT COUNT(*) FROM evaluation WHERE createdById = ?) AS evaluations,
       (SELECT COUNT(*) FROM finding f JOIN evaluation e ON e.id = f.evaluationId WHERE e.createdById = ?) AS findings,
       (SELECT COUNT(*) FROM recommendation r JOIN evaluation e ON e.id = r.evaluationId WHERE e.createdById = ?) AS recommendations`,
    [userId, userId, userId, userId],
  );
  return {
    sourceDocuments: Number(row.sourceDocuments),
    evaluations: Number(row.evaluations),
    findings: Number(row.findings),
    recommendations: Number(row.recommendations),
  };
}

/** POST /evaluations/import with JSON { text }; returns the supertest response. */
export function importText(stack: TestStack, auth: Record<string, string>, text: string, filename?: string) {
  return request(stack.api.getHttpServer())
    .post('/api/v1/evaluations/import')
    .set(auth)
    .send(filename === undefined ? { text } : { text, filename });
}

/** POST /evaluations/import as multipart with a `file` part. */
export function importFile(
  stack: TestStack,
  auth: Record<string, string>,
  content: Buffer,
  filename: string,
  contentType = 'text/plain',
) {
  return request(stack.api.getHttpServer())
    .post('/api/v1/evaluations/import')
    .set(auth)
    .attach('file', content, { filename, contentType });
}
