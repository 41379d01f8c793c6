import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { NotificationEvent, NotificationRequest } from '../../../libs/contracts/src';
import { rectificationWorkflowId } from '../../../libs/contracts/src';
import { UnitEntity } from '../../../libs/persistence/src/entities/unit.entity';
import { createUnit, createUser, dataSourceOf, TestUnit, TestUser } from '../../support/auth';
import { eventually, TestStack } from '../../support/test-stack';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';
export const PUBLIC_BASE_URL = 'https://rectiflow.test';

/** Settings every notification test runs with: fast retries, no rate limit in the way, signed webhooks. */
export function notificationOverrides(extra: Record<string, string> = {}): Record<string, string> {
  return {
    WEBHOOK_SECRET,
    PUBLIC_BASE_URL,
    NOTIFY_ATTEMPTS: '5',
    NOTIFY_BACKOFF_MS: '200',
    NOTIFY_SEND_TIMEOUT_MS: '3000',
    NOTIFY_EMAIL_RATE_PER_MINUTE: '6000',
    NOTIFY_WEBHOOK_RATE_PER_MINUTE: '6000',
    ...extra,
  };
}

export async function setUnitChannels(
  stack: TestStack,
  unitId: number,
  contactEmails: string[],
  webhookUrl: string | null,
): Promise<void> {
  await dataSourceOf(stack).getRepository(UnitEntity).update({ id: unitId }, { contactEmails, webhookUrl });
}

/** An evaluation row, so templates can name the project, score and grade. */
export async function insertEvaluation(
  db: DataSource,
  over: { projectName?: string; score?: number; grade?: string } = {},
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO evaluation (id, status, title, projectName, score, grade, warnings) VALUES (?, 'issued', ?, ?, ?, ?, '[]')`,
    [
      id,
      `${over.projectName ?? '2025年度城区道路维护项目'}绩效评价报告`,
      over.projectName ?? '2025年度城区道路维护项目',
      over.score ?? 78.5,
      over.grade ?? '中',
    ],
  );
  return id;
}

/**
 * A bureau with reviewers, a leader and its own mailbox and robot; two departments under it with staff and a
 * head; and a second bureau whose reviewer must hear nothing.
 */
export interface NotifyWorld {
  bureau: TestUnit;
  dept: TestUnit;
  dept2: TestUnit;
  otherBureau: TestUnit;
  reviewer1: TestUser;
  reviewer2: TestUser;
  leader: TestUser;
  otherReviewer: TestUser;
  staff1: TestUser;
  staff2: TestUser;
  head: TestUser;
  staff3: TestUser;
  evaluationId: string;
}

export async function buildWorld(
  stack: TestStack,
  hooks: { url(path: string): string },
  tag: string,
): Promise<NotifyWorld> {
  const bureau = await createUnit(stack, { kind: 'bureau' });
  const otherBureau = await createUnit(stack, { kind: 'bureau' });
  const dept = await createUnit(stack, { kind: 'department', parentId: bureau.id });
  const dept2 = await createUnit(stack, { kind: 'department', parentId: bureau.id });
  await setUnitChannels(stack, bureau.id, [`bureau-${tag}@czj.example.cn`], hooks.url(`/bureau-${tag}`));
  await setUnitChannels(stack, dept.id, [`office-${tag}@dept.example.cn`], hooks.url(`/dept-${tag}`));
  const world: NotifyWorld = {
    bureau,
    dept,
    dept2,
    otherBureau,
    reviewer1: await createUser(stack, { role: 'bureau_reviewer', unitId: bureau.id }),
    reviewer2: await createUser(stack, { role: 'bureau_reviewer', unitId: bureau.id }),
    leader: await createUser(stack, { role: 'bureau_leader', unitId: bureau.id }),
    otherReviewer: await createUser(stack, { role: 'bureau_reviewer', unitId: otherBureau.id }),
    staff1: await createUser(stack, { role: 'dept_user', unitId: dept.id }),
    staff2: await createUser(stack, { role: 'dept_user', unitId: dept.id }),
    head: await createUser(stack, { role: 'dept_leader', unitId: dept.id }),
    staff3: await createUser(stack, { role: 'dept_user', unitId: dept2.id }),
    evaluationId: await insertEvaluation(dataSourceOf(stack)),
  };
  // Not a reviewer of this bureau, not staff of these units: must never be reached.
  await createUser(stack, { role: 'bureau_admin', unitId: bureau.id });
  return world;
}

let seq = 0;
/** A NotificationRequest as the rectification workflow makes it (rectification.workflow.ts). */
export function notificationRequest(
  w: NotifyWorld,
  rectificationId: string,
  event: NotificationEvent,
  opts: { level?: 1 | 2 | 3 | 4; payload?: Record<string, unknown>; unitId?: number } = {},
): NotificationRequest {
  seq += 1;
  return {
    key: `${rectificationId}.${seq}.${event}`,
    event,
    rectificationId,
    evaluationId: w.evaluationId,
    findingSeq: 1,
    unitId: opts.unitId ?? w.dept.id,
    level: opts.level,
    deadlineDate: '2026-12-31',
    occurredAt: new Date().toISOString(),
    payload: { findingTitle: '预算编制依据不充分，绩效目标设置不够细化', actor: '系统', ...opts.payload },
  };
}

export const newRectificationId = (w: NotifyWorld): string =>
  rectificationWorkflowId(w.evaluationId, Math.floor(Math.random() * 1e6));

export interface LedgerRow {
  deliveryKey: string;
  notificationKey: string;
  event: string;
  level: number | null;
  channel: string;
  recipientUserId: number | null;
  recipientUnitId: number | null;
  target: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

export function ledger(db: DataSource, keyPrefix: string): Promise<LedgerRow[]> {
  return db.query(
    `SELECT deliveryKey, notificationKey, event, level, channel, recipientUserId, recipientUnitId, target, status, attempts, lastError
     FROM notification_delivery WHERE deliveryKey LIKE ? ORDER BY id`,
    [`${keyPrefix}%`],
  );
}

/** Waits until every ledger row under the prefix is final and the count stays put (fan-out done). */
export async function settledLedger(
  db: DataSource,
  keyPrefix: string,
  minRows: number,
  timeoutMs = 60000,
): Promise<LedgerRow[]> {
  let last = -1;
  return eventually(
    async () => {
      const rows = await ledger(db, keyPrefix);
      const settled =
        rows.length >= minRows &&
        rows.length === last &&
        rows.every((r) => r.status === 'sent' || r.status === 'failed');
      last = rows.length;
      return settled ? rows : null;
    },
    timeoutMs,
    400,
  );
}

/** "channel:who" — who is u<userId>, unit<unitId> (webhook) or the mailbox of a unit contact. */
export const describeRow = (r: LedgerRow): string =>
  `${r.channel}:${r.recipientUserId !== null ? `u${r.recipientUserId}` : r.channel === 'email' ? r.target : `unit${r.recipientUnitId}`}`;
