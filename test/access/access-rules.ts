/**
 * The access matrix: one rule per route the API registers, saying what each role gets, on which instances, and
 * what a successful answer may contain. Reading a rule:
 *
 *   access  — per role: 'allow'    the allowed answer on what it can see, 404 NOT_FOUND on what it cannot
 *                       'forbid'   403 FORBIDDEN from the role guard, the same for every id (existing or not)
 *                       'see-only' sees but may not act: 404 NOT_FOUND outside its units, 403 FORBIDDEN inside
 *   targets — the instances tried: another unit's item sits beside one's own and beside an id that exists
 *             nowhere ("ghost"); the refusal for the other unit's item must be byte-for-byte the ghost's
 *   ok      — the statuses that mean "allowed": 2xx, or a 400/409 from validation or the workflow's state
 *             (which can only come after the guards), per instance tag when it depends on the instance
 *   inspect — on an allowed 2xx: the body holds nothing outside the caller's scope, and everything inside it
 *   snapshot — (write routes) what refused attempts must leave unchanged; collateral: what an allowed one may change
 */
import ExcelJS from 'exceljs';
import type request from 'supertest';
import type { Role } from '../../libs/auth/src/role';
import { minimalPdf } from '../evidence/evidence-fixtures';
import { dayOffset } from '../ledger/rectification-http';
import { environmentPolicyDefaults } from '../../libs/rectification/src/policy-defaults.service';
import { login, TEST_PASSWORD } from '../support/auth';
import { testConfig } from '../support/test-config';
import {
  EvaluationKey,
  EvaluationRef,
  ghost,
  ItemKey,
  ItemRef,
  Persona,
  PERSONA_KEYS,
  PersonaKey,
  seesEvaluation,
  seesUnit,
  sha256,
  World,
} from './access-world';

export type Access = 'allow' | 'forbid' | 'see-only';
export type AccessMap = Record<Role, Access>;

export type Owner =
  | 'anyone' // exists and belongs to no unit (a unit record, a user record, a probe…)
  | 'nobody' // does not exist, or cannot be reached this way (a file through another item)
  | { user: PersonaKey } // one person's own (a notification)
  | { evaluation: EvaluationRef } // an evaluation: drafts for the bureau only, then its units
  | { units: number[] }; // a unit's item

export interface Instance {
  label: string;
  owner: Owner;
  /** an id that exists nowhere: another unit's refusal must read exactly like this one's */
  ghost?: boolean;
  /** selects the allowed statuses when `ok` depends on the instance */
  tag?: string;
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  /** for list routes: the world items the answer is about (undefined = the unfiltered list) */
  select?: (i: ItemRef) => boolean;
}

export type Expected = { status: 401 | 403 | 404 } | { ok: number[] };

export interface Payload {
  body?: unknown;
  query?: Record<string, unknown>;
  fields?: Record<string, string>;
  files?: { name: string; bytes: Buffer }[];
  binary?: boolean;
}

interface Ctx {
  w: World;
  persona: Persona;
  instance: Instance;
}

export interface AccessRule {
  /** METHOD and path exactly as in the OpenAPI document */
  route: string;
  access: AccessMap;
  phase: 'read' | 'write';
  targets: (w: World) => Instance[];
  ok: number[] | Record<string, number[]>;
  send?: (c: Ctx) => Payload | Promise<Payload>;
  inspect?: (c: Ctx & { res: request.Response }) => string[] | Promise<string[]>;
  snapshot?: (w: World) => Promise<unknown>;
  collateral?: (c: Ctx & { before: unknown; after: unknown }) => string[];
}

export interface PublicRule {
  route: string;
  ok: number[];
  send?: (w: World) => Payload | Promise<Payload>;
}

// ── who may ──────────────────────────────────────────────────────────────────────────────────────────────────
const A = 'allow' as const;
const F = 'forbid' as const;
const S = 'see-only' as const;
/** every signed-in role; unit-owned things still scoped */
const EVERY_ROLE: AccessMap = {
  bureau_admin: A,
  bureau_reviewer: A,
  bureau_leader: A,
  auditor: A,
  dept_user: A,
  dept_leader: A,
};
/** units and users: the bureau and the auditor read, departments never */
const READ_ALL: AccessMap = {
  bureau_admin: A,
  bureau_reviewer: A,
  bureau_leader: A,
  auditor: A,
  dept_user: F,
  dept_leader: F,
};
const ADMIN_ONLY: AccessMap = {
  bureau_admin: A,
  bureau_reviewer: F,
  bureau_leader: F,
  auditor: F,
  dept_user: F,
  dept_leader: F,
};
const ADMIN_AND_AUDITOR: AccessMap = { ...ADMIN_ONLY, auditor: A };
/** importing, correcting drafts and issuing */
const DRAFT_EDITORS: AccessMap = { ...ADMIN_ONLY, bureau_reviewer: A };
/** 签收, 方案, 佐证, 提交, 进展, 延期申请: the department within its units; the bureau sees but never acts for it */
const DEPARTMENT_STEP: AccessMap = {
  bureau_admin: S,
  bureau_reviewer: S,
  bureau_leader: S,
  auditor: S,
  dept_user: A,
  dept_leader: A,
};
/** 批准/退回方案, 认定, 延期审批, 改派, 撤销: the bureau's reviewers and administrators */
const BUREAU_STEP: AccessMap = {
  bureau_admin: A,
  bureau_reviewer: A,
  bureau_leader: S,
  auditor: S,
  dept_user: S,
  dept_leader: S,
};
/** 回头看 巩固/反弹: the bureau's reviewers only */
const RECHECK_DECIDERS: AccessMap = { ...ADMIN_ONLY, bureau_admin: F, bureau_reviewer: A };

// ── instances ────────────────────────────────────────────────────────────────────────────────────────────────
const NONE: Instance[] = [{ label: '-', owner: 'anyone' }];
const none = () => NONE;

function unitLabel(w: World, unitId: number): string {
  const names: Record<number, string> = {
    [w.units.deptA.id]: 'A',
    [w.units.projA.id]: 'PA',
    [w.units.deptB.id]: 'B',
    [w.units.projB.id]: 'PB',
  };
  return names[unitId] ?? String(unitId);
}

const item = (w: World, k: ItemKey): Instance => ({
  label: `${k} (unit ${unitLabel(w, w.items[k].unitId)})`,
  owner: { units: [w.items[k].unitId] },
  params: { id: w.items[k].id },
});
const ghostItem = (): Instance => ({
  label: 'ghost item',
  owner: 'nobody',
  ghost: true,
  params: { id: ghost.rectification() },
});
/** one item of A, one of A's project unit, one of B: every department persona has an own and an other */
const items = (w: World) => [item(w, 'A1'), item(w, 'PA3'), item(w, 'B4'), ghostItem()];
/**
 * The steps are tried on those (整改中 with evidence) and on a fresh 已下发 item of each of A, PA and B (A2, E3PA,
 * E2B), so that walking the table in lifecycle order lets every step succeed for real somewhere.
 */
