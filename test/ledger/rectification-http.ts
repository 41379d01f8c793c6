/**
 * HTTP helpers shared by the ledger and evidence e2e tests: import the real seed (with a unique marker line so
 * reruns and parallel files never collide on its SHA-256), issue it, take steps, upload and download evidence.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import type { TestAccount } from '../support/auth';
import { ROOT } from '../support/test-config';
import { eventually, TestStack } from '../support/test-stack';

const SEED = readFileSync(resolve(ROOT, 'libs/importer/fixtures/seed/000_e9da2ade9415734b.txt'), 'utf8');

export type Http = ReturnType<TestStack['api']['getHttpServer']>;
export const rid = (evaluationId: string, seq: number): string => `rectification-${evaluationId}-${seq}`;

/** Today (or today ± days) as the bureau's calendar reads it. */
export function dayOffset(days: number): string {
  return new Date(Date.now() + days * 86400000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

export async function importSeed(http: Http, who: TestAccount): Promise<string> {
  const text = `${SEED}\n（测试标记 ${Date.now()}-${Math.random()}）`;
  const res = await request(http).post('/api/v1/evaluations/import').set(who.auth).send({ text }).expect(201);
  return res.body.evaluation.id as string;
}

/** Issues the evaluation and waits, generously (a loaded machine), until all four findings are in the read model. */
export async function issueSeed(
  http: Http,
  who: TestAccount,
  evaluationId: string,
  body: Record<string, unknown>,
): Promise<void> {
  await request(http).post(`/api/v1/evaluations/${evaluationId}/issue`).set(who.auth).send(body).expect(200);
  await eventually(
    async () => {
      const res = await request(http).get('/api/v1/rectifications').query({ evaluationId }).set(who.auth);
      return res.status === 200 && res.body.total === 4;
    },
    120_000,
    500,
  );
}

export function step(
  http: Http,
  who: TestAccount,
  id: string,
  path: string,
  body: object = {},
  key?: string,
): request.Test {
  const req = request(http).post(`/api/v1/rectifications/${id}/${path}`).set(who.auth);
  if (key) req.set('Idempotency-Key', key);
  return req.send(body);
}

/** 签收 → 方案 → 批准: the item is 整改中 and takes evidence. */
export async function toInProgress(
  http: Http,
  dept: TestAccount,
  reviewer: TestAccount,
  id: string,
): Promise<void> {
  await step(http, dept, id, 'acknowledge', { comment: '收到' }).expect(200);
  await step(http, dept, id, 'plan', {
    responsiblePerson: '张三',
    measures: [{ content: '修订绩效目标编制办法', targetDate: dayOffset(60) }],
  }).expect(200);
  const approved = await step(http, reviewer, id, 'plan/approve', { comment: '同意' }).expect(200);
  expect(approved.body.status).toBe('in_progress');
}

export interface UploadFile {
  name: string;
  bytes: Buffer;
}

export function uploadEvidence(
  http: Http,
  who: TestAccount,
  id: string,
  files: UploadFile[],
  fields: Record<string, string> = { description: '整改报告', effectiveDate: '2026-12-20' },
  key?: string,
): request.Test {
  const req = request(http).post(`/api/v1/rectifications/${id}/evidence`).set(who.auth);
  if (key) req.set('Idempotency-Key', key);
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  for (const f of files) req.attach('files', f.bytes, { filename: f.name, contentType: 'application/pdf' });
  return req;
}

/** GET a binary body (download, export) as a Buffer. */
export function getBinary(
  http: Http,
  who: TestAccount,
  path: string,
  query: Record<string, unknown> = {},
): request.Test {
  return request(http)
    .get(path)
    .query(query)
    .set(who.auth)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
}
