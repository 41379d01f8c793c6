/**
 * The 回头看 page in a real browser against the real stack, with a seconds-scale re-check period: two closed items
 * fall due; the department sees them read-only; the reviewer is refused a 反弹 deadline in the past with the
 * server's Chinese reason, then decides 反弹 with a new deadline and 巩固 for the other; the done tab links the old
 * and the new item, and the old item's timeline reads 回头看 in Chinese. Screenshots at 1366×768 and 390×844.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
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
import { createUserAndLogin, TestAccount } from '../support/auth';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { launch, newPage, pickDate, shoot, withScreenshot } from './browser-support';

interface Recheck {
  id: number;
  rectificationId: string;
  evaluationId: string;
  findingTitle: string;
  status: 'due' | 'done';
  outcome: 'consolidated' | 'rebound' | null;
  reboundRectificationId: string | null;
}

describe('web app: 回头看 page', () => {
  let stack: TestStack;
  let http: Http;
  let base: string;
  let browser: Browser;
  let reviewer: TestAccount;
  let reviewer2: TestAccount;
  let dept: TestAccount;
  let evaluationId: string;
  let due: Recheck[];
  let rev: Page;
  let deptPage: Page;
  const problems: string[] = [];

  const close = async (id: string) => {
    await toInProgress(http, dept, reviewer, id);
    await uploadEvidence(http, dept, id, [{ name: '整改报告.pdf', bytes: minimalPdf(id) }], {
      description: '整改报告',
      effectiveDate: dayOffset(-1),
    }).expect(200);
    await step(http, dept, id, 'submit', { account: '已按方案完成整改' }).expect(200);
    await step(http, reviewer2, id, 'review', { result: 'rectified', comment: '同意销号' }).expect(200);
  };

  async function signIn(page: Page, who: TestAccount, landing: string): Promise<void> {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(who.username);
    await page.getByLabel('密码').fill(who.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: landing }).first().waitFor();
  }

  // By the old item's link: the seed's titles repeat across runs on the same test database.
  const row = (page: Page, r: Recheck) =>
    page
      .locator('.rechecks-table tr, .rechecks-list .ant-list-item', {
        has: page.locator(`a[href="/rectifications/${encodeURIComponent(r.rectificationId)}"]`),
      })
      .first();

  beforeAll(async () => {
    stack = await startTestStack({ overrides: { RECHECK_PERIOD_SECONDS: '3' } });
    await stack.api.listen(0, '127.0.0.1');
    http = stack.api.getHttpServer();
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer', displayName: '审核员甲' });
    reviewer2 = await createUserAndLogin(stack, { role: 'bureau_reviewer', displayName: '审核员丙' });
    dept = await createUserAndLogin(stack, { role: 'dept_user', displayName: '经办人乙' });
    evaluationId = await importSeed(http, reviewer);
    await issueSeed(http, reviewer, evaluationId, {
      deliveryDate: dayOffset(0),
      unitId: dept.unitId,
      overrides: [{ seq: 3, type: 'immediate' }],
    });
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
    browser = await launch();
    rev = await newPage(browser, problems, 'reviewer');
    deptPage = await newPage(browser, problems, 'dept');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('department: sees its units’ due re-checks, read-only', async () => {
    await withScreenshot(deptPage, 'rechecks-dept', async () => {
      await signIn(deptPage, dept, '我的待办');
      await deptPage.getByRole('link', { name: '回头看' }).first().click();
      await deptPage.getByRole('heading', { name: '回头看' }).waitFor();
      for (const r of due) await row(deptPage, r).waitFor();
      await expect(deptPage.getByRole('button', { name: '认定' }).count()).resolves.toBe(0);
      const overflow = await shoot(deptPage, 'rechecks-dept', () => row(deptPage, due[0]).waitFor());
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }, 120_000);

  it('reviewer: a past deadline is refused with the server’s reason; 反弹 and 巩固 are decided', async () => {
    const [rebound, keep] = due;
    await withScreenshot(rev, 'rechecks-reviewer', async () => {
      await signIn(rev, reviewer, '工作台');
      await rev.goto(`${base}/rechecks`);
      await rev.getByRole('heading', { name: '回头看' }).waitFor();
      await shoot(rev, 'rechecks-due', () => row(rev, rebound).waitFor());

      await row(rev, rebound).getByRole('button', { name: '认定' }).click();
      const modal = rev.locator('.ant-modal').last();
      await modal.getByLabel('反弹').check();
      await modal.getByLabel('情况说明').fill('抽查发现问题再次出现');
      await pickDate(rev, '新的整改时限', dayOffset(-1));
      await modal.getByRole('button', { name: '提交认定' }).click();
      await modal.getByRole('alert').filter({ hasText: '须晚于今天' }).waitFor();
      await shoot(rev, 'rechecks-decision-refused', () => modal.getByRole('alert').waitFor());
      const still = await request(http).get(`/api/v1/rechecks/${rebound.id}`).set(reviewer.auth).expect(200);
      expect(still.body).toMatchObject({ status: 'due', outcome: null });

      await modal.getByLabel('新的整改时限').clear();
      await pickDate(rev, '新的整改时限', dayOffset(40));
      await modal.getByRole('button', { name: '提交认定' }).click();
      await rev.getByText('已认定为反弹').waitFor();

      await row(rev, keep).getByRole('button', { name: '认定' }).click();
      const modal2 = rev.locator('.ant-modal').last();
      await modal2.getByLabel('巩固').check();
      await expect(modal2.getByLabel('新的整改时限').count()).resolves.toBe(0);
      await modal2.getByLabel('情况说明').fill('问题未再出现');
      await modal2.getByRole('button', { name: '提交认定' }).click();
      await rev.getByText('已认定为巩固').waitFor();
    });

    const decided = await request(http).get(`/api/v1/rechecks/${rebound.id}`).set(reviewer.auth).expect(200);
    expect(decided.body).toMatchObject({ status: 'done', outcome: 'rebound' });
    const newId = decided.body.reboundRectificationId as string;
    expect(newId).toBeTruthy();
    const newItem = await request(http).get(`/api/v1/rectifications/${newId}`).set(reviewer.auth).expect(200);
    expect(newItem.body.deadline.current).toBe(dayOffset(40));
    const kept = await request(http).get(`/api/v1/rechecks/${keep.id}`).set(reviewer.auth).expect(200);
    expect(kept.body).toMatchObject({ status: 'done', outcome: 'consolidated' });

    await withScreenshot(rev, 'rechecks-done', async () => {
      await rev.getByRole('tab', { name: '已回头看' }).click();
      const r = row(rev, rebound);
      await r.getByText('反弹').waitFor();
      await row(rev, keep).getByText('巩固').waitFor();
      const overflow = await shoot(rev, 'rechecks-done', () => r.waitFor());
      expect(overflow).toBeLessThanOrEqual(0);

      await r.getByRole('link', { name: '查看新事项' }).click();
      // A client-side navigation: wait for the item page itself, not for a document load.
      await rev.locator('.timeline').waitFor();
      expect(new URL(rev.url()).pathname).toBe(`/rectifications/${encodeURIComponent(newId)}`);

      // The old item: its timeline reads 回头看 in Chinese (TIMELINE_LABELS), not the raw action names.
      await rev.goto(`${base}/rechecks`);
      await rev.getByRole('tab', { name: '已回头看' }).click();
      await row(rev, rebound).getByRole('link', { name: rebound.findingTitle }).click();
      await rev.locator('.timeline').getByText('回头看到期').first().waitFor();
      await rev.locator('.timeline').getByText('结论：反弹；抽查发现问题再次出现').waitFor();
      await rev.locator('.timeline').getByRole('link', { name: '查看重新整改事项' }).waitFor();
      await expect(rev.locator('.timeline').textContent()).resolves.not.toMatch(/recheck_|reminder_skipped/);
      await shoot(rev, 'rechecks-old-item', () => rev.locator('.timeline').waitFor());
    });
    expect(problems).toEqual([]);
  }, 180_000);

  it('reviewer: downloads the evaluation’s 整改情况报告 from its detail page', async () => {
    await withScreenshot(rev, 'rechecks-report', async () => {
      await rev.goto(`${base}/evaluations/${evaluationId}`);
      await rev.getByRole('heading', { name: '评价信息' }).waitFor();
      const [saved] = await Promise.all([
        rev.waitForEvent('download'),
        rev.getByRole('button', { name: '下载整改情况报告' }).click(),
      ]);
      expect(saved.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = readFileSync((await saved.path())!);
      // A .docx is a zip: it starts with PK.
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      await rev.getByText(/^已下载：/).waitFor();
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