const stepItems = (w: World) => [
  item(w, 'A1'),
  item(w, 'A2'),
  item(w, 'PA3'),
  item(w, 'E3PA'),
  item(w, 'B4'),
  item(w, 'E2B'),
  ghostItem(),
];

const evaluation = (w: World, k: EvaluationKey, tag?: string): Instance => ({
  label: `${k}${w.evaluations[k].draft ? ' (draft)' : ''}`,
  owner: { evaluation: w.evaluations[k] },
  params: { id: w.evaluations[k].id, seq: 1 },
  tag,
});
const ghostEvaluation = (): Instance => ({
  label: 'ghost evaluation',
  owner: 'nobody',
  ghost: true,
  params: { id: ghost.uuid(), seq: 1 },
});

function file(w: World, k: 'A1' | 'PA3' | 'B4', through: ItemKey = k): Instance {
  const f = w.files[k];
  const same = through === k;
  return {
    label: same ? `file of ${k}` : `${through} with the file of ${k}`,
    owner: same ? { units: [w.items[k].unitId] } : 'nobody',
    params: { id: w.items[through].id, fileId: f.fileId },
  };
}

const anyone = (label: string, params: Instance['params'], tag?: string): Instance => ({
  label,
  owner: 'anyone',
  params,
  tag,
});
/** an id that exists nowhere (`ghost`), or a real one that cannot be reached this way */
const absent = (label: string, params: Instance['params'], ghost = true): Instance => ({
  label,
  owner: 'nobody',
  params,
  ghost,
});

// ── inspections ──────────────────────────────────────────────────────────────────────────────────────────────
const sorted = (xs: (string | number)[]) => [...xs].map(String).sort();
function sameSet(what: string, actual: (string | number)[], expected: (string | number)[]): string[] {
  const a = sorted(actual);
  const e = sorted(expected);
  return JSON.stringify(a) === JSON.stringify(e) ? [] : [`${what}: got [${a}] expected [${e}]`];
}
const worldItems = (w: World) => Object.values(w.items);
const itemKeyOf = (w: World, id: string) => worldItems(w).find((i) => i.id === id)?.key ?? id;

function inspectEvaluationList({ w, persona, instance, res }: Ctx & { res: request.Response }): string[] {
  const listed = res.body.items as { id: string; progress: { total: number } }[];
  const world = Object.values(w.evaluations);
  const problems: string[] = [];
  const dept = persona.scope !== 'all';
  for (const e of listed) {
    const ref = world.find((x) => x.id === e.id);
    if (dept && (!ref || !seesEvaluation(persona, ref)))
      problems.push(`LEAK: lists evaluation ${ref?.key ?? e.id}${ref?.draft ? ' (a draft)' : ''}`);
    if (ref && !ref.draft) {
      const inScope = worldItems(w).filter((i) => i.evaluation === ref.key && seesUnit(persona, i.unitId));
      if (e.progress.total !== inScope.length)
        problems.push(
          `LEAK: ${ref.key}'s progress counts ${e.progress.total} items, ${inScope.length} are in its units`,
        );
    }
  }
  if (dept || instance.tag !== 'all') {
    const expected = world.filter((e) =>
      instance.tag === 'drafts' ? e.draft && !dept : dept ? seesEvaluation(persona, e) : true,
    );
    problems.push(
      ...sameSet(
        'evaluations listed',
        listed.map((e) => world.find((x) => x.id === e.id)?.key ?? e.id),
        expected.map((e) => e.key),
      ),
    );
  }
  return problems;
}

function inspectEvaluationDetail({ w, persona, instance, res }: Ctx & { res: request.Response }): string[] {
  const ref = (instance.owner as { evaluation: EvaluationRef }).evaluation;
  const problems: string[] = [];
  if (res.body.evaluation?.id !== ref.id) problems.push(`answered evaluation ${res.body.evaluation?.id}`);
  const links = (res.body.findings as { seq: number; rectification: { id: string; unitId: number } | null }[])
    .map((f) => f.rectification)
    .filter((l): l is { id: string; unitId: number } => l !== null);
  for (const l of links)
    if (!seesUnit(persona, l.unitId))
      problems.push(`LEAK: links ${itemKeyOf(w, l.id)}, an item of unit ${unitLabel(w, l.unitId)}`);
  const expected = worldItems(w).filter((i) => i.evaluation === ref.key && seesUnit(persona, i.unitId));
  problems.push(
    ...sameSet(
      'rectification links',
      links.map((l) => itemKeyOf(w, l.id)),
      expected.map((i) => i.key),
    ),
  );
  if (!ref.draft && res.body.progress?.total !== expected.length)
    problems.push(
      `LEAK: progress counts ${res.body.progress?.total} items, ${expected.length} are in its units`,
    );
  return problems;
}

function inspectLedger({ w, persona, instance, res }: Ctx & { res: request.Response }): string[] {
  const listed = res.body.items as { id: string; unit: { id: number } }[];
  const problems = listed
    .filter((i) => !seesUnit(persona, i.unit.id))
    .map((i) => `LEAK: lists ${itemKeyOf(w, i.id)} of unit ${unitLabel(w, i.unit.id)}`);
  if (instance.select || persona.scope !== 'all') {
    const expected = worldItems(w).filter(
      (i) => (instance.select?.(i) ?? true) && seesUnit(persona, i.unitId),
    );
    problems.push(
      ...sameSet(
        'ledger rows',
        listed.map((i) => itemKeyOf(w, i.id)),
        expected.map((i) => i.key),
      ),
    );
  }
  return problems;
}

async function inspectExport({
  w,
  persona,
  instance,
  res,
}: Ctx & { res: request.Response }): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as ExcelJS.Buffer);
  const sheet = book.getWorksheet('整改台账');
  if (!sheet) return ['no 整改台账 sheet'];
  const rows: { unit: string; finding: string }[] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) rows.push({ unit: String(row.getCell(7).value), finding: String(row.getCell(4).value) });
  });
  const unitNames = Object.values(w.units);
  const visibleNames = new Set(
    persona.scope === 'all'
      ? unitNames.map((u) => u.name)
      : unitNames.filter((u) => seesUnit(persona, u.id)).map((u) => u.name),
  );
  const problems = rows
    .filter((r) => persona.scope !== 'all' && !visibleNames.has(r.unit))
    .map((r) => `LEAK: exports "${r.finding}" of ${r.unit}`);
  if (instance.select || persona.scope !== 'all') {
    const nameOf = (id: number) => unitNames.find((u) => u.id === id)!.name;
    const expected = worldItems(w)
      .filter((i) => (instance.select?.(i) ?? true) && seesUnit(persona, i.unitId))
      .map((i) => `${nameOf(i.unitId)} | ${i.seq}. ${i.title}`);
    problems.push(
      ...sameSet(
        'exported rows',
        rows.map((r) => `${r.unit} | ${r.finding}`),
        expected,
      ),
    );
  }
  return problems;
}

