/**
 * Records the committed workflow histories that the replay test (test/integration/workflow-replay.int-spec.ts)
 * replays against the current workflow code. Run it when a workflow changes ON PURPOSE (new patch), never to make
 * a failing replay pass:   node -r @swc-node/register test/support/record-histories.ts
 * It needs the local stack (Temporal dev server, MariaDB, Redis) like the integration tests.
 * Name scenarios to record only those (a new behaviour gets a NEW history; the old ones are never re-recorded):
 *   node -r @swc-node/register test/support/record-histories.ts rectification-back-dated-catch-up
 */
import 'reflect-metadata';
import { Client } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { ensureDatabase, runMigrations } from '../../libs/persistence/src/database-setup';
import {
  CURRENT_RUN_FLAGS,
  decideRecheckUpdate,
  recheckStateQuery,
  recheckWorkflowId,
  reboundRectificationId,
  recalendarDeadlineUpdate,
  rectificationStateQuery,
  rectificationUpdates,
} from '../../libs/contracts/src';
import {
  bureauReviewer,
  bureauReviewer2,
  deptUser,
  evidenceCommand,
  planCommand,
  rectificationInput,
} from './rectification-fixtures';
import { ROOT, TEST_DATABASE_URL, testConfig } from './test-config';

async function main(): Promise<void> {
  await ensureDatabase(TEST_DATABASE_URL);
  await runMigrations({ database: { url: TEST_DATABASE_URL, poolSize: 2 } });
  // A seconds-scale 回头看 period: an item closed here falls due for its re-check at once.
  const config = testConfig({ TEMPORAL_WORKFLOW_BUNDLE: '', RECHECK_PERIOD_SECONDS: '2' });
  const worker = await createWorkerApp(config);
  const client = worker.get(Client);
  const u = rectificationUpdates;
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  const save = async (name: string, workflowId: string) => {
    // The CLI's JSON is the format Worker.runReplayHistory documents (historyFromJSON).
    const temporal = execFileSync('bash', [resolve(ROOT, 'scripts/temporal-dev.sh'), 'binary'], {
      encoding: 'utf8',
    }).trim();
    const json = execFileSync(
      temporal,
      [
        'workflow',
        'show',
        '--workflow-id',
        workflowId,
        '--namespace',
        config.temporal.namespace,
        '--address',
        config.temporal.address,
        '--output',
        'json',
      ],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    writeFileSync(resolve(ROOT, 'workflows', 'histories', `${name}.json`), json);
    process.stderr.write(`recorded ${name}\n`);
  };
  try {
    if (wanted('rectification-full-journey')) await fullJourney();
    if (wanted('rectification-escalation-ladder')) await escalationLadder();
    if (wanted('rectification-back-dated-catch-up')) await backDatedCatchUp();
    if (wanted('rectification-recalendar-deadline')) await recalendarDeadline();
    if (wanted('recheck-rebound')) await recheckRebound();
    if (wanted('rectification-local-commit')) await localCommit();
  } finally {
    await worker.close();
  }

  async function fullJourney(): Promise<void> {
    // 1. The whole journey with a returned plan, a returned review, an extension and closure.
    const a = rectificationInput();
    const h = await client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: a.rectificationId,
      args: [a],
    });
    await h.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }] });
    await h.executeUpdate(u.submitPlan, { args: [planCommand()] });
    await h.executeUpdate(u.returnPlan, { args: [{ actor: bureauReviewer, comment: '措施不够具体' }] });
    await h.executeUpdate(u.submitPlan, { args: [planCommand()] });
    await h.executeUpdate(u.approvePlan, { args: [{ actor: bureauReviewer }] });
    await h.executeUpdate(u.requestExtension, {
      args: [
        {
          actor: deptUser,
          reason: '制度需经党组会审议',
          newDeadline: { date: '2099-12-31', at: '2099-12-31T15:59:59.999Z' },
        },
      ],
    });
    await h.executeUpdate(u.decideExtension, { args: [{ actor: bureauReviewer, approve: true }] });
    await h.executeUpdate(u.addEvidence, { args: [evidenceCommand()] });
    await h.executeUpdate(u.submit, { args: [{ actor: deptUser, account: '已完成' }] });
    await h.executeUpdate(u.review, {
      args: [{ actor: bureauReviewer, result: 'not_rectified', comment: '缺少会议纪要' }],
    });
    await h.executeUpdate(u.addEvidence, { args: [evidenceCommand()] });
    await h.executeUpdate(u.submit, { args: [{ actor: deptUser, account: '补充会议纪要' }] });
    await h.executeUpdate(u.review, { args: [{ actor: bureauReviewer2, result: 'rectified', comment: '' }] });
    await h.result();
    await save('rectification-full-journey', a.rectificationId);
  }

  async function escalationLadder(): Promise<void> {
    // 2. Reminders and the whole escalation ladder, then cancellation.
    const b = rectificationInput({
      deadlineInSeconds: 3,
      policy: { reminderOffsetsSeconds: [2, 1], escalationOffsetsSeconds: [1, 2, 3, 4] },
    });
    const hb = await client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: b.rectificationId,
      args: [b],
    });
    for (;;) {
      if ((await hb.query(rectificationStateQuery)).escalationLevel === 4) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await hb.executeUpdate(u.cancel, { args: [{ actor: bureauReviewer, reason: '问题已撤回' }] });
    await hb.result();
    await save('rectification-escalation-ladder', b.rectificationId);
  }

  async function backDatedCatchUp(): Promise<void> {
    // 3. Patch escalation-ladder-rung-by-rung: a deadline long past at issuing — skipped reminders recorded,
    // 提醒函 at once, each later rung its gap after the one sent before it; then cancellation.
    const c = rectificationInput({
      deadlineInSeconds: -1000,
      policy: { reminderOffsetsSeconds: [30, 10], escalationOffsetsSeconds: [1, 3, 5, 7] },
    });
    const hc = await client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: c.rectificationId,
      args: [c],
    });
    for (;;) {
      if ((await hc.query(rectificationStateQuery)).escalationLevel === 4) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await hc.executeUpdate(u.cancel, { args: [{ actor: bureauReviewer, reason: '问题已撤回' }] });
    await hc.result();
    await save('rectification-back-dated-catch-up', c.rectificationId);
  }

  async function recalendarDeadline(): Promise<void> {
    // 4. Patch calendar-recompute-provisional-deadline: a provisional deadline moved by a loaded holiday year.
    const d = rectificationInput({ deadlineInSeconds: 60 * 86400 });
    d.deadline = { ...d.deadline, provisional: true, workingDays: 40 };
    const hd = await client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: d.rectificationId,
      args: [d],
    });
    const moved = new Date(Date.parse(d.deadline.at) + 86400_000);
    await hd.executeUpdate(recalendarDeadlineUpdate, {
      args: [
        {
          year: moved.getUTCFullYear(),
          deadline: {
            date: moved.toISOString().slice(0, 10),
            at: moved.toISOString(),
            provisional: false,
            workingDays: 40,
          },
        },
      ],
    });
    await hd.executeUpdate(u.cancel, { args: [{ actor: bureauReviewer, reason: '问题已撤回' }] });
    await hd.result();
    await save('rectification-recalendar-deadline', d.rectificationId);
  }

  async function localCommit(): Promise<void> {
    // 6. Started with today's run flags (leanCommit + localCommit + steadyTimer): every transition's projection runs as a local
    // activity and the deadline's timer is kept across the steps — through closure, one step retried under the same
    // Update id.
    const f = { ...rectificationInput(), ...CURRENT_RUN_FLAGS };
    const hf = await client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: f.rectificationId,
      args: [f],
    });
    await hf.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }], updateId: 'ack-1' });
    await hf.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }], updateId: 'ack-1' });
    await hf.executeUpdate(u.submitPlan, { args: [planCommand()] });
    await hf.executeUpdate(u.approvePlan, { args: [{ actor: bureauReviewer }] });
    await hf.executeUpdate(u.addEvidence, { args: [evidenceCommand()] });
    await hf.executeUpdate(u.submit, { args: [{ actor: deptUser, account: '已完成' }] });
    await hf.executeUpdate(u.review, {
      args: [{ actor: bureauReviewer2, result: 'rectified', comment: '' }],
    });
    await hf.result();
    await save('rectification-local-commit', f.rectificationId);
  }

  async function recheckRebound(): Promise<void> {
    // 5. 回头看: an item closed (its projection starts the recheck workflow), the re-check falls due after the
    // period, 反弹 starts round 1 of the same finding as an abandoned child.
    const e = rectificationInput();
    const he = await client.workflow.start('rectificationWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: e.rectificationId,
      args: [e],
    });
    await he.executeUpdate(u.acknowledge, { args: [{ actor: deptUser }] });
    await he.executeUpdate(u.submitPlan, { args: [planCommand()] });
    await he.executeUpdate(u.approvePlan, { args: [{ actor: bureauReviewer }] });
    await he.executeUpdate(u.addEvidence, { args: [evidenceCommand()] });
    await he.executeUpdate(u.submit, { args: [{ actor: deptUser, account: '已完成' }] });
    await he.executeUpdate(u.review, {
      args: [{ actor: bureauReviewer2, result: 'rectified', comment: '' }],
    });
    await he.result();
    const hr = client.workflow.getHandle(recheckWorkflowId(e.rectificationId));
    for (;;) {
      const state = await hr.query(recheckStateQuery).catch(() => null);
      if (state?.status === 'due') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const at = new Date(Date.now() + 30 * 86400_000);
    await hr.executeUpdate(decideRecheckUpdate, {
      args: [
        {
          outcome: 'rebound',
          note: '回头看发现问题反弹',
          decidedBy: bureauReviewer,
          decidedAt: new Date().toISOString(),
          rebound: {
            ...e,
            rectificationId: reboundRectificationId(e.evaluationId, e.findingSeq, 1),
            deadline: { date: at.toISOString().slice(0, 10), at: at.toISOString() },
            issuedBy: bureauReviewer,
            leanCommit: true,
          },
        },
      ],
    });
    await hr.result();
    await save('recheck-rebound', recheckWorkflowId(e.rectificationId));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
