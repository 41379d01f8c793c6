/** 整改台账: filters in the address (#/ledger?…), sortable, paged, exported to Excel with the same filters. */

import { download, get, listUnits } from '../api.js';
import { busy, errorBox, h, notice, replace, statusBadge, table } from '../dom.js';
import { formatDate, formatOverdue, formatScore } from '../format.js';
import { label, TYPE_LABELS } from '../labels.js';
import { ledgerQuery, parseLedgerFilters } from '../query.js';
import { canListUnits } from '../rules.js';
import { evaluationHref, href, rectificationHref } from '../routes.js';
import { session } from '../session.js';
import { ledgerFilterForm } from './ledger-filters.js';
import { pager } from './pager.js';

function deadlineCell(r) {
  if (r.currentDeadline === r.originalDeadline) return formatDate(r.currentDeadline);
  return h(
    'span',
    {},
    formatDate(r.currentDeadline),
    h('small', { class: 'muted' }, `（原 ${formatDate(r.originalDeadline)}，延期 ${r.extensionCount} 次）`),
  );
}

const COLUMNS = [
  { title: '序号', cell: (r) => String(r.findingSeq) },
  {
    title: '评价项目',
    cell: (r) =>
      h(
        'a',
        { href: evaluationHref(r.evaluation.id) },
        r.evaluation.projectName || r.evaluation.title || '—',
      ),
  },
  { title: '分值/结论', cell: (r) => formatScore(r.evaluation.score, r.evaluation.grade) },
  { title: '问题', cell: (r) => h('a', { href: rectificationHref(r.id) }, r.findingTitle) },
  { title: '整改类型', cell: (r) => r.typeLabel || label(TYPE_LABELS, r.type) },
  { title: '责任单位', cell: (r) => r.unit?.name ?? `单位 #${r.unit?.id}` },
  { title: '责任人', cell: (r) => r.responsiblePerson ?? '—' },
  { title: '整改时限', cell: deadlineCell },
  { title: '状态', cell: (r) => statusBadge(r.status, r.statusLabel) },
  {
    title: '逾期',
    cell: (r) => h('span', { class: r.overdue ? 'overdue' : null }, formatOverdue(r.overdue, r.overdueDays)),
  },
  {
    title: '督办级别',
    cell: (r) => (r.escalationLevel ? h('span', { class: 'warn' }, r.escalationLabel) : r.escalationLabel),
  },
  { title: '佐证', cell: (r) => String(r.evidenceCount) },
  { title: '认定结果', cell: (r) => r.lastReviewLabel ?? '—' },
];

export async function ledgerPage(route) {
  const filters = parseLedgerFilters(route.query.entries());
  const [page, evaluations, units] = await Promise.all([
    get('/rectifications', ledgerQuery(filters)),
    get('/evaluations', 'pageSize=100').then((d) => d.items),
    canListUnits(session.role) ? listUnits() : Promise.resolve(null),
  ]);
  const status = h('div', { class: 'form-status' });
  const exportButton = h('button', { type: 'button', class: 'secondary' }, '导出 Excel');
  exportButton.addEventListener('click', async () => {
    replace(status);
    await busy(exportButton.parentElement, async () => {
      try {
        const name = await download('/rectifications/export.xlsx', ledgerQuery(filters, { paging: false }));
        replace(status, notice(`已导出：${name}`));
      } catch (err) {
        replace(status, errorBox(err));
      }
    });
  });
  const form = ledgerFilterForm(filters, { evaluations, units }, (next) => {
    location.hash = href('/ledger', ledgerQuery(next, { paging: false }));
  });
  return h(
    'section',
    {},
    h(
      'div',
      { class: 'page-head' },
      h('h1', { tabindex: '-1' }, '整改台账'),
      h('div', { class: 'actions' }, exportButton),
    ),
    form,
    status,
    table(COLUMNS, page.items, { caption: `共 ${page.total} 项整改事项`, empty: '没有符合条件的整改事项' }),
    pager(page, (p) => href('/ledger', ledgerQuery({ ...filters, page: p }))),
  );
}
