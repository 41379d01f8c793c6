import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NOTIFICATION_EVENTS, ESCALATION_LEVELS } from '@rectiflow/contracts';
import type { NotificationEvent, NotificationRequest, RectificationState } from '@rectiflow/contracts';
import { buildItemContext } from '../context/item-context';
import { digestSections, DigestItem } from '../digest/digest-sections';
import { ALL_TEMPLATES, DIGEST_TEMPLATES, routeOf } from '../notification-catalog';
import { TemplateRenderer } from './template-renderer';
import { templatesDir } from './templates-dir';

const LINK = 'https://rectiflow.example.gov.cn/rectifications/rectification-3f1c-2';

/** The payloads the workflow sends per event (rectification-state.machine.ts / rectification-timers.ts). */
const PAYLOADS: Partial<Record<NotificationEvent, Record<string, unknown>>> = {
  deadline_reminder: { secondsBefore: 3 * 86400 },
  plan_returned: { comment: '措施不具体，请细化到责任人和完成时间' },
  plan_approved: { comment: '同意' },
  review_returned: { comment: '佐证材料不足' },
  ongoing: { comment: '制度已建立，执行情况需持续跟踪' },
  extension_decided: { approved: true, comment: '同意延期', deadline: '2027-03-31' },
  reassigned: { fromUnitId: 12 },
  cancelled: { reason: '该问题经复核不成立，予以撤回' },
  milestone_due: { measure: '修订项目绩效目标编制办法', targetDate: '2027-01-15' },
};

const state = {
  findingTitle: '预算编制依据不充分',
  plans: [{ responsiblePerson: '张三', measures: [{}, {}] }],
  submissions: [{ account: '已修订绩效目标编制办法，并按子项细化了预算测算明细。' }],
  extensions: [{ reason: '需跨年度完成制度修订', requested: { date: '2027-03-31' } }],
  assignments: [{ reason: '职责调整' }],
} as unknown as RectificationState;

/** The rungs actually sent before `level`: the third at 16:30 UTC, already the next day in Shanghai. */
const SENT_RUNGS = [
  { level: 1, label: '提醒函', at: '2027-01-01T02:00:00.000Z' },
  { level: 2, label: '督办', at: '2027-01-08T02:00:00.000Z' },
  { level: 3, label: '约谈', at: '2027-01-15T16:30:00.000Z' },
];

function context(
  event: NotificationEvent,
  level?: 1 | 2 | 3 | 4,
  previous = SENT_RUNGS.slice(0, (level ?? 1) - 1),
) {
  const request: NotificationRequest = {
    key: `rectification-3f1c-2.5.${event}`,
    event,
    rectificationId: 'rectification-3f1c-2',
    evaluationId: '3f1c',
    findingSeq: 2,
    unitId: 7,
    level,
    deadlineDate: '2026-12-31',
    occurredAt: '2026-12-20T01:30:00.000Z',
    payload: {
      findingTitle: '预算编制依据不充分，绩效目标设置不够细化',
      actor: event.startsWith('plan') || event === 'submitted' ? '李四' : '系统',
      ...PAYLOADS[event],
      ...(event === 'escalation' ? { previousRungs: previous } : {}),
    },
  };
  return buildItemContext({
    request,
    evaluation: {
      title: '2025年度城区道路维护项目绩效评价报告',
      projectName: '2025年度城区道路维护项目',
      score: 78.5,
      grade: '中',
    },
    unitName: '市城市管理局',
    previousUnitName: event === 'reassigned' ? '市住房和城乡建设局' : null,
    state,
    link: LINK,
    timeZone: 'Asia/Shanghai',
  });
}

function digestItem(over: Partial<DigestItem>): DigestItem {
  return {
    id: 'rectification-a-1',
    unitId: 7,
    unitName: '市城市管理局',
    projectName: '2025年度城区道路维护项目',
    findingSeq: 1,
    findingTitle: '预算编制依据不充分',
    status: 'in_progress',
    deadline: '2026-12-31',
    escalationLevel: 0,
    pendingExtension: false,
    link: LINK,
    ...over,
  };
}

