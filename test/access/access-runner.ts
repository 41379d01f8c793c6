/**
 * Runs the access matrix: one HTTP request per (route, caller, instance), classified against the rule's
 * expectation, with the reasons collected as readable lines instead of stopping at the first mismatch.
 */
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import type { AccessRule, Expected, Instance, Owner, Payload, PublicRule } from './access-rules';
import { PERSONA_KEYS, Persona, seesEvaluation, seesUnit, World } from './access-world';

export type Relation = 'own' | 'other' | 'absent' | '-';

export interface Cell {
  route: string;
  /** persona label, or `anonymous` / `forged token` */
  caller: string;
  instance: string;
  relation: Relation;
  expected: string;
  status: number;
  code: string | undefined;
  problems: string[];
}

const ERROR_CODE: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
/** A 4xx that proves the request got past authentication, roles and scope: validation or workflow state. */
const GUARD_PASSED_CODES: Record<number, string[]> = {
  400: ['VALIDATION_FAILED', 'BAD_REQUEST'],
  409: ['TRANSITION_NOT_ALLOWED', 'CONFLICT', 'DUPLICATE'],
};
const BATCH = 6;

export function canSee(p: Persona, owner: Owner): boolean {
  if (owner === 'anyone') return true;
  if (owner === 'nobody') return false;
  if ('user' in owner) return owner.user === p.key;
  if ('evaluation' in owner) return seesEvaluation(p, owner.evaluation);
  return owner.units.some((u) => seesUnit(p, u));
}

function relationOf(p: Persona, owner: Owner): Relation {
  if (owner === 'anyone') return '-';
  if (owner === 'nobody') return 'absent';
  return canSee(p, owner) ? 'own' : 'other';
}

/** What this persona must get from this route on this instance. */
export function expectationOf(rule: AccessRule, p: Persona, inst: Instance): Expected {
  const access = rule.access[p.role];
  if (access === 'forbid') return { status: 403 };
  if (!canSee(p, inst.owner)) return { status: 404 };
  if (access === 'see-only') return { status: 403 };
  const ok = Array.isArray(rule.ok) ? rule.ok : rule.ok[inst.tag ?? 'default'];
  if (!ok) throw new Error(`${rule.route}: no allowed statuses for instance tag ${inst.tag}`);
  return { ok };
}

const describeExpected = (e: Expected): string =>
  'status' in e ? `${e.status} ${ERROR_CODE[e.status]}` : `allowed (${e.ok.join('/')})`;

export function pathOf(route: string, inst: Instance): { method: string; path: string } {
  const [method, template] = route.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = inst.params?.[name];
    if (v === undefined) throw new Error(`${route}: instance ${inst.label} has no value for {${name}}`);
    return encodeURIComponent(String(v));
  });
  return { method: method.toLowerCase(), path };
}

export async function send(
  w: World,
  method: string,
  path: string,
  auth: Record<string, string> | undefined,
  payload: Payload,
): Promise<request.Response> {
  const agent = request(w.http) as unknown as Record<string, (p: string) => request.Test>;
  const req = agent[method](path);
  if (auth) req.set(auth);
  if (payload.query) req.query(payload.query);
  if (payload.binary)
    req.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (payload.files) {
    for (const [k, v] of Object.entries(payload.fields ?? {})) req.field(k, v);
    for (const f of payload.files)
      req.attach('files', f.bytes, { filename: f.name, contentType: 'application/pdf' });
  } else if (payload.body !== undefined) req.send(payload.body as object);
  const res = await req;
  // Binary routes answer errors as JSON: read them like any other error.
  if (Buffer.isBuffer(res.body) && /json/.test(String(res.headers['content-type'] ?? '')))
    res.body = JSON.parse(res.body.toString('utf8'));
  return res;
}

const errorOf = (res: request.Response): { code?: string; message?: string } | undefined =>
  res.body && typeof res.body === 'object' && !Buffer.isBuffer(res.body) ? res.body.error : undefined;

