/**
 * 默认整改政策 in a real browser against the real stack: the administrator opens the page from the menu, sees the
 * environment's defaults, is refused an increasing reminder list with the server's Chinese reason, changes two
 * values and saves (success message, 最后修改 by whom and when); the 下发 wizard then starts from the saved values;
 * a bureau leader sees the page read-only. Screenshots at 1366×768 and 390×844.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { Http, importSeed } from '../ledger/rectification-http';
import { createUserAndLogin, dataSourceOf, TestAccount } from '../support/auth';
import { privateTestDatabase } from '../support/private-database';
import { startTestStack, TestStack } from '../support/test-stack';
import { choose, launch, newPage, shoot, withScreenshot } from './browser-support';

describe('web app: 默认整改政策 page', () => {
  let stack: TestStack;
  let http: Http;
  let base: string;
  let browser: Browser;
  let admin: TestAccount;
  let reviewer: TestAccount;
  let leader: TestAccount;
  let deptName: string;
  const problems: string[] = [];
  const clear = () => dataSourceOf(stack).query('DELETE FROM policy_defaults');

  async function signIn(page: Page, who: TestAccount): Promise<void> {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(who.username);
    await page.getByLabel('密码').fill(who.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '工作台' }).first().waitFor();
  }

  beforeAll(async () => {
    // its own database: the stored defaults are bureau-wide, and other files issue at the same time
    stack = await startTestStack({
      worker: false,
      overrides: { DATABASE_URL: await privateTestDatabase('policy_web') },
    });
    await stack.api.listen(0, '127.0.0.1');
    http = stack.api.getHttpServer();
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    admin = await createUserAndLogin(stack, { role: 'bureau_admin', displayName: '政策管理员' });
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    leader = await createUserAndLogin(stack, { role: 'bureau_leader' });
    const dept = await createUserAndLogin(stack, { role: 'dept_user' });
    [{ name: deptName }] = await dataSourceOf(stack).query('SELECT name FROM unit WHERE id = ?', [
      dept.unitId,
    ]);
    browser = await launch();
  }, 120_000);

  // The row is bureau-wide in the shared test database: other files issue with the environment's defaults.
  afterAll(async () => {
    if (stack) await clear();
    await browser?.close();
    await stack?.close();
  });

  it('administrator: edits and saves; the 下发 wizard starts from the saved values; a leader only reads', async () => {
    await clear();
    const page = await newPage(browser, problems, 'admin');
    try {
      await withScreenshot(page, 'policy-defaults-admin', async () => {
        await signIn(page, admin);
        await page.getByRole('menuitem', { name: '默认整改政策' }).first().click();
        await page.getByRole('heading', { name: '默认整改政策' }).waitFor();
        await page.getByText('系统配置（环境变量）').waitFor();
        await expect(page.getByLabel('到期前提醒（天，从远到近，逗号分隔）').inputValue()).resolves.toBe(
          '7, 3, 1',
        );
        await expect(page.getByLabel('督办（天）').inputValue()).resolves.toBe('8');

        // Refused by the server's rule, its reason shown, nothing stored.
        await page.getByLabel('到期前提醒（天，从远到近，逗号分隔）').fill('1, 3');
        await page.getByRole('button', { name: '保存' }).click();
        await page
          .getByRole('alert')
          .getByText(/提醒天数须从远到近严格递减/)
          .waitFor();
        expect(await dataSourceOf(stack).query('SELECT id FROM policy_defaults')).toEqual([]);

        await page.getByLabel('到期前提醒（天，从远到近，逗号分隔）').fill('10, 5, 1');
        await page.getByLabel('督办（天）').fill('10');
        await page.getByLabel('最多延期次数').fill('4');
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByText('默认整改政策已保存，此后下发的评价按此执行').waitFor();
        await page.getByText('政策管理员（').waitFor();
        await page.getByText('管理员设置').waitFor();
        await expect(page.locator('.ant-alert-error').count()).resolves.toBe(0);
        const overflow = await shoot(page, 'policy-defaults', () =>
          page.getByRole('heading', { name: '默认整改政策' }).waitFor(),
        );
        expect(overflow).toBeLessThanOrEqual(0);
      });
      const saved = await request(http).get('/api/v1/admin/policy-defaults').set(reviewer.auth).expect(200);
      expect(saved.body).toMatchObject({
        source: 'stored',
        defaults: {
          requirePlanApproval: true,
          reminderOffsetsDays: [10, 5, 1],
          escalationOffsetsDays: [1, 10, 15, 30],
          maxExtensions: 4,
          progressReportIntervalDays: null,
        },
        updatedBy: { id: admin.user.id, displayName: '政策管理员' },
      });

      // The 下发 wizard's policy fields start from the saved defaults.
      const evaluationId = await importSeed(http, reviewer);
      const rev = await newPage(browser, problems, 'reviewer');
      await withScreenshot(rev, 'policy-defaults-wizard', async () => {
        await signIn(rev, reviewer);
        await rev.goto(`${base}/evaluations/${evaluationId}/issue`);
        await rev.getByRole('heading', { name: '下发评价结果' }).first().waitFor();
        await choose(rev, '责任单位', deptName);
        await rev.getByRole('button', { name: '下一步' }).click();
        await rev.getByText('已按默认整改政策预填').waitFor();
        const tags = async (label: string) =>
          rev
            .locator('.ant-form-item', { has: rev.getByLabel(label) })
            .locator('.ant-select-selection-item')
            .allTextContents();
        await expect(tags('到期前提醒')).resolves.toEqual(['10', '5', '1']);
        await expect(tags('逾期后升级')).resolves.toEqual(['1', '10', '15', '30']);
      });

      const lead = await newPage(browser, problems, 'leader');
      await withScreenshot(lead, 'policy-defaults-leader', async () => {
        await signIn(lead, leader);
        await lead.getByRole('menuitem', { name: '默认整改政策' }).first().click();
        await lead.getByText('仅财政局管理员可修改默认整改政策，您可以查看。').waitFor();
        await expect(lead.getByLabel('最多延期次数').inputValue()).resolves.toBe('4');
        await expect(lead.getByLabel('最多延期次数').isDisabled()).resolves.toBe(true);
        await expect(lead.getByRole('button', { name: '保存' }).count()).resolves.toBe(0);
        const overflow = await shoot(lead, 'policy-defaults-readonly', () =>
          lead.getByText('仅财政局管理员可修改默认整改政策').waitFor(),
        );
        expect(overflow).toBeLessThanOrEqual(0);
      });
    } finally {
      await clear();
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
