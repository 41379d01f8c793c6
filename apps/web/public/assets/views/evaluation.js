/** 评价详情: header facts, budget, progress, warnings, each finding with its recommendation and rectification. */

import { download, get } from '../api.js';
import { errorBox, facts, h, statusBadge } from '../dom.js';
import { formatDate, formatDateTime, formatRate, formatScore, formatWan } from '../format.js';
import { EVALUATION_STATUS_LABELS, label } from '../labels.js';
import { canImport } from '../rules.js';
import { href, rectificationHref } from '../routes.js';
import { session } from '../session.js';
import { findingCard } from './finding.js';
import { unitNames } from './units.js';

function progressFacts(p) {
  return facts([
    ['整改事项', String(p.total)],
    ['已销号', String(p.closed)],
    ['持续整改', String(p.ongoing)],
    ['未结束', String(p.open)],
    ['已撤销', String(p.cancelled)],
    ['逾期', p.overdue ? h('span', { class: 'overdue' }, String(p.overdue)) : '0'],
    ['完成率', formatRate(p.completionRate)],
  ]);
}

function rectificationLine(link, unitName) {
  if (!link) return null;
  return h(
    'p',
    { class: 'rectification-link' },
    h('a', { href: rectificationHref(link.id) }, '整改事项'),
    ' ',
    statusBadge(link.status),
    ` 责任单位：${unitName(link.unitId)}\u3000整改时限：${formatDate(link.currentDeadline)}`,
    link.overdue ? h('span', { class: 'overdue' }, '\u3000已逾期') : null,
  );
}

export async function evaluationPage(route) {
  const [detail, unitName] = await Promise.all([get(`/evaluations/${route.id}`), unitNames()]);
  const { evaluation: e, findings, recommendations, warnings, progress } = detail;
  const paired = new Set(findings.map((f) => f.recommendationSeq).filter((s) => s !== null));
  const unpaired = recommendations.filter((r) => !paired.has(r.seq));
  const status = h('div', { role: 'status' });
  const isDraft = e.status === 'draft';

  const sourceButton = e.sourceDocument
    ? h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: async () => {
            status.replaceChildren();
            try {
              await download(`/evaluations/${e.id}/source`);
            } catch (err) {
              status.append(errorBox(err));
            }
          },
        },
        '下载原文',
      )
    : null;

  return h(
    'section',
    {},
    h(
      'div',
      { class: 'page-head' },
      h('h1', { tabindex: '-1' }, e.projectName || e.title || '评价详情'),
      h(
        'div',
        { class: 'actions' },
        isDraft && canImport(session.role)
          ? h('a', { class: 'button primary', href: `#/evaluations/${e.id}/issue` }, '下发')
          : null,
        progress.total
          ? h(
              'a',
              { class: 'button secondary', href: href('/ledger', { evaluationId: e.id }) },
              '在整改台账中查看',
            )
          : null,
        sourceButton,
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      `${e.title ?? ''}\u3000状态：${label(EVALUATION_STATUS_LABELS, e.status)}`,
      e.issuedAt ? `\u3000下发于 ${formatDateTime(e.issuedAt)}` : '',
    ),
    status,
    h(
      'div',
      { class: 'grid-2' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'eval-facts' },
        h('h2', { id: 'eval-facts' }, '评价信息'),
        facts([
          ['评价组织机构', e.organizer],
          ['项目主管部门', e.supervisingDepartment],
          ['项目单位', e.projectUnit],
          ['项目起止时间', e.projectPeriod],
          ['评价机构', e.evaluator],
          ['评价时间', e.evaluationPeriod],
          ['评价分值/结论', formatScore(e.score, e.grade)],
          e.sourceDocument
            ? [
                '来源文件',
                `${e.sourceDocument.originalName}（SHA-256 ${e.sourceDocument.sha256.slice(0, 12)}…）`,
              ]
            : null,
        ]),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'eval-budget' },
        h('h2', { id: 'eval-budget' }, '预算执行'),
        facts([
          ['预算', formatWan(e.budget)],
          ['到位', formatWan(e.allocated)],
          ['实际支出', formatWan(e.spent)],
          ['执行率', e.executionRate === null ? '—' : `${e.executionRate}%`],
        ]),
        h('h2', {}, '整改进度'),
        progressFacts(progress),
      ),
    ),
    warnings.length
      ? h(
          'section',
          { class: 'alert warning', 'aria-labelledby': 'eval-warnings' },
          h('h2', { id: 'eval-warnings' }, `导入警告（${warnings.length}）`),
          h(
            'ul',
            {},
            warnings.map((w) => h('li', {}, w.message, h('small', { class: 'muted' }, ` [${w.code}]`))),
          ),
        )
      : null,
    e.basicInfo
      ? h(
          'details',
          { class: 'card' },
          h('summary', {}, '基本情况'),
          h('p', { class: 'prewrap' }, e.basicInfo),
        )
      : null,
    e.performanceSummary
      ? h(
          'details',
          { class: 'card' },
          h('summary', {}, '主要绩效情况'),
          h('p', { class: 'prewrap' }, e.performanceSummary),
        )
      : null,
    h('h2', {}, `存在的问题与相关建议（${findings.length}）`),
    findings.length ? null : h('p', { class: 'muted' }, '该评价未列出问题。'),
    findings.map((f) => findingCard(f, f.recommendation, rectificationLine(f.rectification, unitName))),
    unpaired.length
      ? h(
          'section',
          { class: 'card' },
          h('h3', {}, '未对应问题的建议'),
          unpaired.map((r) =>
            h('div', {}, h('h4', {}, `建议 ${r.seq}：${r.title}`), h('p', { class: 'prewrap' }, r.text)),
          ),
        )
      : null,
  );
}
