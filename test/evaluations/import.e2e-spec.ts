import * as iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { parseFeedbackForm } from '../../libs/importer/src';
import { EvaluationImportService } from '../../libs/evaluations/src';
import { FileStore } from '../../libs/storage/src';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { importFile, importText, rowsOf, SEED_TEXT, seedVariant, smallForm } from './evaluation-fixtures';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('POST /api/v1/evaluations/import → draft evaluation; GET it back', () => {
  let stack: TestStack;
  let admin: TestAccount;
  let http: ReturnType<TestStack['api']['getHttpServer']>;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
    http = stack.api.getHttpServer();
  });
  afterAll(() => stack?.close());

  it('imports the seed as the golden case and reads it back', async () => {
    const text = seedVariant();
    const name = '2023年工业发展专项资金绩效评价结果反馈表.txt';
    const res = await importFile(stack, admin.auth, Buffer.from(text, 'utf8'), name).expect(201);
    const { evaluation, findings, recommendations, warnings } = res.body;

    expect(evaluation).toMatchObject({
      status: 'draft',
      version: 1,
      title: '景德镇市财政支出绩效评价结果反馈表',
      projectName: '2023年工业发展专项资金项目',
      organizer: '景德镇市财政局',
      supervisingDepartment: '景德镇市工业和信息化局',
      projectUnit: '景德镇市工业和信息化局',
      projectPeriod: '2023年1月-12月',
      evaluator: '江西源起思成管理咨询有限公司',
      evaluationPeriod: '2024年6月-7月',
      score: 80.08,
      grade: '良',
      budget: 2900,
      allocated: 1717,
      spent: 1659,
      executionRate: 96.62,
      departmentUnitId: null,
      createdById: admin.user.id,
      issuedAt: null,
      sourceDocument: {
        originalName: name,
        sha256: sha256(text),
        size: Buffer.byteLength(text),
        format: 'txt',
        encoding: expect.stringMatching(/utf-?8/i),
        uploadedById: admin.user.id,
      },
    });
    expect(evaluation.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(evaluation.basicInfo).toMatch(/^基于《景德镇市工业倍增三年行动计划/);
    expect(evaluation.performanceSummary).toMatch(/^1\. 强化政策引导，助力工业发展。/);
    expect(warnings).toEqual([]);

    expect(
      findings.map((f: { seq: number; title: string; recommendationSeq: number }) => [
        f.seq,
        f.title,
        f.recommendationSeq,
      ]),
    ).toEqual([
      [1, '预算绩效管理待完善，预算编制依据不全面', 1],
      [2, '贷款贴息项目立项程序不足，工作管理有待加强', 2],
      [3, '项目制度建设待健全，实施管理能力待强化', 3],
      [4, '企业对项目实施成效认可度待提升，工业经营培育不够', 4],
    ]);
    expect(recommendations.map((r: { seq: number; title: string }) => [r.seq, r.title])).toEqual([
      [1, '强化项目预算管理，结合实际编制预算'],
      [2, '规范项目立项程序，加强工作管理'],
      [3, '健全项目管理制度，加强项目整体工作管理'],
      [4, '加强工业发展及管理，提升企业对项目成效认可度'],
    ]);
    for (const f of findings)
      expect(f.recommendation).toMatchObject({ seq: f.seq, title: recommendations[f.seq - 1].title });

    // Exactly what the parser says about the original seed: nothing lost or altered on the way to MySQL.
    // (Provenance — span and confidence — is the parser's view of the source text; the API does not
    // store it on the finding rows, so it is left out of this comparison.)
    const parsed = parseFeedbackForm(SEED_TEXT);
    const stored = (x: object): Record<string, unknown> => ({ ...x, span: undefined, confidence: undefined });
    expect(
      findings.map((f: object) => ({
        ...f,
        id: undefined,
        recommendation: undefined,
        rectification: undefined,
        repeatOf: undefined, // 屡查屡犯: compared in test/documents/repeat-findings.e2e-spec.ts
      })),
    ).toEqual(parsed.findings.map((f) => ({ ...stored(f), id: undefined, recommendation: undefined })));
    expect(recommendations.map((r: object) => ({ ...r, id: undefined }))).toEqual(
      parsed.recommendations.map((r) => ({ ...stored(r), id: undefined })),
    );
    expect(findings[0].points).toHaveLength(2);
    expect(findings[0].points[0]).toMatchObject({
      label: '一是',
      details: ['绩效目标与实际工作内容未全面相关。', '设置指标归类不够科学。', '指标值难以衡量。'],
    });
    expect(findings[1].points).toEqual([
      expect.objectContaining({ label: '', details: expect.arrayContaining(['事前绩效评估认识不足。']) }),
    ]);

    const got = await request(http).get(`/api/v1/evaluations/${evaluation.id}`).set(admin.auth).expect(200);
    expect(got.body).toEqual(res.body);
  });

  it('answers 409 DUPLICATE with the existing evaluation for the same document, also sent as JSON text', async () => {
    const text = seedVariant();
    const first = await importFile(stack, admin.auth, Buffer.from(text, 'utf8'), 'a.txt').expect(201);
    const before = await rowsOf(stack.api.get(DataSource), admin.user.id);

    const again = await importFile(stack, admin.auth, Buffer.from(text, 'utf8'), '另一个名字.txt').expect(
      409,
    );
    expect(again.body.error).toMatchObject({
      code: 'DUPLICATE',
      details: { reason: 'DUPLICATE_DOCUMENT', evaluationId: first.body.evaluation.id, sha256: sha256(text) },
    });
    // JSON { text } stores the UTF-8 bytes of the text, so the same text is the same document.
    const asJson = await importText(stack, admin.auth, text).expect(409);
    expect(asJson.body.error.details.evaluationId).toBe(first.body.evaluation.id);
    expect(await rowsOf(stack.api.get(DataSource), admin.user.id)).toEqual(before);
  });

  it('lets concurrent imports of one document produce one evaluation and 409s naming it', async () => {
    const content = Buffer.from(smallForm(), 'utf8');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => importFile(stack, admin.auth, content, 'race.txt')),
    );
    const created = answers.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const others = answers.filter((r) => r.status !== 201);
    expect(others.map((r) => r.status)).toEqual([409, 409, 409, 409]);
    for (const r of others) expect(r.body.error.details.evaluationId).toBe(created[0].body.evaluation.id);
  });

  it('turns the unique-key violation of a lost race into 409, not 500', async () => {
    const content = Buffer.from(smallForm(), 'utf8');
    const first = await importFile(stack, admin.auth, content, 'x.txt').expect(201);
    // A service whose duplicate pre-check misses once behaves exactly like the loser of a race.
    class LateImport extends EvaluationImportService {
      private misses = 1;
      override async findBySha256(hash: string) {
        return this.misses-- > 0 ? null : super.findBySha256(hash);
      }
    }
    const service = new LateImport(stack.api.get(DataSource), stack.api.get(FileStore));
    await expect(
      service.importDocument({ content, filename: 'x.txt', actor: admin.user }),
    ).rejects.toMatchObject({
      code: 'DUPLICATE',
      details: { evaluationId: first.body.evaluation.id },
    });
  });

  it('imports a GBK-encoded .txt upload and keeps its Chinese file name', async () => {
    const text = smallForm();
    const gbk = iconv.encode(text, 'gbk');
    const name = '农业技术推广项目绩效评价反馈表（GBK）.txt';
    const res = await importFile(stack, admin.auth, gbk, name).expect(201);
    expect(res.body.evaluation.sourceDocument).toMatchObject({
      originalName: name,
      sha256: sha256(gbk),
      size: gbk.length,
      format: 'txt',
      encoding: expect.stringMatching(/gb/i),
    });
    expect(res.body.evaluation).toMatchObject({ organizer: '某市财政局', score: 85.5, grade: '良' });
    expect(res.body.findings).toHaveLength(3);

    // The original bytes come back, with the name in RFC 5987 form.
    const download = await request(http)
      .get(`/api/v1/evaluations/${res.body.evaluation.id}/source`)
      .set(admin.auth)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, gbk)).toBe(0);
    expect(download.headers['content-type']).toMatch(/^text\/plain; charset=gb/i);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
  });

  it('imports JSON { text } under the given or the default name', async () => {
    const res = await importText(stack, admin.auth, smallForm({ score: '72', grade: '中' })).expect(201);
    expect(res.body.evaluation).toMatchObject({
      status: 'draft',
      score: 72,
      grade: '中',
      sourceDocument: { originalName: 'pasted-text.txt', format: 'txt' },
    });
    const named = await importText(stack, admin.auth, smallForm(), 'C:\\fakepath\\粘贴.txt').expect(201);
    expect(named.body.evaluation.sourceDocument.originalName).toBe('粘贴.txt');
  });

  it('keeps the parser warnings with the draft', async () => {
    const res = await importText(stack, admin.auth, smallForm({ score: '85', grade: '优' })).expect(201);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'SCORE_GRADE_MISMATCH' })]);
    const got = await request(http)
      .get(`/api/v1/evaluations/${res.body.evaluation.id}`)
      .set(admin.auth)
      .expect(200);
    expect(got.body.warnings).toEqual(res.body.warnings);
  });

  it('lists evaluations with filters and paging', async () => {
    const marker = `标记${Date.now()}`;
    const a = await importText(
      stack,
      admin.auth,
      smallForm({ grade: '良' }).replace('某市农业农村局', `某市${marker}局`),
    ).expect(201);
    const b = await importText(
      stack,
      admin.auth,
      smallForm({ score: '95', grade: '优' }).replace('某市农业农村局', `某市${marker}局`),
    ).expect(201);

    const all = await request(http)
      .get('/api/v1/evaluations')
      .query({ q: marker })
      .set(admin.auth)
      .expect(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([
      b.body.evaluation.id,
      a.body.evaluation.id,
    ]);
    expect(all.body.items[0]).toMatchObject({
      status: 'draft',
      grade: '优',
      score: 95,
      supervisingDepartment: `某市${marker}局`,
      findingCount: 3,
      warningCount: 0,
      sourceDocumentName: 'pasted-text.txt',
    });
    expect(all.body.items[0]).not.toHaveProperty('basicInfo');

    const good = await request(http)
      .get('/api/v1/evaluations')
      .query({ q: marker, grade: '良', status: 'draft' })
      .set(admin.auth)
      .expect(200);
    expect(good.body.items.map((i: { id: string }) => i.id)).toEqual([a.body.evaluation.id]);
    const page2 = await request(http)
      .get('/api/v1/evaluations')
      .query({ q: marker, page: 2, pageSize: 1 })
      .set(admin.auth)
      .expect(200);
    expect(page2.body).toMatchObject({
      total: 2,
      page: 2,
      pageSize: 1,
      items: [{ id: a.body.evaluation.id }],
    });
    const none = await request(http)
      .get('/api/v1/evaluations')
      .query({ q: `${marker}%` })
      .set(admin.auth)
      .expect(200);
    expect(none.body.total).toBe(0);
    await request(http).get('/api/v1/evaluations').query({ status: 'nonsense' }).set(admin.auth).expect(400);
    await request(http).get('/api/v1/evaluations').query({ pageSize: 1000 }).set(admin.auth).expect(400);
  });

  it('answers 404 for an unknown evaluation and 400 for a malformed id', async () => {
    const missing = await request(http)
      .get('/api/v1/evaluations/7d3f0a52-98c1-4c55-9a57-2a0f4a1f0e11')
      .set(admin.auth)
      .expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    await request(http)
      .get('/api/v1/evaluations/7d3f0a52-98c1-4c55-9a57-2a0f4a1f0e11/source')
      .set(admin.auth)
      .expect(404);
    await request(http).get('/api/v1/evaluations/not-a-uuid').set(admin.auth).expect(400);
  });
});