describe('notification templates', () => {
  const renderer = new TemplateRenderer();

  it('has exactly the templates the catalog routes to', () => {
    expect(renderer.names).toEqual([...ALL_TEMPLATES].sort());
  });

  // Every row has three cells: jest passes `done` to a test function with more parameters than cells.
  const cases: Array<[string, NotificationEvent, 1 | 2 | 3 | 4 | undefined]> = [
    ...NOTIFICATION_EVENTS.filter((e) => e !== 'escalation').map(
      (e): [string, NotificationEvent, undefined] => [e, e, undefined],
    ),
    ...ESCALATION_LEVELS.map((l): [string, NotificationEvent, 1 | 2 | 3 | 4] => [
      `escalation level ${l}`,
      'escalation',
      l,
    ]),
  ];

  it.each(cases)(
    'renders %s naming the evaluation, the finding, the deadline and the link',
    (_name, event, level) => {
      const ctx = context(event, level);
      const message = renderer.render(routeOf(event, level).template, ctx, ctx.link);
      expect(message.link).toBe(LINK);
      for (const text of [
        '2025年度城区道路维护项目',
        '评价得分 78.50 分',
        '评价等级「中」',
        '预算编制依据不充分',
        '2026年12月31日',
        LINK,
      ])
        expect(`${message.title}\n${message.body}`).toContain(text);
      expect(message).toMatchSnapshot();
    },
  );

  it('writes 督办/约谈/通报 from the rungs that happened, citing their dates in the bureau time zone', () => {
    const full = renderer.render('escalation-4', context('escalation', 4)).body;
    expect(full).toContain(
      '经2027年1月1日发出提醒函、2027年1月8日督办、2027年1月16日约谈，仍未完成整改，现予通报',
    );
    // Only a 提醒函 happened: the notice claims no 督办 or 约谈.
    const short = renderer.render('escalation-4', context('escalation', 4, SENT_RUNGS.slice(0, 1))).body;
    expect(short).toContain('经2027年1月1日发出提醒函，仍未完成整改');
    expect(short).not.toMatch(/督办|约谈/);
    // Nothing sent before (an old run's request without history): no claim at all.
    const bare = renderer.render('escalation-2', context('escalation', 2, [])).body;
    expect(bare).toContain('（2026年12月31日），仍未完成整改，现予督办');
    expect(bare).not.toContain('提醒');
  });

  it('renders a refused extension differently from an approved one', () => {
    const ctx = { ...context('extension_decided'), approved: false, comment: '' };
    const message = renderer.render('extension-decided', ctx);
    expect(message.title).toContain('未获同意');
    expect(message.body).toContain('整改时限仍为 2026年12月31日');
    expect(message.body).not.toContain('审批意见');
  });

  it.each(Object.values(DIGEST_TEMPLATES))('renders the %s digest', (template) => {
    const items = [
      digestItem({ id: 'r-1', deadline: '2026-12-01', escalationLevel: 2 }),
      digestItem({ id: 'r-2', deadline: '2026-12-22', findingSeq: 2, findingTitle: '资金拨付滞后' }),
      digestItem({
        id: 'r-3',
        deadline: '2027-02-01',
        findingSeq: 3,
        status: 'submitted',
        findingTitle: '绩效自评不实',
      }),
    ];
    const sections = digestSections(items, '2026-12-20');
    const message = renderer.render(template, {
      ...sections,
      date: '2026年12月20日',
      ledgerLink: 'https://rectiflow.example.gov.cn/rectifications',
      recipientName: '审核员甲',
      unit: { name: '市城市管理局' },
    });
    expect(message).toMatchSnapshot();
  });

  it('fails on a variable missing from the context instead of printing nothing', () => {
    const ctx: Record<string, unknown> = { ...context('issued') };
    delete ctx.deadline;
    expect(() => renderer.render('issued', ctx)).toThrow(/"deadline" not defined/);
    const noUnit = { ...context('closed'), unit: {} };
    expect(() => renderer.render('closed', noUnit)).toThrow(/"name" not defined/);
  });

  it('fails on a template that uses a variable nobody provides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-templates-'));
    writeFileSync(join(dir, 'broken.hbs'), '【标题】{{evaluation.projectName}}\n{{evaluation.budgetTypo}}\n');
    expect(() => new TemplateRenderer(dir).render('broken', context('issued'))).toThrow(
      /"budgetTypo" not defined/,
    );
  });

  it('finds the template folder from the sources and from the compiled dist layout', () => {
    const root = resolve(__dirname, '../../../..');
    const expected = join(root, 'libs', 'notifications', 'templates');
    expect(templatesDir()).toBe(expected);
    expect(templatesDir(join(root, 'dist', 'libs', 'notifications', 'src', 'templates'))).toBe(expected);
  });
});
