import { Client, WorkflowNotFoundError } from '@temporalio/client';
import request from 'supertest';
import { recheckWorkflowId } from '../../libs/contracts/src';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { minimalPdf } from '../evidence/evidence-fixtures';
import {
  dayOffset,
  Http,
  importSeed,
  issueSeed,
  rid,
  step,
  toInProgress,
  uploadEvidence,
} from '../ledger/rectification-http';

interface Recheck {
  id: number;
  rectificationId: string;
  evaluationId: string;
  unitId: number;
  dueAt: string;
  status: 'due' | 'done';
  outcome: 'consolidated' | 'rebound' | null;
  reboundRectificationId: string | null;
}

/**
 * 回头看 on the real stack with a seconds-scale period: two items of the seed are closed (销号), their re-checks
 * fall due by themselves; 巩固 keeps one closed, 反弹 reopens the other as a new linked rectification with its
 * own deadline, visible in the ledger. Departments cannot decide (403), another unit cannot see (404).
 */
describe('回头看 (re-check after 销号)', () => {
  let stack: TestStack;
  let http: Http;
  let reviewer: TestAccount;
  let reviewer2: TestAccount;
  let dept: TestAccount;
  let otherDept: TestAccount;
  let evaluationId: string;
  let due: Recheck[];

  const close = async (id: string) => {
    await toInProgress(http, dept, reviewer, id);
    await uploadEvidence(http, dept, id, [{ name: '整改报告.pdf', bytes: minimalPdf(id) }], {
      description: '整改报告',
      effectiveDate: dayOffset(-1),
    }).expect(200);
    await step(http, dept, id, 'submit', { account: '已按方案完成整改' }).expect(200);
    const closed = await step(http, reviewer2, id, 'review', {
      result: 'rectified',
      comment: '同意销号',
    }).expect(200);
    expect(closed.body.status).toBe('closed');
  };

  beforeAll(async () => {
    stack = await startTestStack({ overrides: { RECHECK_PERIOD_SECONDS: '3' } });
    http = stack.api.getHttpServer();
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    reviewer2 = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    otherDept = await createUserAndLogin(stack, { role: 'dept_user' });
    evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, {
      deliveryDate: dayOffset(0),
      unitId: dept.unitId,
      overrides: [{ seq: 3, type: 'immediate' }],
    });
    // 立行立改 first: by the time the others fall due, its closing has long been projected.
    await close(rid(evaluationId, 3));
    await close(rid(evaluationId, 1));
    await close(rid(evaluationId, 2));
    due = await eventually(
      async () => {
        const res = await request(http).get('/api/v1/rechecks').query({ status: 'due' }).set(reviewer.auth);
        const mine = (res.body as Recheck[]).filter((r) => r.evaluationId === evaluationId);
        return res.status === 200 && mine.length === 2 ? mine : null;
      },
      120_000,
      500,
    );
  });
  afterAll(async () => {
    await stack?.close();
  });

  const recheckOf = (seq: number) => due.find((r) => r.rectificationId === rid(evaluationId, seq)) as Recheck;

  it('opens a task per closed item once the period has passed, with recheck_due on the item', async () => {
    expect(due.map((r) => r.rectificationId).sort()).toEqual([rid(evaluationId, 1), rid(evaluationId, 2)]);
    for (const r of due) {
      expect(r).toMatchObject({ status: 'due', outcome: null, unitId: dept.unitId });
      const detail = await request(http).get(`/api/v1/rectifications/${r.rectificationId}`).set(dept.auth);
      expect(detail.status).toBe(200);
      expect(Date.parse(r.dueAt)).toBeGreaterThanOrEqual(Date.parse(detail.body.state.closedAt) + 3000);
      expect(detail.body.timeline.map((e: { action: string }) => e.action)).toContain('recheck_due');
    }
    // Neither the 立行立改 item (closed first) nor the open one has a re-check, nor even its workflow.
    const all = await request(http).get('/api/v1/rechecks').set(reviewer.auth).expect(200);
    const ids = (all.body as Recheck[]).map((r) => r.rectificationId);
    expect(ids).not.toContain(rid(evaluationId, 3));
    expect(ids).not.toContain(rid(evaluationId, 4));
    await expect(
      stack
        .worker!.get(Client)
        .workflow.getHandle(recheckWorkflowId(rid(evaluationId, 3)))
        .describe(),
    ).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  it('scopes by unit: the department sees its own, another unit sees nothing and gets 404', async () => {
    const own = await request(http).get('/api/v1/rechecks').set(dept.auth).expect(200);
    expect((own.body as Recheck[]).map((r) => r.id).sort()).toEqual(due.map((r) => r.id).sort());
    const other = await request(http).get('/api/v1/rechecks').set(otherDept.auth).expect(200);
    expect(other.body).toEqual([]);
    const hidden = await request(http)
      .get(`/api/v1/rechecks/${recheckOf(1).id}`)
      .set(otherDept.auth);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses a department user the decision (403) and bad input (400, Chinese), changing nothing', async () => {
    const forbidden = await request(http)
      .post(`/api/v1/rechecks/${recheckOf(1).id}/decision`)
      .set(dept.auth)
      .send({ outcome: 'consolidated', note: '已巩固' });
    expect(forbidden.status).toBe(403);
    const bad = await request(http)
      .post(`/api/v1/rechecks/${recheckOf(1).id}/decision`)
      .set(reviewer.auth)
      .send({ outcome: 'maybe', note: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const pastDeadline = await request(http)
      .post(`/api/v1/rechecks/${recheckOf(2).id}/decision`)
      .set(reviewer.auth)
      .send({ outcome: 'rebound', note: '反弹', deadline: dayOffset(-1) });
    expect(pastDeadline.status).toBe(400);
    expect(pastDeadline.body.error.message).toContain('整改时限');
    const deadlineOnConsolidated = await request(http)
      .post(`/api/v1/rechecks/${recheckOf(1).id}/decision`)
      .set(reviewer.auth)
      .send({ outcome: 'consolidated', note: '巩固', deadline: dayOffset(30) });
    expect(deadlineOnConsolidated.status).toBe(400);
    const still = await request(http)
      .get(`/api/v1/rechecks/${recheckOf(1).id}`)
      .set(reviewer.auth)
      .expect(200);
    expect(still.body.status).toBe('due');
    const untouched = await request(http)
      .get(`/api/v1/rechecks/${recheckOf(2).id}`)
      .set(reviewer.auth);
    expect(untouched.body).toMatchObject({ status: 'due', outcome: null });
  });

  it('巩固 keeps the item closed and records the decision once', async () => {
    const id = recheckOf(1).id;
    const res = await request(http)
      .post(`/api/v1/rechecks/${id}/decision`)
      .set(reviewer.auth)
      .send({ outcome: 'consolidated', note: '回头看未发现问题反弹' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'done', outcome: 'consolidated', outcomeLabel: '巩固' });
    expect(res.body.reboundRectificationId).toBeNull();
    const detail = await request(http)
      .get(`/api/v1/rectifications/${rid(evaluationId, 1)}`)
      .set(reviewer.auth)
      .expect(200);
    expect(detail.body.status).toBe('closed');
    const decided = detail.body.timeline.find((e: { action: string }) => e.action === 'recheck_decided');
    expect(decided.payload).toMatchObject({ outcome: 'consolidated', label: '巩固' });
    const again = await request(http)
      .post(`/api/v1/rechecks/${id}/decision`)
      .set(reviewer.auth)
      .send({ outcome: 'rebound', note: '再次' });
    expect(again.status).toBe(409);
    const done = await request(http).get('/api/v1/rechecks').query({ status: 'done' }).set(reviewer.auth);
    expect((done.body as Recheck[]).map((r) => r.id)).toContain(id);
  });

  it('反弹 opens a new rectification for the same finding and unit, linked and with its own deadline', async () => {
    const deadline = dayOffset(45);
    const res = await request(http)
      .post(`/api/v1/rechecks/${recheckOf(2).id}/decision`)
      .set(reviewer.auth)
      .send({ outcome: 'rebound', note: '回头看发现问题反弹', deadline })
      .expect(200);
    const newId = `${rid(evaluationId, 2)}-r1`;
    expect(res.body).toMatchObject({ status: 'done', outcome: 'rebound', reboundRectificationId: newId });
    const ledger = await eventually(
      async () => {
        const l = await request(http).get('/api/v1/rectifications').query({ evaluationId }).set(dept.auth);
        return l.status === 200 && l.body.total === 5 ? l.body : null;
      },
      120_000,
      500,
    );
    const row = ledger.items.find((i: { id: string }) => i.id === newId);
    expect(row).toMatchObject({
      status: 'issued',
      unit: { id: dept.unitId },
      findingSeq: 2,
      currentDeadline: deadline,
      reboundOf: rid(evaluationId, 2),
    });
    const detail = await request(http).get(`/api/v1/rectifications/${newId}`).set(dept.auth).expect(200);
    expect(detail.body.deadline.current).toBe(deadline);
    expect(detail.body.finding.seq).toBe(2);
    expect(detail.body.state.findingSeq).toBe(2);
    const old = await request(http)
      .get(`/api/v1/rectifications/${rid(evaluationId, 2)}`)
      .set(reviewer.auth)
      .expect(200);
    expect(old.body.status).toBe('closed');
    const decided = old.body.timeline.find((e: { action: string }) => e.action === 'recheck_decided');
    expect(decided.payload).toMatchObject({ outcome: 'rebound', reboundRectificationId: newId, deadline });
    const [link] = await dataSourceOf(stack).query(
      'SELECT round, reboundOf FROM rectification WHERE id = ?',
      [newId],
    );
    expect(link).toEqual({ round: 1, reboundOf: rid(evaluationId, 2) });
  });
});
