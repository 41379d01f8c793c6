import request from 'supertest';
import { RULES, DOCS_RULES, PUBLIC_RULES } from './access-rules';
import { Cell, failures, runPublic, runRead, runUnauthenticated, runWrite } from './access-runner';
import { buildWorld, PERSONA_KEYS, World } from './access-world';
import { eventually } from '../support/test-stack';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The routes Express actually dispatches (Nest registers every handler there), as `METHOD /path/{param}`. */
function expressRoutes(w: World): string[] {
  const app = w.stack.api.getHttpAdapter().getInstance();
  const router = app.router ?? app._router;
  const out: string[] = [];
  for (const layer of router.stack as { route?: { path: string; methods: Record<string, boolean> } }[]) {
    const methods = Object.keys(layer.route?.methods ?? {});
    // Middleware mounted for every method (request logging, the global prefix) is not a route.
    if (!layer.route || methods.length > HTTP_METHODS.length) continue;
    const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
    for (const m of methods) out.push(`${m.toUpperCase()} ${path}`);
  }
  return out;
}

/**
 * Issue 5's access matrix: every route the API registers × every role (bureau_admin, bureau_reviewer,
 * bureau_leader, auditor; dept_user and dept_leader of department A, dept_user of A's project unit, dept_user and
 * dept_leader of department B) × own / other unit / non-existent instance, against the real stack. A department
 * asking for another unit's item gets 404 — byte-for-byte the answer for an id that does not exist — on every
 * route, lists and exports hold exactly its units' rows, and every refused write leaves the data as it was.
 * The rules are in access-rules.ts, the world in access-world.ts.
 */
describe('access matrix: every route × every role × own/other unit', () => {
  let w: World;
  const cells: Cell[] = [];
  const started = Date.now();

  beforeAll(async () => {
    w = await buildWorld();
  }, 240_000);
  afterAll(async () => {
    const count = (f: (c: Cell) => boolean) => cells.filter(f).length;
    const allowed = (c: Cell) => /^(allowed|public)/.test(c.expected);
    console.log(
      [
        `access matrix: ${new Set(cells.map((c) => c.route)).size} routes × ${PERSONA_KEYS.length} personas ` +
          `(6 roles) + anonymous + forged token = ${cells.length} requests in ${Math.round((Date.now() - started) / 1000)} s`,
        `  instances: own ${count((c) => c.relation === 'own')}, other unit ${count((c) => c.relation === 'other')}, ` +
          `absent ${count((c) => c.relation === 'absent')}, not unit-owned ${count((c) => c.relation === '-')}`,
        `  expected: 401 ${count((c) => c.expected.startsWith('401'))}, 403 ${count((c) => c.expected.startsWith('403'))}, ` +
          `404 ${count((c) => c.expected.startsWith('404'))}, allowed ${count(allowed)} ` +
          `(2xx ${count((c) => allowed(c) && c.status < 300)}, 400/409 past the guards ${count((c) => allowed(c) && c.status >= 400)})`,
        `  mismatches: ${failures(cells).length}`,
      ].join('\n'),
    );
    await w?.stack.close();
  });

  const check = (found: Cell[]) => {
    cells.push(...found);
    expect(failures(found)).toEqual([]);
  };

  it('has an access rule for every route the API registers, and no rule for a route it does not', async () => {
    const doc = await request(w.http).get('/api/docs-json').expect(200);
    const operations = Object.entries(
      doc.body.paths as Record<string, Record<string, { security?: unknown[] }>>,
    ).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m]) => HTTP_METHODS.includes(m))
        .map(([m, op]) => ({ route: `${m.toUpperCase()} ${path}`, secured: (op.security ?? []).length > 0 })),
    );
    const documented = operations.map((o) => o.route);
    const dispatched = expressRoutes(w);
    const ruled = [...RULES, ...PUBLIC_RULES, ...DOCS_RULES].map((r) => r.route);
    expect({ duplicateRules: ruled.filter((r, i) => ruled.indexOf(r) !== i) }).toEqual({
      duplicateRules: [],
    });
    const registered = [...new Set([...documented, ...dispatched])];
    expect({ routesWithoutAnAccessRule: registered.filter((r) => !ruled.includes(r)) }).toEqual({
      routesWithoutAnAccessRule: [],
    });
    expect({ rulesForUnregisteredRoutes: ruled.filter((r) => !registered.includes(r)) }).toEqual({
      rulesForUnregisteredRoutes: [],
    });
    // The document's own claim: exactly the public routes are documented without a bearer token.
    expect(
      operations
        .filter((o) => !o.secured)
        .map((o) => o.route)
        .sort(),
    ).toEqual(PUBLIC_RULES.map((r) => r.route).sort());
    expect(documented.length).toBeGreaterThan(50);
  });

  it('answers the public routes (login, refresh, logout, /health, /ready, the docs) without a token', async () => {
    const found: Cell[] = [];
    for (const rule of [...PUBLIC_RULES, ...DOCS_RULES]) found.push(...(await runPublic(w, rule)));
    check(found);
  });

  it('refuses a missing or forged token with 401 on every other route', async () => {
    const found: Cell[] = [];
    for (let i = 0; i < RULES.length; i += 4)
      found.push(...(await Promise.all(RULES.slice(i, i + 4).map((r) => runUnauthenticated(w, r)))).flat());
    check(found);
  });

  it('reads: every role gets its own units’ data, 404 for another unit’s, 403 where the role may not', async () => {
    const found: Cell[] = [];
    for (const rule of RULES.filter((r) => r.phase === 'read')) found.push(...(await runRead(w, rule)));
    check(found);
  });

  it('writes: refused attempts (403/404) change nothing; allowed roles get through and touch only their target', async () => {
    const found: Cell[] = [];
    for (const rule of RULES.filter((r) => r.phase === 'write')) found.push(...(await runWrite(w, rule)));
    check(found);
  });

  it('never ran a probe for a refused caller', async () => {
    await eventually(async () => {
      const [{ n }] = await w.db.query('SELECT COUNT(*) AS n FROM system_probe WHERE message = ?', [
        `${w.marker}-admin`,
      ]);
      return Number(n) === 1;
    });
    const [{ n }] = await w.db.query('SELECT COUNT(*) AS n FROM system_probe WHERE message = ?', [
      `${w.marker}-refused`,
    ]);
    expect(Number(n)).toBe(0);
  });

  it('tried every rule with every persona', () => {
    const missing = RULES.flatMap((r) =>
      PERSONA_KEYS.filter((k) => !cells.some((c) => c.route === r.route && c.caller.endsWith(`(${k})`))).map(
        (k) => `${r.route} × ${k}`,
      ),
    );
    expect(missing).toEqual([]);
  });
});
