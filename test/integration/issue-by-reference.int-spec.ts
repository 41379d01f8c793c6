import { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../libs/auth/src/auth-user';
import { ISSUE_PAGE_SIZE } from '../../libs/contracts/src';
import { IssueEvaluationService } from '../../libs/rectification/src/issue-evaluation.service';
import { IssuePageService } from '../../libs/rectification/src/issue-page.service';
import { createUserAndLogin } from '../support/auth';
import { seedSyntheticEvaluation } from '../support/synthetic-evaluation';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

/** Temporal's default BlobSizeLimitWarn: a payload above it is logged as "Blob data size exceeds the warning limit". */
/** The delivery date is today, so no deadline has passed and only 下发 happens (no overdue ladder). */
const today = (): string => new Date().toISOString().slice(0, 10);

const BLOB_WARN_BYTES = 512 * 1024;
const WELL_UNDER = BLOB_WARN_BYTES / 2;
const PAGE = 5;

const payloadBytes = (value: unknown): number =>
  temporal.api.common.v1.Payload.encode(defaultPayloadConverter.toPayload(value)).finish().length;

/**
 * Issuing by reference (issue 14 item 2): the follow-up's input names the evaluation, page workflows read at most
 * ISSUE_PAGE_SIZE items each, so no payload or history grows with the evaluation.
 */
describe('issuing by reference', () => {
  let stack: TestStack;
  let client: Client;
  let reviewer: AuthUser;
  let deptUnitId: number;

  beforeAll(async () => {
    // Small pages so a dozen items span three page workflows (the last one partial).
    stack = await startTestStack({ overrides: { ISSUE_PAGE_SIZE: String(PAGE) } });
    client = stack.api.get(Client);
    const r = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    deptUnitId = (await createUserAndLogin(stack, { role: 'dept_user' })).unitId;
    reviewer = r.user as unknown as AuthUser;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('starts every item of a multi-page evaluation once, each with its first event', async () => {
    const ds = stack.api.get(DataSource);
    const n = 2 * PAGE + 2;
    const evaluationId = await seedSyntheticEvaluation(ds, n, { longTitles: true });
    const issued = await stack.api
      .get(IssueEvaluationService)
      .issue(evaluationId, { deliveryDate: today(), unitId: deptUnitId }, reviewer);
    const follow = client.workflow.getHandle(issued.workflowId);
    try {
      const rows = await eventually(async () => {
        const r = (await ds.query(
          `SELECT r.findingSeq AS seq, SUM(e.action = 'issued') AS events FROM rectification r
             JOIN rectification_event e ON e.rectificationId = r.id
            WHERE r.evaluationId = ? GROUP BY r.findingSeq ORDER BY r.findingSeq`,
          [evaluationId],
        )) as { seq: number; events: number }[];
        return r.length === n ? r : null;
      }, 170_000);
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(rows.every((r) => Number(r.events) === 1)).toBe(true);
      const progress = await follow.query('progress');
      expect(progress).toMatchObject({
        total: n,
        finished: 0,
        pages: [
          { page: 0, total: PAGE, finished: false },
          { page: 1, total: PAGE, finished: false },
          { page: 2, total: 2, finished: false },
        ],
      });
      // The follow-up's history is a few events per page, not per item.
      expect((await follow.fetchHistory()).events!.length).toBeLessThan(30);
    } finally {
      await follow.terminate('test done');
      for (let seq = 1; seq <= n; seq++)
        await client.workflow
          .getHandle(`rectification-${evaluationId}-${seq}`)
          .terminate('test done')
          .catch(() => undefined);
    }
  });

  it('keeps every payload of a 10,000-finding evaluation far below the warning limit', async () => {
    // Started and read here without a worker: 10,000 live items would take the shared dev server an hour.
    const apiOnly = await startTestStack({ worker: false });
    const ds = apiOnly.api.get(DataSource);
    const evaluationId = await seedSyntheticEvaluation(ds, 10_000, { longTitles: true });
    const issuing = apiOnly.api.get(IssueEvaluationService);
    const issued = await issuing.issue(evaluationId, { deliveryDate: today(), unitId: deptUnitId }, reviewer);
    expect(issued.rectifications).toHaveLength(10_000);
    const handle = apiOnly.api.get(Client).workflow.getHandle(issued.workflowId);
    try {
      const history = await handle.fetchHistory();
      const started = history.events![0].workflowExecutionStartedEventAttributes!;
      const input = started.input!.payloads![0];
      expect(temporal.api.common.v1.Payload.encode(input).finish().length).toBeLessThan(1024);
      expect(JSON.parse(Buffer.from(input.data!).toString('utf8'))).toMatchObject({
        evaluationId,
        total: 10_000,
        pageSize: ISSUE_PAGE_SIZE,
      });

      // What every page workflow's activity returns, read from the stored plan and the findings.
      const pages = stack.worker!.get(IssuePageService);
      const seqs: number[] = [];
      let largest = 0;
      for (let page = 0; page < 10_000 / ISSUE_PAGE_SIZE; page++) {
        const items = await pages.load({ evaluationId, page, pageSize: ISSUE_PAGE_SIZE });
        largest = Math.max(largest, payloadBytes(items));
        // A child's input is one item: it goes into the page's history once per child.
        expect(payloadBytes(items[0])).toBeLessThan(4096);
        seqs.push(...items.map((i) => i.findingSeq));
      }
      expect(largest).toBeLessThan(WELL_UNDER);
      expect(seqs).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
      const [{ bytes }] = (await ds.query('SELECT LENGTH(issuePlan) AS bytes FROM evaluation WHERE id = ?', [
        evaluationId,
      ])) as { bytes: number }[];
      expect(Number(bytes)).toBeLessThan(2 * 1024 * 1024);
    } finally {
      await handle.terminate('test done');
      await apiOnly.close();
    }
  });
});
