import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { importFile, rowsOf } from './evaluation-fixtures';

/** POST /evaluations: when reading fails, a draft by hand — so an unreadable document never blocks 下发. */
describe('POST /api/v1/evaluations — manual draft', () => {
  let stack: TestStack;
  let reviewer: TestAccount;
  const http = () => stack.api.getHttpServer();

  beforeAll(async () => {
    stack = await startTestStack({ worker: false, overrides: { IMPORT_OCR_ENABLED: 'false' } });
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
  });
  afterAll(() => stack?.close());

  it('creates a draft from JSON header facts, audit-logged; findings are then added by the draft-edit routes', async () => {
    const res = await request(http())
      .post('/api/v1/evaluations')
      .set(reviewer.auth)
      .send({ projectName: '  农村饮水安全巩固提升工程  ', organizer: '某县财政局', score: 88, grade: '良' })
      .expect(201);
    const id = res.body.evaluation.id as string;
    expect(res.body.evaluation).toMatchObject({
      status: 'draft',
      projectName: '农村饮水安全巩固提升工程',
      organizer: '某县财政局',
      score: 88,
      grade: '良',
      sourceDocument: null,
    });
    expect(res.body.findings).toEqual([]);
    const warnings = res.body.warnings as Array<{ code: string; message: string }>;
    expect(warnings[0].code).toBe('MANUAL_DRAFT');
    // The header cells not given are flagged as for an import (and cleared when filled in by PATCH).
    expect(warnings.filter((w) => w.code === 'MISSING_HEADER_FIELD').map((w) => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('「评价机构」'),
        expect.stringContaining('「项目起止时间」'),
      ]),
    );
    expect(warnings.some((w) => w.message.includes('「评价组织机构」'))).toBe(false);

    const [audit] = await stack.api
      .get(DataSource)
      .query(`SELECT actorId, action FROM audit_log WHERE entityType = 'evaluation' AND entityId = ?`, [id]);
    expect(audit).toEqual({ actorId: reviewer.user.id, action: 'evaluation.create' });

    const added = await request(http())
      .post(`/api/v1/evaluations/${id}/findings`)
      .set(reviewer.auth)
      .send({ text: '绩效目标设置不够细化，部分指标难以量化考核。' })
      .expect(201);
    expect(added.body.findings).toHaveLength(1);
    const read = await request(http()).get(`/api/v1/evaluations/${id}`).set(reviewer.auth).expect(200);
    expect(read.body.evaluation.id).toBe(id);
    await request(http()).get(`/api/v1/evaluations/${id}/source-text`).set(reviewer.auth).expect(404);
  });

  it('keeps an attached document that cannot be parsed as the source, with a warning saying why', async () => {
    const scan = Buffer.concat([
      Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
      Buffer.from(randomUUID()),
    ]);
    const refused = await importFile(stack, reviewer.auth, scan, '扫描件.png', 'image/png').expect(422);
    expect(refused.body.error.details.reason).toBe('NO_TEXT_LAYER');

    const res = await request(http())
      .post('/api/v1/evaluations')
      .set(reviewer.auth)
      .field('projectName', '市数字城管平台建设项目')
      .field('score', '79.5')
      .field('grade', '中')
      .attach('file', scan, { filename: '扫描件.png', contentType: 'image/png' })
      .expect(201);
    expect(res.body.evaluation).toMatchObject({
      projectName: '市数字城管平台建设项目',
      score: 79.5,
      grade: '中',
    });
    expect(res.body.evaluation.sourceDocument).toMatchObject({
      originalName: '扫描件.png',
      format: 'unknown',
    });
    const warning = res.body.warnings.find((w: { code: string }) => w.code === 'SOURCE_NOT_READ');
    expect(warning.message).toContain('附件「扫描件.png」未能读取文字');
    const download = await request(http())
      .get(`/api/v1/evaluations/${res.body.evaluation.id}/source`)
      .set(reviewer.auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, scan)).toBe(0);
  });

  it('refuses invalid header facts with 400 and Chinese messages naming the field, writing nothing', async () => {
    const before = await rowsOf(stack.api.get(DataSource), reviewer.user.id);
    const missing = await request(http())
      .post('/api/v1/evaluations')
      .set(reviewer.auth)
      .send({ organizer: 'x' })
      .expect(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');
    expect(missing.body.error.details.fields.projectName).toContain('缺少「项目名称」');
    const bad = await request(http())
      .post('/api/v1/evaluations')
      .set(reviewer.auth)
      .send({ projectName: '某项目', score: 120, grade: '很好' })
      .expect(400);
    expect(bad.body.error.details.fields).toMatchObject({
      score: ['「评价得分」不能大于 100'],
      grade: ['「评价等级」须为 优、良、中、差 之一'],
    });
    const form = await request(http())
      .post('/api/v1/evaluations')
      .set(reviewer.auth)
      .field('projectName', '某项目')
      .field('score', '八十')
      .expect(400);
    expect(form.body.error.details.fields.score).toContain('「评价得分」须为数字，最多两位小数');
    expect(await rowsOf(stack.api.get(DataSource), reviewer.user.id)).toEqual(before);
  });

  it('is for draft editors only: a bureau leader reads but may not create', async () => {
    const leader = await createUserAndLogin(stack, { role: 'bureau_leader' });
    await request(http())
      .post('/api/v1/evaluations')
      .set(leader.auth)
      .send({ projectName: '某项目' })
      .expect(403);
  });
});
