import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Client } from '@temporalio/client';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import {
  NotificationRequest,
  QUEUES,
  rectificationStateQuery,
  rectificationUpdates,
} from '../../libs/contracts/src';
import { testConfig } from '../support/test-config';
import { bureauReviewer, rectificationInput } from '../support/rectification-fixtures';
import { eventually } from '../support/test-stack';

/**
 * Issue 10 §1 on the real dev server, with a seconds-scale policy: a back-dated item (deadline long past at
 * issuing) gets 提醒函 first, and each later rung only its policy gap after the rung actually sent before it.
 */
describe('escalation catch-up climbs rung by rung', () => {
  const config = testConfig();
  let worker: INestApplicationContext;
  let client: Client;
  let db: DataSource;
  let notifications: Queue<NotificationRequest>;

  beforeAll(async () => {
    worker = await createWorkerApp(config);
    client = worker.get(Client);
    db = worker.get(DataSource);
    notifications = worker.get(getQueueToken(QUEUES.notifications));
  });
  afterAll(async () => {
    await worker?.close();
  });

  it('back-dated: skipped reminders recorded, 提醒函 now, then 督办/约谈/通报 each its gap after the previous', async () => {
    // Offsets 1/4/7/10 s after a deadline 1000 s in the past: the old rules sent 通报 at once.
    const input = rectificationInput({
      deadlineInSeconds: -1000,
      policy: { reminderOffsetsSeconds: [30, 10], escalationOffsetsSeconds: [1, 4, 7, 10] },
    });
    const handle = await client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: input.rectificationId,
      args: [input],
    });
    const state = await eventually(
      async () => {
        const s = await handle.query(rectificationStateQuery);
        return s.escalationLevel === 4 ? s : null;
      },
      90_000,
      250,
    );
    expect(state.escalations.map((e) => e.label)).toEqual(['提醒函', '督办', '约谈', '通报']);
    const at = state.escalations.map((e) => Date.parse(e.at));
    // Each rung waited at least its policy gap (3 s) after the one actually sent before it.
    for (let i = 1; i < 4; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(3000);
    // 提醒函 came first, when the item was issued — not 1000 s "ago".
    expect(at[0]).toBeGreaterThanOrEqual(Date.parse(state.issuedAt));

    const timeline = await eventually(async () => {
      const rows: { action: string; payload: unknown }[] = await db.query(
        'SELECT action, payload FROM rectification_event WHERE rectificationId = ? ORDER BY seq',
        [input.rectificationId],
      );
      return rows.length === 8 ? rows : null;
    });
    expect(timeline.map((e) => e.action)).toEqual([
      'issued',
      'reminder_skipped',
      'reminder_skipped',
      'overdue',
      'escalation',
      'escalation',
      'escalation',
      'escalation',
    ]);
    const payload = (p: unknown) => (typeof p === 'string' ? JSON.parse(p) : p) as Record<string, unknown>;
    expect(payload(timeline[1].payload)).toMatchObject({ secondsBefore: 30, reason: 'before_issued' });
    expect(payload(timeline[7].payload)).toMatchObject({ level: 4, label: '通报' });

    // The 通报 request cites the three rungs that happened, each with its day in the bureau's time zone.
    const jobs = await eventually(async () => {
      const all = await notifications.getJobs(['waiting', 'delayed', 'completed', 'failed', 'active']);
      const mine = all.filter(
        (j) => j.data.rectificationId === input.rectificationId && j.data.event === 'escalation',
      );
      return mine.length === 4 ? mine : null;
    });
    const notice = jobs.find((j) => j.data.level === 4)!.data;
    const day = (ms: number) => new Date(ms).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    expect(notice.payload.previousRungs).toEqual(
      [1, 2, 3].map((level, i) => ({
        level,
        label: ['提醒函', '督办', '约谈'][i],
        at: state.escalations[i].at,
        date: day(at[i]),
      })),
    );
    expect(jobs.find((j) => j.data.level === 1)!.data.payload.previousRungs).toEqual([]);
    await handle.executeUpdate(rectificationUpdates.cancel, {
      args: [{ actor: bureauReviewer, reason: '测试结束' }],
    });
  });
});
