import request from 'supertest';
import { DataSource } from 'typeorm';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { importText, smallForm } from './evaluation-fixtures';

describe('draft editing: optimistic locking, the draft rule, the audit trail', () => {
  let stack: TestStack;
  let reviewer: TestAccount;
  let http: ReturnType<TestStack['api']['getHttpServer']>;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    http = stack.api.getHttpServer();
  });
  afterAll(() => stack?.close());

  /** A fresh draft: 3 findings paired 1↔1, 2↔2, 3↔3 (or the seed). */
  async function draft(text = smallForm()): Promise<string> {
    const res = await importText(stack, reviewer.auth, text).expect(201);
    return res.body.evaluation.id;
  }
  const url = (id: string, path = '') => `/api/v1/evaluations/${id}${path}`;

  describe('optimistic locking and the draft rule', () => {
    it('answers 409 CONFLICT for a stale expectedVersion and writes nothing', async () => {
      const id = await draft();
      await request(http)
        .patch(url(id))
        .set(reviewer.auth)
        .send({ projectName: 'A', expectedVersion: 1 })
        .expect(200);
      const stale = await request(http)
        .patch(url(id))
        .set(reviewer.auth)
        .send({ projectName: 'B', expectedVersion: 1 })
        .expect(409);
      expect(stale.body.error).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'STALE_VERSION', expectedVersion: 1, currentVersion: 2 },
      });
      for (const [method, path, body] of [
        ['patch', '/findings/1', { title: 'x', expectedVersion: 1 }],
        ['post', '/findings/1/split', { offset: 2, expectedVersion: 1 }],
        ['post', '/findings/merge', { seqs: [1, 2], expectedVersion: 1 }],
        ['post', '/findings', { text: 'x', expectedVersion: 1 }],
        ['patch', '/recommendations/1', { title: 'x', expectedVersion: 1 }],
        ['post', '/recommendations', { text: 'x', expectedVersion: 1 }],
      ] as const) {
        const res = await request(http)[method](url(id, path)).set(reviewer.auth).send(body);
        expect([path, res.status, res.body.error?.code]).toEqual([path, 409, 'CONFLICT']);
      }
      await request(http)
        .delete(url(id, '/recommendations/1'))
        .query({ expectedVersion: 1 })
        .set(reviewer.auth)
        .expect(409);
      const got = (await request(http).get(url(id)).set(reviewer.auth)).body;
      expect(got.evaluation).toMatchObject({ projectName: 'A', version: 2 });
      expect(got.findings).toHaveLength(3);
      expect(got.recommendations).toHaveLength(3);
    });

    it.each(['issued', 'finished', 'cancelled'])(
      'refuses every edit once the evaluation is %s (409 TRANSITION_NOT_ALLOWED)',
      async (status) => {
        const id = await draft();
        await stack.api.get(DataSource).query('UPDATE evaluation SET status = ? WHERE id = ?', [status, id]);
        for (const [method, path, body] of [
          ['patch', '', { projectName: 'x' }],
          ['patch', '/findings/1', { title: 'x' }],
          ['post', '/findings/1/split', { offset: 2 }],
          ['post', '/findings/merge', { seqs: [1, 2] }],
          ['post', '/findings', { text: 'x' }],
          ['delete', '/findings/1', undefined],
          ['patch', '/recommendations/1', { title: 'x' }],
          ['post', '/recommendations', { text: 'x' }],
          ['delete', '/recommendations/1', undefined],
        ] as const) {
          const res = await request(http)[method](url(id, path)).set(reviewer.auth).send(body);
          expect([path, res.status, res.body.error?.code, res.body.error?.details]).toEqual([
            path,
            409,
            'TRANSITION_NOT_ALLOWED',
            { reason: 'NOT_DRAFT', status },
          ]);
        }
        const got = (await request(http).get(url(id)).set(reviewer.auth).expect(200)).body;
        expect(got.evaluation).toMatchObject({ status, version: 1 });
      },
    );

    it('records the import and every successful edit in the audit trail, not the refused ones', async () => {
      const id = await draft();
      await request(http).patch(url(id)).set(reviewer.auth).send({ score: 88 }).expect(200);
      await request(http)
        .post(url(id, '/findings/merge'))
        .set(reviewer.auth)
        .send({ seqs: [1, 2] })
        .expect(200);
      await request(http)
        .patch(url(id))
        .set(reviewer.auth)
        .send({ score: 89, expectedVersion: 1 })
        .expect(409);
      await request(http).delete(url(id, '/recommendations/3')).set(reviewer.auth).expect(200);
      const rows: Array<{ action: string; actorId: number; payload: string | Record<string, unknown> }> =
        await stack.api
          .get(DataSource)
          .query(
            `SELECT action, actorId, payload FROM audit_log WHERE entityType = 'evaluation' AND entityId = ? ORDER BY id`,
            [id],
          );
      expect(rows.map((r) => [r.action, r.actorId])).toEqual([
        ['evaluation.import', reviewer.user.id],
        ['evaluation.update', reviewer.user.id],
        ['evaluation.finding.merge', reviewer.user.id],
        ['evaluation.recommendation.delete', reviewer.user.id],
      ]);
      const payload = (r: (typeof rows)[number]) =>
        typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload;
      expect(payload(rows[0])).toMatchObject({ format: 'txt', findings: 3, recommendations: 3 });
      expect(payload(rows[1])).toEqual({ changes: { score: 88 }, version: 2 });
      expect(payload(rows[3])).toEqual({ seq: 3, version: 4 });
    });

    it('answers 404 for edits of an unknown evaluation', async () => {
      await request(http)
        .patch(url('7d3f0a52-98c1-4c55-9a57-2a0f4a1f0e11'))
        .set(reviewer.auth)
        .send({ projectName: 'x' })
        .expect(404);
    });
  });
});
