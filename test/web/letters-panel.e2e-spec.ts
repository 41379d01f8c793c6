/**
 * The item's 督办文书 tab in a real browser against the real stack: an item whose deadline passes seconds after it
 * starts reaches its first rung on a seconds-scale policy; the department sees the letter with its 文号 and SHA-256
 * as the letters route answers, downloads it (the .docx the server stored), uploads a written reply (progress, then
 * listed beside the letter) and is refused an executable with the server's Chinese reason. Screenshots at
 * 1366×768 and 390×844.
 */
import { Client } from '@temporalio/client';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { minimalPdf, windowsExe } from '../evidence/evidence-fixtures';
import { getBinary, Http, importSeed, rid } from '../ledger/rectification-http';
import { notificationOverrides } from '../notifications/support/notification-fixtures';
import { createUserAndLogin, TestAccount } from '../support/auth';
import { rectificationInput } from '../support/rectification-fixtures';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { launch, newPage, shoot, withScreenshot } from './browser-support';

interface Letter {
  id: number;
  docNumber: string;
  sha256: string;
  downloadUrl: string;
  replies: { fileName: string }[];
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('web app: 督办文书 on the item page', () => {
  const prefix = `网督${randomBytes(3).toString('hex')}`;
  let stack: TestStack;
  let http: Http;
  let base: string;
  let browser: Browser;
  let reviewer: TestAccount;
  let dept: TestAccount;
  let id: string;
  let letter: Letter;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ overrides: notificationOverrides({ LETTER_NUMBER_PREFIX: prefix }) });
    await stack.api.listen(0, '127.0.0.1');
    http = stack.api.getHttpServer();
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    reviewer = await createUserAndLogin(stack, { role: 'bureau_reviewer' });
    dept = await createUserAndLogin(stack, { role: 'dept_user', displayName: '经办人乙' });
    const evaluationId = await importSeed(http, reviewer);
    id = rid(evaluationId, 1);
    await stack.worker!.get(Client).workflow.start('rectificationWorkflow', {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: id,
      args: [
        {
          ...rectificationInput({
            evaluationId,
            findingSeq: 1,
            unitId: dept.unitId,
            deadlineInSeconds: 2,
            policy: { reminderOffsetsSeconds: [], escalationOffsetsSeconds: [1, 3600, 7200, 10800] },
          }),
          rectificationId: id,
        },
      ],
    });
    letter = await eventually(
      async () => {
        const res = await request(http).get(`/api/v1/rectifications/${id}/letters`).set(dept.auth);
        return res.status === 200 && res.body.length === 1 ? (res.body[0] as Letter) : null;
      },
      120_000,
      500,
    );
    browser = await launch();
    page = await newPage(browser, problems, 'dept');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('department: reads, downloads and answers the letter', async () => {
    await withScreenshot(page, 'letters-dept', async () => {
      await page.goto(`${base}/login`);
      await page.getByLabel('用户名').fill(dept.username);
      await page.getByLabel('密码').fill(dept.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '我的待办' }).waitFor();
      await page.goto(`${base}/rectifications/${encodeURIComponent(id)}`);
      await page.getByRole('tab', { name: '督办文书' }).click();
      const item = page.locator('.letters-list .ant-list-item').first();
      await item.getByText(letter.docNumber, { exact: true }).waitFor();
      await item.getByText(`SHA-256：${letter.sha256}`).waitFor();
      await item.getByText('尚无书面回复').waitFor();

      const [saved] = await Promise.all([
        page.waitForEvent('download'),
        item.getByRole('button', { name: '下载' }).first().click(),
      ]);
      expect(saved.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = readFileSync((await saved.path())!);
      const stored = (await getBinary(http, dept, letter.downloadUrl).expect(200)).body as Buffer;
      expect(sha256(bytes)).toBe(letter.sha256);
      expect(sha256(stored)).toBe(letter.sha256);

      // An executable is refused by content, with the server's reason; nothing is listed.
      await item.locator('input[type=file]').setInputFiles({
        name: '说明.pdf',
        mimeType: 'application/pdf',
        buffer: windowsExe(),
      });
      await item.getByRole('alert').waitFor();
      await expect(item.getByRole('alert').textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
      await item.getByText('尚无书面回复').waitFor();

      await item.locator('input[type=file]').setInputFiles({
        name: '整改情况说明.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf(`reply-${id}`),
      });
      await item.getByText(/回复：整改情况说明\.pdf — 经办人乙/).waitFor();
      await expect(item.getByRole('alert').count()).resolves.toBe(0);
      const overflow = await shoot(page, 'item-letters', () =>
        item.getByText(/回复：整改情况说明/).scrollIntoViewIfNeeded(),
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
    const after = await request(http).get(`/api/v1/rectifications/${id}/letters`).set(dept.auth).expect(200);
    expect((after.body as Letter[])[0].replies.map((r) => r.fileName)).toEqual(['整改情况说明.pdf']);
    expect(problems).toEqual([]);
  }, 180_000);
});
