import { Client } from '@temporalio/client';
import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../libs/auth/src/auth-user';
import { IssueEvaluationService } from '../../libs/rectification/src/issue-evaluation.service';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { seedSyntheticEvaluation } from '../support/synthetic-evaluation';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { killAppProcess, spawnWorkerProcess } from '../support/app-process';

const N = 500;
/** Fanning 500 items out twice over (before and after the crash) takes minutes on a busy 2-core machine. */
const TEST_TIMEOUT_MS = 20 * 60_000;
/** Today as the delivery date: no deadline has passed, so 下发 is the only event of each item. */
const today = (): string => new Date().toISOString().slice(0, 10);

interface ItemRow {
  seq: number;
  events: number;
  issued: number;
}

/**
 * The worker process is SIGKILLed while it fans an evaluation of 500 findings out into rectification workflows,
 * then started again: every item exists once, with exactly one 下发 event and one notice to the department —
 * nothing lost mid-flight, nothing written twice by the activities retried after the crash.
 */
describe('fault: worker killed mid fan-out of 500 findings', () => {
  let stack: TestStack;
  let ds: DataSource;
  let client: Client;
  let reviewer: AuthUser;
  let dept: TestAccount;
  let worker: ChildProcess | undefined;
  let evaluationId: string | undefined;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    ds = stack.api.get(DataSource);
    client = stack.api.get(Client);
    reviewer = (await createUserAndLogin(stack, { role: 'bureau_reviewer' })).user;
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
  });
  afterAll(async () => {
    if (worker) await killAppProcess(worker);
    if (evaluationId) {
      await client.workflow
        .getHandle(`evaluation-${evaluationId}`)
        .terminate('test done')
        .catch(() => undefined);
      const open = client.workflow.list({
        query: `RectiflowEvaluationId = "${evaluationId}" AND ExecutionStatus = "Running"`,
      });
      for await (const wf of open)
        await client.workflow
          .getHandle(wf.workflowId)
          .terminate('test done')
          .catch(() => undefined);
    }
    await stack?.close();
  });

  const items = (): Promise<ItemRow[]> =>
    ds
      .query(
        `SELECT r.findingSeq AS seq, COUNT(e.seq) AS events, SUM(e.action = 'issued') AS issued
           FROM rectification r LEFT JOIN rectification_event e ON e.rectificationId = r.id
          WHERE r.evaluationId = ? GROUP BY r.findingSeq ORDER BY r.findingSeq`,
        [evaluationId],
      )
      .then((rows: ItemRow[]) => rows.map((r) => ({ seq: +r.seq, events: +r.events, issued: +r.issued })));

  it(
    'creates every item exactly once after a SIGKILL and a restart',
    async () => {
      worker = await spawnWorkerProcess(stack.config);
      evaluationId = await seedSyntheticEvaluation(ds, N);
      await stack.api
        .get(IssueEvaluationService)
        .issue(evaluationId, { deliveryDate: today(), unitId: dept.unitId }, reviewer);

      // Kill it once the fan-out is under way but far from done.
      const before = await eventually(async () => {
        const n = (await items()).length;
        return n >= 20 ? n : null;
      }, 180_000);
      await killAppProcess(worker);
      const atKill = (await items()).length;
      expect(atKill).toBeGreaterThanOrEqual(before);
      expect(atKill).toBeLessThan(N);

      worker = await spawnWorkerProcess(stack.config);
      const rows = await eventually(
        async () => {
          const r = await items();
          return r.length === N && r.every((i) => i.events >= 1) ? r : null;
        },
        600_000,
        1000,
      );
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      expect(rows.filter((r) => r.events !== 1 || r.issued !== 1)).toEqual([]);

      // One 下发 notice per item to the department's clerk: none lost with the killed worker, none doubled.
      const notices = await eventually(
        async () => {
          const [{ n }] = await ds.query(
            `SELECT COUNT(*) AS n FROM notification WHERE userId = ? AND evaluationId = ? AND event = 'issued'`,
            [dept.user.id, evaluationId],
          );
          return +n === N ? +n : null;
        },
        300_000,
        1000,
      );
      expect(notices).toBe(N);
      const [{ distinct }] = await ds.query(
        `SELECT COUNT(DISTINCT rectificationId) AS \`distinct\` FROM notification WHERE userId = ? AND evaluationId = ?`,
        [dept.user.id, evaluationId],
      );
      expect(+distinct).toBe(N);

      // Every item's workflow is running, each once (ids are deterministic: a second start would have failed).
      const running = await eventually(
        async () => {
          const { count } = await client.workflow.count(
            `WorkflowType = "rectificationWorkflow" AND RectiflowEvaluationId = "${evaluationId}" AND ExecutionStatus = "Running"`,
          );
          return count === N ? count : null;
        },
        120_000,
        1000,
      );
      expect(running).toBe(N);
    },
    TEST_TIMEOUT_MS,
  );
});
