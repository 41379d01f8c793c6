import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, ensureDatabase, runMigrations } from '../../libs/persistence/src';
import { createAdmin } from '../../scripts/create-admin';
import { DEMO_USERS, seedAccounts } from '../../scripts/seed-accounts';
import { login } from '../support/auth';
import { ROOT, TEST_DATABASE_URL, TEST_REDIS_URL, TEST_TEMPORAL_ADDRESS } from '../support/test-config';
import { startTestStack, TestStack } from '../support/test-stack';

/**
 * The demo accounts and the first-admin CLI, in a database of their own: the demo usernames are fixed, so they
 * must not collide with other test files (or their passwords) in the shared test database.
 */
describe('seedAccounts and create-admin', () => {
  const url = TEST_DATABASE_URL.replace(
    /\/[A-Za-z0-9_]+(\?|$)/,
    `/rectiflow_test_seed_${randomBytes(4).toString('hex')}$1`,
  );
  let ds: DataSource;
  let stack: TestStack;
  const lines: string[] = [];

  beforeAll(async () => {
    await ensureDatabase(url);
    await runMigrations({ database: { url, poolSize: 2 } });
    ds = new DataSource(buildDataSourceOptions({ database: { url, poolSize: 2 } }));
    await ds.initialize();
    stack = await startTestStack({ worker: false, overrides: { DATABASE_URL: url } });
  });
  afterAll(async () => {
    await stack?.close();
    await ds?.query(`DROP DATABASE IF EXISTS \`${new URL(url).pathname.slice(1)}\``);
    await ds?.destroy();
  });

  it('creates the demo units and one account per role, idempotently', async () => {
    const first = await seedAccounts(ds, {
      password: 'Demo-passw0rd',
      passwords: { admin: 'Admin-passw0rd' },
      log: (l) => lines.push(l),
    });
    const again = await seedAccounts(ds, { password: 'Other-passw0rd', log: (l) => lines.push(l) });
    expect(again).toEqual(first);
    expect(Object.keys(first.units)).toEqual(['czj', 'gxj', 'gxj-xm', 'jyj']);
    expect(new Set(DEMO_USERS.map((u) => u.role)).size).toBe(6);
    expect(lines.join('\n')).not.toMatch(/passw0rd/i);

    const units = await ds.query('SELECT code, name, kind, parentId FROM unit ORDER BY id');
    expect(units).toEqual([
      { code: 'czj', name: '景德镇市财政局', kind: 'bureau', parentId: null },
      { code: 'gxj', name: '景德镇市工业和信息化局', kind: 'department', parentId: null },
      { code: 'gxj-xm', name: expect.any(String), kind: 'project_unit', parentId: first.units.gxj },
      { code: 'jyj', name: '景德镇市教育局', kind: 'department', parentId: null },
    ]);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM app_user'))[0].n)).toBe(DEMO_USERS.length);

    // The second run did not change passwords; each account logs in and sees what its role allows.
    await login(stack, 'admin', 'Admin-passw0rd');
    const leader = await login(stack, 'gxj_leader', 'Demo-passw0rd');
    const me = await request(stack.api.getHttpServer())
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${leader.accessToken}`)
      .expect(200);
    expect(me.body.visibleUnitIds).toEqual([first.units.gxj, first.units['gxj-xm']]);
    const jyj = await login(stack, 'jyj_user', 'Demo-passw0rd');
    expect(jyj.user).toMatchObject({ role: 'dept_user', unitId: first.units.jyj });

    await seedAccounts(ds, { password: 'Other-passw0rd', resetPasswords: true, log: () => undefined });
    await login(stack, 'reviewer', 'Other-passw0rd');
    await expect(seedAccounts(ds, { password: 'weak' })).rejects.toThrow(/password for admin/);
  });

  it('creates the first admin, refuses a second one of the same name, and resets it when asked', async () => {
    const created = await createAdmin(ds, { username: 'root', password: 'Root-passw0rd' });
    expect(created.created).toBe(true);
    await login(stack, 'root', 'Root-passw0rd');
    await expect(createAdmin(ds, { username: 'root', password: 'Root-passw0rd2' })).rejects.toThrow(
      /already exists/,
    );
    await expect(createAdmin(ds, { username: 'x', password: 'Root-passw0rd' })).rejects.toThrow(/username/);
    await expect(createAdmin(ds, { username: 'root2', password: 'short' })).rejects.toThrow(/password/);
    await expect(
      createAdmin(ds, { username: 'root2', password: 'Root-passw0rd', unitCode: 'gxj' }),
    ).rejects.toThrow(/bureau/);
    expect(await createAdmin(ds, { username: 'root', password: 'Root-passw0rd3', reset: true })).toEqual({
      id: created.id,
      created: false,
    });
    await login(stack, 'root', 'Root-passw0rd3');
  });

  it('works from the command line, reading the password from stdin and never printing it', async () => {
    const env = {
      PATH: process.env.PATH,
      DATABASE_URL: url,
      REDIS_URL: TEST_REDIS_URL,
      TEMPORAL_ADDRESS: TEST_TEMPORAL_ADDRESS,
      JWT_SECRET: stack.config.auth.jwtSecret,
    };
    const { stderr } = await run(
      ['scripts/create-admin.ts', '--username', 'cli-admin', '--display-name', '命令行管理员'],
      'Cli-passw0rd\n',
      env,
    );
    expect(stderr).toMatch(/administrator cli-admin created \(id \d+\)/);
    expect(stderr).not.toContain('Cli-passw0rd');
    const pair = await login(stack, 'cli-admin', 'Cli-passw0rd');
    expect(pair.user).toMatchObject({ role: 'bureau_admin', displayName: '命令行管理员' });

    const again = await run(
      ['scripts/create-admin.ts', '--username', 'cli-admin'],
      'Cli-passw0rd\n',
      env,
    ).catch((e) => e);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });
});

function run(
  args: string[],
  stdin: string,
  env: Record<string, string | undefined>,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      resolve(ROOT, 'node_modules/.bin/tsx'),
      args,
      { cwd: ROOT, env, timeout: 60_000 },
      (err, stdout, stderr) =>
        err ? reject(Object.assign(err, { stdout, stderr })) : resolvePromise({ stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}
