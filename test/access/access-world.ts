/**
 * The fixture world of the access matrix, built once over the real stack (API + worker in-process):
 *
 *   bureau ─┬─ department A ── project unit PA        accounts: admin, reviewer, leader, auditor (bureau);
 *           ├─ department B ── project unit PB                  dept_user + dept_leader of A, dept_user of PA,
 *           └─ spare unit (for admin edits)                     dept_user + dept_leader of B
 *
 *   E1  the real seed, issued: findings 1, 2 → A, 3 → PA, 4 → B (per-finding overrides)
 *   E2  one finding, issued to B           E3  one finding, issued to PA
 *   E4  two findings, issued: 1 → A, 2 → B (throwaway items for 撤销)
 *   D1  a draft nobody touches (drafts are 404 for departments)
 *   D2  a draft for destructive draft edits   D3  a draft the matrix issues
 *
 * A1, PA's item and B's item are taken to 整改中 and each gets a real PDF as evidence, so real file ids exist.
 * Notifications are what the workflows sent (下发 to each unit's staff, 方案提交 to the reviewer); accounts the
 * workflows had no reason to notify get one row as the in-app channel writes it, so every role has an "own"
 * notification. Department B's webhook points at a closed port, so a real failed delivery exists for the
 * admin's retry. Every name carries one marker, so reruns against the persistent test database never collide.
 */
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../libs/auth/src/role';
import { QUEUES } from '../../libs/contracts/src';
import { UnitEntity } from '../../libs/persistence/src/entities/unit.entity';
import { notificationJobId } from '../../libs/rectification/src/notification-request.service';
import { seedVariant, smallForm } from '../evaluations/evaluation-fixtures';
import { minimalPdf } from '../evidence/evidence-fixtures';
import { dayOffset, Http, toInProgress, uploadEvidence } from '../ledger/rectification-http';
import {
  createUnit,
  createUser,
  createUserAndLogin,
  dataSourceOf,
  TestAccount,
  TestUnit,
  TestUser,
} from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

export const PERSONA_KEYS = [
  'admin',
  'reviewer',
  'leader',
  'auditor',
  'aUser',
  'aLeader',
  'paUser',
  'bUser',
  'bLeader',
] as const;
export type PersonaKey = (typeof PERSONA_KEYS)[number];

export interface Persona {
  key: PersonaKey;
  role: Role;
  /** e.g. `dept_leader@A` — how failures name the caller */
  label: string;
  account: TestAccount;
  /** what AccessScopeService should answer: every unit, or exactly these */
  scope: 'all' | number[];
}

export type EvaluationKey = 'E1' | 'E2' | 'E3' | 'E4' | 'D1' | 'D2' | 'D3';
export interface EvaluationRef {
  key: EvaluationKey;
  id: string;
  draft: boolean;
  /** the responsible department and every item's unit (who may read it once issued) */
  units: number[];
}

export type ItemKey = 'A1' | 'A2' | 'PA3' | 'B4' | 'E2B' | 'E3PA' | 'E4A' | 'E4B';
export interface ItemRef {
  key: ItemKey;
  id: string;
  evaluation: EvaluationKey;
  seq: number;
  unitId: number;
  title: string;
}

export interface FileRef {
  item: ItemKey;
  fileId: number;
  sha256: string;
}

export interface World {
  stack: TestStack;
  http: Http;
  db: DataSource;
  marker: string;
  /** the text each evaluation was imported from */
  texts: Record<EvaluationKey, string>;
  units: Record<'bureau' | 'deptA' | 'projA' | 'deptB' | 'projB' | 'spare', TestUnit>;
  personas: Record<PersonaKey, Persona>;
  /** an account only the admin's user edits touch */
  spareUser: TestUser;
  /** an account the public login/refresh/logout checks log in as */
  loginUser: TestUser;
  evaluations: Record<EvaluationKey, EvaluationRef>;
  items: Record<ItemKey, ItemRef>;
  files: Record<'A1' | 'PA3' | 'B4', FileRef>;
  /** one in-app notification of each persona */
  notifications: Record<PersonaKey, number>;
  /** the newest of the personas' notifications once the world was built */
  notificationCeiling: number;
  deliveries: { failed: number; sent: number };
  /** a notification request job that completed (retrying it is a 409, not a 404) */
  completedRequestJob: string;
  probeId: string;
  notificationsQueue: Queue;
}