const ledgerTargets = (w: World): Instance[] => {
  const subtree =
    (...ids: number[]) =>
    (i: ItemRef) =>
      ids.includes(i.unitId);
  return [
    { label: 'unfiltered', owner: 'anyone', query: { pageSize: 100 } },
    {
      label: 'evaluation E1',
      owner: 'anyone',
      query: { evaluationId: w.evaluations.E1.id, pageSize: 100 },
      select: (i) => i.evaluation === 'E1',
    },
    {
      label: 'unit A and below',
      owner: 'anyone',
      query: { unitId: w.units.deptA.id, pageSize: 100 },
      select: subtree(w.units.deptA.id, w.units.projA.id),
    },
    {
      label: 'unit B and below',
      owner: 'anyone',
      query: { unitId: w.units.deptB.id, pageSize: 100 },
      select: subtree(w.units.deptB.id, w.units.projB.id),
    },
  ];
};
const withoutPaging = (q: Instance['query']) => {
  const rest = { ...q };
  delete rest.pageSize;
  return rest;
};

// ── snapshots ────────────────────────────────────────────────────────────────────────────────────────────────
const itemIds = (w: World) => worldItems(w).map((i) => i.id);
async function itemSnapshot(w: World) {
  const rows: { id: string; status: string; unitId: number; lastEventSeq: number }[] = await w.db.query(
    'SELECT id, status, unitId, lastEventSeq FROM rectification WHERE id IN (?) ORDER BY id',
    [itemIds(w)],
  );
  const files: { rectificationId: string; n: string }[] = await w.db.query(
    'SELECT rectificationId, COUNT(*) AS n FROM evidence_file WHERE rectificationId IN (?) GROUP BY rectificationId ORDER BY rectificationId',
    [itemIds(w)],
  );
  return {
    items: Object.fromEntries(
      rows.map((r) => [itemKeyOf(w, r.id), `${r.status}/${r.unitId}/#${r.lastEventSeq}`]),
    ),
    files: Object.fromEntries(files.map((f) => [itemKeyOf(w, f.rectificationId), Number(f.n)])),
  };
}
/** An allowed step changes its own item only. */
function onlyTheTargetItem({
  w,
  instance,
  before,
  after,
}: Ctx & { before: unknown; after: unknown }): string[] {
  const b = before as Awaited<ReturnType<typeof itemSnapshot>>;
  const a = after as Awaited<ReturnType<typeof itemSnapshot>>;
  const target = itemKeyOf(w, String(instance.params?.id));
  return Object.keys(a.items)
    .filter((k) => k !== target && (a.items[k] !== b.items[k] || a.files[k] !== b.files[k]))
    .map((k) => `changed another item too: ${k} ${b.items[k]} → ${a.items[k]}`);
}

/** The evaluations draft edits and issuing are tried on (E4 may finish on its own once its items are 撤销). */
async function evaluationSnapshot(w: World) {
  const ids = (['D1', 'D2', 'D3', 'E1'] as const).map((k) => w.evaluations[k].id);
  const rows: { id: string; status: string; version: number; f: string; r: string; items: string }[] =
    await w.db.query(
      `SELECT e.id, e.status, e.version,
              (SELECT COUNT(*) FROM finding f WHERE f.evaluationId = e.id) AS f,
              (SELECT COUNT(*) FROM recommendation r WHERE r.evaluationId = e.id) AS r,
              (SELECT COUNT(*) FROM rectification x WHERE x.evaluationId = e.id) AS items
         FROM evaluation e WHERE e.id IN (?) ORDER BY e.id`,
      [ids],
    );
  const keyOf = (id: string) => Object.values(w.evaluations).find((e) => e.id === id)!.key;
  return Object.fromEntries(
    rows.map((r) => [keyOf(r.id), `${r.status} v${r.version} findings=${r.f} recs=${r.r} items=${r.items}`]),
  );
}

const worldUnitIds = (w: World) => Object.values(w.units).map((u) => u.id);
async function unitSnapshot(w: World) {
  return {
    units: await w.db.query(
      `SELECT id, code, name, kind, parentId, webhookUrl, active, updatedAt FROM unit WHERE code LIKE ? ORDER BY id`,
      [`${w.marker}%`],
    ),
    webhooks: await w.db.query('SELECT * FROM unit_webhook_setting WHERE unitId IN (?) ORDER BY unitId', [
      worldUnitIds(w),
    ]),
  };
}
async function userSnapshot(w: World) {
  return w.db.query(
    `SELECT id, username, passwordHash, displayName, role, unitId, email, active, isUnitHead, updatedAt
       FROM app_user WHERE unitId IN (?) OR username LIKE ? ORDER BY id`,
    [worldUnitIds(w), `${w.marker}%`],
  );
}
const personaUserIds = (w: World) => PERSONA_KEYS.map((k) => w.personas[k].account.user.id);
/** Read flags of the personas' messages as the world was built (the workflows keep sending new ones). */
async function notificationSnapshot(w: World): Promise<Record<string, string>> {
  const rows: { id: string; userId: number; readAt: Date | null }[] = await w.db.query(
    'SELECT id, userId, readAt FROM notification WHERE userId IN (?) AND id <= ? ORDER BY id',
    [personaUserIds(w), w.notificationCeiling],
  );
  return Object.fromEntries(rows.map((r) => [r.id, `${r.userId}:${r.readAt ? 'read' : 'unread'}`]));
}
/** Marking read touches the caller's own messages only. */
function onlyMyNotifications({
  w,
  persona,
  before,
  after,
}: Ctx & { before: unknown; after: unknown }): string[] {
  const b = before as Record<string, string>;
  const a = after as Record<string, string>;
  const me = String(w.personas[persona.key].account.user.id);
  return Object.keys(a)
    .filter((id) => a[id] !== b[id] && !a[id].startsWith(`${me}:`))
    .map((id) => `LEAK: marked notification ${id} of another user (${b[id]} → ${a[id]})`);
}
async function deliverySnapshot(w: World) {
  return w.db.query('SELECT id, status FROM notification_delivery WHERE id IN (?) ORDER BY id', [
    [w.deliveries.failed, w.deliveries.sent],
  ]);
}
const requestJobSnapshot = async (w: World) => w.notificationsQueue.getJobState(w.completedRequestJob);

