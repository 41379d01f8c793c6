import request from 'supertest';
import { AccessScopeService, AuthUser, restrictToUnits, Role, ROLES } from '../../libs/auth/src';
import { UnitEntity } from '../../libs/persistence/src/entities/unit.entity';
import { createUnit, createUserAndLogin, dataSourceOf } from '../support/auth';
import { startTestStack, TestStack } from '../support/test-stack';

/**
 * The unit-scoping rule on a small tree:
 *
 *   B (bureau)        D1 (department)              D2 (department)
 *                     ├── P1 (project unit)        └── P3
 *                     │   └── P1a
 *                     └── P2
 */
describe('AccessScopeService: who sees which units', () => {
  let stack: TestStack;
  let scope: AccessScopeService;
  const t: Record<'B' | 'D1' | 'P1' | 'P1a' | 'P2' | 'D2' | 'P3', number> = {} as never;
  const as = (role: Role, unitId: number): AuthUser => ({
    id: 1,
    username: 'x',
    displayName: 'x',
    role,
    unitId,
  });

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    scope = stack.api.get(AccessScopeService);
    t.B = (await createUnit(stack, { kind: 'bureau' })).id;
    t.D1 = (await createUnit(stack, { kind: 'department' })).id;
    t.P1 = (await createUnit(stack, { kind: 'project_unit', parentId: t.D1 })).id;
    t.P1a = (await createUnit(stack, { kind: 'project_unit', parentId: t.P1 })).id;
    t.P2 = (await createUnit(stack, { kind: 'project_unit', parentId: t.D1 })).id;
    t.D2 = (await createUnit(stack, { kind: 'department' })).id;
    t.P3 = (await createUnit(stack, { kind: 'project_unit', parentId: t.D2 })).id;
  });
  afterAll(() => stack?.close());

  it('gives every role its scope', async () => {
    const expected: [Role, keyof typeof t, 'all' | (keyof typeof t)[]][] = [
      ['bureau_admin', 'B', 'all'],
      ['bureau_reviewer', 'B', 'all'],
      ['bureau_leader', 'B', 'all'],
      ['auditor', 'B', 'all'],
      ['dept_user', 'D1', ['D1']],
      ['dept_user', 'P1', ['P1']],
      ['dept_leader', 'D1', ['D1', 'P1', 'P1a', 'P2']],
      ['dept_leader', 'P1', ['P1', 'P1a']],
      ['dept_leader', 'D2', ['D2', 'P3']],
    ];
    expect(new Set(expected.map(([role]) => role))).toEqual(new Set(ROLES));
    for (const [role, unit, units] of expected) {
      const want = units === 'all' ? 'all' : units.map((u) => t[u]).sort((a, b) => a - b);
      expect({ role, unit, scope: await scope.visibleUnitIds(as(role, t[unit])) }).toEqual({
        role,
        unit,
        scope: want,
      });
    }
  });

  it('fails closed for an unknown role', async () => {
    expect(await scope.visibleUnitIds(as('intruder' as Role, t.D1))).toEqual([]);
    expect(await scope.canSeeUnit(as('intruder' as Role, t.D1), t.D1)).toBe(false);
  });

  it('answers canSeeUnit, and assertCanSeeUnit throws 404 NOT_FOUND (never 403) outside the scope', async () => {
    const deptUser = as('dept_user', t.D1);
    expect(await scope.canSeeUnit(deptUser, t.D1)).toBe(true);
    expect(await scope.canSeeUnit(deptUser, t.P1)).toBe(false);
    expect(await scope.canSeeUnit(deptUser, t.D2)).toBe(false);
    expect(await scope.canSeeUnit(deptUser, null)).toBe(false);
    expect(await scope.canSeeUnit(as('dept_leader', t.D1), t.P1a)).toBe(true);
    expect(await scope.canSeeUnit(as('dept_leader', t.D1), t.P3)).toBe(false);
    expect(await scope.canSeeUnit(as('auditor', t.B), t.P3)).toBe(true);

    await expect(scope.assertCanSeeUnit(deptUser, t.D1, '整改事项')).resolves.toBeUndefined();
    await expect(scope.assertCanSeeUnit(deptUser, t.D2, '整改事项')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '整改事项不存在',
    });
  });

  it('lets only department roles act, within their scope; assertCanAct says 404 outside, 403 for bureau roles', async () => {
    expect(await scope.canAct(as('dept_user', t.D1), t.D1)).toBe(true);
    expect(await scope.canAct(as('dept_user', t.D1), t.P1)).toBe(false);
    expect(await scope.canAct(as('dept_leader', t.D1), t.P2)).toBe(true);
    expect(await scope.canAct(as('dept_leader', t.D1), t.D2)).toBe(false);
    for (const role of ['bureau_admin', 'bureau_reviewer', 'bureau_leader', 'auditor'] as const)
      expect(await scope.canAct(as(role, t.B), t.D1)).toBe(false);

    await expect(scope.assertCanAct(as('dept_user', t.D1), t.D2, '整改事项')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(scope.assertCanAct(as('bureau_reviewer', t.B), t.D1, '整改事项')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(scope.assertCanAct(as('dept_leader', t.D1), t.P1a, '整改事项')).resolves.toBeUndefined();
  });

  it('narrows queries with restrictToUnits, the empty scope included', async () => {
    const ids = async (s: 'all' | number[]) => {
      const qb = dataSourceOf(stack).getRepository(UnitEntity).createQueryBuilder('u').select('u.id', 'id');
      restrictToUnits(qb, 'u.id', s);
      restrictToUnits(qb, 'u.id', s); // twice on one query: parameter names must not clash
      return (await qb.getRawMany()).map((r) => Number(r.id)).sort((a, b) => a - b);
    };
    expect(await ids([t.P1, t.P2])).toEqual([t.P1, t.P2].sort((a, b) => a - b));
    expect(await ids([])).toEqual([]);
    expect((await ids('all')).length).toBeGreaterThanOrEqual(7);
  });

  it('follows the tree as it changes: a unit moved under D1 joins the D1 leader’s scope at once', async () => {
    const leader = await createUserAndLogin(stack, { role: 'dept_leader', unitId: t.D1 });
    const admin = await createUserAndLogin(stack, { role: 'bureau_admin', unitId: t.B });
    const moved = await createUnit(stack, { kind: 'project_unit', parentId: t.D2 });
    const before = await request(stack.api.getHttpServer())
      .get('/api/v1/auth/me')
      .set(leader.auth)
      .expect(200);
    expect(before.body.visibleUnitIds).not.toContain(moved.id);

    await request(stack.api.getHttpServer())
      .patch(`/api/v1/units/${moved.id}`)
      .set(admin.auth)
      .send({ parentId: t.P2 })
      .expect(200);
    const after = await request(stack.api.getHttpServer())
      .get('/api/v1/auth/me')
      .set(leader.auth)
      .expect(200);
    expect(after.body.visibleUnitIds).toContain(moved.id);
    expect(await scope.canSeeUnit(leader.user, moved.id)).toBe(true);
    expect(await scope.canSeeUnit(as('dept_leader', t.D2), moved.id)).toBe(false);
  });
});