const PERSONA_SPECS: Record<PersonaKey, { role: Role; unit: keyof World['units']; label: string }> = {
  admin: { role: 'bureau_admin', unit: 'bureau', label: 'bureau_admin' },
  reviewer: { role: 'bureau_reviewer', unit: 'bureau', label: 'bureau_reviewer' },
  leader: { role: 'bureau_leader', unit: 'bureau', label: 'bureau_leader' },
  auditor: { role: 'auditor', unit: 'bureau', label: 'auditor' },
  aUser: { role: 'dept_user', unit: 'deptA', label: 'dept_user@A' },
  aLeader: { role: 'dept_leader', unit: 'deptA', label: 'dept_leader@A' },
  paUser: { role: 'dept_user', unit: 'projA', label: 'dept_user@PA' },
  bUser: { role: 'dept_user', unit: 'deptB', label: 'dept_user@B' },
  bLeader: { role: 'dept_leader', unit: 'deptB', label: 'dept_leader@B' },
};

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Is this unit within the persona's scope? */
export function seesUnit(p: Persona, unitId: number): boolean {
  return p.scope === 'all' || p.scope.includes(unitId);
}

/** The evaluation visibility rule of libs/evaluations/README.md, restated. */
export function seesEvaluation(p: Persona, e: EvaluationRef): boolean {
  if (p.scope === 'all') return true;
  return !e.draft && e.units.some((u) => seesUnit(p, u));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function buildWorld(): Promise<World> {
  const stack = await startTestStack({
    // One attempt per delivery, so B's dead webhook turns into a failed delivery within seconds.
    overrides: { NOTIFY_ATTEMPTS: '1', NOTIFY_BACKOFF_MS: '100', NOTIFY_SEND_TIMEOUT_MS: '2000' },
  });
  try {
    return await populate(stack);
  } catch (err) {
    await stack.close();
    throw err;
  }
}

async function populate(stack: TestStack): Promise<World> {
  const http = stack.api.getHttpServer();
  const db = dataSourceOf(stack);
  const marker = `am${randomBytes(5).toString('hex')}`;

  const bureau = await createUnit(stack, { kind: 'bureau', code: `${marker}-bureau` });
  const [deptA, deptB, spare] = await Promise.all(
    ['A', 'B', 'spare'].map((n) =>
      createUnit(stack, { kind: 'department', parentId: bureau.id, code: `${marker}-${n}` }),
    ),
  );
  const [projA, projB] = await Promise.all([
    createUnit(stack, { kind: 'project_unit', parentId: deptA.id, code: `${marker}-PA` }),
    createUnit(stack, { kind: 'project_unit', parentId: deptB.id, code: `${marker}-PB` }),
  ]);
  const units = { bureau, deptA, projA, deptB, projB, spare };
  const hook = `http://127.0.0.1:${await closedPort()}/hook`;
  await db.getRepository(UnitEntity).update({ id: deptB.id }, { webhookUrl: hook });

  const accounts = await Promise.all(
    PERSONA_KEYS.map((k) =>
      createUserAndLogin(stack, { role: PERSONA_SPECS[k].role, unitId: units[PERSONA_SPECS[k].unit].id }),
    ),
  );
  const scopes: Record<PersonaKey, 'all' | number[]> = {
    admin: 'all',
    reviewer: 'all',
    leader: 'all',
    auditor: 'all',
    aUser: [deptA.id],
    aLeader: [deptA.id, projA.id],
    paUser: [projA.id],
    bUser: [deptB.id],
    bLeader: [deptB.id, projB.id],
  };
  const personas = Object.fromEntries(
    PERSONA_KEYS.map((k, i) => [
      k,
      {
        key: k,
        role: PERSONA_SPECS[k].role,
        label: PERSONA_SPECS[k].label,
        account: accounts[i],
        scope: scopes[k],
      },
    ]),
  ) as Record<PersonaKey, Persona>;
  const { admin, reviewer, aUser, paUser, bUser } = personas;
  const [spareUser, loginUser] = await Promise.all([
    createUser(stack, { role: 'dept_user', unitId: spare.id }),
    createUser(stack, { role: 'dept_user', unitId: spare.id }),
  ]);

  // ── evaluations ──────────────────────────────────────────────────────────────────────────────────────────
  const form = (label: string, n: number) =>
    smallForm({
      problems: Array.from(
        { length: n },
        (_, i) => `${label}问题${i + 1}：专项资金拨付不够及时（${marker}）。`,
      ),
      recommendations: Array.from({ length: n }, (_, i) => `${label}建议${i + 1}：加快资金拨付进度。`),
    });
  const texts: Record<EvaluationKey, string> = {
    E1: seedVariant(),
    E2: form('乙', 1),
    E3: form('丙', 1),
    E4: form('丁', 2),
    D1: form('草一', 2),
    D2: form('草二', 8),
    D3: form('草三', 1),
  };
  const keys = Object.keys(texts) as EvaluationKey[];
  const ids = await Promise.all(
    keys.map(async (k) => {
      const res = await request(http)
        .post('/api/v1/evaluations/import')
        .set(reviewer.account.auth)
        .send({ text: texts[k], filename: `${marker}-${k}.txt` });
      if (res.status !== 201) throw new Error(`import of ${k}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.evaluation.id as string;
    }),
  );
  const evalId = Object.fromEntries(keys.map((k, i) => [k, ids[i]])) as Record<EvaluationKey, string>;

  const issue = async (who: Persona, key: EvaluationKey, body: Record<string, unknown>) => {
    const res = await request(http)
      .post(`/api/v1/evaluations/${evalId[key]}/issue`)
      .set(who.account.auth)
      .send({ deliveryDate: dayOffset(0), ...body });
    if (res.status !== 200) throw new Error(`issue of ${key}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await Promise.all([
    issue(reviewer, 'E1', {
      unitId: deptA.id,
      overrides: [
        { seq: 3, unitId: projA.id },
        { seq: 4, unitId: deptB.id },
      ],
    }),
    issue(admin, 'E2', { unitId: deptB.id }),
    issue(admin, 'E3', { unitId: projA.id }),
    issue(reviewer, 'E4', { unitId: deptA.id, overrides: [{ seq: 2, unitId: deptB.id }] }),
  ]);
  const issuedIds = [evalId.E1, evalId.E2, evalId.E3, evalId.E4];
  const rows = await eventually(async () => {
    const r: {
      id: string;
      evaluationId: string;
      findingSeq: number;
      unitId: number;
      findingTitle: string;
    }[] = await db.query(
      'SELECT id, evaluationId, findingSeq, unitId, findingTitle FROM rectification WHERE evaluationId IN (?)',
      [issuedIds],
    );
    return r.length === 8 && r;
  }, 60000);
  const itemSpec: Record<ItemKey, [EvaluationKey, number]> = {
    A1: ['E1', 1],
    A2: ['E1', 2],
    PA3: ['E1', 3],
    B4: ['E1', 4],
    E2B: ['E2', 1],
    E3PA: ['E3', 1],
    E4A: ['E4', 1],
    E4B: ['E4', 2],
  };
  const items = Object.fromEntries(
    (Object.keys(itemSpec) as ItemKey[]).map((k) => {
      const [ev, seq] = itemSpec[k];
      const row = rows.find((r) => r.evaluationId === evalId[ev] && Number(r.findingSeq) === seq)!;
      return [
        k,
        { key: k, id: row.id, evaluation: ev, seq, unitId: Number(row.unitId), title: row.findingTitle },
      ];
    }),
  ) as Record<ItemKey, ItemRef>;
  const expectUnit = {
    A1: deptA,
    A2: deptA,
    PA3: projA,
    B4: deptB,
    E2B: deptB,
    E3PA: projA,
    E4A: deptA,
    E4B: deptB,
  };
  for (const k of Object.keys(items) as ItemKey[])
    if (items[k].unitId !== expectUnit[k].id) throw new Error(`item ${k} went to unit ${items[k].unitId}`);

  const unitsOf = (k: EvaluationKey, department: number) => [
    department,
    ...Object.values(items)
      .filter((i) => i.evaluation === k)
      .map((i) => i.unitId),
  ];
  const evaluations: Record<EvaluationKey, EvaluationRef> = {
    E1: { key: 'E1', id: evalId.E1, draft: false, units: unitsOf('E1', deptA.id) },
    E2: { key: 'E2', id: evalId.E2, draft: false, units: unitsOf('E2', deptB.id) },
    E3: { key: 'E3', id: evalId.E3, draft: false, units: unitsOf('E3', projA.id) },
    E4: { key: 'E4', id: evalId.E4, draft: false, units: unitsOf('E4', deptA.id) },
    D1: { key: 'D1', id: evalId.D1, draft: true, units: [] },
    D2: { key: 'D2', id: evalId.D2, draft: true, units: [] },
    D3: { key: 'D3', id: evalId.D3, draft: true, units: [] },
  };

  // ── 整改中 with evidence on A1, PA3 and B4 ──────────────────────────────────────────────────────────────
  const fileOwners = { A1: aUser, PA3: paUser, B4: bUser } as const;
  const fileKeys = Object.keys(fileOwners) as (keyof typeof fileOwners)[];
  const fileEntries = await Promise.all(
    fileKeys.map(async (k) => {
      const who = fileOwners[k];
      const id = items[k].id;
      await toInProgress(http, who.account, reviewer.account, id);
      const pdf = minimalPdf(`${marker} ${k}`);
      const up = await uploadEvidence(http, who.account, id, [{ name: `整改报告-${k}.pdf`, bytes: pdf }]);
      if (up.status !== 200) throw new Error(`evidence on ${k}: ${up.status} ${JSON.stringify(up.body)}`);
      const list = await request(http)
        .get(`/api/v1/rectifications/${id}/evidence`)
        .set(reviewer.account.auth);
      const file = (list.body.items as { id: number; sha256: string }[]).find(
        (f) => f.sha256 === sha256(pdf),
      );
      if (!file) throw new Error(`evidence of ${k} not listed: ${JSON.stringify(list.body)}`);
      return [k, { item: k, fileId: file.id, sha256: file.sha256 }] as const;
    }),
  );
  const files = Object.fromEntries(fileEntries) as World['files'];

  // ── notifications ───────────────────────────────────────────────────────────────────────────────────────
  const notifiedByWorkflows: PersonaKey[] = ['reviewer', 'aUser', 'paUser', 'bUser'];
  const personaIds = PERSONA_KEYS.map((k) => personas[k].account.user.id);
  await eventually(async () => {
    const n: { userId: number }[] = await db.query(
      'SELECT DISTINCT userId FROM notification WHERE userId IN (?)',
      [personaIds],
    );
    const have = new Set(n.map((r) => Number(r.userId)));
    return notifiedByWorkflows.every((k) => have.has(personas[k].account.user.id));
  }, 60000);
  for (const k of PERSONA_KEYS) {
    if (notifiedByWorkflows.includes(k)) continue;
    // As the in-app channel writes a message (InAppChannel): these roles had nothing to be told yet.
    await db.query(
      `INSERT INTO notification (userId, deliveryKey, event, level, title, body, link, rectificationId, evaluationId)
       VALUES (?, ?, 'deadline_reminder', NULL, ?, ?, ?, ?, ?)`,
      [
        personas[k].account.user.id,
        `${marker}.${k}.in_app`,
        `【整改提醒】${marker}`,
        '距整改时限还有 7 天。',
        `/rectifications/${items.A1.id}`,
        items.A1.id,
        evalId.E1,
      ],
    );
  }
  const own: { id: string; userId: number }[] = await db.query(
    'SELECT MIN(id) AS id, userId FROM notification WHERE userId IN (?) GROUP BY userId',
    [personaIds],
  );
  const notifications = Object.fromEntries(
    PERSONA_KEYS.map((k) => [
      k,
      Number(own.find((r) => Number(r.userId) === personas[k].account.user.id)!.id),
    ]),
  ) as Record<PersonaKey, number>;
  const [{ ceiling }] = await db.query('SELECT MAX(id) AS ceiling FROM notification WHERE userId IN (?)', [
    personaIds,
  ]);

  // ── a failed and a delivered delivery, a completed request job ─────────────────────────────────────────────
  const deliveries = await eventually(async () => {
    const [failed]: { id: string }[] = await db.query(
      `SELECT id FROM notification_delivery WHERE recipientUnitId = ? AND channel = 'webhook' AND status = 'failed' LIMIT 1`,
      [deptB.id],
    );
    const [sent]: { id: string; notificationKey: string }[] = await db.query(
      `SELECT id, notificationKey FROM notification_delivery WHERE recipientUserId = ? AND status = 'sent' LIMIT 1`,
      [aUser.account.user.id],
    );
    return failed && sent && { failed: Number(failed.id), sent: Number(sent.id), key: sent.notificationKey };
  }, 60000);
  const notificationsQueue = stack.api.get<string, Queue>(getQueueToken(QUEUES.notifications), {
    strict: false,
  });
  const completedRequestJob = notificationJobId(deliveries.key);
  await eventually(async () => (await notificationsQueue.getJobState(completedRequestJob)) === 'completed');

  // ── a probe round trip ──────────────────────────────────────────────────────────────────────────────────
  const probe = await request(http)
    .post('/api/v1/system/probes')
    .set(admin.account.auth)
    .send({ message: `${marker}-setup` });
  if (probe.status !== 202) throw new Error(`probe: ${probe.status} ${JSON.stringify(probe.body)}`);
  const probeId = probe.body.probeId as string;
  await eventually(async () => {
    const r = await request(http).get(`/api/v1/system/probes/${probeId}`).set(admin.account.auth);
    return r.status === 200;
  });

  return {
    stack,
    http,
    db,
    marker,
    texts,
    units,
    personas,
    spareUser,
    loginUser,
    evaluations,
    items,
    files,
    notifications,
    notificationCeiling: Number(ceiling),
    deliveries: { failed: deliveries.failed, sent: deliveries.sent },
    completedRequestJob,
    probeId,
    notificationsQueue,
  };
}

/** An id that exists nowhere, shaped like the real ones. */
export const ghost = {
  uuid: () => randomUUID(),
  rectification: () => `rectification-${randomUUID()}-1`,
  int: 2_000_000_000,
};
