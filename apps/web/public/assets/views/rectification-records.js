/** The record sections of an item: deadlines, plans, evidence, submissions, reviews, extensions, escalations… */

import { download } from '../api.js';
import { errorBox, facts, h, replace, table } from '../dom.js';
import { formatDate, formatDateTime, formatSize } from '../format.js';
import { ESCALATION_LABELS, label, REVIEW_LABELS, TIMELINE_LABELS, TYPE_LABELS } from '../labels.js';

const who = (actor) => actor?.name ?? '系统';

export function section(id, title, ...content) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

export function deadlinesSection(d) {
  return section(
    'rf-deadlines',
    '整改时限',
    table(
      [
        { title: '版本', cell: (v) => String(v.version) },
        { title: '时限', cell: (v) => formatDate(v.date) },
        {
          title: '来源',
          cell: (v) => (v.reason === 'extension' ? `延期（申请 #${v.extensionId}）` : '下发'),
        },
        { title: '设定时间', cell: (v) => formatDateTime(v.setAt) },
      ],
      d.history,
    ),
  );
}

export function plansSection(plans) {
  if (!plans.length) return section('rf-plans', '整改方案', h('p', { class: 'muted' }, '尚未提交整改方案。'));
  return section(
    'rf-plans',
    '整改方案',
    [...plans].reverse().map((p) =>
      h(
        'div',
        { class: 'record' },
        h('h3', {}, `第 ${p.version} 版\u3000${formatDateTime(p.submittedAt)}\u3000${who(p.submittedBy)}`),
        facts([
          ['责任人', p.responsiblePerson],
          p.contact ? ['联系方式', p.contact] : null,
          [
            '审核',
            p.decision
              ? `${p.decision.approved ? '已批准' : '已退回'}（${who(p.decision.by)}，${formatDateTime(p.decision.at)}）${p.decision.comment ? `：${p.decision.comment}` : ''}`
              : '待审核或无需审核',
          ],
        ]),
        table(
          [
            { title: '整改措施', cell: (m) => h('span', { class: 'prewrap' }, m.content) },
            { title: '完成时限', cell: (m) => formatDate(m.targetDate) },
            { title: '责任人', cell: (m) => m.responsiblePerson ?? p.responsiblePerson },
          ],
          p.measures,
        ),
      ),
    ),
  );
}

export function evidenceSection(id, records) {
  const status = h('div');
  const fileRow = (f) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: async () => {
            replace(status);
            try {
              await download(`/rectifications/${encodeURIComponent(id)}/evidence/${f.fileId}/download`);
            } catch (err) {
              replace(status, errorBox(err));
            }
          },
        },
        `下载 ${f.name}`,
      ),
      ` ${formatSize(f.size)}\u3000`,
      h('code', { class: 'sha', title: 'SHA-256' }, `SHA-256 ${f.sha256}`),
    );
  return section(
    'rf-evidence',
    `佐证材料（${records.length}）`,
    status,
    records.length
      ? [...records]
          .reverse()
          .map((r) =>
            h(
              'div',
              { class: 'record' },
              h(
                'h3',
                {},
                `#${r.id}\u3000生效日期 ${formatDate(r.effectiveDate)}\u3000上传：${who(r.addedBy)} ${formatDateTime(r.addedAt)}`,
              ),
              h('p', { class: 'prewrap' }, r.description),
              h('ul', { class: 'files' }, r.files.map(fileRow)),
            ),
          )
      : h('p', { class: 'muted' }, '尚无佐证材料。'),
  );
}

/** Submissions with the review (认定) each received. */
export function submissionsSection(submissions, reviews) {
  if (!submissions.length) return null;
  return section(
    'rf-submissions',
    '整改情况与认定',
    [...submissions].reverse().map((s) => {
      const review = reviews.find((r) => r.submissionId === s.id);
      return h(
        'div',
        { class: 'record' },
        h('h3', {}, `提交 #${s.id}\u3000${who(s.by)}\u3000${formatDateTime(s.at)}`),
        h('p', { class: 'prewrap' }, s.account),
        review
          ? h(
              'p',
              { class: 'review' },
              h('strong', {}, `认定：${label(REVIEW_LABELS, review.result)}`),
              `（${who(review.by)}，${formatDateTime(review.at)}）`,
              review.comment ? `\u3000${review.comment}` : '',
            )
          : h('p', { class: 'muted' }, '待认定'),
      );
    }),
  );
}

