/** The ledger's filter form; field names are the API's parameter names (see query.js). */

import { field, h, select } from '../dom.js';
import { RECTIFICATION_STATUSES, RECTIFICATION_TYPES } from '../codes.js';
import { ESCALATION_LABELS, label, STATUS_LABELS, TYPE_LABELS } from '../labels.js';
import { escalationChoice, LEDGER_SORTS, parseLedgerFilters } from '../query.js';

const SORT_LABELS = {
  deadline: '整改时限',
  updatedAt: '最近更新',
  escalationLevel: '督办级别',
  status: '状态',
  findingSeq: '问题序号',
};

function checkboxes(name, legend, values, labels, chosen) {
  return h(
    'fieldset',
    { class: 'checks' },
    h('legend', {}, legend),
    values.map((v) =>
      h(
        'label',
        {},
        h('input', { type: 'checkbox', name, value: v, checked: chosen.includes(v) }),
        ` ${label(labels, v)}`,
      ),
    ),
  );
}

export function ledgerFilterForm(f, { evaluations, units }, onApply) {
  const evaluationOptions = [
    ['', '全部评价'],
    ...evaluations.map((e) => [e.id, e.projectName || e.title || e.id]),
  ];
  const unitOptions = units
    ? [['', '全部单位'], ...units.filter((u) => u.kind !== 'bureau').map((u) => [String(u.id), u.name])]
    : null;
  const form = h(
    'form',
    { class: 'filters card', role: 'search', 'aria-label': '台账筛选' },
    h(
      'div',
      { class: 'grid-4' },
      field('评价', select('evaluationId', evaluationOptions, f.evaluationId)),
      unitOptions ? field('责任单位（含下级）', select('unitId', unitOptions, f.unitId)) : null,
      field(
        '是否逾期',
        select(
          'overdue',
          [
            ['', '全部'],
            ['true', '已逾期'],
            ['false', '未逾期'],
          ],
          f.overdue === undefined ? '' : String(f.overdue),
        ),
      ),
      field(
        '督办级别',
        select(
          'escalation',
          [
            ['', '全部'],
            ...[0, 1, 2, 3, 4].map((l) => [String(l), ESCALATION_LABELS[l]]),
            ['any', '提醒函及以上'],
          ],
          escalationChoice(f),
        ),
      ),
      field('时限起', h('input', { type: 'date', name: 'deadlineFrom', value: f.deadlineFrom ?? '' })),
      field('时限止', h('input', { type: 'date', name: 'deadlineTo', value: f.deadlineTo ?? '' })),
      field(
        '关键词',
        h('input', {
          type: 'search',
          name: 'q',
          value: f.q ?? '',
          maxlength: 100,
          placeholder: '问题或项目名称',
        }),
      ),
      field(
        '排序',
        select(
          'sort',
          LEDGER_SORTS.map((s) => [s, SORT_LABELS[s]]),
          f.sort ?? 'deadline',
        ),
      ),
      field(
        '顺序',
        select(
          'order',
          [
            ['asc', '升序'],
            ['desc', '降序'],
          ],
          f.order ?? 'asc',
        ),
      ),
    ),
    checkboxes('status', '状态', RECTIFICATION_STATUSES, STATUS_LABELS, f.status),
    checkboxes('type', '整改类型', RECTIFICATION_TYPES, TYPE_LABELS, f.type),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, '查询'),
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => onApply({ status: [], type: [] }) },
        '重置',
      ),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onApply(parseLedgerFilters(new FormData(form).entries()));
  });
  return form;
}
