import request from 'supertest';
import { DataSource } from 'typeorm';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';
import { importFile, importText, smallForm } from './evaluation-fixtures';

/**
 * Who may do what: importing and draft editing are for bureau_admin / bureau_reviewer; reading is for every
 * bureau role and the auditor, and for a department only once the evaluation is issued to a unit in its scope.
 * Outside one's scope an evaluation does not exist (404).
 */
describe('evaluations: authentication, roles and unit scope', () => {
  let stack: TestStack;
  let http: ReturnType<TestStack['api']['getHttpServer']>;
  let admin: TestAccount;
  let deptUser: TestAccount;
  let otherDeptUser: TestAccount;
  let auditor: TestAccount;
  let leader: TestAccount;
  let marker: string;
  let draftId: string;
  let issuedId: string;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    http = stack.api.getHttpServer();
    [admin, deptUser, otherDeptUser, auditor, leader] = await Promise.all([
      createUserAndLogin(stack, { role: 'bureau_admin' }),
      createUserAndLogin(stack, { role: 'dept_user' }),
      createUserAndLogin(stack, { role: 'dept_user' }),
      createUserAndLogin(stack, { role: 'auditor' }),
      createUserAndLogin(stack, { role: 'bureau_leader' }),
    ]);
    marker = `访问${Date.now()}`;
    const form = () => smallForm().replace('某市农业农村局', `某市${marker}局`);
    draftId = (await importText(stack, admin.auth, form()).expect(201)).body.evaluation.id;
    issuedId = (await importText(stack, admin.auth, form()).expect(201)).body.evaluation.id;
    // Issuing is the workflow's job; here the row is set as the workflow will leave it.
    await stack.api
      .get(DataSource)
      .query(
        `UPDATE evaluation SET status = 'issued', departmentUnitId = ?, issuedAt = NOW(3) WHERE id = ?`,
        [deptUser.unitId, issuedId],
      );
  });
  afterAll(() => stack?.close());

  const ids = (res: request.Response) => res.body.items.map((i: { id: string }) => i.id);

  it('answers 401 without a token on every route', async () => {
    const routes: Array<[method: 'get' | 'post' | 'patch' | 'delete', path: string]> = [
      ['post', '/api/v1/evaluations/import'],
      ['get', '/api/v1/evaluations'],
      ['get', `/api/v1/evaluations/${draftId}`],
      ['get', `/api/v1/evaluations/${draftId}/source`],
      ['patch', `/api/v1/evaluations/${draftId}`],
      ['patch', `/api/v1/evaluations/${draftId}/findings/1`],
      ['post', `/api/v1/evaluations/${draftId}/findings/merge`],
      ['delete', `/api/v1/evaluations/${draftId}/recommendations/1`],
    ];
    for (const [method, path] of routes) {
      const res = await request(http)[method](path).send({});
      expect([path, res.status, res.body.error?.code]).toEqual([path, 401, 'UNAUTHENTICATED']);
    }
  });

  it('lets only bureau_admin and bureau_reviewer import and edit (403 for the others)', async () => {
    for (const account of [deptUser, auditor, leader]) {
      const imp = await importFile(stack, account.auth, Buffer.from(smallForm()), 'a.txt');
      expect([account.user.role, imp.status, imp.body.error?.code]).toEqual([
        account.user.role,
        403,
        'FORBIDDEN',
      ]);
      const edit = await request(http)
        .patch(`/api/v1/evaluations/${draftId}`)
        .set(account.auth)
        .send({ projectName: 'x' });
      expect([account.user.role, edit.status]).toEqual([account.user.role, 403]);
    }
    const reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    await request(http)
      .patch(`/api/v1/evaluations/${draftId}/findings/1`)
      .set(reviewer.auth)
      .send({ title: '已核对' })
      .expect(200);
  });

  it('shows drafts to bureau roles and the auditor, never to departments', async () => {
    for (const account of [admin, leader, auditor]) {
      await request(http).get(`/api/v1/evaluations/${draftId}`).set(account.auth).expect(200);
      await request(http).get(`/api/v1/evaluations/${draftId}/source`).set(account.auth).expect(200);
      const list = await request(http)
        .get('/api/v1/evaluations')
        .query({ q: marker })
        .set(account.auth)
        .expect(200);
      expect(ids(list).sort()).toEqual([draftId, issuedId].sort());
    }
    for (const account of [deptUser, otherDeptUser]) {
      const res = await request(http).get(`/api/v1/evaluations/${draftId}`).set(account.auth).expect(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      await request(http).get(`/api/v1/evaluations/${draftId}/source`).set(account.auth).expect(404);
    }
  });

  it('shows an issued evaluation to its department, not to other departments', async () => {
    const own = await request(http).get(`/api/v1/evaluations/${issuedId}`).set(deptUser.auth).expect(200);
    expect(own.body.evaluation).toMatchObject({ status: 'issued', departmentUnitId: deptUser.unitId });
    const list = await request(http)
      .get('/api/v1/evaluations')
      .query({ q: marker })
      .set(deptUser.auth)
      .expect(200);
    expect(ids(list)).toEqual([issuedId]);

    await request(http).get(`/api/v1/evaluations/${issuedId}`).set(otherDeptUser.auth).expect(404);
    const otherList = await request(http)
      .get('/api/v1/evaluations')
      .query({ q: marker })
      .set(otherDeptUser.auth)
      .expect(200);
    expect(otherList.body).toMatchObject({ total: 0, items: [] });

    const deptLeader = await createUserAndLogin(stack, { role: 'dept_leader', unitId: deptUser.unitId });
    await request(http).get(`/api/v1/evaluations/${issuedId}`).set(deptLeader.auth).expect(200);
    await request(http).get(`/api/v1/evaluations/${draftId}`).set(deptLeader.auth).expect(404);
  });
});