/** Problems with an answer, given what was expected (empty = as expected). */
export function judge(expected: Expected, res: request.Response): string[] {
  const err = errorOf(res);
  if ('status' in expected) {
    const problems: string[] = [];
    if (res.status !== expected.status || err?.code !== ERROR_CODE[expected.status])
      problems.push(
        `expected ${describeExpected(expected)}, got ${res.status} ${err?.code ?? '(no error code)'}`,
      );
    else if (Object.keys(res.body).join() !== 'error')
      problems.push(
        `a ${res.status} answer must carry nothing but the error, got keys ${Object.keys(res.body)}`,
      );
    if (res.status >= 200 && res.status < 300) problems.push('LEAK: the data was answered');
    return problems;
  }
  if (!expected.ok.includes(res.status))
    return [
      `expected ${describeExpected(expected)}, got ${res.status} ${err?.code ?? ''} ${err?.message ?? ''}`,
    ];
  if (res.status >= 400 && !GUARD_PASSED_CODES[res.status]?.includes(err?.code ?? ''))
    return [`a ${res.status} that does not prove the guard passed: ${err?.code} ${err?.message}`];
  return [];
}

function format(c: Cell): string {
  return (
    `${c.route} | ${c.caller} | ${c.relation} ${c.instance} | expected ${c.expected}, ` +
    `got ${c.status} ${c.code ?? '-'}: ${c.problems.join('; ')}`
  );
}

export function failures(cells: Cell[]): string[] {
  return cells.filter((c) => c.problems.length).map(format);
}

async function inBatches<T>(tasks: (() => Promise<T>)[], size = BATCH): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < tasks.length; i += size)
    out.push(...(await Promise.all(tasks.slice(i, i + size).map((t) => t()))));
  return out;
}

/** The ids in a path or body that differ between two instances, so their 404s can be compared as text. */
function normalised(res: request.Response, inst: Instance): string {
  let text = JSON.stringify(res.body);
  for (const v of Object.values(inst.params ?? {})) text = text.split(String(v)).join('<id>');
  return text;
}

interface Attempt {
  persona: Persona;
  inst: Instance;
  expected: Expected;
}

async function attempt(
  w: World,
  rule: AccessRule,
  a: Attempt,
): Promise<{ cell: Cell; res: request.Response }> {
  const { method, path } = pathOf(rule.route, a.inst);
  const payload = (await rule.send?.({ w, persona: a.persona, instance: a.inst })) ?? {};
  const res = await send(w, method, path, a.persona.account.auth, payload);
  const problems = judge(a.expected, res);
  if (!problems.length && 'ok' in a.expected && res.status < 300 && rule.inspect)
    problems.push(...(await rule.inspect({ w, persona: a.persona, instance: a.inst, res })));
  return {
    res,
    cell: {
      route: rule.route,
      caller: `${a.persona.label} (${a.persona.key})`,
      instance: a.inst.label,
      relation: relationOf(a.persona, a.inst.owner),
      expected: describeExpected(a.expected),
      status: res.status,
      code: errorOf(res)?.code,
      problems,
    },
  };
}

/**
 * Another unit's item must be indistinguishable from one that does not exist, and a role refused by the guard
 * must be refused identically for every id: compares, per persona, each 404 for another unit's thing with the
 * 404 for the route's ghost, and all 403s with each other.
 */
function indistinguishable(results: { a: Attempt; res: request.Response; cell: Cell }[]): void {
  for (const key of PERSONA_KEYS) {
    const mine = results.filter((r) => r.a.persona.key === key && r.cell.problems.length === 0);
    const refusedWith = (status: number) =>
      mine.filter((r) => 'status' in r.a.expected && r.a.expected.status === status);
    const groups: [typeof mine, (typeof mine)[number] | undefined][] = [
      [
        refusedWith(404).filter((r) => r.cell.relation === 'other'),
        refusedWith(404).find((r) => r.a.inst.ghost),
      ],
      [refusedWith(403), refusedWith(403).find((r) => r.a.inst.ghost) ?? refusedWith(403)[0]],
    ];
    for (const [group, reference] of groups) {
      if (!reference) continue;
      const text = normalised(reference.res, reference.a.inst);
      for (const r of group)
        if (normalised(r.res, r.a.inst) !== text)
          r.cell.problems.push(
            `its ${r.res.status} differs from the one for ${reference.a.inst.label}: ` +
              `${normalised(r.res, r.a.inst)} vs ${text} (reveals which ids exist)`,
          );
    }
  }
}

function attemptsOf(w: World, rule: AccessRule): Attempt[] {
  const instances = rule.targets(w);
  return PERSONA_KEYS.flatMap((k) =>
    instances.map((inst) => {
      const persona = w.personas[k];
      return { persona, inst, expected: expectationOf(rule, persona, inst) };
    }),
  );
}

