import { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { spawnAppProcess } from '../support/app-process';
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
} from '../ledger/rectification-http';

/** Every file under the store, wherever the layout nests them. */
async function storedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => resolve(e.parentPath, e.name));
}

/**
 * The API process is SIGKILLed while a department's evidence upload is half-way through the request body, then
 * started again: no file and no row is left from the cut upload, and the same upload succeeds afterwards.
 */
describe('fault: API restarted during an evidence upload', () => {
  let stack: TestStack;
  let http: Http;
  let db: DataSource;
  let dept: TestAccount;
  let id: string;
  let api: ChildProcess | undefined;
  const port = 24000 + Math.floor(Math.random() * 2000);

  const startApi = (): Promise<ChildProcess> =>
    spawnAppProcess('api', stack.config, { API_PORT: String(port) });

  beforeAll(async () => {
    stack = await startTestStack();
    http = stack.api.getHttpServer();
    db = dataSourceOf(stack);
    const reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user' });
    const evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, { deliveryDate: dayOffset(0), unitId: dept.unitId });
    id = rid(evaluationId, 1);
    await toInProgress(http, dept, reviewer, id);
  });
  afterAll(async () => {
    api?.kill('SIGKILL');
    await stack?.close();
  });

  it('leaves no orphan file or row from the cut upload, and the retry succeeds', async () => {
    api = await startApi();
    const filesBefore = await storedFiles(stack.config.storage.dir);
    const pdf = Buffer.concat([minimalPdf(`cut-${Date.now()}`), Buffer.alloc(4 * 1024 * 1024, 0x20)]);
    const boundary = '----rectiflowfault';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n整改报告\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="effectiveDate"\r\n\r\n2026-12-20\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/rectifications/${id}/evidence`,
      headers: {
        ...dept.auth,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(head.length + pdf.length + tail.length),
      },
    });
    const outcome = new Promise<string>((done) => {
      req.on('error', (e) => done(`error: ${e.message}`));
      req.on('response', (res) => done(`status ${res.statusCode}`));
    });
    req.write(head);
    req.write(pdf.subarray(0, pdf.length / 2));
    await new Promise((r) => setTimeout(r, 500));
    api.kill('SIGKILL');
    expect(await outcome).toMatch(/^error/);

    api = await startApi();
    expect(await storedFiles(stack.config.storage.dir)).toEqual(filesBefore);
    const rows = await db.query('SELECT COUNT(*) AS n FROM evidence_file WHERE rectificationId = ?', [id]);
    expect(Number(rows[0].n)).toBe(0);
    const state = await step(http, dept, id, 'acknowledge').then((r) => r.status);
    expect(state).toBe(409); // the item is untouched: still 整改中

    const retry = await eventually(async () => {
      const res = await new Promise<number>((done) => {
        const r = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/rectifications/${id}/evidence`,
          headers: {
            ...dept.auth,
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            'Content-Length': String(head.length + pdf.length + tail.length),
          },
        });
        r.on('response', (res) => (res.resume(), done(res.statusCode ?? 0)));
        r.on('error', () => done(0));
        r.end(Buffer.concat([head, pdf, tail]));
      });
      return res === 200 || res === 201 ? res : null;
    });
    expect([200, 201]).toContain(retry);
    const after = await db.query('SELECT COUNT(*) AS n FROM evidence_file WHERE rectificationId = ?', [id]);
    expect(Number(after[0].n)).toBe(1);
  });
});