// ── the matrix ───────────────────────────────────────────────────────────────────────────────────────────────
type StepBody = object | ((c: Ctx) => Payload | Promise<Payload>);
const sender = (body: StepBody): ((c: Ctx) => Payload | Promise<Payload>) =>
  typeof body === 'function' ? (body as (c: Ctx) => Payload | Promise<Payload>) : () => ({ body });
/** department steps: tried on A1, PA3 and B4 (整改中 with evidence after the world is built) */
const departmentStep = (route: string, body: StepBody): AccessRule => ({
  route,
  access: DEPARTMENT_STEP,
  phase: 'write',
  targets: stepItems,
  ok: [200, 409],
  send: sender(body),
  snapshot: itemSnapshot,
  collateral: onlyTheTargetItem,
});
const bureauStep = (route: string, body: StepBody, targets = stepItems): AccessRule => ({
  route,
  access: BUREAU_STEP,
  phase: 'write',
  targets,
  ok: [200, 409],
  send: sender(body),
  snapshot: itemSnapshot,
  collateral: onlyTheTargetItem,
});
/** a draft edit: D2 is the draft (really edited by the allowed roles), E1 is issued (409), and a ghost */
const draftEdit = (
  route: string,
  created: 200 | 201,
  send: (c: Ctx) => Payload | Promise<Payload>,
): AccessRule => ({
  route,
  access: DRAFT_EDITORS,
  phase: 'write',
  targets: (w) => [evaluation(w, 'D2', 'draft'), evaluation(w, 'E1', 'issued'), ghostEvaluation()],
  ok: { draft: [created], issued: [409] },
  send,
  snapshot: evaluationSnapshot,
});

