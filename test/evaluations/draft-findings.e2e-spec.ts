import request from 'supertest';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { importText, seedVariant, smallForm } from './evaluation-fixtures';

interface Finding {
  seq: number;
  title: string;
  text: string;
  points: Array<{ label: string; text: string; details: string[] }>;
  recommendationSeq: number | null;
}

describe('draft editing: findings', () => {
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

  describe('findings', () => {
    it('edits a finding: title, text, points and pairing', async () => {
      const id = await draft();
      const points = [{ label: '一是', text: '未细化到项目。', details: ['①未测算', '②无依据'] }];
      const res = await request(http)
        .patch(url(id, '/findings/2'))
        .set(reviewer.auth)
        .send({
          title: '绩效目标不明确',
          text: '绩效目标不明确。一是未细化到项目。',
          points,
          recommendationSeq: 3,
        })
        .expect(200);
      expect(res.body.findings[1]).toMatchObject({
        seq: 2,
        title: '绩效目标不明确',
        text: '绩效目标不明确。一是未细化到项目。',
        points,
        recommendationSeq: 3,
        recommendation: { seq: 3, title: '及时拨付资金' },
      });
      expect(res.body.evaluation.version).toBe(2);

      const unpaired = await request(http)
        .patch(url(id, '/findings/2'))
        .set(reviewer.auth)
        .send({ recommendationSeq: null })
        .expect(200);
      expect(unpaired.body.findings[1]).toMatchObject({ recommendationSeq: null, recommendation: null });
    });

    it('refuses a pairing with a missing recommendation, an unknown seq and bad points', async () => {
      const id = await draft();
      const bad = await request(http)
        .patch(url(id, '/findings/1'))
        .set(reviewer.auth)
        .send({ recommendationSeq: 9 })
        .expect(400);
      expect(bad.body.error.details.fields).toHaveProperty('recommendationSeq');
      await request(http).patch(url(id, '/findings/9')).set(reviewer.auth).send({ title: 'x' }).expect(404);
      await request(http).patch(url(id, '/findings/1')).set(reviewer.auth).send({ title: '   ' }).expect(400);
      await request(http)
        .patch(url(id, '/findings/1'))
        .set(reviewer.auth)
        .send({ points: [{ label: '一是' }] })
        .expect(400);
      await request(http).patch(url(id, '/findings/abc')).set(reviewer.auth).send({ title: 'x' }).expect(400);
      expect((await request(http).get(url(id)).set(reviewer.auth)).body.evaluation.version).toBe(1);
    });

    it('splits the seed’s first problem at a character offset; sub-points follow their text, later ones renumber', async () => {
      const id = await draft(seedVariant());
      const before = (await request(http).get(url(id)).set(reviewer.auth)).body;
      const text: string = before.findings[0].text;
      const offset = text.indexOf('二是');
      const res = await request(http)
        .post(url(id, '/findings/1/split'))
        .set(reviewer.auth)
        .send({ offset, expectedVersion: 1 })
        .expect(200);
      const findings: Finding[] = res.body.findings;
      expect(titles(findings)).toEqual([
        [1, '预算绩效管理待完善，预算编制依据不全面', 1],
        [2, '项目预算编制依据不全面', 1],
        [3, '贷款贴息项目立项程序不足，工作管理有待加强', 2],
        [4, '项目制度建设待健全，实施管理能力待强化', 3],
        [5, '企业对项目实施成效认可度待提升，工业经营培育不够', 4],
      ]);
      expect(findings[0].text).toBe(text.slice(0, offset).trim());
      expect(findings[1].text).toBe(text.slice(offset).trim());
      expect(findings[0].points.map((p) => p.label)).toEqual(['一是']);
      expect(findings[1].points.map((p) => p.label)).toEqual(['二是']);
      expect(findings[1].points[0].details).toHaveLength(2);
      expect(res.body.evaluation.version).toBe(2);
    });

    it('splits into given parts, each with an optional title', async () => {
      const id = await draft();
      const res = await request(http)
        .post(url(id, '/findings/2/split'))
        .set(reviewer.auth)
        .send({
          parts: [
            { text: '绩效目标缺失。' },
            { title: '指标不可衡量', text: '指标值难以衡量。' },
            { text: '二是目标与预算不匹配。' },
          ],
        })
        .expect(200);
      expect(titles(res.body.findings)).toEqual([
        [1, '预算编制不够细化', 1],
        [2, '绩效目标缺失', 2],
        [3, '指标不可衡量', 2],
        [4, '目标与预算不匹配', 2],
        [5, '资金拨付不及时', 3],
      ]);
    });

    it('refuses a split without exactly one of parts/offset, at a bad offset, or into one part', async () => {
      const id = await draft();
      const split = (body: object) =>
        request(http).post(url(id, '/findings/1/split')).set(reviewer.auth).send(body);
      expect((await split({})).status).toBe(400);
      expect((await split({ offset: 2, parts: [{ text: 'a' }, { text: 'b' }] })).status).toBe(400);
      expect((await split({ offset: 500 })).body.error.details.fields).toHaveProperty('offset');
      expect((await split({ parts: [{ text: 'only one' }] })).status).toBe(400);
      expect((await split({ parts: [{ text: 'a' }, { text: '  ' }] })).status).toBe(400);
      await request(http)
        .post(url(id, '/findings/7/split'))
        .set(reviewer.auth)
        .send({ offset: 2 })
        .expect(404);
      expect((await request(http).get(url(id)).set(reviewer.auth)).body.findings).toHaveLength(3);
    });

    it('merges non-adjacent findings into the first seq and renumbers', async () => {
      const id = await draft();
      const res = await request(http)
        .post(url(id, '/findings/merge'))
        .set(reviewer.auth)
        .send({ seqs: [3, 1] })
        .expect(200);
      expect(titles(res.body.findings)).toEqual([
        [1, '预算编制不够细化', 1],
        [2, '绩效目标设置不合理', 2],
      ]);
      expect(res.body.findings[0].text).toBe('预算编制不够细化。\n资金拨付不及时。');

      const again = await request(http)
        .post(url(id, '/findings/merge'))
        .set(reviewer.auth)
        .send({ seqs: [1, 2], title: '预算与目标管理不到位', recommendationSeq: 2 })
        .expect(200);
      expect(titles(again.body.findings)).toEqual([[1, '预算与目标管理不到位', 2]]);
    });

    it('refuses a merge of fewer than two or of unknown findings', async () => {
      const id = await draft();
      await request(http)
        .post(url(id, '/findings/merge'))
        .set(reviewer.auth)
        .send({ seqs: [1] })
        .expect(400);
      await request(http)
        .post(url(id, '/findings/merge'))
        .set(reviewer.auth)
        .send({ seqs: [2, 2] })
        .expect(400);
      await request(http)
        .post(url(id, '/findings/merge'))
        .set(reviewer.auth)
        .send({ seqs: [1, 9] })
        .expect(404);
      await request(http)
        .post(url(id, '/findings/merge'))
        .set(reviewer.auth)
        .send({ seqs: [1, 2], recommendationSeq: 9 })
        .expect(400);
      expect((await request(http).get(url(id)).set(reviewer.auth)).body.findings).toHaveLength(3);
    });

    it('deletes a finding and renumbers the rest', async () => {
      const id = await draft();
      const res = await request(http).delete(url(id, '/findings/1')).set(reviewer.auth).expect(200);
      expect(titles(res.body.findings)).toEqual([
        [1, '绩效目标设置不合理', 2],
        [2, '资金拨付不及时', 3],
      ]);
      await request(http).delete(url(id, '/findings/3')).set(reviewer.auth).expect(404);
      await request(http)
        .delete(url(id, '/findings/1'))
        .query({ expectedVersion: 1 })
        .set(reviewer.auth)
        .expect(409);
      const ok = await request(http)
        .delete(url(id, '/findings/1'))
        .query({ expectedVersion: 2 })
        .set(reviewer.auth)
        .expect(200);
      expect(titles(ok.body.findings)).toEqual([[1, '资金拨付不及时', 3]]);
    });

    it('adds a finding at the end or at a position', async () => {
      const id = await draft();
      const end = await request(http)
        .post(url(id, '/findings'))
        .set(reviewer.auth)
        .send({ text: '档案管理不规范。资料缺失。' })
        .expect(201);
      expect(titles(end.body.findings).at(-1)).toEqual([4, '档案管理不规范', null]);
      const first = await request(http)
        .post(url(id, '/findings'))
        .set(reviewer.auth)
        .send({ title: '新问题', text: '新问题的描述。', recommendationSeq: 1, position: 1, points: [] })
        .expect(201);
      expect(titles(first.body.findings)).toEqual([
        [1, '新问题', 1],
        [2, '预算编制不够细化', 1],
        [3, '绩效目标设置不合理', 2],
        [4, '资金拨付不及时', 3],
        [5, '档案管理不规范', null],
      ]);
      await request(http)
        .post(url(id, '/findings'))
        .set(reviewer.auth)
        .send({ text: 'x', position: 7 })
        .expect(400);
      await request(http)
        .post(url(id, '/findings'))
        .set(reviewer.auth)
        .send({ text: 'x', recommendationSeq: 4 })
        .expect(400);
    });

    it('keeps seqs dense and unique under concurrent structural edits', async () => {
      const id = await draft();
      const answers = await Promise.all([
        ...Array.from({ length: 4 }, (_, i) =>
          request(http)
            .post(url(id, '/findings'))
            .set(reviewer.auth)
            .send({ text: `并发新增${i}。`, position: 1 }),
        ),
        request(http)
          .post(url(id, '/findings/2/split'))
          .set(reviewer.auth)
          .send({ parts: [{ text: '甲。' }, { text: '乙。' }] }),
        request(http).delete(url(id, '/findings/1')).set(reviewer.auth),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201, 201, 201, 201]);
      const final = (await request(http).get(url(id)).set(reviewer.auth)).body;
      expect(final.findings.map((f: Finding) => f.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(final.evaluation.version).toBe(7);
    });
  });
});