/** A read route: every attempt in small parallel batches. */
export async function runRead(w: World, rule: AccessRule): Promise<Cell[]> {
  const attempts = attemptsOf(w, rule);
  const results = await inBatches(attempts.map((a) => async () => ({ a, ...(await attempt(w, rule, a)) })));
  indistinguishable(results);
  return results.map((r) => r.cell);
}

/**
 * A write route: the refused attempts first (in parallel), then the rule's snapshot must be unchanged; then the
 * allowed ones one at a time, each allowed to change only what its `collateral` check permits.
 */
export async function runWrite(w: World, rule: AccessRule): Promise<Cell[]> {
  const attempts = attemptsOf(w, rule);
  const refused = attempts.filter((a) => 'status' in a.expected);
  const allowed = attempts.filter((a) => 'ok' in a.expected);
  const snapshot = async () => ({ rule: await rule.snapshot?.(w), audit: await auditByPersonas(w) });
  const before = await snapshot();
  const results = await inBatches(refused.map((a) => async () => ({ a, ...(await attempt(w, rule, a)) })));
  const after = await snapshot();
  indistinguishable(results);
  const cells = results.map((r) => r.cell);
  if (!isDeepStrictEqual(before, after))
    cells.push({
      route: rule.route,
      caller: 'refused callers',
      instance: '*',
      relation: '-',
      expected: 'no change',
      status: 0,
      code: undefined,
      problems: [
        `refused attempts changed data: before ${JSON.stringify(before)} after ${JSON.stringify(after)}`,
      ],
    });
  for (const a of allowed) {
    const pre = rule.collateral ? await rule.snapshot!(w) : undefined;
    const { cell } = await attempt(w, rule, a);
    if (rule.collateral && cell.problems.length === 0)
      cell.problems.push(
        ...rule.collateral({
          w,
          persona: a.persona,
          instance: a.inst,
          before: pre,
          after: await rule.snapshot!(w),
        }),
      );
    cells.push(cell);
  }
  return cells;
}

/** Every route but the public ones refuses a missing and a forged token, before looking at anything. */
export async function runUnauthenticated(w: World, rule: AccessRule): Promise<Cell[]> {
  const inst = rule.targets(w)[0];
  const { method, path } = pathOf(rule.route, inst);
  const payload = (await rule.send?.({ w, persona: w.personas.admin, instance: inst })) ?? {};
  const token = w.personas.admin.account.token;
  const forged = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  const callers: [string, Record<string, string> | undefined][] = [
    ['anonymous', undefined],
    ['forged token', { Authorization: `Bearer ${forged}` }],
  ];
  return Promise.all(
    callers.map(async ([caller, auth]) => {
      const res = await send(w, method, path, auth, payload);
      return {
        route: rule.route,
        caller,
        instance: inst.label,
        relation: '-' as const,
        expected: '401 UNAUTHENTICATED',
        status: res.status,
        code: errorOf(res)?.code,
        problems: judge({ status: 401 }, res),
      };
    }),
  );
}

/** A public route answers without a token, and the same with any role's token. */
export async function runPublic(w: World, rule: PublicRule): Promise<Cell[]> {
  const callers: [string, Record<string, string> | undefined][] = [
    ['anonymous', undefined],
    ...PERSONA_KEYS.map((k): [string, Record<string, string>] => [
      w.personas[k].label,
      w.personas[k].account.auth,
    ]),
  ];
  const [m, path] = rule.route.split(' ');
  return inBatches(
    callers.map(([caller, auth]) => async () => {
      const res = await send(w, m.toLowerCase(), path, auth, (await rule.send?.(w)) ?? {});
      const problems = rule.ok.includes(res.status)
        ? []
        : [`expected ${rule.ok.join('/')}, got ${res.status}`];
      return {
        route: rule.route,
        caller,
        instance: '-',
        relation: '-' as const,
        expected: `public (${rule.ok.join('/')})`,
        status: res.status,
        code: errorOf(res)?.code,
        problems,
      };
    }),
  );
}

async function auditByPersonas(w: World): Promise<number> {
  const [{ n }] = await w.db.query('SELECT COUNT(*) AS n FROM audit_log WHERE actorId IN (?)', [
    PERSONA_KEYS.map((k) => w.personas[k].account.user.id),
  ]);
  return Number(n);
}