export const RULES: AccessRule[] = [
  // ── auth (signed-in) ──
  {
    route: 'GET /api/v1/auth/me',
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
    inspect: ({ persona, res }) => {
      const p: string[] = [];
      if (res.body.id !== persona.account.user.id) p.push(`answered user ${res.body.id}`);
      if (res.body.seesAllUnits !== (persona.scope === 'all'))
        p.push(`seesAllUnits ${res.body.seesAllUnits}`);
      if (persona.scope !== 'all')
        p.push(...sameSet('visibleUnitIds', res.body.visibleUnitIds ?? [], persona.scope));
      return p;
    },
  },

  // ── units and users (admin) ──
  { route: 'GET /api/v1/units', access: READ_ALL, phase: 'read', targets: none, ok: [200] },
  { route: 'GET /api/v1/units/tree', access: READ_ALL, phase: 'read', targets: none, ok: [200] },
  {
    route: 'GET /api/v1/units/{id}',
    access: READ_ALL,
    phase: 'read',
    targets: (w) => [anyone('unit B', { id: w.units.deptB.id }), absent('ghost unit', { id: ghost.int })],
    ok: [200],
  },
  {
    route: 'POST /api/v1/units',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: none,
    ok: [201],
    send: ({ w, persona }) => ({
      body: {
        code: `${w.marker}-new-${persona.key}`,
        name: `新单位 ${w.marker} ${persona.key}`,
        kind: 'department',
        parentId: w.units.bureau.id,
      },
    }),
    snapshot: unitSnapshot,
  },
  {
    route: 'PATCH /api/v1/units/{id}',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: (w) => [anyone('spare unit', { id: w.units.spare.id }), absent('ghost unit', { id: ghost.int })],
    ok: [200],
    send: ({ w, persona }) => ({ body: { name: `备用单位 ${w.marker} ${persona.key}` } }),
    snapshot: unitSnapshot,
  },
  { route: 'GET /api/v1/users', access: READ_ALL, phase: 'read', targets: none, ok: [200] },
  {
    route: 'GET /api/v1/users/{id}',
    access: READ_ALL,
    phase: 'read',
    targets: (w) => [
      anyone('user dept_user@B', { id: w.personas.bUser.account.user.id }),
      absent('ghost user', { id: ghost.int }),
    ],
    ok: [200],
  },
  {
    route: 'POST /api/v1/users',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: none,
    ok: [201],
    send: ({ w, persona }) => ({
      body: {
        username: `${w.marker}_${persona.key}`,
        password: 'Initial-passw0rd',
        displayName: `新用户 ${persona.key}`,
        role: 'dept_user',
        unitId: w.units.spare.id,
      },
    }),
    snapshot: userSnapshot,
  },
  {
    route: 'PATCH /api/v1/users/{id}',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: (w) => [anyone('spare user', { id: w.spareUser.id }), absent('ghost user', { id: ghost.int })],
    ok: [200],
    send: ({ persona }) => ({ body: { displayName: `改名 ${persona.key}` } }),
    snapshot: userSnapshot,
  },
  {
    route: 'POST /api/v1/users/{id}/reset-password',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: (w) => [anyone('spare user', { id: w.spareUser.id }), absent('ghost user', { id: ghost.int })],
    ok: [204],
    send: () => ({ body: { password: 'Reset-passw0rd-1' } }),
    snapshot: userSnapshot,
  },
  {
    route: 'POST /api/v1/users/{id}/unlock',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: (w) => [anyone('spare user', { id: w.spareUser.id }), absent('ghost user', { id: ghost.int })],
    ok: [200],
    snapshot: userSnapshot,
  },

  // ── audit ──
  {
    route: 'GET /api/v1/audit-log',
    access: ADMIN_AND_AUDITOR,
    phase: 'read',
    targets: none,
    ok: [200],
    send: ({ w }) => ({ query: { entityType: 'rectification', entityId: w.items.A1.id } }),
    inspect: ({ res }) =>
      res.body.total >= 3 ? [] : [`the steps on A1 are not in the audit log: ${res.body.total}`],
  },

  // ── evaluations ──
  {
    route: 'POST /api/v1/evaluations/import',
    access: DRAFT_EDITORS,
    phase: 'write',
    targets: none,
    ok: [201],
    send: ({ w, persona }) => ({
      body: {
        text: `${w.texts.D1}\n（${w.marker} ${persona.key}）`,
        filename: `${w.marker}-import-${persona.key}.txt`,
      },
    }),
    snapshot: async (w) =>
      w.db.query('SELECT COUNT(*) AS n FROM source_document WHERE originalName LIKE ?', [
        `${w.marker}-import-%`,
      ]),
  },
  {
    route: 'GET /api/v1/evaluations',
    access: EVERY_ROLE,
    phase: 'read',
    targets: () => [
      { label: 'unfiltered', owner: 'anyone', tag: 'all' },
      { label: 'q=marker', owner: 'anyone', tag: 'marker' },
      { label: 'q=marker status=draft', owner: 'anyone', tag: 'drafts' },
    ],
    ok: [200],
    send: ({ w, instance }) => ({
      query: {
        pageSize: 100,
        ...(instance.tag === 'all' ? {} : { q: w.marker }),
        ...(instance.tag === 'drafts' ? { status: 'draft' } : {}),
      },
    }),
    inspect: inspectEvaluationList,
  },
  {
    route: 'GET /api/v1/evaluations/{id}',
    access: EVERY_ROLE,
    phase: 'read',
    targets: (w) => [
      evaluation(w, 'E1'),
      evaluation(w, 'E2'),
      evaluation(w, 'E3'),
      evaluation(w, 'D1'),
      ghostEvaluation(),
    ],
    ok: [200],
    inspect: inspectEvaluationDetail,
  },
  {
    route: 'GET /api/v1/evaluations/{id}/source-text',
    access: EVERY_ROLE,
    phase: 'read',
    targets: (w) => [
      evaluation(w, 'E1'),
      evaluation(w, 'E2'),
      evaluation(w, 'E3'),
      evaluation(w, 'D1'),
      ghostEvaluation(),
    ],
    ok: [200],
    inspect: ({ w, instance, res }) => {
      const k = (instance.owner as { evaluation: EvaluationRef }).evaluation.key;
      return res.body?.text === w.texts[k] ? [] : [`the source text of ${k} is not the imported text`];
    },
  },
  {
    route: 'POST /api/v1/evaluations',
    access: DRAFT_EDITORS,
    phase: 'write',
    targets: none,
    ok: [201],
    send: ({ w, persona }) => ({ body: { projectName: `${w.marker}-manual-${persona.key}` } }),
    snapshot: async (w) =>
      w.db.query('SELECT COUNT(*) AS n FROM evaluation WHERE projectName LIKE ?', [`${w.marker}-manual-%`]),
  },
  {
    route: 'GET /api/v1/evaluations/{id}/source',
    access: EVERY_ROLE,
    phase: 'read',
    targets: (w) => [
      evaluation(w, 'E1'),
      evaluation(w, 'E2'),
      evaluation(w, 'E3'),
      evaluation(w, 'D1'),
      ghostEvaluation(),
    ],
    ok: [200],
    send: () => ({ binary: true }),
    inspect: ({ w, instance, res }) => {
      const k = (instance.owner as { evaluation: EvaluationRef }).evaluation.key;
      return Buffer.isBuffer(res.body) && res.body.toString('utf8') === w.texts[k]
        ? []
        : [`the source of ${k} is not the imported document`];
    },
  },
  draftEdit('PATCH /api/v1/evaluations/{id}', 200, ({ persona }) => ({
    body: { projectName: `改名 ${persona.key}` },
  })),
  draftEdit('POST /api/v1/evaluations/{id}/findings', 201, () => ({
    body: { title: '新增问题', text: '新增问题的内容。' },
  })),
  draftEdit('POST /api/v1/evaluations/{id}/findings/merge', 200, () => ({ body: { seqs: [1, 2] } })),
  draftEdit('PATCH /api/v1/evaluations/{id}/findings/{seq}', 200, () => ({
    body: { title: '已核对的问题' },
  })),
  draftEdit('POST /api/v1/evaluations/{id}/findings/{seq}/split', 200, async ({ w }) => {
    // In the middle of finding 1 as it stands now (the allowed roles split it one after the other).
    const [f] = await w.db.query('SELECT text FROM finding WHERE evaluationId = ? AND seq = 1', [
      w.evaluations.D2.id,
    ]);
    return { body: { offset: Math.max(1, Math.floor(String(f?.text ?? '').length / 2)) } };
  }),
  draftEdit('DELETE /api/v1/evaluations/{id}/findings/{seq}', 200, () => ({})),
  draftEdit('POST /api/v1/evaluations/{id}/recommendations', 201, () => ({
    body: { text: '新增建议的内容。' },
  })),
  draftEdit('PATCH /api/v1/evaluations/{id}/recommendations/{seq}', 200, () => ({
    body: { title: '已核对的建议' },
  })),
  draftEdit('DELETE /api/v1/evaluations/{id}/recommendations/{seq}', 200, () => ({})),
  {
    route: 'POST /api/v1/evaluations/{id}/issue',
    access: DRAFT_EDITORS,
    phase: 'write',
    targets: (w) => [evaluation(w, 'D3', 'draft'), evaluation(w, 'E1', 'issued'), ghostEvaluation()],
    ok: { draft: [200, 409], issued: [409] },
    send: ({ w }) => ({ body: { deliveryDate: dayOffset(0), unitId: w.units.deptA.id } }),
    snapshot: evaluationSnapshot,
  },

  // ── the ledger ──
  {
    route: 'GET /api/v1/rectifications',
    access: EVERY_ROLE,
    phase: 'read',
    targets: ledgerTargets,
    ok: [200],
    send: ({ instance }) => ({ query: instance.query }),
    inspect: inspectLedger,
  },
  {
    route: 'GET /api/v1/rectifications/export.xlsx',
    access: EVERY_ROLE,
    phase: 'read',
    targets: ledgerTargets,
    ok: [200],
    send: ({ instance }) => ({ query: withoutPaging(instance.query), binary: true }),
    inspect: inspectExport,
  },
  // ── 工作台 and 我的待办: every role, figures over its own units only ──
  ...(['summary', 'ageing', 'rungs', 'grades', 'closures-weekly'] as const).map((name): AccessRule => ({
    route: `GET /api/v1/dashboard/${name}`,
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
  })),
  {
    route: 'GET /api/v1/dashboard/by-unit',
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
    inspect: ({ w, persona, res }) => {
      const rows = res.body as { unitId: number }[];
      const outside = rows.filter((r) => !seesUnit(persona, r.unitId)).map((r) => r.unitId);
      const mine = [
        ...new Set(
          worldItems(w)
            .filter((i) => seesUnit(persona, i.unitId))
            .map((i) => i.unitId),
        ),
      ];
      const missing = mine.filter((u) => !rows.some((r) => r.unitId === u));
      return [
        ...(outside.length ? [`rows of units outside the scope: ${outside.join(', ')}`] : []),
        ...(missing.length ? [`no row for its units ${missing.join(', ')}`] : []),
      ];
    },
  },
  {
    route: 'GET /api/v1/todo',
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
    inspect: ({ persona, res }) => {
      const items = (res.body.groups as { items: { id: string; unitId: number }[] }[]).flatMap(
        (g) => g.items,
      );
      const outside = items.filter((i) => !seesUnit(persona, i.unitId)).map((i) => i.id);
      return outside.length ? [`to-do items outside the scope: ${outside.join(', ')}`] : [];
    },
  },
  {
    route: 'GET /api/v1/rectifications/{id}',
    access: EVERY_ROLE,
    phase: 'read',
    targets: items,
    ok: [200],
    inspect: ({ w, instance, res }) => {
      const it = worldItems(w).find((i) => i.id === instance.params?.id)!;
      return res.body.id === it.id && res.body.unit?.id === it.unitId ? [] : [`answered ${res.body.id}`];
    },
  },
  {
    route: 'GET /api/v1/rectifications/{id}/evidence',
    access: EVERY_ROLE,
    phase: 'read',
    targets: items,
    ok: [200],
    inspect: ({ w, instance, res }) => {
      const k = itemKeyOf(w, String(instance.params?.id)) as 'A1' | 'PA3' | 'B4';
      const listed = res.body.items as { id: number; links: { download: string } }[];
      const prefix = `/api/v1/rectifications/${encodeURIComponent(w.items[k].id)}/evidence/`;
      return [
        ...sameSet(
          `evidence files of ${k}`,
          listed.map((f) => f.id),
          [w.files[k].fileId],
        ),
        ...listed
          .filter((f) => !f.links.download.startsWith(prefix))
          .map((f) => `LEAK: links ${f.links.download}`),
      ];
    },
  },
  {
    route: 'GET /api/v1/rectifications/{id}/evidence/{fileId}/download',
    access: EVERY_ROLE,
    phase: 'read',
    targets: (w) => [
      file(w, 'A1'),
      file(w, 'PA3'),
      file(w, 'B4'),
      file(w, 'B4', 'A1'),
      file(w, 'A1', 'B4'),
      absent('ghost item and file', { id: ghost.rectification(), fileId: ghost.int }),
      absent('A1 with a ghost file', { id: w.items.A1.id, fileId: ghost.int }, false),
    ],
    ok: [200],
    send: () => ({ binary: true }),
    inspect: ({ w, instance, res }) => {
      const f = Object.values(w.files).find((x) => x.fileId === instance.params?.fileId)!;
      return res.headers['x-content-sha256'] === f.sha256 && sha256(res.body as Buffer) === f.sha256
        ? []
        : [`served bytes other than ${f.item}'s file`];
    },
  },
  // 整改情况报告 (documents branch): an evaluation's report as its detail is seen; a unit's as the unit is
  {
    route: 'GET /api/v1/evaluations/{id}/rectification-report.docx',
    access: EVERY_ROLE,
    phase: 'read',
    targets: (w) => [
      evaluation(w, 'E1'),
      evaluation(w, 'E2'),
      evaluation(w, 'E3'),
      evaluation(w, 'D1'),
      ghostEvaluation(),
    ],
    ok: [200],
    send: () => ({ binary: true }),
  },
  {
    route: 'GET /api/v1/units/{unitId}/rectification-report.docx',
    access: EVERY_ROLE,
    phase: 'read',
    targets: (w) =>
      (['deptA', 'projA', 'deptB'] as const)
        .map((k): Instance => ({
          label: `unit ${unitLabel(w, w.units[k].id)}`,
          owner: { units: [w.units[k].id] },
          params: { unitId: w.units[k].id },
          query: { year: Number(dayOffset(0).slice(0, 4)) },
        }))
        .concat(absent('ghost unit', { unitId: ghost.int })),
    ok: [200],
    send: ({ instance }) => ({ query: instance.query ?? { year: 2026 }, binary: true }),
  },
  // 结果应用 (outcomes branch): rows only for units the caller sees; the rule read by the bureau, set by the admin
  {
    route: 'GET /api/v1/results-application',
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
    send: () => ({ query: { year: Number(dayOffset(0).slice(0, 4)) } }),
    inspect: ({ w, persona, res }) => {
      const rows = res.body.rows as { unitId: number }[];
      const outside = rows.filter((r) => !seesUnit(persona, r.unitId)).map((r) => unitLabel(w, r.unitId));
      const missing =
        persona.scope === 'all'
          ? [w.units.deptA.id, w.units.deptB.id].filter((id) => !rows.some((r) => r.unitId === id))
          : [];
      return [
        ...outside.map((u) => `row of ${u} outside the scope`),
        ...missing.map((id) => `no row for ${unitLabel(w, id)}`),
      ];
    },
  },
  {
    route: 'GET /api/v1/results-application/export.xlsx',
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
    send: () => ({ query: { year: Number(dayOffset(0).slice(0, 4)) }, binary: true }),
  },
  {
    route: 'GET /api/v1/results-application/rule',
    access: READ_ALL,
    phase: 'read',
    targets: none,
    ok: [200],
  },
  {
    // The same rule as the shipped defaults: an allowed PUT changes no other test's outcome.
    route: 'PUT /api/v1/results-application/rule',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: none,
    ok: [200],
    send: () => ({
      body: {
        reduce: { label: '调减或取消', grades: ['差'] },
        strict: { label: '从严审核/调减', grades: ['中'], onNotRectified: true, overdueFromRung: 4 },
        priority: { label: '优先保障', grades: ['优', '良'], requireAllClosed: true },
        normal: { label: '正常安排' },
      },
    }),
    snapshot: async (w) => w.db.query('SELECT id, rule FROM results_application_rule ORDER BY id'),
  },
  // 督办文书 (documents branch): the world reaches no rung, so the lists are empty and letters are absent
  {
    route: 'GET /api/v1/rectifications/{id}/letters',
    access: EVERY_ROLE,
    phase: 'read',
    targets: items,
    ok: [200],
    inspect: ({ res }) =>
      Array.isArray(res.body) && res.body.length === 0 ? [] : ['letters where none exist'],
  },
  {
    route: 'GET /api/v1/rectifications/{id}/letters/{letterId}/download',
    access: EVERY_ROLE,
    phase: 'read',
    targets: (w) => [
      absent('ghost item and letter', { id: ghost.rectification(), letterId: ghost.int }),
      absent('A1 with a ghost letter', { id: w.items.A1.id, letterId: ghost.int }, false),
    ],
    ok: [200],
  },
  {
    route: 'GET /api/v1/rectifications/{id}/letters/{letterId}/replies/{replyId}/download',
    access: EVERY_ROLE,
    phase: 'read',
    targets: (w) => [
      absent('ghost item, letter and reply', {
        id: ghost.rectification(),
        letterId: ghost.int,
        replyId: ghost.int,
      }),
      absent('B4 with a ghost letter', { id: w.items.B4.id, letterId: ghost.int, replyId: ghost.int }, false),
    ],
    ok: [200],
  },

  // 回头看 (recheck branch): the world closes nothing, so only scope is checked on whatever rows exist; the
  // decision is the bureau reviewer's alone
  {
    route: 'GET /api/v1/rechecks',
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
    inspect: ({ persona, res }) =>
      (res.body as { id: number; unitId: number }[])
        .filter((r) => !seesUnit(persona, r.unitId))
        .map((r) => `recheck ${r.id} of unit ${r.unitId} outside the caller's units`),
  },
  {
    route: 'GET /api/v1/rechecks/{id}',
    access: EVERY_ROLE,
    phase: 'read',
    targets: () => [absent('ghost recheck', { id: ghost.int })],
    ok: [200],
  },
  {
    route: 'POST /api/v1/rechecks/{id}/decision',
    access: RECHECK_DECIDERS,
    phase: 'write',
    targets: () => [absent('ghost recheck', { id: ghost.int })],
    ok: [200, 409],
    send: () => ({ body: { outcome: 'consolidated', note: '未发现反弹' } }),
  },

  // ── the steps, in the order a rectification lives them: 签收 and 方案 succeed on the fresh items, 退回 on A2
  //    and 批准 on E3PA / E2B; then 佐证, 延期 and its approval, 提交, 认定 as 持续整改 and 进展 on every item in progress ──
  departmentStep('POST /api/v1/rectifications/{id}/acknowledge', { comment: '收到' }),
  departmentStep('POST /api/v1/rectifications/{id}/plan', {
    responsiblePerson: '张三',
    measures: [{ content: '修订绩效目标编制办法', targetDate: dayOffset(60) }],
  }),
  bureauStep('POST /api/v1/rectifications/{id}/plan/return', { comment: '请细化措施' }, (w) => [
    item(w, 'A2'),
    item(w, 'PA3'),
    item(w, 'B4'),
    ghostItem(),
  ]),
  bureauStep('POST /api/v1/rectifications/{id}/plan/approve', { comment: '同意' }, (w) => [
    item(w, 'A1'),
    item(w, 'E3PA'),
    item(w, 'E2B'),
    ghostItem(),
  ]),
  departmentStep('POST /api/v1/rectifications/{id}/evidence', ({ w, persona }) => ({
    fields: { description: `补充材料 ${persona.key}`, effectiveDate: dayOffset(-1) },
    files: [
      {
        name: `补充材料-${persona.key}.pdf`,
        bytes: minimalPdf(`${w.marker} ${persona.key} ${Math.random()}`),
      },
    ],
  })),
  {
    route: 'POST /api/v1/rectifications/{id}/letters/{letterId}/replies',
    access: DEPARTMENT_STEP,
    phase: 'write',
    targets: (w) => [
      absent('ghost item and letter', { id: ghost.rectification(), letterId: ghost.int }),
      absent('A1 with a ghost letter', { id: w.items.A1.id, letterId: ghost.int }, false),
    ],
    ok: [201],
    send: ({ persona }) => ({ files: [{ name: `回复-${persona.key}.pdf`, bytes: minimalPdf(persona.key) }] }),
  },
  departmentStep('POST /api/v1/rectifications/{id}/extensions', {
    reason: '跨年度项目',
    newDeadline: dayOffset(200),
  }),
  bureauStep('POST /api/v1/rectifications/{id}/extensions/decision', { approve: true, comment: '同意延期' }),
  departmentStep('POST /api/v1/rectifications/{id}/submit', { account: '已按方案完成整改' }),
  bureauStep('POST /api/v1/rectifications/{id}/review', {
    result: 'ongoing',
    comment: '持续整改，按期报送进展',
  }),
  departmentStep('POST /api/v1/rectifications/{id}/progress-reports', { content: '阶段性进展' }),
  // Destructive: 撤销 on E4's throwaway items (one of A, one of B) …
  bureauStep('POST /api/v1/rectifications/{id}/cancel', { reason: '重复下发' }, (w) => [
    item(w, 'E4A'),
    item(w, 'E4B'),
    ghostItem(),
  ]),
  // … and 改派 last of all the item routes: it moves items between units. The new unit always differs.
  bureauStep('POST /api/v1/rectifications/{id}/reassign', async ({ w, instance }) => {
    const [row] = await w.db.query('SELECT unitId FROM rectification WHERE id = ?', [instance.params?.id]);
    const to = row && Number(row.unitId) === w.units.deptA.id ? w.units.projA.id : w.units.deptA.id;
    return { body: { unitId: to, reason: '职能调整' } };
  }),

  // ── notifications ──
  {
    route: 'GET /api/v1/notifications',
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
    send: () => ({ query: { pageSize: 100 } }),
    inspect: async ({ w, persona, res }) => {
      const ids = (res.body.items as { id: number }[]).map((n) => n.id);
      const mine: { id: string }[] = await w.db.query('SELECT id FROM notification WHERE userId = ?', [
        persona.account.user.id,
      ]);
      return sameSet(
        'notifications',
        ids,
        mine.map((m) => Number(m.id)),
      );
    },
  },
  {
    route: 'GET /api/v1/notifications/unread-count',
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
    inspect: async ({ w, persona, res }) => {
      const [{ n }] = await w.db.query(
        'SELECT COUNT(*) AS n FROM notification WHERE userId = ? AND readAt IS NULL',
        [persona.account.user.id],
      );
      return res.body.count === Number(n) ? [] : [`count ${res.body.count}, own unread ${n}`];
    },
  },
  {
    route: 'POST /api/v1/notifications/{id}/read',
    access: EVERY_ROLE,
    phase: 'write',
    targets: (w) => [
      ...PERSONA_KEYS.map((k) => ({
        label: `notification of ${w.personas[k].label}`,
        owner: { user: k },
        params: { id: w.notifications[k] },
      })),
      absent('ghost notification', { id: ghost.int }),
    ],
    ok: [200],
    inspect: ({ instance, res }) =>
      Number(res.body.id) === instance.params?.id && res.body.read === true
        ? []
        : [`answered ${JSON.stringify(res.body)}`],
    snapshot: notificationSnapshot,
    collateral: onlyMyNotifications,
  },
  {
    route: 'POST /api/v1/notifications/read-all',
    access: EVERY_ROLE,
    phase: 'write',
    targets: none,
    ok: [200],
    snapshot: notificationSnapshot,
    collateral: onlyMyNotifications,
  },
  {
    route: 'GET /api/v1/notifications/preferences',
    access: EVERY_ROLE,
    phase: 'read',
    targets: none,
    ok: [200],
  },
  {
    route: 'PUT /api/v1/notifications/preferences',
    access: EVERY_ROLE,
    phase: 'write',
    targets: none,
    ok: [200],
    send: () => ({ body: { preferences: [{ event: 'issued', channels: ['in_app'] }] } }),
    snapshot: (w) =>
      w.db.query(
        'SELECT userId, event, channels FROM notification_preference WHERE userId IN (?) ORDER BY id',
        [personaUserIds(w)],
      ),
    collateral: ({ persona, before, after }) => {
      const other = (rows: unknown) =>
        JSON.stringify((rows as { userId: number }[]).filter((r) => r.userId !== persona.account.user.id));
      return other(before) === other(after) ? [] : ['changed another user’s preferences'];
    },
  },

  // ── notifications (admin) ──
  {
    route: 'GET /api/v1/admin/notification-failures',
    access: ADMIN_ONLY,
    phase: 'read',
    targets: none,
    ok: [200],
  },
  {
    route: 'POST /api/v1/admin/notification-failures/{id}/retry',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: (w) => [
      anyone('failed delivery', { id: w.deliveries.failed }, 'failed'),
      anyone('delivered delivery', { id: w.deliveries.sent }, 'sent'),
      absent('ghost delivery', { id: ghost.int }),
    ],
    ok: { failed: [202], sent: [409] },
    snapshot: deliverySnapshot,
  },
  {
    route: 'POST /api/v1/admin/notification-failures/requests/{jobId}/retry',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: (w) => [
      anyone('completed request', { jobId: w.completedRequestJob }, 'completed'),
      absent('ghost request', { jobId: `${w.marker}-no-such-job` }),
    ],
    ok: { completed: [409] },
    snapshot: requestJobSnapshot,
  },
  {
    route: 'GET /api/v1/admin/units/{unitId}/webhook',
    access: ADMIN_ONLY,
    phase: 'read',
    targets: (w) => [
      anyone('unit B', { unitId: w.units.deptB.id }),
      absent('ghost unit', { unitId: ghost.int }),
    ],
    ok: [200],
  },
  {
    route: 'PUT /api/v1/admin/units/{unitId}/webhook',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: (w) => [
      anyone('spare unit', { unitId: w.units.spare.id }),
      absent('ghost unit', { unitId: ghost.int }),
    ],
    ok: [200],
    send: () => ({ body: { format: 'dingtalk', signSecret: 'SECtest' } }),
    snapshot: unitSnapshot,
  },

  // ── holiday calendar (admin) ──
  {
    route: 'GET /api/v1/admin/calendar/years',
    access: { ...ADMIN_AND_AUDITOR, bureau_reviewer: A },
    phase: 'read',
    targets: none,
    ok: [200],
  },
  {
    // A year no test issues into: loading it (empty) moves no deadline of the shared test database.
    route: 'PUT /api/v1/admin/calendar/years/{year}',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: () => [anyone('year 2099', { year: 2099 })],
    ok: [200],
    send: () => ({ body: { holidays: [], workdays: [] } }),
    snapshot: async (w) => w.db.query('SELECT year, holidays, workdays FROM calendar_year ORDER BY year'),
  },

  // ── default policy (admin) ──
  {
    route: 'GET /api/v1/admin/policy-defaults',
    access: { ...READ_ALL, auditor: F },
    phase: 'read',
    targets: none,
    ok: [200],
  },
  {
    // The environment's own defaults in the test config: an allowed PUT changes no other test's outcome.
    route: 'PUT /api/v1/admin/policy-defaults',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: none,
    ok: [200],
    send: () => ({ body: environmentPolicyDefaults(testConfig()) }),
    snapshot: async (w) =>
      w.db.query(
        'SELECT id, requirePlanApproval, reminderOffsetsDays, escalationOffsetsDays, maxExtensions, progressReportIntervalDays FROM policy_defaults ORDER BY id',
      ),
  },

  // ── system ──
  {
    route: 'POST /api/v1/system/probes',
    access: ADMIN_ONLY,
    phase: 'write',
    targets: none,
    ok: [202],
    send: ({ w, persona }) => ({
      body: { message: persona.role === 'bureau_admin' ? `${w.marker}-admin` : `${w.marker}-refused` },
    }),
  },
  {
    route: 'GET /api/v1/system/probes/{id}',
    access: ADMIN_ONLY,
    phase: 'read',
    targets: (w) => [anyone('probe', { id: w.probeId }), absent('ghost probe', { id: ghost.uuid() })],
    ok: [200],
  },

  // ── last: changes the callers' own passwords (their access tokens stay valid) ──
  {
    route: 'POST /api/v1/auth/password',
    access: EVERY_ROLE,
    phase: 'write',
    targets: none,
    ok: [204],
    send: () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: 'Changed-passw0rd-2' } }),
  },
];

