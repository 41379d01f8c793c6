/** 整改事项详情: where it came from, what it is, where it stands, everything recorded, and what one can do now. */

import { get } from '../api.js';
import { facts, h, notice, replace, statusBadge } from '../dom.js';
import { formatDate, formatScore } from '../format.js';
import { label, STEP_LABELS, TYPE_LABELS } from '../labels.js';
import { evaluationHref } from '../routes.js';
import { actionPanel } from './actions.js';
import { findingBody, recommendationBlock } from './finding.js';
import {
  assignmentsSection,
  deadlinesSection,
  escalationsSection,
  evidenceSection,
  extensionsSection,
  plansSection,
  progressSection,
  section,
  submissionsSection,
  timelineSection,
} from './rectification-records.js';
import { unitNames } from './units.js';

/**
 * The step's answer comes from the workflow; the detail is read from the read model, written by an activity a
 * moment later. Poll briefly until the read model has the step (eventSeq), so the page never shows the old state.
 */
async function loadAfter(id, eventSeq) {
  for (let i = 0; ; i++) {
    const d = await get(`/rectifications/${encodeURIComponent(id)}`);
    if (eventSeq === undefined || d.state.eventSeq >= eventSeq || i >= 15) return d;
    await new Promise((r) => setTimeout(r, 200 + i * 100));
  }
}

function header(d) {
  const e = d.evaluation;
  return [
    h(
      'div',
      { class: 'page-head' },
      h('h1', { tabindex: '-1' }, `问题 ${d.finding.seq}：${d.finding.title}`),
      h(
        'div',
        { class: 'status-line' },
        statusBadge(d.status, d.statusLabel),
        d.overdue ? h('span', { class: 'badge overdue' }, `逾期 ${d.overdueDays} 天`) : null,
      ),
    ),
    facts([
      ['整改类型', d.typeLabel || label(TYPE_LABELS, d.type)],
      ['责任单位', d.unit.name ?? `单位 #${d.unit.id}`],
      [
        '整改时限',
        d.deadline.current === d.deadline.original
          ? formatDate(d.deadline.current)
          : `${formatDate(d.deadline.current)}（原 ${formatDate(d.deadline.original)}）`,
      ],
      ['督办级别', d.escalationLabel],
      ['送达日', formatDate(d.state.deliveryDate)],
    ]),
    section(
      'rf-evaluation',
      '来源评价',
      facts([
        ['评价项目', h('a', { href: evaluationHref(e.id) }, e.projectName || e.title || e.id)],
        ['评价组织机构', e.organizer],
        ['项目主管部门', e.supervisingDepartment],
        ['项目单位', e.projectUnit],
        ['评价机构', e.evaluator],
        ['评价分值/结论', formatScore(e.score, e.grade)],
      ]),
    ),
    section(
      'rf-finding',
      `问题 ${d.finding.seq} 与对应建议`,
      findingBody(d.finding),
      recommendationBlock(d.recommendation),
    ),
  ];
}

export async function rectificationPage(route) {
  const id = route.id;
  const root = h('section', { class: 'rectification' });
  const flash = h('div', { class: 'flash' });
  const unitName = await unitNames();

  async function draw(d) {
    const s = d.state;
    const panel = await actionPanel(d, async (name, state) => {
      const next = await loadAfter(id, state.eventSeq);
      await draw(next);
      replace(flash, notice(`「${STEP_LABELS[name]}」已办理，当前状态：${next.statusLabel}`));
      flash.querySelector('[role=status]')?.setAttribute('tabindex', '-1');
      flash.querySelector('[role=status]')?.focus();
    });
    replace(
      root,
      flash,
      h(
        'div',
        { class: 'detail-layout' },
        h(
          'div',
          { class: 'detail-main' },
          header(d),
          deadlinesSection(d.deadline),
          plansSection(s.plans),
          evidenceSection(id, s.evidence),
          submissionsSection(s.submissions, s.reviews),
          progressSection(s),
          extensionsSection(s.extensions),
          escalationsSection(s),
          assignmentsSection(s.assignments, unitName),
          s.cancelled
            ? section(
                'rf-cancelled',
                '撤销',
                h('p', {}, `${s.cancelled.by?.name ?? ''}：${s.cancelled.reason}`),
              )
            : null,
          timelineSection(d.timeline, unitName),
        ),
        panel,
      ),
    );
  }

  await draw(await loadAfter(id));
  return root;
}
