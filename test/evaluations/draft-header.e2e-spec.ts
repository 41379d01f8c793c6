import request from 'supertest';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { importText, smallForm } from './evaluation-fixtures';

interface Finding {
  seq: number;
  title: string;
  text: string;
  points: Array<{ label: string; text: string; details: string[] }>;
  recommendationSeq: number | null;
}

describe('draft editing: header facts and recommendations', () => {
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
  const titles = (fs: Finding[]) => fs.map((f) => [f.seq, f.title, f.recommendationSeq]);

  describe('PATCH /evaluations/:id (header facts)', () => {
    it('corrects facts, bumps the version and recomputes the score/grade warning', async () => {
      const id = await draft();
      const up = await request(http).patch(url(id)).set(reviewer.auth).send({ score: 91.5 }).expect(200);
      expect(up.body.evaluation).toMatchObject({ score: 91.5, grade: '良', version: 2 });
      expect(up.body.warnings).toEqual([
        {
          code: 'SCORE_GRADE_MISMATCH',
          message: '评价分值 91.5 对应等级「优」，与评价结论「良」不一致 (score and grade disagree)',
        },
      ]);
      const fixed = await request(http)
        .patch(url(id))
        .set(reviewer.auth)
        .send({
          grade: '优',
          evaluator: '  另一家咨询公司  ',
          projectName: '农业技术推广项目',
          budget: 120.5,
          expectedVersion: 2,
        })
        .expect(200);
      expect(fixed.body.evaluation).toMatchObject({
        grade: '优',
        evaluator: '另一家咨询公司',
        projectName: '农业技术推广项目',
        budget: 120.5,
        version: 3,
      });
      expect(fixed.body.warnings).toEqual([]);

      const cleared = await request(http)
        .patch(url(id))
        .set(reviewer.auth)
        .send({ organizer: null, evaluationPeriod: '' })
        .expect(200);
      expect(cleared.body.evaluation).toMatchObject({ organizer: null, evaluationPeriod: null, version: 4 });
      expect(cleared.body.warnings.map((w: { message: string }) => w.message)).toEqual([
        '缺少表头字段「评价组织机构」(missing header field: organizer)',
        '缺少表头字段「评价时间」(missing header field: evaluationPeriod)',
      ]);
      const got = await request(http).get(url(id)).set(reviewer.auth).expect(200);
      expect(got.body).toEqual(cleared.body);
    });

    it.each([
      ['a score over 100', { score: 101 }, 'score'],
      ['a negative score', { score: -1 }, 'score'],
      ['three decimals', { score: 80.123 }, 'score'],
      ['a score as a string', { score: '80' }, 'score'],
      ['a grade outside 优/良/中/差', { grade: '优秀' }, 'grade'],
      ['an over-long organizer', { organizer: 'x'.repeat(256) }, 'organizer'],
      ['a status change', { status: 'issued' }, 'status'],
      ['a version', { version: 7 }, 'version'],
      ['expectedVersion 0', { expectedVersion: 0 }, 'expectedVersion'],
    ])('rejects %s with 400 naming the field, and changes nothing', async (_what, body, field) => {
      const id = await draft();
      const res = await request(http).patch(url(id)).set(reviewer.auth).send(body).expect(400);
      expect(res.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { [field]: expect.any(Array) } },
      });
      expect((await request(http).get(url(id)).set(reviewer.auth)).body.evaluation.version).toBe(1);
    });

    it('rejects an empty patch', async () => {
      const id = await draft();
      const res = await request(http)
        .patch(url(id))
        .set(reviewer.auth)
        .send({ expectedVersion: 1 })
        .expect(400);
      expect(res.body.error.details.reason).toBe('EMPTY_PATCH');
    });
  });

  describe('recommendations', () => {
    it('edits, inserts and deletes recommendations; findings’ pairings follow', async () => {
      const id = await draft();
      const edited = await request(http)
        .patch(url(id, '/recommendations/2'))
        .set(reviewer.auth)
        .send({ title: '科学设置绩效目标', text: '科学设置绩效目标，细化量化指标。' })
        .expect(200);
      expect(edited.body.recommendations[1]).toMatchObject({ seq: 2, title: '科学设置绩效目标' });
      expect(edited.body.findings[1].recommendation).toMatchObject({ seq: 2, title: '科学设置绩效目标' });

      const inserted = await request(http)
        .post(url(id, '/recommendations'))
        .set(reviewer.auth)
        .send({ text: '总体建议：加强预算绩效管理。', position: 1 })
        .expect(201);
      expect(
        inserted.body.recommendations.map((r: { seq: number; title: string }) => [r.seq, r.title]),
      ).toEqual([
        [1, '总体建议：加强预算绩效管理'],
        [2, '细化预算编制'],
        [3, '科学设置绩效目标'],
        [4, '及时拨付资金'],
      ]);
      expect(titles(inserted.body.findings)).toEqual([
        [1, '预算编制不够细化', 2],
        [2, '绩效目标设置不合理', 3],
        [3, '资金拨付不及时', 4],
      ]);

      const removed = await request(http)
        .delete(url(id, '/recommendations/3'))
        .set(reviewer.auth)
        .expect(200);
      expect(removed.body.recommendations.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
      expect(titles(removed.body.findings)).toEqual([
        [1, '预算编制不够细化', 2],
        [2, '绩效目标设置不合理', null],
        [3, '资金拨付不及时', 3],
      ]);
      expect(removed.body.findings[2].recommendation).toMatchObject({ seq: 3, title: '及时拨付资金' });
      expect(removed.body.evaluation.version).toBe(4);
      await request(http)
        .patch(url(id, '/recommendations/9'))
        .set(reviewer.auth)
        .send({ title: 'x' })
        .expect(404);
      await request(http).patch(url(id, '/recommendations/1')).set(reviewer.auth).send({}).expect(400);
    });
  });
});
