import request from 'supertest';
import { createUnit, createUserAndLogin, TestAccount, uniq } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';

describe('units API', () => {
  let stack: TestStack;
  let admin: TestAccount;
  const http = () => stack.api.getHttpServer();

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    admin = await createUserAndLogin(stack, { role: 'bureau_admin' });
  });
  afterAll(() => stack?.close());

  it('creates a department and a project unit below it, and shows them flat and as a tree', async () => {
    const code = uniq('gxj');
    const dept = await request(http())
      .post('/api/v1/units')
      .set(admin.auth)
      .send({
        code,
        name: '景德镇市工业和信息化局',
        kind: 'department',
        contactEmails: ['office@gxj.example.cn'],
      })
      .expect(201);
    expect(dept.body).toMatchObject({
      id: expect.any(Number),
      code,
      name: '景德镇市工业和信息化局',
      kind: 'department',
      parentId: null,
      contactEmails: ['office@gxj.example.cn'],
      webhookUrl: null,
      active: true,
    });
    const xm = await request(http())
      .post('/api/v1/units')
      .set(admin.auth)
      .send({
        code: `${code}-xm`,
        name: '项目单位',
        kind: 'project_unit',
        parentId: dept.body.id,
        webhookUrl: 'http://oa.intranet/hook',
      })
      .expect(201);
    expect(xm.body).toMatchObject({ parentId: dept.body.id, webhookUrl: 'http://oa.intranet/hook' });

    const list = await request(http()).get('/api/v1/units').set(admin.auth).expect(200);
    expect(list.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: xm.body.id, parentId: dept.body.id })]),
    );

    const tree = await request(http()).get('/api/v1/units/tree').set(admin.auth).expect(200);
    const node = tree.body.find((n: { id: number }) => n.id === dept.body.id);
    expect(node.children).toEqual([
      expect.objectContaining({ id: xm.body.id, code: `${code}-xm`, children: [] }),
    ]);

    await request(http()).get(`/api/v1/units/${xm.body.id}`).set(admin.auth).expect(200);
    const missing = await request(http()).get('/api/v1/units/999999999').set(admin.auth).expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('updates a unit and answers with the new state', async () => {
    const unit = await createUnit(stack, { kind: 'department' });
    const res = await request(http())
      .patch(`/api/v1/units/${unit.id}`)
      .set(admin.auth)
      .send({ name: '景德镇市教育局', active: false, contactEmails: ['a@b.cn', 'c@d.cn'], webhookUrl: null })
      .expect(200);
    expect(res.body).toMatchObject({
      id: unit.id,
      name: '景德镇市教育局',
      active: false,
      contactEmails: ['a@b.cn', 'c@d.cn'],
    });
  });

  it('rejects bad input field by field (400), unknown fields included', async () => {
    const res = await request(http())
      .post('/api/v1/units')
      .set(admin.auth)
      .send({
        code: '../etc',
        name: '',
        kind: 'ministry',
        parentId: 'x',
        contactEmails: ['not-an-email'],
        webhookUrl: 'ftp://x',
        color: 'red',
      })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(
      ['code', 'color', 'contactEmails', 'kind', 'name', 'parentId', 'webhookUrl'].sort(),
    );
    expect(res.body.error.details.fields.code[0]).toMatch(/单位编码/);
  });

  it('answers 409 DUPLICATE for a taken code (case-insensitively), on create and on rename', async () => {
    const taken = await createUnit(stack, { kind: 'department' });
    const dup = await request(http())
      .post('/api/v1/units')
      .set(admin.auth)
      .send({ code: taken.code.toUpperCase(), name: '重复', kind: 'department' })
      .expect(409);
    expect(dup.body.error).toMatchObject({ code: 'DUPLICATE', details: { field: 'code' } });
    const other = await createUnit(stack, { kind: 'department' });
    await request(http())
      .patch(`/api/v1/units/${other.id}`)
      .set(admin.auth)
      .send({ code: taken.code })
      .expect(409);
  });

  it('answers 404 for a missing parent and 400 for a parent of the wrong kind or a cycle', async () => {
    const missing = await request(http())
      .post('/api/v1/units')
      .set(admin.auth)
      .send({ code: uniq('u'), name: '孤儿', kind: 'project_unit', parentId: 999999999 })
      .expect(404);
    expect(missing.body.error.message).toMatch(/上级单位/);

    const noParent = await request(http())
      .post('/api/v1/units')
      .set(admin.auth)
      .send({ code: uniq('u'), name: '项目', kind: 'project_unit' })
      .expect(400);
    expect(noParent.body.error.details.fields).toHaveProperty('parentId');

    const dept = await createUnit(stack, { kind: 'department' });
    const pu = await createUnit(stack, { kind: 'project_unit', parentId: dept.id });
    const below = await createUnit(stack, { kind: 'project_unit', parentId: pu.id });
    const upward = await request(http())
      .post('/api/v1/units')
      .set(admin.auth)
      .send({ code: uniq('u'), name: '部门', kind: 'department', parentId: pu.id })
      .expect(400);
    expect(upward.body.error.details.fields.parentId[0]).toMatch(/不能低于/);

    const cycle = await request(http())
      .patch(`/api/v1/units/${pu.id}`)
      .set(admin.auth)
      .send({ parentId: below.id })
      .expect(400);
    expect(cycle.body.error.details.fields.parentId[0]).toMatch(/下级单位/);
    await request(http())
      .patch(`/api/v1/units/${pu.id}`)
      .set(admin.auth)
      .send({ parentId: pu.id })
      .expect(400);

    // A change of kind must fit both the parent above and the units below.
    const raise = await request(http())
      .patch(`/api/v1/units/${pu.id}`)
      .set(admin.auth)
      .send({ kind: 'bureau' })
      .expect(400);
    expect(raise.body.error.details.fields).toHaveProperty('parentId');
    const top = await createUnit(stack, { kind: 'bureau' });
    const mid = await createUnit(stack, { kind: 'department', parentId: top.id });
    const subDept = await createUnit(stack, { kind: 'department', parentId: mid.id });
    const lower = await request(http())
      .patch(`/api/v1/units/${mid.id}`)
      .set(admin.auth)
      .send({ kind: 'project_unit' })
      .expect(400);
    expect(lower.body.error.details.fields).toHaveProperty('kind');
    expect(lower.body.error.message).toContain(subDept.code);
    await request(http())
      .patch(`/api/v1/units/${pu.id}`)
      .set(admin.auth)
      .send({ parentId: null, kind: 'department' })
      .expect(200);
  });

  it('lets bureau roles and auditors read, only bureau_admin write, and department roles nothing (403)', async () => {
    const unit = await createUnit(stack, { kind: 'department' });
    for (const role of ['bureau_reviewer', 'bureau_leader', 'auditor'] as const) {
      const reader = await createUserAndLogin(stack, { role });
      await request(http()).get('/api/v1/units').set(reader.auth).expect(200);
      await request(http()).get('/api/v1/units/tree').set(reader.auth).expect(200);
      const denied = await request(http())
        .post('/api/v1/units')
        .set(reader.auth)
        .send({ code: uniq('u'), name: 'x', kind: 'department' })
        .expect(403);
      expect(denied.body.error).toMatchObject({
        code: 'FORBIDDEN',
        details: { requiredRoles: ['bureau_admin'], role },
      });
      await request(http())
        .patch(`/api/v1/units/${unit.id}`)
        .set(reader.auth)
        .send({ name: 'x' })
        .expect(403);
    }
    for (const role of ['dept_user', 'dept_leader'] as const) {
      const dept = await createUserAndLogin(stack, { role });
      await request(http()).get('/api/v1/units').set(dept.auth).expect(403);
      await request(http()).get(`/api/v1/units/${dept.unitId}`).set(dept.auth).expect(403);
      await request(http()).post('/api/v1/units').set(dept.auth).send({}).expect(403);
    }
  });
});