/** Routes that answer without a token. */
export const PUBLIC_RULES: PublicRule[] = [
  {
    route: 'POST /api/v1/auth/login',
    ok: [200],
    send: (w) => ({ body: { username: w.loginUser.username, password: w.loginUser.password } }),
  },
  {
    route: 'POST /api/v1/auth/refresh',
    ok: [200],
    send: async (w) => ({
      body: { refreshToken: (await login(w.stack, w.loginUser.username, w.loginUser.password)).refreshToken },
    }),
  },
  {
    route: 'POST /api/v1/auth/logout',
    ok: [204],
    send: async (w) => ({
      body: { refreshToken: (await login(w.stack, w.loginUser.username, w.loginUser.password)).refreshToken },
    }),
  },
  { route: 'GET /health', ok: [200] },
  { route: 'GET /ready', ok: [200] },
];

/** The OpenAPI documentation itself (Swagger UI and its assets): public, not part of the API document. */
export const DOCS_RULES: PublicRule[] = [
  { route: 'GET /api/docs', ok: [200] },
  { route: 'GET /api/docs/', ok: [200] },
  { route: 'GET /api/docs/index.html', ok: [200] },
  { route: 'GET /api/docs/swagger-ui-init.js', ok: [200] },
  { route: 'GET /api/docs/docs/swagger-ui-init.js', ok: [200] },
  // Registered by Swagger UI's static setup; the file is not shipped in swagger-ui-dist, hence 404 (never 401).
  { route: 'GET /api/docs/LICENSE', ok: [200, 404] },
  { route: 'GET /api/docs-json', ok: [200] },
  { route: 'GET /api/docs-yaml', ok: [200] },
];
