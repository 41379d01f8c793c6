/** 下发 a draft: 送达日, responsible unit, type, deadline rule, optional per-finding overrides. */

import { get, post } from '../api.js';
import { busy, errorBox, field, h, notice, replace, select, table } from '../dom.js';
import { RECTIFICATION_TYPES } from '../codes.js';
import { formatDate, today } from '../format.js';
import { buildIssueBody } from '../issue-body.js';
import { label, TYPE_LABELS } from '../labels.js';
import { canImport } from '../rules.js';
import { evaluationHref, rectificationHref } from '../routes.js';
import { session } from '../session.js';
import { deadlineInputs } from './deadline-inputs.js';
import { responsibleUnitOptions, unitNames } from './units.js';

const typeOptions = (first) => [['', first], ...RECTIFICATION_TYPES.map((t) => [t, TYPE_LABELS[t]])];

function issuedResult(res, unitName, evaluationId) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'issue-result' },
    h('h2', { id: 'issue-result', tabindex: '-1' }, '下发成功'),
    notice(`送达日 ${res.deliveryDate}，已启动 ${res.rectifications.length} 个整改事项。`),
    table(
      [
        { title: '问题', cell: (r) => h('a', { href: rectificationHref(r.id) }, `问题 ${r.findingSeq}`) },
        { title: '责任单位', cell: (r) => unitName(r.unitId) },
        { title: '整改类型', cell: (r) => label(TYPE_LABELS, r.type) },
        { title: '整改时限', cell: (r) => formatDate(r.deadline) },
      ],
      res.rectifications,
    ),
    h('p', {}, h('a', { href: evaluationHref(evaluationId) }, '返回评价详情')),
  );
}

export async function issuePage(route) {
  const title = h('h1', { tabindex: '-1' }, '下发评价结果');
  if (!canImport(session.role))
    return h('section', {}, title, h('p', {}, '仅财政局审核人员和管理员可以下发。'));
  const [detail, unitOptions, unitName] = await Promise.all([
    get(`/evaluations/${route.id}`),
    responsibleUnitOptions(),
    unitNames(),
  ]);
  const e = detail.evaluation;
  const head = h(
    'div',
    { class: 'page-head' },
    title,
    h('a', { href: evaluationHref(e.id) }, '返回评价详情'),
  );
  if (e.status !== 'draft')
    return h('section', {}, head, notice('该评价已下发或已结束，不能再次下发。', 'info'));

  const status = h('div', { class: 'form-status' });
  const rule = deadlineInputs('');
  const rows = detail.findings.map((f) => ({
    f,
    rule: deadlineInputs(`o-${f.seq}-`, { defaultText: '同上', labelPrefix: `问题 ${f.seq} ` }),
  }));
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'issue-form-title', novalidate: false },
    h('h2', { id: 'issue-form-title' }, e.projectName || e.title || '评价'),
    h(
      'div',
      { class: 'grid-3' },
      field('送达日', h('input', { type: 'date', name: 'deliveryDate', required: true, value: today() })),
      field('责任单位', select('unitId', [['', '请选择'], ...unitOptions], '', { required: true })),
      field('整改类型', select('type', typeOptions('').slice(1), 'deadline')),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: rule.kind.id }, '整改时限'),
      rule.node,
      h('small', { class: 'hint' }, '自送达日起计算；工作日不含周末与法定节假日，调休上班日计入'),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'requirePlanApproval', checked: true }),
      ' 整改方案须经财政局批准',
    ),
    h(
      'details',
      { class: 'overrides' },
      h('summary', {}, '逐项设置（可选）：为个别问题指定不同的责任单位、类型或时限'),
      table(
        [
          { title: '问题', cell: ({ f }) => `${f.seq}. ${f.title}` },
          {
            title: '责任单位',
            cell: ({ f }) =>
              select(`o-${f.seq}-unitId`, [['', '同上'], ...unitOptions], '', {
                'aria-label': `问题 ${f.seq} 责任单位`,
              }),
          },
          {
            title: '整改类型',
            cell: ({ f }) =>
              select(`o-${f.seq}-type`, typeOptions('同上'), '', { 'aria-label': `问题 ${f.seq} 整改类型` }),
          },
          { title: '整改时限', cell: ({ rule: r }) => r.node },
        ],
        rows,
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '确认下发')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    const v = (k) => String(fd.get(k) ?? '').trim();
    const body = buildIssueBody({
      deliveryDate: v('deliveryDate'),
      unitId: v('unitId'),
      type: v('type'),
      ruleKind: v('ruleKind'),
      ruleDate: v('ruleDate'),
      ruleDays: v('ruleDays'),
      requirePlanApproval: fd.get('requirePlanApproval') !== null,
      overrides: detail.findings.map((f) => ({
        seq: f.seq,
        unitId: v(`o-${f.seq}-unitId`),
        type: v(`o-${f.seq}-type`),
        ruleKind: v(`o-${f.seq}-ruleKind`),
        ruleDate: v(`o-${f.seq}-ruleDate`),
        ruleDays: v(`o-${f.seq}-ruleDays`),
      })),
    });
    replace(status);
    await busy(form, async () => {
      try {
        const res = await post(`/evaluations/${e.id}/issue`, body);
        form.replaceWith(issuedResult(res, unitName, e.id));
        document.getElementById('issue-result')?.focus();
      } catch (err) {
        replace(status, errorBox(err));
        status.scrollIntoView({ block: 'nearest' });
      }
    });
  });
  return h('section', {}, head, form, status);
}
