/** 评价列表: every evaluation the user may see, with its rectification progress (完成率, 逾期). */

import { get } from '../api.js';
import { field, h, select, table } from '../dom.js';
import { EVALUATION_STATUSES, GRADES } from '../codes.js';
import { formatDateTime, formatRate, formatScore } from '../format.js';
import { EVALUATION_STATUS_LABELS, label } from '../labels.js';
import { canImport } from '../rules.js';
import { evaluationHref, href } from '../routes.js';
import { session } from '../session.js';
import { pager } from './pager.js';

const PAGE_SIZE = 20;

function progressCell(e) {
  const p = e.progress;
  if (!p || p.total === 0) return h('span', { class: 'muted' }, '未下发');
  return h(
    'div',
    { class: 'progress-cell' },
    h('progress', {
      max: 100,
      value: p.completionRate ?? 0,
      'aria-label': `完成率 ${formatRate(p.completionRate)}`,
    }),
    h('span', {}, `${formatRate(p.completionRate)}（${p.closed}/${p.total - p.cancelled}）`),
  );
}

export async function evaluationsPage(route) {
  const q = route.query;
  const filters = { q: q.get('q') ?? '', status: q.get('status') ?? '', grade: q.get('grade') ?? '' };
  const page = Math.max(1, Number(q.get('page')) || 1);
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
  const data = await get('/evaluations', query.toString());

  const filterForm = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        const next = new URLSearchParams();
        for (const [k, v] of new FormData(e.target).entries())
          if (String(v).trim()) next.set(k, String(v).trim());
        location.hash = href('/evaluations', next);
      },
    },
    field('关键词', h('input', { name: 'q', type: 'search', value: filters.q, maxlength: 100 })),
    field(
      '状态',
      select(
        'status',
        [['', '全部'], ...EVALUATION_STATUSES.map((s) => [s, EVALUATION_STATUS_LABELS[s]])],
        filters.status,
      ),
    ),
    field('评价结论', select('grade', [['', '全部'], ...GRADES.map((g) => [g, g])], filters.grade)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查询')),
  );

  return h(
    'section',
    {},
    h(
      'div',
      { class: 'page-head' },
      h('h1', { tabindex: '-1' }, '评价列表'),
      canImport(session.role)
        ? h('a', { class: 'button primary', href: '#/evaluations/import' }, '导入反馈表')
        : null,
    ),
    filterForm,
    table(
      [
        {
          title: '评价项目',
          cell: (e) =>
            h(
              'a',
              { href: evaluationHref(e.id) },
              e.projectName || e.title || e.sourceDocumentName || '（未命名）',
            ),
        },
        { title: '项目主管部门', cell: (e) => e.supervisingDepartment ?? '—' },
        { title: '项目单位', cell: (e) => e.projectUnit ?? '—' },
        { title: '评价分值/结论', cell: (e) => formatScore(e.score, e.grade) },
        { title: '状态', cell: (e) => label(EVALUATION_STATUS_LABELS, e.status) },
        { title: '问题数', cell: (e) => String(e.findingCount) },
        { title: '完成率', cell: progressCell },
        {
          title: '逾期',
          cell: (e) =>
            e.progress?.overdue
              ? h(
                  'a',
                  { class: 'overdue', href: href('/ledger', { evaluationId: e.id, overdue: 'true' }) },
                  `${e.progress.overdue} 项`,
                )
              : '0',
        },
        {
          title: '警告',
          cell: (e) => (e.warningCount ? h('span', { class: 'warn' }, `${e.warningCount} 条`) : '—'),
        },
        { title: '导入时间', cell: (e) => formatDateTime(e.createdAt) },
      ],
      data.items,
      { caption: `共 ${data.total} 项评价`, empty: '暂无评价' },
    ),
    pager(data, (p) =>
      href('/evaluations', {
        ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
        page: String(p),
      }),
    ),
  );
}
