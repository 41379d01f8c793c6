import request from 'supertest';
import { DataSource } from 'typeorm';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { importText, seedVariant } from './evaluation-fixtures';

interface Span {
  seq: number;
  start: number;
  end: number;
}

/** GET /evaluations/:id/source-text: the extracted text, and where each finding and recommendation came from. */
describe('GET /api/v1/evaluations/:id/source-text', () => {
  let stack: TestStack;
  let reviewer: TestAccount;
  let id: string;
  let submitted: string;
  let detail: { findings: Array<{ seq: number; title: string }>; recommendations: Array<{ seq: number }> };
  const http = () => stack.api.getHttpServer();

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    submitted = seedVariant();
    const res = await importText(stack, reviewer.auth, submitted, '反馈表.txt').expect(201);
    id = res.body.evaluation.id;
    detail = res.body;
  });
  afterAll(() => stack?.close());

  it('answers the exact text the parser read, with the format, and spans that point at their items', async () => {
    const res = await request(http())
      .get(`/api/v1/evaluations/${id}/source-text`)
      .set(reviewer.auth)
      .expect(200);
    expect(res.body).toMatchObject({ text: submitted, format: 'txt', ocr: false, pages: null });
    const text = res.body.text as string;
    // The parser's spans (where it reports them) cover the item's own heading.
    for (const span of res.body.findings as Span[]) {
      const finding = detail.findings.find((f) => f.seq === span.seq)!;
      expect(text.slice(span.start, span.end).replace(/\s+/g, '')).toContain(
        finding.title.replace(/\s+/g, ''),
      );
    }
  });

  it('lists stored spans in seq order and leaves out items without one (added by hand)', async () => {
    const db = stack.api.get(DataSource);
    await db.query('UPDATE finding SET spanStart = NULL, spanEnd = NULL WHERE evaluationId = ?', [id]);
    await db.query('UPDATE finding SET spanStart = 10, spanEnd = 40 WHERE evaluationId = ? AND seq = 2', [
      id,
    ]);
    await db.query('UPDATE finding SET spanStart = 50, spanEnd = 90 WHERE evaluationId = ? AND seq = 1', [
      id,
    ]);
    await db.query(
      'UPDATE recommendation SET spanStart = 100 + seq, spanEnd = 200 + seq WHERE evaluationId = ?',
      [id],
    );
    const res = await request(http())
      .get(`/api/v1/evaluations/${id}/source-text`)
      .set(reviewer.auth)
      .expect(200);
    expect(res.body.findings).toEqual([
      { seq: 1, start: 50, end: 90 },
      { seq: 2, start: 10, end: 40 },
    ]);
    expect(res.body.recommendations).toEqual(
      detail.recommendations.map((r) => ({ seq: r.seq, start: 100 + r.seq, end: 200 + r.seq })),
    );
  });

  it('is scoped like GET /evaluations/:id: a department does not see a draft (404), nor an unknown id', async () => {
    const dept = await createUserAndLogin(stack, { role: 'dept_user' });
    await request(http()).get(`/api/v1/evaluations/${id}`).set(dept.auth).expect(404);
    await request(http()).get(`/api/v1/evaluations/${id}/source-text`).set(dept.auth).expect(404);
    await request(http())
      .get('/api/v1/evaluations/00000000-0000-4000-8000-000000000000/source-text')
      .set(reviewer.auth)
      .expect(404);
  });
});
