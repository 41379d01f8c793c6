/**
 * The web app in a real browser against the real stack (API + worker in this process, MariaDB, Redis, Temporal):
 * a reviewer imports a feedback form, corrects a finding and its pairing beside the source text, previews and
 * confirms 下发; the department works its to-do list — 签收, plan, a PDF uploaded with progress and previewed,
 * submitted; the reviewer returns it once, then closes it; dashboard and ledger show it; an administrator creates a
 * unit and a user who then signs in; another department cannot reach the item by its address; on a phone nothing
 * is wider than the screen. Every page is photographed at 1366×768 and 390×844 under reports/screenshots/.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { minimalPdf } from '../evidence/evidence-fixtures';
import { createUnit, createUser, login, TEST_PASSWORD, TestUser, uniq } from '../support/auth';
import { ROOT } from '../support/test-config';
import { eventually, startTestStack, TestStack } from '../support/test-stack';
import { checkRadio, choose, launch, newPage, pickDate, shoot, withScreenshot } from './browser-support';

const SEED = readFileSync(resolve(ROOT, 'libs/importer/fixtures/seed/000_e9da2ade9415734b.txt'), 'utf8');
const CORRECTED = '预算绩效管理待完善，预算编制依据不够全面（已校对）';

describe('web app: the whole journey in a browser', () => {
  let stack: TestStack;
  let base: string;
  let browser: Browser;
  let reviewer: TestUser;
  let admin: TestUser;
  let deptUser: TestUser;
  let otherUser: TestUser;
  let deptName: string;
  let evaluationId: string;
  let itemId: string;
  let rev: Page;
  let dept: Page;
  const problems: string[] = [];
  const overflow: Record<string, number> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(stack.api.getHttpServer().address() as AddressInfo).port}`;
    const bureau = await createUnit(stack, { kind: 'bureau', name: `财政局 ${uniq('b')}` });
    reviewer = await createUser(stack, {
      role: 'bureau_reviewer',
      unitId: bureau.id,
      displayName: '审核员甲',
    });
    admin = await createUser(stack, { role: 'bureau_admin', unitId: bureau.id, displayName: '管理员丁' });
    deptName = `测试局 ${uniq('ui')}`;
    const unit = await createUnit(stack, { kind: 'department', name: deptName });
    deptUser = await createUser(stack, { role: 'dept_user', unitId: unit.id, displayName: '经办人乙' });
    otherUser = await createUser(stack, { role: 'dept_user', displayName: '他局经办人' });
    browser = await launch();
    rev = await newPage(browser, problems, 'reviewer');
    dept = await newPage(browser, problems, 'dept');
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(page: Page, user: TestUser, landing: string): Promise<void> {
    await page.goto(`${base}/login`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.getByLabel('用户名').fill(user.username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: landing }).waitFor();
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { name }).first().waitFor();

  it('reviewer: imports, corrects a finding and its pairing beside the source, previews and confirms 下发', async () => {
    await withScreenshot(rev, 'journey-reviewer', async () => {
      await rev.goto(`${base}/login`);
      await shoot(rev, 'login', () => heading(rev, '登录'));
      await signIn(rev, reviewer, '工作台');
      await expect(rev.locator('.user-role').textContent()).resolves.toBe('财政局审核人员');

      // 导入: a file dropped on the upload area (the marker makes the document new on every run)
      await rev.getByRole('link', { name: '导入反馈表' }).first().click();
      await heading(rev, '导入反馈表');
      await rev.locator('input[type=file]').setInputFiles({
        name: '反馈表.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(`${SEED}\n（界面测试标记 ${uniq('run')}）`, 'utf8'),
      });
      await rev.getByText('导入成功', { exact: true }).waitFor();
      await shoot(rev, 'import-result');
      await rev.getByRole('button', { name: '校对草稿' }).click();
      await heading(rev, /^校对草稿/);
      evaluationId = /\/evaluations\/([0-9a-f-]{36})\/draft$/.exec(rev.url())![1];

      // The source text is shown with the findings' spans marked; a mark selects its finding.
      await rev.locator('.source-text mark[data-finding="1"]').click();
      await expect(rev.locator('.source-text mark.active').getAttribute('data-finding')).resolves.toBe('1');
      await shoot(rev, 'draft');

      // Correct finding 1's title and pair it with recommendation 2.
      await rev
        .locator('.ant-list-item', { hasText: '问题 1：' })
        .getByRole('button', { name: '编辑' })
        .click();
      const editor = rev.locator('.ant-modal').last();
      await editor.locator('label').first().waitFor();
      await editor.getByLabel('标题').fill(CORRECTED);
      await choose(editor, '对应建议', '建议 2：');
      await editor.getByRole('button', { name: '保存' }).click();
      await rev.locator('.finding-title', { hasText: `问题 1：${CORRECTED}` }).waitFor();
      await rev
        .locator('.ant-list-item', { hasText: '问题 1：' })
        .getByText(/^对应建议 2：/)
        .waitFor();
      const saved = await request(stack.api.getHttpServer())
        .get(`/api/v1/evaluations/${evaluationId}`)
        .set({
          Authorization: `Bearer ${(await login(stack, reviewer.username, reviewer.password)).accessToken}`,
        })
        .expect(200);
      expect(saved.body.findings[0]).toMatchObject({ title: CORRECTED, recommendationSeq: 2 });

      // 下发: unit, rule (plan approval off), preview, confirmation naming how many workflows start and for whom.
      await rev.getByRole('button', { name: '下一步：下发' }).click();
      await heading(rev, '下发评价结果');
      await choose(rev, '责任单位', deptName);
      await shoot(rev, 'issue-units');
      await rev.getByRole('button', { name: '下一步' }).click();
      await rev.getByLabel('整改方案须经审核').click();
      await rev.getByRole('button', { name: '下一步' }).click();
      await rev
        .getByText(/时限预览暂不可用|整改时限/)
        .first()
        .waitFor();
      await shoot(rev, 'issue-preview');
      await rev.getByRole('button', { name: '确认下发' }).click();
      const dialog = rev.locator('.ant-modal').last();
      await dialog.getByText('将启动').waitFor();
      await expect(dialog.locator('.confirm-count').textContent()).resolves.toBe('4');
      await dialog.getByText(`${deptName}：4 项`).waitFor();
      await dialog.getByRole('button', { name: '确认下发' }).click();
      await rev.getByText('下发成功', { exact: true }).waitFor();
      await rev.getByRole('link', { name: `问题 1：${CORRECTED}` }).waitFor();
      await expect(rev.locator('.ant-result .ant-table-row').count()).resolves.toBe(4);
      await shoot(rev, 'issue-result');
      itemId = `rectification-${evaluationId}-1`;
    });
  });

  it('department: to-do list, 签收, plan, PDF upload with progress and preview, submit', async () => {
    const deptTokens = await login(stack, deptUser.username, deptUser.password);
    await eventually(async () => {
      const res = await request(stack.api.getHttpServer())
        .get('/api/v1/rectifications')
        .query({ evaluationId })
        .set({ Authorization: `Bearer ${deptTokens.accessToken}` });
      return res.status === 200 && res.body.total === 4;
    }, 60_000);
    await withScreenshot(dept, 'journey-dept', async () => {
      await signIn(dept, deptUser, '我的待办');
      await dept.getByText('共 4 项待办').waitFor();
      overflow.todo = await shoot(dept, 'todo', () => dept.getByText('共 4 项待办').waitFor());
      await dept.getByRole('link', { name: `问题 1：${CORRECTED}` }).click();
      await heading(dept, `问题 1：${CORRECTED}`);
      const actions = dept.locator('.actions-panel button');
      await actions.first().waitFor();
      await expect(actions.allTextContents()).resolves.toEqual(['签收']);

      await actions.filter({ hasText: '签收' }).click();
      await dept.getByLabel('签收意见（可选）').fill('已收到，立即组织整改');
      await dept.getByRole('button', { name: '确认签收' }).click();
      await dept.locator('.status-tag', { hasText: '已签收' }).first().waitFor();
      await dept.locator('.timeline', { hasText: '已收到，立即组织整改' }).waitFor();

      await dept.locator('.actions-panel button', { hasText: '提交整改方案' }).click();
      await dept.getByLabel('责任人').fill('张三');
      await dept.getByLabel('整改措施 1').fill('修订项目绩效目标编制办法');
      await pickDate(dept, '完成时限', '2027-03-31');
      await dept.getByRole('button', { name: '提交方案' }).click();
      await dept.locator('.status-tag', { hasText: '整改中' }).first().waitFor();

      await dept.locator('.actions-panel button', { hasText: '上传佐证材料' }).click();
      await dept.locator('.ant-modal input[type=file]').setInputFiles({
        name: '整改报告.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf('整改报告'),
      });
      await dept.getByLabel('说明').fill('整改报告及制度文件');
      await dept.getByRole('button', { name: '上传', exact: true }).click();
      await dept.locator('.status-tag', { hasText: '整改中' }).first().waitFor();
      await dept.getByRole('tab', { name: '佐证材料' }).click();
      await dept.locator('.evidence-list', { hasText: '整改报告.pdf' }).waitFor();
      await dept
        .locator('.evidence-list')
        .getByText(/SHA-256：[0-9a-f]{64}/)
        .waitFor();
      // the record's description, effective date and uploader, as the server names them (`evidence`)
      await dept.locator('.evidence-list', { hasText: '整改报告及制度文件 · 生效日期' }).waitFor();
      await dept.getByRole('button', { name: '预览' }).click();
      await dept.locator('iframe[title="PDF 预览：整改报告.pdf"]').waitFor();
      await expect(dept.locator('iframe.preview-frame').getAttribute('src')).resolves.toMatch(/^blob:/);
      await dept.keyboard.press('Escape');

      await dept.locator('.actions-panel button', { hasText: '提交整改情况' }).click();
      await dept.getByLabel('整改完成情况').fill('已修订编制办法并逐项测算');
      await dept.getByRole('button', { name: '提交整改情况' }).last().click();
      await dept.locator('.status-tag', { hasText: '待认定' }).first().waitFor();
      overflow.item = await shoot(dept, 'item', () => heading(dept, `问题 1：${CORRECTED}`));
    });
  });

  it('reviewer: returns the submission once, the department resubmits, the reviewer closes it', async () => {
    const review = async (result: string, comment: string, status: string) => {
      await rev.goto(`${base}/rectifications/${itemId}`);
      await rev.locator('.actions-panel button', { hasText: '认定' }).click();
      await checkRadio(rev, result);
      await rev.getByLabel('认定意见（持续整改、未整改时必填）').fill(comment);
      await rev.getByRole('button', { name: '提交认定' }).click();
      await rev.locator('.status-tag', { hasText: status }).first().waitFor();
    };
    await withScreenshot(rev, 'journey-review', async () => {
      await rev.goto(`${base}/todo`);
      await rev
        .locator('.ant-card', { hasText: '待认定的整改情况' })
        .getByRole('link', { name: `问题 1：${CORRECTED}` })
        // first: an earlier run's item of the same title may still be open in the shared test database
        .first()
        .waitFor();
      await review('未整改', '佐证材料不全，请补充制度文件', '整改中');
    });
    await withScreenshot(dept, 'journey-resubmit', async () => {
      await dept.reload();
      await dept.locator('.status-tag', { hasText: '整改中' }).first().waitFor();
      await dept.locator('.timeline', { hasText: '佐证材料不全，请补充制度文件' }).waitFor();
      await dept.locator('.actions-panel button', { hasText: '提交整改情况' }).click();
      await dept.getByLabel('整改完成情况').fill('已补充制度文件');
      await dept.getByRole('button', { name: '提交整改情况' }).last().click();
      await dept.locator('.status-tag', { hasText: '待认定' }).first().waitFor();
    });
    await withScreenshot(rev, 'journey-close', async () => {
      await review('已整改', '同意销号', '已销号');
      await expect(rev.locator('.actions-panel').textContent()).resolves.toContain(
        '当前没有您可以办理的操作',
      );
    });
  });

  it('dashboard and ledger reflect the closure, figures lead to the filtered ledger, Excel exports', async () => {
    await withScreenshot(rev, 'journey-dashboard', async () => {
      await rev.goto(`${base}/dashboard`);
      const row = rev.locator('.ant-table-row', { hasText: deptName });
      await row.waitFor();
      await expect(row.locator('td').allTextContents()).resolves.toEqual([
        deptName,
        '4',
        '3',
        '0',
        '1',
        '25%',
      ]);
      overflow.dashboard = await shoot(rev, 'dashboard', () => rev.locator('canvas').first().waitFor());
      await row.click();
      await rev.waitForURL(/\/rectifications\?unitId=\d+$/);
      await rev.getByText('共 4 项整改事项').waitFor();
      const closed = rev.locator('.ant-table-row', { hasText: CORRECTED });
      await expect(closed.locator('.status-tag').textContent()).resolves.toBe('已销号');
      await shoot(rev, 'ledger', () => rev.getByText('共 4 项整改事项').waitFor());

      await choose(rev, '状态', '已销号');
      await rev.keyboard.press('Escape');
      await rev.getByRole('button', { name: '查询' }).click();
      await rev.waitForURL(/status=closed/);
      await rev.getByText('共 1 项整改事项').waitFor();
      const [download] = await Promise.all([
        rev.waitForEvent('download'),
        rev.getByRole('button', { name: '导出 Excel' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^整改台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
      await rev.getByText(`已导出：${download.suggestedFilename()}`).waitFor();

      await rev.goto(`${base}/evaluations`);
      await shoot(rev, 'evaluations', () => heading(rev, '评价结果'));
      await rev.goto(`${base}/evaluations/${evaluationId}`);
      await shoot(rev, 'evaluation', () => heading(rev, '评价信息'));
      await rev.goto(`${base}/notifications`);
      await shoot(rev, 'notifications', () => heading(rev, '站内消息'));
      await rev.goto(`${base}/results-application`);
      await shoot(rev, 'results-application', () => heading(rev, '结果应用'));
      await rev.goto(`${base}/preferences`);
      await shoot(rev, 'preferences', () => heading(rev, '个人设置'));
    });
  });

  it('admin: creates a unit and a user, who then signs in', async () => {
    const adm = await newPage(browser, problems, 'admin');
    const unitName = `新建单位 ${uniq('u')}`;
    const username = uniq('newuser');
    await withScreenshot(adm, 'journey-admin', async () => {
      await signIn(adm, admin, '工作台');
      await adm.getByRole('link', { name: '单位管理' }).click();
      await heading(adm, '单位管理');
      await adm.getByRole('button', { name: '新建单位' }).click();
      await adm.getByLabel('单位名称').fill(unitName);
      await adm.getByLabel('单位编码').fill(uniq('code'));
      await adm.getByRole('button', { name: '保存' }).click();
      await adm.locator('.ant-tree', { hasText: unitName }).waitFor();
      await shoot(adm, 'admin-units', () => heading(adm, '单位管理'));

      await adm.getByRole('link', { name: '用户管理' }).click();
      await heading(adm, '用户管理');
      await adm.getByRole('button', { name: '新建用户' }).click();
      await adm.getByLabel('用户名').fill(username);
      await adm.getByLabel('初始密码').fill(TEST_PASSWORD);
      await adm.getByLabel('姓名').fill('新同事');
      await choose(adm, '所属单位', unitName);
      await adm.getByRole('button', { name: '保存' }).click();
      await adm.getByText('用户已保存').waitFor();
      await adm.getByLabel('搜索用户').fill(username);
      await adm.getByLabel('搜索用户').press('Enter');
      await adm.locator('.ant-table-row', { hasText: username }).waitFor();
      await shoot(adm, 'admin-users', () => heading(adm, '用户管理'));

      for (const [path, title] of [
        ['/admin/audit-log', '审计日志'],
        ['/admin/notification-failures', '通知发送失败'],
        ['/admin/calendar', '节假日日历'],
      ]) {
        await adm.goto(`${base}${path}`);
        await shoot(adm, path.slice(1).replace('/', '-'), () => heading(adm, title));
      }
    });
    const fresh = await newPage(browser, problems, 'new user');
    await withScreenshot(fresh, 'journey-new-user', async () => {
      await signIn(fresh, { username, password: TEST_PASSWORD } as TestUser, '我的待办');
      await expect(fresh.locator('.user-name').textContent()).resolves.toBe('新同事');
      await fresh.getByText('共 0 项待办').waitFor();
    });
  });

  it("another unit's user cannot reach the item by its address", async () => {
    const other = await newPage(browser, problems, 'other');
    await withScreenshot(other, 'journey-other', async () => {
      await signIn(other, otherUser, '我的待办');
      await other.goto(`${base}/rectifications/${itemId}`);
      await other.getByText('不存在或无权访问').waitFor();
      await expect(other.getByText(CORRECTED).count()).resolves.toBe(0);
      await shoot(other, 'not-found', () => other.getByText('不存在或无权访问').waitFor());
      await other.getByRole('button', { name: '回到首页' }).click();
      await heading(other, '我的待办');
    });
  });

  it('has no horizontal overflow on a phone (dashboard, to-do, item) and no script or CSP errors', () => {
    expect(overflow).toEqual({ todo: 0, item: 0, dashboard: 0 });
    expect(problems).toEqual([]);
  });
});
