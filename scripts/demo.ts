/**
 * Demo data for `npm run stack`: the demo units and one account per role, the seed feedback form imported as a
 * draft evaluation, and — through the running API, as the reviewer — that evaluation issued to 景德镇市工业和信息化局,
 * so its four rectification workflows are live in Temporal. Idempotent: a rerun changes nothing.
 * The demo password is generated once and kept in var/demo-credentials.json (git-ignored).
 *   node dist/scripts/demo.js        (after db-setup, with the API running)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@rectiflow/config';
import { buildDataSourceOptions, EvaluationEntity, UnitEntity } from '@rectiflow/persistence';
import { LocalFileStore } from '@rectiflow/storage';
import { DEMO_USERS, seedAccounts } from './seed-accounts';
import { seedDemoEvaluation } from './seed-demo';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

function demoPassword(file: string): string {
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { password: string }).password;
  const password = `Demo-${randomBytes(6).toString('hex')}1`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ password, users: DEMO_USERS.map((u) => u.username) }, null, 2), {
    mode: 0o600,
  });
  return password;
}

async function http<T>(
  base: string,
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const password = demoPassword(resolve(process.cwd(), 'var', 'demo-credentials.json'));
  const db = new DataSource(buildDataSourceOptions(config));
  await db.initialize();
  let evaluationId: string | null;
  let unitId: number;
  try {
    await seedAccounts(db, { password, log });
    evaluationId = (await seedDemoEvaluation(db, new LocalFileStore(config.storage.dir), log)).evaluationId;
    unitId = (await db.getRepository(UnitEntity).findOneByOrFail({ code: 'gxj' })).id;
    const evaluation = evaluationId
      ? await db.getRepository(EvaluationEntity).findOneBy({ id: evaluationId })
      : null;
    if (!evaluation || evaluation.status !== 'draft') {
      log(
        evaluation
          ? `demo evaluation already ${evaluation.status}: not issuing again`
          : 'no demo evaluation to issue',
      );
      evaluationId = null;
    }
  } finally {
    await db.destroy();
  }
  if (evaluationId) {
    const base = config.http.publicBaseUrl;
    const login = await http<{ accessToken: string }>(base, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'reviewer', password }),
    });
    if (login.status !== 200)
      throw new Error(`demo login failed (${login.status}): ${JSON.stringify(login.body)}`);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: config.notifications.timezone });
    const issued = await http<{ rectifications?: unknown[] }>(
      base,
      `/api/v1/evaluations/${evaluationId}/issue`,
      {
        method: 'POST',
        token: login.body.accessToken,
        body: JSON.stringify({
          deliveryDate: today,
          unitId,
          deadlineRule: { kind: 'calendar_days', days: 90 },
        }),
      },
    );
    if (issued.status !== 200)
      throw new Error(
        `issuing the demo evaluation failed (${issued.status}): ${JSON.stringify(issued.body)}`,
      );
    log(`demo evaluation issued: ${issued.body.rectifications?.length ?? 0} rectification workflows started`);
  }
  log(
    `demo accounts: ${DEMO_USERS.map((u) => u.username).join(', ')} — password: ${password} (var/demo-credentials.json)`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`demo data failed: ${(err as Error).message}\n`);
  process.exit(1);
});
