/**
 * The form of each step: its fields and how its values become the request body. One entry per workflow Update;
 * actions.js decides which of them the panel shows.
 */

import { h, select } from '../dom.js';
import { REVIEW_RESULTS } from '../codes.js';
import { formatDate, today } from '../format.js';
import { REVIEW_LABELS } from '../labels.js';
import { measuresEditor } from './measures.js';
import { responsibleUnitOptions } from './units.js';

const text = (name, props = {}) => h('textarea', { name, rows: 3, maxlength: 2000, ...props });
const optional = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
const val = (fd, k) => String(fd.get(k) ?? '').trim();

function radios(name, options, legend) {
  return h(
    'fieldset',
    { class: 'checks' },
    h('legend', {}, legend),
    options.map(([value, text], i) =>
      h('label', {}, h('input', { type: 'radio', name, value, required: i === 0 }), ` ${text}`),
    ),
  );
}

/** Each: { path, submit, danger?, fields(detail) → [[label, control] | Node], body(FormData, form) } */
export const STEP_FORMS = {
  acknowledge: {
    path: 'acknowledge',
    submit: '确认签收',
    fields: () => [['签收意见（可选）', text('comment', { maxlength: 1000 })]],
    body: (fd) => optional({ comment: val(fd, 'comment') }),
  },
  submitPlan: {
    path: 'plan',
    submit: '提交方案',
    fields: (d) => [
      ['责任人', h('input', { name: 'responsiblePerson', required: true, maxlength: 100 })],
      ['联系方式（可选）', h('input', { name: 'contact', maxlength: 100 })],
      measuresEditor(d.type === 'phased'),
    ],
    body: (fd, form) =>
      optional({
        responsiblePerson: val(fd, 'responsiblePerson'),
        contact: val(fd, 'contact'),
        measures: [...form.querySelectorAll('.measure')].map((row) =>
          optional({
            content: row.querySelector('[data-m=content]').value.trim(),
            targetDate: row.querySelector('[data-m=targetDate]').value,
            responsiblePerson: row.querySelector('[data-m=responsiblePerson]').value.trim(),
          }),
        ),
      }),
  },
  approvePlan: {
    path: 'plan/approve',
    submit: '批准方案',
    fields: () => [['意见（可选）', text('comment')]],
    body: (fd) => optional({ comment: val(fd, 'comment') }),
  },
  returnPlan: {
    path: 'plan/return',
    submit: '退回方案',
    danger: true,
    fields: () => [['退回意见', text('comment', { required: true })]],
    body: (fd) => ({ comment: val(fd, 'comment') }),
  },
  addEvidence: {
    path: 'evidence',
    submit: '上传',
    multipart: true,
    fields: () => [
      ['文件（可多选）', h('input', { type: 'file', name: 'files', multiple: true, required: true })],
      ['说明', text('description', { required: true })],
      ['生效日期', h('input', { type: 'date', name: 'effectiveDate', required: true, value: today() })],
    ],
    body: (fd) => {
      const body = new FormData();
      body.append('description', val(fd, 'description'));
      body.append('effectiveDate', val(fd, 'effectiveDate'));
      for (const f of fd.getAll('files'))
        if (typeof f !== 'string' && f.size > 0) body.append('files', f, f.name);
      return body;
    },
  },
  submit: {
    path: 'submit',
    submit: '提交整改情况',
    fields: () => [['整改完成情况', text('account', { required: true, rows: 6, maxlength: 20000 })]],
    body: (fd) => ({ account: val(fd, 'account') }),
  },
  reportProgress: {
    path: 'progress-reports',
    submit: '报送进展',
    fields: () => [['进展情况', text('content', { required: true, rows: 5, maxlength: 20000 })]],
    body: (fd) => ({ content: val(fd, 'content') }),
  },
  review: {
    path: 'review',
    submit: '提交认定',
    fields: () => [
      radios(
        'result',
        REVIEW_RESULTS.map((r) => [r, REVIEW_LABELS[r]]),
        '认定结果',
      ),
      ['认定意见（持续整改、未整改时必填）', text('comment', { maxlength: 5000 })],
    ],
    body: (fd) => ({ result: val(fd, 'result'), comment: val(fd, 'comment') }),
  },
  requestExtension: {
    path: 'extensions',
    submit: '提交延期申请',
    fields: (d) => [
      [
        '申请延至',
        h('input', { type: 'date', name: 'newDeadline', required: true, min: nextDay(d.deadline.current) }),
      ],
      ['延期理由', text('reason', { required: true })],
    ],
    body: (fd) => ({ newDeadline: val(fd, 'newDeadline'), reason: val(fd, 'reason') }),
  },
  decideExtension: {
    path: 'extensions/decision',
    submit: '提交审批',
    fields: (d) => {
      const p = d.state.extensions[d.state.extensions.length - 1];
      return [
        h(
          'p',
          { class: 'muted' },
          `${p?.by?.name ?? ''} 申请由 ${formatDate(p?.previous?.date)} 延至 ${formatDate(p?.requested?.date)}：${p?.reason ?? ''}`,
        ),
        radios(
          'approve',
          [
            ['true', '同意延期'],
            ['false', '不同意'],
          ],
          '审批结果',
        ),
        ['意见（可选）', text('comment')],
      ];
    },
    body: (fd) => optional({ approve: val(fd, 'approve') === 'true', comment: val(fd, 'comment') }),
  },
  reassign: {
    path: 'reassign',
    submit: '确认改派',
    fields: async (d) => [
      [
        '新的责任单位',
        select(
          'unitId',
          [['', '请选择'], ...(await responsibleUnitOptions()).filter(([v]) => Number(v) !== d.unit.id)],
          '',
          {
            required: true,
          },
        ),
      ],
      ['改派理由', text('reason', { required: true })],
    ],
    body: (fd) => ({ unitId: Number(val(fd, 'unitId')), reason: val(fd, 'reason') }),
  },
  cancel: {
    path: 'cancel',
    submit: '确认撤销',
    danger: true,
    fields: () => [['撤销理由', text('reason', { required: true })]],
    body: (fd) => ({ reason: val(fd, 'reason') }),
  },
};

function nextDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
