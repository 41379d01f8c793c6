import { INestApplicationContext } from '@nestjs/common';
import { Client, WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import {
  evaluationProgressQuery,
  RectificationInput,
  rectificationStateQuery,
  rectificationUpdates as u,
} from '../../libs/contracts/src';
import {
  bureauReviewer,
  bureauReviewer2,
  deptUser,
  evidenceCommand,
  planCommand,
  rectificationInput,
  RUN_MODES,
} from '../support/rectification-fixtures';
import { testConfig } from '../support/test-config';
import { eventually } from '../support/test-stack';

/** The lifecycle scenarios of issue 4, each on the real dev server with durations in seconds. */
describe.each(RUN_MODES)('rectification scenarios (%s)', (_mode, flags) => {
  const config = testConfig();
  let worker: INestApplicationContext;
  let client: Client;
  let db: DataSource;

  beforeAll(async () => {
    worker = await createWorkerApp(config);
    client = worker.get(Client);
    db = worker.get(DataSource);
  });
  afterAll(() => worker?.close());

  const start = (input: RectificationInput) =>
    client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: input.rectificationId,
      args: [{ ...input, ...flags }],
    });
  const actions = (id: string): Promise<string[]> =>
    db
      .query('SELECT action FROM rectification_event WHERE rectificationId = ? ORDER BY seq', [id])
      .then((rows: { action: string }[]) => rows.map((r) => r.action));
  const toWork = async (h: WorkflowHandle) => {
    await h.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }] });
    await h.executeUpdate(u.submitPlan, { args: [planCommand()] });
    await h.executeUpdate(u.approvePlan, { args: [{ actor: bureauReviewer }] });
    await h.executeUpdate(u.addEvidence, { args: [evidenceCommand()] });
  };

  it('returns a review twice, then closes on the third submission', async () => {
    const input = rectificationInput();
    const h = await start(input);
    await toWork(h);
    for (const round of [1, 2]) {
      await h.executeUpdate(u.submit, { args: [{ actor: deptUser, account: `第${round}次提交` }] });
      const back = await h.executeUpdate(u.review, {
        args: [{ actor: bureauReviewer, result: 'not_rectified', comment: `第${round}次退回：佐证不足` }],
      });
      expect(back.status).toBe('in_progress');
      await h.executeUpdate(u.addEvidence, { args: [evidenceCommand()] });
    }
    await h.executeUpdate(u.submit, { args: [{ actor: deptUser, account: '第3次提交' }] });
    const closed = await h.executeUpdate(u.review, {
      args: [{ actor: bureauReviewer2, result: 'rectified', comment: '' }],
    });
    expect(closed.reviews.map((r) => r.result)).toEqual(['not_rectified', 'not_rectified', 'rectified']);
    expect(closed.submissions).toHaveLength(3);
    expect((await h.result()).status).toBe('closed');
  });

  it('持续整改: asks for progress reports every interval, takes two, then closes', async () => {
    const input = rectificationInput({ type: 'continuous', policy: { progressReportIntervalSeconds: 2 } });
    const h = await start(input);
    await toWork(h);
    await h.executeUpdate(u.submit, { args: [{ actor: deptUser, account: '已建立长效机制' }] });
    const ongoing = await h.executeUpdate(u.review, {
      args: [{ actor: bureauReviewer, result: 'ongoing', comment: '需持续跟踪' }],
    });
    expect(ongoing.status).toBe('ongoing');
    expect(ongoing.nextProgressReportDue).not.toBeNull();
    await eventually(async () => (await actions(input.rectificationId)).includes('progress_report_due'));
    for (const n of [1, 2])
      await h.executeUpdate(u.reportProgress, { args: [{ actor: deptUser, content: `第${n}季度进展` }] });
    await h.executeUpdate(u.addEvidence, { args: [evidenceCommand()] });
    await h.executeUpdate(u.submit, { args: [{ actor: deptUser, account: '长效机制运行良好' }] });
    const closed = await h.executeUpdate(u.review, {
      args: [{ actor: bureauReviewer2, result: 'rectified', comment: '' }],
    });
    expect(closed.progressReports.map((p) => p.content)).toEqual(['第1季度进展', '第2季度进展']);
    expect(closed.nextProgressReportDue).toBeNull();
    expect((await h.result()).status).toBe('closed');
  });

  it('keeps the deadline and its timers when an extension is denied', async () => {
    const input = rectificationInput({
      deadlineInSeconds: 4,
      policy: { reminderOffsetsSeconds: [], escalationOffsetsSeconds: [600, 1200, 1800, 2400] },
    });
    const h = await start(input);
    await h.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }] }); // extensions only after 签收
    await h.executeUpdate(u.requestExtension, {
      args: [
        {
          actor: deptUser,
          reason: '人手不足，需借调审计人员',
          newDeadline: { date: '2099-12-31', at: '2099-12-31T15:59:59.999Z' },
        },
      ],
    });
    const denied = await h.executeUpdate(u.decideExtension, {
      args: [{ actor: bureauReviewer, approve: false, comment: '理由不充分' }],
    });
    expect(denied.deadlines).toHaveLength(1);
    expect(denied.extensions[0].decision).toMatchObject({ approved: false, comment: '理由不充分' });
    const overdue = await eventually(async () => {
      const s = await h.query(rectificationStateQuery);
      return s.overdue ? s : null;
    });
    expect(overdue.deadlines[0].at).toBe(input.deadline.at);
    await h.terminate('test done');
  });

  it('stops the escalation ladder when the item is closed', async () => {
    const input = rectificationInput({
      deadlineInSeconds: 1,
      // 约谈 and 通报 far enough out that the steps below close the item first even on a loaded machine (a gap of
      // 6 s was overtaken under CI load).
      policy: { reminderOffsetsSeconds: [], escalationOffsetsSeconds: [1, 2, 45, 46] },
    });
    const h = await start(input);
    await eventually(async () => (await h.query(rectificationStateQuery)).escalationLevel === 2, 30000, 200);
    await toWork(h);
    await h.executeUpdate(u.submit, { args: [{ actor: deptUser, account: '已整改' }] });
    const closed = await h.executeUpdate(u.review, {
      args: [{ actor: bureauReviewer2, result: 'rectified', comment: '' }],
    });
    expect(closed.escalationLevel).toBe(2);
    expect((await h.result()).maxEscalationLevel).toBe(2);
    // The run is closed, so no timer of it can fire any more; what the projection wrote is final.
    const { status } = await h.describe();
    expect(status.name).toBe('COMPLETED');
    const all = await actions(input.rectificationId);
    expect(all.filter((a) => a === 'escalation')).toHaveLength(2);
    expect(all[all.length - 1]).toBe('review');
  });

  it('is findable by its search attributes in Temporal (Web UI filters)', async () => {
    const input = rectificationInput();
    const h = await start(input);
    await h.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }] });
    const found = await eventually(async () => {
      const ids: string[] = [];
      const query = `RectiflowEvaluationId = '${input.evaluationId}' AND RectiflowStatus = 'acknowledged' AND RectiflowUnitId = '2' AND RectiflowEscalationLevel = 0`;
      for await (const wf of client.workflow.list({ query })) ids.push(wf.workflowId);
      return ids.length ? ids : null;
    });
    expect(found).toEqual([input.rectificationId]);
    await h.terminate('test done');
  });

  it('finishes the evaluation only when every finding is final', async () => {
    const evaluationId = (await import('node:crypto')).randomUUID();
    const items = [1, 2].map((seq) => rectificationInput({ evaluationId, findingSeq: seq }));
    const parent = await client.workflow.start('evaluationFollowUpWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: `evaluation-${evaluationId}`,
      args: [
        { evaluationId, issuedBy: bureauReviewer, issuedAt: new Date().toISOString(), rectifications: items },
      ],
    });
    await eventually(async () => (await actions(items[1].rectificationId)).length === 1);
    await client.workflow
      .getHandle(items[0].rectificationId)
      .executeUpdate(u.cancel, { args: [{ actor: bureauReviewer, reason: '撤回' }] });
    const half = await eventually(async () => {
      const p = await parent.query(evaluationProgressQuery);
      return p.finished === 1 ? p : null;
    });
    expect(half.children.map((c) => c.status)).toEqual(['cancelled', 'running']);
    expect((await parent.describe()).status.name).toBe('RUNNING');
    await client.workflow
      .getHandle(items[1].rectificationId)
      .executeUpdate(u.cancel, { args: [{ actor: bureauReviewer, reason: '撤回' }] });
    expect((await parent.result()).counts).toEqual({ total: 2, closed: 0, cancelled: 2, failed: 0 });
  });
});
