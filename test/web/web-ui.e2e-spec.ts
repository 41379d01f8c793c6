/**
 * The web UI in a real browser (Debian's Chromium driven by playwright-core) against the real stack, in one
 * journey: a bureau reviewer signs in, imports the seed feedback form and issues it to a department; the
 * department's user signs in, acknowledges (签收) an item from its detail page; the ledger shows it as 已签收
 * and exports to Excel. Every wait is for something on the page; a failure leaves a screenshot in var/test/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import request from 'supertest';
import { createUnit, createUser, login, TEST_PASSWORD, TestUser, uniq } from '../support/auth';
import { ROOT } from '../support/test-config';
import { eventually, startTestStack, TestStack } from '../support/test-stack';

const SEED = readFileSync(resolve(ROOT, 'libs/importer/fixtures/seed/000_e9da2ade9415734b.txt'), 'utf8');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FIRST_FINDING = '预算绩效管理待完善，预算编制依据不全面';

describe('web UI: import, issue, acknowledge, ledger — in a browser', () => {
  let stack: TestStack;
  let base: string;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  let reviewer: TestUser;
  let deptUser: TestUser;
  let deptName: string;
  const problems: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(stack.api.getHttpServer().address() as AddressInfo).port}`;
    const bureau = await createUnit(stack, { kind: 'bureau' });
    reviewer = await createUser(stack, {
      role: 'bureau_reviewer',
      unitId: bureau.id,
      displayName: '审核员甲',
    });
    deptName = `测试局 ${uniq('ui')}`;
    const dept = await createUnit(stack, { kind: 'department', name: deptName });
    deptUser = await createUser(stack, { role: 'dept_user', unitId: dept.id, displayName: '经办人乙' });
    profile = mkdtempSync(join(tmpdir(), 'rectiflow-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(20_000);
    // CSP violations and script errors surface here; the journey must produce none.
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await stack?.close();
  });

  async function signIn(user: TestUser, expectRole: string): Promise<void> {
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.getByLabel('用户名').fill(user.username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '评价列表' }).waitFor();
    await expect(page.locator('.user-role').textContent()).resolves.toBe(expectRole);
  }

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
  }

  async function journey(): Promise<void> {
    await page.goto(`${base}/`);
    await signIn(reviewer, '财政局审核人员');
    await expect(page.locator('.user-name').textContent()).resolves.toBe('审核员甲');

    // 导入反馈表 (pasted text; the marker line makes the document new on every run)
    await page.getByRole('link', { name: '导入反馈表' }).click();
    await page.getByLabel('或粘贴文本').fill(`${SEED}\n（界面测试标记 ${uniq('run')}）`);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('heading', { name: '导入成功' }).waitFor();
    await page.getByRole('link', { name: '查看评价并下发' }).click();
    await page.getByRole('heading', { name: '评价信息' }).waitFor();
    const evaluationId = /#\/evaluations\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    expect(evaluationId).toBeDefined();
    await expect(page.getByText('景德镇市财政局', { exact: true }).first().isVisible()).resolves.toBe(true);

    // 下发 to the department, 20 working days from today
    await page.getByRole('link', { name: '下发', exact: true }).click();
    await page.getByRole('heading', { name: '下发评价结果' }).waitFor();
    await page.getByLabel('责任单位', { exact: true }).selectOption({ label: `${deptName}（主管部门）` });
    await page.getByLabel('时限规则', { exact: true }).selectOption('working_days');
    await page.getByLabel('天数', { exact: true }).fill('20');
    await page.getByRole('button', { name: '确认下发' }).click();
    await page.getByRole('heading', { name: '下发成功' }).waitFor();
    await expect(page.locator('table tbody tr').count()).resolves.toBe(4);

    // The four workflows write their read-model rows a moment after issuing; wait for them through the API.
    const deptTokens = await login(stack, deptUser.username, deptUser.password);
    await eventually(async () => {
      const res = await request(stack.api.getHttpServer())
        .get('/api/v1/rectifications')
        .query({ evaluationId })
        .set({ Authorization: `Bearer ${deptTokens.accessToken}` });
      return res.status === 200 && res.body.total === 4;
    });

    // The department signs in and acknowledges finding 1 from its detail page.
    await signOut();
    await signIn(deptUser, '部门经办人');
    await page.getByRole('link', { name: '整改台账' }).click();
    await page.getByRole('heading', { name: '整改台账' }).waitFor();
    await page.getByRole('link', { name: FIRST_FINDING }).click();
    await page.getByRole('heading', { name: `问题 1：${FIRST_FINDING}` }).waitFor();
    // An extension can be asked for only after 签收.
    await expect(page.locator('.actions-panel summary').allTextContents()).resolves.toEqual(['签收']);
    await page.locator('.actions-panel summary', { hasText: '签收' }).click();
    await page.getByLabel('签收意见（可选）').fill('已收到，立即组织整改');
    await page.getByRole('button', { name: '确认签收' }).click();
    await page.getByText('「签收」已办理，当前状态：已签收').waitFor();
    await page.locator('ol.timeline li', { hasText: '已收到，立即组织整改' }).waitFor();
    await expect(page.locator('.actions-panel summary').allTextContents()).resolves.toEqual([
      '提交整改方案',
      '申请延期',
    ]);

    // 整改台账: the item reads 已签收, also when filtered by that status; the Excel export downloads.
    await page.getByRole('link', { name: '整改台账' }).click();
    const row = page.locator('table tbody tr', { hasText: FIRST_FINDING });
    await expect(row.locator('.badge').textContent()).resolves.toBe('已签收');
    await page.getByRole('checkbox', { name: '已签收' }).check();
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/#\/ledger\?status=acknowledged$/);
    await page.locator('caption', { hasText: '共 1 项整改事项' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^整改台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.getByText(`已导出：${download.suggestedFilename()}`).waitFor();

    // Tokens: the refresh token in this tab's sessionStorage only; nothing in localStorage or the address.
    // (A string expression: this project compiles without the DOM types.)
    const stored = await page.evaluate(
      '({ local: localStorage.length, session: Object.keys(sessionStorage), url: location.href })',
    );
    expect(stored).toEqual({
      local: 0,
      session: ['rectiflow.refreshToken'],
      url: expect.not.stringMatching(/token/i),
    });
  }

  async function withScreenshot(name: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      const dir = resolve(ROOT, 'var', 'test');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${name}-failure-${Date.now()}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      throw new Error(`${(err as Error).message}\n(screenshot: ${file}; page: ${page.url()})`, {
        cause: err,
      });
    }
  }

  it('takes a feedback form from import to an acknowledged item in the ledger', async () => {
    await withScreenshot('web-ui', journey);
    expect(problems).toEqual([]);
  });

  it('still renders Swagger UI at /api/docs under its own CSP', async () => {
    problems.length = 0;
    await withScreenshot('api-docs', async () => {
      await page.goto(`${base}/api/docs`);
      await page.locator('.swagger-ui .info .title', { hasText: 'Rectiflow API' }).waitFor();
      await page
        .locator('.opblock-summary-path', { hasText: '/api/v1/rectifications/{id}/acknowledge' })
        .waitFor();
    });
    expect(problems).toEqual([]);
  });
});
