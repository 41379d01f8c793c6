import { DataSource } from 'typeorm';
import { ensureDatabase, runMigrations } from '../../libs/persistence/src/database-setup';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { testConfig } from '../support/test-config';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { dayOffset, Http, importSeed, issueSeed, rid, step } from '../ledger/rectification-http';
import { PrivateMariaDb } from './private-servers';

/**
 * MariaDB crashes (SIGKILL) while a department submits steps and comes back: meanwhile every answer is a 503 that
 * names MySQL (never a 500), and after recovery the steps go through and the timeline holds each event once.
 */
describe('fault: MariaDB restarted while steps are submitted', () => {
  const mariadb = new PrivateMariaDb();
  let stack: TestStack;
  let http: Http;
  let db: DataSource;
  let reviewer: TestAccount;
  let dept: TestAccount;
  let evaluationId: string;

  beforeAll(async () => {
    await mariadb.start();
    const url = mariadb.url('rectiflow_fault');
    await ensureDatabase(url);
    await runMigrations({ database: { url, poolSize: 2 } });
    stack = await startTestStack({ config: testConfig({ DATABASE_URL: url }) });
    http = stack.api.getHttpServer();
    db = dataSourceOf(stack);
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, { deliveryDate: dayOffset(0), unitId: dept.unitId });
  });
  afterAll(async () => {
    await stack?.close().catch(() => undefined);
    await mariadb.destroy();
  });

  it('answers 503 during the outage, never 500, and takes the steps once it is back', async () => {
    const ids = [1, 2, 3, 4].map((seq) => rid(evaluationId, seq));
    await mariadb.kill();
    const during = await Promise.all(
      ids.map((id) => step(http, dept, id, 'acknowledge', { comment: '收到' })),
    );
    for (const res of during) {
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(JSON.stringify(res.body.error)).toContain('mysql');
    }

    await mariadb.start();
    for (const id of ids)
      await eventually(
        async () => (await step(http, dept, id, 'acknowledge', { comment: '收到' })).status === 200,
        60_000,
        500,
      );
    for (const id of ids) {
      const events = await eventually(async () => {
        const rows: { action: string }[] = await db.query(
          'SELECT action FROM rectification_event WHERE rectificationId = ? ORDER BY seq',
          [id],
        );
        return rows.length >= 2 ? rows.map((r) => r.action) : null;
      });
      expect(events.filter((a) => a === 'acknowledge')).toHaveLength(1);
      expect(events[0]).toBe('issued');
    }
  });
});
