import { randomUUID } from 'node:crypto';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { QueryRunner } from 'typeorm';
import { searchQuery, searchText } from '../../libs/common/src/search-bigrams';
import { LedgerPagePlanner, SearchTokenSample, withInteractiveQueries } from '../../libs/ledger/src';
import { createUnit, createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { dayOffset, Http, importSeed, issueSeed, rid, step } from './rectification-http';

interface Page {
  items: { id: string; findingSeq: number; findingTitle: string }[];
  total: number;
  totalIsEstimate: boolean;
}

/** Holds `LOCK TABLES rectification WRITE` on its own connection: every ledger statement waits behind it. */
async function lockLedger(stack: TestStack): Promise<QueryRunner> {
  const runner = dataSourceOf(stack).createQueryRunner();
  await runner.connect();
  await runner.query('LOCK TABLES rectification WRITE');
  return runner;
}
async function unlock(runner: QueryRunner): Promise<void> {
  await runner.query('UNLOCK TABLES');
  await runner.release();
}

/** The statements of this test database whose text contains `marker`, as the server lists them. */
async function running(stack: TestStack, marker: string): Promise<{ ID: number; INFO: string }[]> {
  return dataSourceOf(stack).query(
    `SELECT ID, INFO FROM information_schema.PROCESSLIST
      WHERE DB = DATABASE() AND COMMAND = 'Query' AND INFO LIKE ? AND ID <> CONNECTION_ID()`,
    [`%${marker}%`],
  );
}

/**
 * Keyword search on the FULLTEXT bigram column the projection writes (title, unit and project name), the bounded
 * count and page limit, the statement time limit, and a search whose client went away being killed in MariaDB.
 * Slow statements are made deterministic by holding a table lock: the ledger's statement waits behind it, so
 * it is "running" for as long as the test wants — no large data set, no timing.
 */
describe('ledger search, counting and runaway statements', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let dept: TestAccount;
  let evaluationId: string;
  let unitName: string;

  const list = async (who: TestAccount, query: Record<string, unknown>) =>
    (await request(http).get('/api/v1/rectifications').query(query).set(who.auth).expect(200)).body as Page;
  const seqs = async (q: string) =>
    (await list(reviewer, { evaluationId, q, sort: 'findingSeq' })).items.map((i) => i.findingSeq);

  beforeAll(async () => {
    // A long limit: the abort test must see the kill, not the time limit, end the statement.
    stack = await startTestStack({ overrides: { LEDGER_QUERY_TIMEOUT_MS: '120000' } });
    http = stack.api.getHttpServer();
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    const unit = await createUnit(stack, { name: `景德镇市陶瓷产业发展中心${randomUUID().slice(0, 6)}` });
    unitName = unit.name;
    dept = await createUserAndLogin(stack, { role: 'dept_user', unitId: unit.id });
    evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, { deliveryDate: dayOffset(0), unitId: dept.unitId });
  });
  afterAll(() => stack?.close());

  it('finds Chinese substrings of the finding title, the project and the unit, through the FULLTEXT index', async () => {
    const all = await list(reviewer, { evaluationId, sort: 'findingSeq' });
    const title = all.items[0].findingTitle;
    expect(title).toBe('预算绩效管理待完善，预算编制依据不全面');
    expect(await seqs('编制依据')).toEqual([1]);
    expect(await seqs('预算编制依据不全面')).toEqual([1]);
    expect(await seqs('绩效 全面')).toEqual([1]); // several words: all required
    expect(await seqs('全面')).toEqual([1]); // the end of the title
    expect(await seqs('工业发展专项资金')).toEqual([1, 2, 3, 4]); // the project name
    expect(await seqs('陶瓷产业')).toEqual([1, 2, 3, 4]); // the unit's name
    expect(await seqs(unitName)).toEqual([1, 2, 3, 4]);
    expect(await seqs('编制依据不存在')).toEqual([]);
    expect(await seqs('%')).toEqual([]);
    // the department sees the same matches in its own scope
    expect((await list(dept, { q: '编制依据' })).items.map((i) => i.id)).toEqual([rid(evaluationId, 1)]);
    const [plan] = (await dataSourceOf(stack).query(
      `EXPLAIN SELECT id FROM rectification r WHERE MATCH(r.searchText) AGAINST (? IN BOOLEAN MODE)`,
      [searchQuery('编制依据')],
    )) as { type: string; key: string }[];
    expect(plan).toMatchObject({ type: 'fulltext', key: 'ft_rectification_search' });
  });

  it('finds the same rows, in the same order, walking the page order as through the FULLTEXT index', async () => {
    const ds = dataSourceOf(stack);
    const walking = new LedgerPagePlanner(ds, new SearchTokenSample());
    // a walk that gives up at once: every keyword page goes through the FULLTEXT index
    const fulltext = new LedgerPagePlanner(ds, new SearchTokenSample(), {
      pageRowsExamined: 1,
      countRowsExamined: 1,
    });
    const units = { scope: 'all' as const };
    for (const q of ['编制依据', '预算', '工业发展专项资金', '陶瓷产业 全面', '面', '不存在的词语'])
      for (const order of ['asc', 'desc'] as const) {
        const filter = { evaluationId, q, sort: 'findingSeq' as const, order };
        const req = { filter, units, offset: 0, pageSize: 2 };
        // one after the other: SHOW WARNINGS must directly follow its statement on the connection
        const [walked, indexed] = await withInteractiveQueries(
          ds,
          { timeoutMs: 0 },
          async (query, server) => [
            await walking.page(query, server, req),
            await fulltext.page(query, server, req),
          ],
        );
        const listed = await list(reviewer, { ...filter, pageSize: 2 });
        expect({ q, order, indexed }).toEqual({ q, order, indexed: walked });
        expect(walked.rows.map((r) => r.id)).toEqual(listed.items.map((i) => i.id));
        expect(walked.total).toBe(listed.total);
      }
  });

  it('estimates a keyword total over a scope far larger than its count may walk, without walking it', async () => {
    const ds = dataSourceOf(stack);
    const big = randomUUID();
    const text = searchText('财政专户资金沉淀');
    const rows = Array.from({ length: 40 }, (_, k) => k + 1);
    await ds.query(
      `INSERT INTO rectification (id, evaluationId, findingSeq, findingTitle, status, statusRank, type, unitId,
         originalDeadline, currentDeadline, currentDeadlineAt, issuedAt, state, lastEventSeq, searchText)
       VALUES ${rows.map(() => `(?, ?, ?, '财政专户资金沉淀', 'issued', 1, 'deadline', ?, '2027-03-31', '2027-03-31', NOW(3), NOW(3), '{}', 1, ?)`).join(',')}`,
      rows.flatMap((s) => [`bulk-${big}-${s}`, big, s, dept.unitId, text]),
    );
    try {
      await ds.query('ANALYZE TABLE rectification');
      const planner = new LedgerPagePlanner(ds, new SearchTokenSample(), {
        pageRowsExamined: 20_000,
        countRowsExamined: 5,
      });
      const statements: string[] = [];
      const pageOf = (id: string) =>
        withInteractiveQueries(ds, { timeoutMs: 0 }, (query, server) =>
          planner.page((sql, params, opts) => (statements.push(sql), query(sql, params, opts)), server, {
            filter: { evaluationId: id, q: '专户资金', sort: 'findingSeq', order: 'asc' },
            units: { scope: 'all' },
            offset: 0,
            pageSize: 2,
          }),
        );
      // 40 rows in scope, a count may walk 5: estimated at once, and no counting statement walks the rows
      const estimated = await pageOf(big);
      expect(estimated.rows.map((r) => r.findingSeq)).toEqual([1, 2]);
      expect(estimated).toMatchObject({ totalIsEstimate: true });
      expect(estimated.total).toBeGreaterThanOrEqual(3);
      expect(statements.some((sql) => /^SELECT COUNT/i.test(sql.trim()))).toBe(false);
      // a scope within reach of the walk is still counted exactly
      statements.length = 0;
      const small = new LedgerPagePlanner(ds, new SearchTokenSample(), {
        pageRowsExamined: 20_000,
        countRowsExamined: 200,
      });
      const counted = await withInteractiveQueries(ds, { timeoutMs: 0 }, (query, server) =>
        small.page(query, server, {
          filter: { evaluationId: big, q: '专户资金', sort: 'findingSeq', order: 'asc' },
          units: { scope: 'all' },
          offset: 0,
          pageSize: 2,
        }),
      );
      expect(counted).toMatchObject({ total: 40, totalIsEstimate: false });
    } finally {
      await ds.query('DELETE FROM rectification WHERE evaluationId = ?', [big]);
    }
  });

  it('keeps the search column in step when an item moves to another unit', async () => {
    const other = await createUnit(stack, { name: `浮梁县茶叶办公室${randomUUID().slice(0, 6)}` });
    await step(http, reviewer, rid(evaluationId, 4), 'reassign', {
      unitId: other.id,
      reason: '职责调整',
    }).expect(200);
    await eventually(async () => (await seqs('茶叶办公室')).length === 1);
    expect(await seqs('茶叶办公室')).toEqual([4]);
    expect(await seqs('陶瓷产业')).toEqual([1, 2, 3]);
  });

  it('counts exactly up to 10000, says "at least" above, and pages only through those rows', async () => {
    const big = await createUnit(stack);
    const viewer = await createUserAndLogin(stack, { role: 'dept_user', unitId: big.id });
    const evaluation = randomUUID();
    const ds = dataSourceOf(stack);
    try {
      for (let from = 0; from < 10_050; from += 1000) {
        const seqsOf = Array.from({ length: Math.min(1000, 10_050 - from) }, (_, k) => from + k + 1);
        await ds.query(
          `INSERT INTO rectification (id, evaluationId, findingSeq, findingTitle, status, statusRank, type, unitId,
             originalDeadline, currentDeadline, currentDeadlineAt, issuedAt, state, lastEventSeq, searchText)
           VALUES ${seqsOf.map(() => `(?, ?, ?, '批量问题', 'issued', 1, 'deadline', ?, '2027-03-31', '2027-03-31', NOW(3), NOW(3), '{}', 1, '')`).join(',')}`,
          seqsOf.flatMap((s) => [`bulk-${evaluation}-${s}`, evaluation, s, big.id]),
        );
      }
      const first = await list(viewer, { pageSize: 50 });
      expect(first).toMatchObject({ total: 10_000, totalIsEstimate: true });
      expect(first.items).toHaveLength(50);
      const narrowed = await list(viewer, { pageSize: 50, deadlineTo: '2027-03-31', status: 'issued' });
      expect(narrowed.totalIsEstimate).toBe(true);
      const last = await list(viewer, { pageSize: 50, page: 200 });
      expect(last.items).toHaveLength(50);
      const tooDeep = await request(http)
        .get('/api/v1/rectifications')
        .query({ pageSize: 50, page: 201 })
        .set(viewer.auth)
        .expect(400);
      expect(tooDeep.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { page: [expect.stringContaining('前 10000 条')] } },
      });
      await request(http)
        .get('/api/v1/rectifications')
        .query({ page: '1000000000000000000' })
        .set(viewer.auth)
        .expect(400);
      // below the limit the count is exact
      expect(await list(reviewer, { evaluationId, pageSize: 3 })).toMatchObject({
        total: 4,
        totalIsEstimate: false,
      });
      expect(await list(reviewer, { evaluationId, pageSize: 3, page: 2 })).toMatchObject({ total: 4 });
    } finally {
      await ds.query('DELETE FROM rectification WHERE evaluationId = ?', [evaluation]);
    }
  });

  it('kills the statement of a search whose client went away, and the API serves the next request', async () => {
    // A random pair of ideographs: its bigram token names this test's statement in the process list.
    const pair = String.fromCharCode(
      0x4e00 + Math.floor(Math.random() * 20000),
      0x4e00 + Math.floor(Math.random() * 20000),
    );
    const keyword = `编制依据${pair}`;
    const marker = searchText(pair).split(' ')[0];
    const lock = await lockLedger(stack);
    try {
      const { port } = http.address() as AddressInfo;
      const req = httpGet({
        host: '127.0.0.1',
        port,
        path: `/api/v1/rectifications?q=${encodeURIComponent(keyword)}`,
        headers: reviewer.auth,
      });
      req.on('error', () => undefined); // the abort below
      await eventually(async () => (await running(stack, marker)).length === 1);
      req.destroy();
      // Still locked: only a KILL can have ended the statement.
      await eventually(async () => (await running(stack, marker)).length === 0, 10_000);
    } finally {
      await unlock(lock);
    }
    expect((await list(reviewer, { evaluationId, q: '编制依据' })).items).toHaveLength(1);
  });

  it('answers 503 QUERY_TIMEOUT with a Chinese reason when a ledger statement runs past LEDGER_QUERY_TIMEOUT_MS', async () => {
    const short = await startTestStack({ worker: false, overrides: { LEDGER_QUERY_TIMEOUT_MS: '500' } });
    const lock = await lockLedger(stack);
    try {
      const res = await request(short.api.getHttpServer())
        .get('/api/v1/rectifications')
        .query({ q: '编制依据' })
        .set(reviewer.auth)
        .expect(503);
      expect(res.body.error).toMatchObject({
        code: 'QUERY_TIMEOUT',
        message: expect.stringMatching(/^查询超过 0\.5 秒未完成/),
      });
    } finally {
      await unlock(lock);
      await short.close();
    }
  });
});