export function progressSection(state) {
  if (!state.progressReports.length && !state.nextProgressReportDue) return null;
  return section(
    'rf-progress',
    '持续整改进展',
    state.nextProgressReportDue
      ? h('p', {}, `下次进展报告截止：${formatDateTime(state.nextProgressReportDue)}`)
      : null,
    table(
      [
        { title: '时间', cell: (r) => formatDateTime(r.at) },
        { title: '报送人', cell: (r) => who(r.by) },
        { title: '进展情况', cell: (r) => h('span', { class: 'prewrap' }, r.content) },
      ],
      state.progressReports,
    ),
  );
}

export function extensionsSection(extensions) {
  if (!extensions.length) return null;
  return section(
    'rf-extensions',
    '延期申请',
    table(
      [
        { title: '#', cell: (e) => String(e.id) },
        { title: '申请人', cell: (e) => `${who(e.by)} ${formatDateTime(e.at)}` },
        {
          title: '原时限 → 申请延至',
          cell: (e) => `${formatDate(e.previous.date)} → ${formatDate(e.requested.date)}`,
        },
        { title: '理由', cell: (e) => e.reason },
        {
          title: '审批',
          cell: (e) =>
            e.decision
              ? `${e.decision.approved ? '同意' : '不同意'}（${who(e.decision.by)}）${e.decision.comment ? `：${e.decision.comment}` : ''}`
              : h('span', { class: 'warn' }, '待审批'),
        },
      ],
      extensions,
    ),
  );
}

export function escalationsSection(state) {
  return section(
    'rf-escalations',
    '督办记录',
    state.escalations.length
      ? table(
          [
            { title: '级别', cell: (e) => e.label || label(ESCALATION_LABELS, e.level) },
            { title: '时间', cell: (e) => formatDateTime(e.at) },
            { title: '对应时限版本', cell: (e) => String(e.deadlineVersion) },
          ],
          state.escalations,
        )
      : h('p', { class: 'muted' }, '无（提醒函 → 督办 → 约谈 → 通报，逾期后逐级升级）'),
  );
}

export function assignmentsSection(assignments, unitName) {
  if (assignments.length < 2) return null;
  return section(
    'rf-assignments',
    '责任单位变更',
    table(
      [
        { title: '责任单位', cell: (a) => unitName(a.unitId) },
        { title: '原因', cell: (a) => a.reason },
        { title: '操作人', cell: (a) => who(a.by) },
        { title: '时间', cell: (a) => formatDateTime(a.at) },
      ],
      assignments,
    ),
  );
}

/** A one-line account of a timeline event's payload (the fields people care about). */
function summary(e, unitName) {
  const p = e.payload ?? {};
  const parts = [];
  if (p.type) parts.push(label(TYPE_LABELS, p.type));
  if (p.result) parts.push(label(REVIEW_LABELS, p.result));
  if (p.approved !== undefined) parts.push(p.approved ? '同意' : '不同意');
  if (p.toUnitId) parts.push(`改派至 ${unitName(p.toUnitId)}`);
  if (p.requested) parts.push(`申请延至 ${p.requested}`);
  if (p.deadline) parts.push(`时限 ${p.deadline}`);
  if (p.level) parts.push(label(ESCALATION_LABELS, p.level));
  if (p.files) parts.push(`${p.files.length} 个文件`);
  for (const k of ['comment', 'reason']) if (p[k]) parts.push(String(p[k]));
  return parts.join('；');
}

export function timelineSection(timeline, unitName) {
  return section(
    'rf-timeline',
    '时间线',
    h(
      'ol',
      { class: 'timeline', id: 'timeline' },
      timeline.map((e) =>
        h(
          'li',
          {},
          h('time', { datetime: e.occurredAt }, formatDateTime(e.occurredAt)),
          h('strong', {}, label(TIMELINE_LABELS, e.action)),
          h('span', { class: 'muted' }, e.actorName || '系统'),
          summary(e, unitName) ? h('span', {}, summary(e, unitName)) : null,
        ),
      ),
    ),
  );
}
