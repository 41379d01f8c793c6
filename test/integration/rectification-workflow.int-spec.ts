import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import {
  QUEUES,
  rectificationStateQuery,
  rectificationUpdates,
  RectificationState,
} from '../../libs/contracts/src';
import { testConfig } from '../support/test-config';
import {
  bureauReviewer,
  bureauReviewer2,
  deptUser,
  evidenceCommand,
  planCommand,
  rectificationInput,
  RUN_MODES,
} from '../support/rectification-fixtures';
import { eventually } from '../support/test-stack';

describe.each(RUN_MODES)(
  'rectification workflow against the real Temporal dev server (%s)',
  (_mode, flags) => {
    const config = testConfig();
    let worker: INestApplicationContext;
    let client: Client;
    let db: DataSource;
    let notifications: Queue;

    beforeAll(async () => {
      worker = await createWorkerApp(config);
      client = worker.get(Client);
      db = worker.get(DataSource);
      notifications = worker.get(getQueueToken(QUEUES.notifications));
    });
    afterAll(async () => {
      await notifications?.obliterate({ force: true }).catch(() => undefined);
      await worker?.close();
    });

    const start = async (input = rectificationInput()) => {
      const handle = await client.workflow.start('rectificationWorkflow', {
        taskQueue: config.temporal.taskQueue,
        workflowId: input.rectificationId,
        args: [{ ...input, ...flags }],
      });
      return { handle, input };
    };
    const row = (id: string) =>
      db.query('SELECT * FROM rectification WHERE id = ?', [id]).then((r: Record<string, unknown>[]) => r[0]);
    const events = (id: string) =>
      db.query(
        'SELECT seq, action, actorName FROM rectification_event WHERE rectificationId = ? ORDER BY seq',
        [id],
      ) as Promise<{ seq: number; action: string; actorName: string }[]>;

    it('runs 下发 → 签收 → 方案 → 批准 → 佐证 → 提交 → 认定 → 销号, projecting every step to MySQL', async () => {
      const { handle, input } = await start();
      const u = rectificationUpdates;
      let state: RectificationState = await handle.executeUpdate(u.acknowledge, {
        args: [{ actor: deptUser }],
      });
      expect(state.status).toBe('acknowledged');
      state = await handle.executeUpdate(u.submitPlan, { args: [planCommand()] });
      expect(state.status).toBe('plan_submitted');
      state = await handle.executeUpdate(u.approvePlan, {
        args: [{ actor: bureauReviewer, comment: '同意' }],
      });
      expect(state.status).toBe('in_progress');
      state = await handle.executeUpdate(u.addEvidence, { args: [evidenceCommand()] });
      state = await handle.executeUpdate(u.submit, {
        args: [{ actor: deptUser, account: '已修订办法并细化测算' }],
      });
      expect(state.status).toBe('submitted');
      state = await handle.executeUpdate(u.review, {
        args: [{ actor: bureauReviewer, result: 'rectified', comment: '认定已整改' }],
      });
      expect(state.status).toBe('closed');

      const outcome = await handle.result();
      expect(outcome).toMatchObject({
        rectificationId: input.rectificationId,
        status: 'closed',
        extensions: 0,
        maxEscalationLevel: 0,
      });
      const r = await row(input.rectificationId);
      expect(r).toMatchObject({
        status: 'closed',
        unitId: 2,
        evidenceCount: 1,
        lastReviewResult: 'rectified',
        responsiblePerson: '张三',
        lastEventSeq: 7,
      });
      expect(r.closedAt).not.toBeNull();
      expect((await events(input.rectificationId)).map((e) => e.action)).toEqual([
        'issued',
        'acknowledge',
        'submitPlan',
        'approvePlan',
        'addEvidence',
        'submit',
        'review',
      ]);
      const jobs = await notifications.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
      const mine = jobs
        .filter((j) => j.data.rectificationId === input.rectificationId)
        .map((j) => j.id)
        .sort();
      expect(mine).toEqual(
        [
          `${input.rectificationId}.1.issued`,
          `${input.rectificationId}.3.plan_submitted`,
          `${input.rectificationId}.4.plan_approved`,
          `${input.rectificationId}.6.submitted`,
          `${input.rectificationId}.7.closed`,
        ].sort(),
      );
    });

    it('rejects a step not allowed now in the validator, before it enters history', async () => {
      const { handle } = await start();
      const err = await handle
        .executeUpdate(rectificationUpdates.submit, { args: [{ actor: deptUser, account: 'x' }] })
        .catch((e) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(err.cause.message).toContain('当前状态为「已下发」，不能提交整改情况');
      expect(err.cause.type).toBe('TransitionNotAllowed');
      const history = await handle.fetchHistory();
      expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
      await handle.terminate('test done');
    });

    it('never lets the submitter review their own submission, and applies a retried update id once', async () => {
      const { handle, input } = await start(rectificationInput({ policy: { requirePlanApproval: false } }));
      const u = rectificationUpdates;
      await handle.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }], updateId: 'req-ack-1' });
      await handle.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }], updateId: 'req-ack-1' });
      const s = await handle.executeUpdate(u.submitPlan, { args: [planCommand()] });
      expect(s.status).toBe('in_progress');
      await handle.executeUpdate(u.addEvidence, { args: [evidenceCommand()] });
      await handle.executeUpdate(u.submit, { args: [{ actor: bureauReviewer, account: '代为提交' }] });
      const err = await handle
        .executeUpdate(u.review, { args: [{ actor: bureauReviewer, result: 'rectified', comment: '' }] })
        .catch((e) => e);
      expect(err.cause.message).toBe('认定人不能是整改情况的提交人');
      const back = await handle.executeUpdate(u.review, {
        args: [{ actor: bureauReviewer2, result: 'not_rectified', comment: '证据不足' }],
      });
      expect(back.status).toBe('in_progress');
      expect((await events(input.rectificationId)).filter((e) => e.action === 'acknowledge')).toHaveLength(1);
      await handle.terminate('test done');
    });

    it('reminds before the deadline and climbs 提醒函 → 督办 → 约谈 → 通报 after it, with durable timers', async () => {
      const { handle, input } = await start(
        rectificationInput({
          deadlineInSeconds: 10,
          policy: { reminderOffsetsSeconds: [6, 3], escalationOffsetsSeconds: [1, 2, 3, 4] },
        }),
      );
      const state = await eventually(
        async () => {
          const s = await handle.query(rectificationStateQuery);
          return s.escalationLevel === 4 ? s : null;
        },
        // Rung by rung, each rung is its own commit after the previous one: a loaded machine needs time.
        90000,
        250,
      );
      expect(state.overdue).toBe(true);
      expect(state.escalations.map((e) => e.label)).toEqual(['提醒函', '督办', '约谈', '通报']);
      const actions = await eventually(async () => {
        const e = await events(input.rectificationId);
        return e.filter((x) => x.action === 'escalation').length === 4 ? e.map((x) => x.action) : null;
      });
      // Two reminders before the deadline: both sent, or — when the machine is so slow that the deadline passed
      // before the second could go out — sent together or recorded as skipped; never silently dropped.
      const reminders: string[] = actions.filter(
        (a) => a === 'deadline_reminder' || a === 'reminder_skipped',
      );
      expect(actions.slice(1, 1 + reminders.length)).toEqual(reminders);
      expect(reminders[0]).toBe('deadline_reminder');
      expect(state.reminders.map((r) => r.key).sort()).toEqual(['reminder:v1:3', 'reminder:v1:6']);
      expect(actions.filter((a) => !reminders.includes(a))).toEqual([
        'issued',
        'overdue',
        'escalation',
        'escalation',
        'escalation',
        'escalation',
      ]);
      expect(await row(input.rectificationId)).toMatchObject({ overdue: 1, escalationLevel: 4 });
      // The event is written before its notification is enqueued (two activities): wait for the last one.
      const jobIds = await eventually(async () => {
        const levels = (await notifications.getJobs(['waiting', 'delayed', 'completed', 'failed', 'active']))
          .filter((j) => j.data.rectificationId === input.rectificationId && j.data.event === 'escalation')
          .map((j) => j.data.level)
          .sort();
        return levels.length === 4 ? levels : null;
      });
      expect(jobIds).toEqual([1, 2, 3, 4]);
      await handle.terminate('test done');
    });

    it('moves every pending timer when an extension is approved, keeping the original and every new deadline', async () => {
      const { handle } = await start(
        rectificationInput({
          deadlineInSeconds: 5,
          policy: { reminderOffsetsSeconds: [], escalationOffsetsSeconds: [1, 2, 3, 4], maxExtensions: 1 },
        }),
      );
      const u = rectificationUpdates;
      const later = new Date(Date.now() + 86400_000 * 30);
      await handle.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }] }); // extensions only after 签收
      await handle.executeUpdate(u.requestExtension, {
        args: [
          {
            actor: deptUser,
            reason: '需跨年度完成制度修订',
            newDeadline: { date: '2099-01-31', at: later.toISOString() },
          },
        ],
      });
      const refused = await handle
        .executeUpdate(u.decideExtension, { args: [{ actor: deptUser, approve: true }] })
        .catch((e) => e);
      expect(refused.cause.message).toBe('延期审批人不能是申请人');
      const s = await handle.executeUpdate(u.decideExtension, {
        args: [{ actor: bureauReviewer, approve: true, comment: '同意延期' }],
      });
      expect(s.deadlines.map((d) => d.date)).toEqual([expect.any(String), '2099-01-31']);
      await new Promise((r) => setTimeout(r, 7000));
      const after = await handle.query(rectificationStateQuery);
      expect(after.overdue).toBe(false);
      expect(after.escalations).toHaveLength(0);
      const capped = await handle
        .executeUpdate(u.requestExtension, {
          args: [
            { actor: deptUser, reason: '再延', newDeadline: { date: '2099-06-30', at: later.toISOString() } },
          ],
        })
        .catch((e) => e);
      expect(capped.cause.message).toBe('延期次数已达上限（1 次）');
      await handle.terminate('test done');
    });

    it('stops every timer when cancelled, and the workflow ends', async () => {
      const { handle, input } = await start(
        rectificationInput({
          deadlineInSeconds: 3,
          policy: { reminderOffsetsSeconds: [1], escalationOffsetsSeconds: [1, 2, 3, 4] },
        }),
      );
      await handle.executeUpdate(rectificationUpdates.cancel, {
        args: [{ actor: bureauReviewer, reason: '该问题已撤回' }],
      });
      const outcome = await handle.result();
      expect(outcome.status).toBe('cancelled');
      await new Promise((r) => setTimeout(r, 4000));
      expect((await events(input.rectificationId)).map((e) => e.action)).toEqual(['issued', 'cancel']);
    });
  },
);
