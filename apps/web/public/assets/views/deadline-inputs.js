/** A deadline rule picker: kind select plus a date or a day count, only the relevant one shown and required. */

import { h, select, uid } from '../dom.js';
import { DEADLINE_KINDS } from '../codes.js';
import { DEADLINE_KIND_LABELS } from '../labels.js';

export function deadlineInputs(prefix, { defaultText = '按整改类型默认', labelPrefix = '' } = {}) {
  const kind = select(
    `${prefix}ruleKind`,
    [['', defaultText], ...DEADLINE_KINDS.map((k) => [k, DEADLINE_KIND_LABELS[k]])],
    '',
    {
      id: uid(),
      'aria-label': `${labelPrefix}时限规则`,
    },
  );
  const date = h('input', {
    type: 'date',
    name: `${prefix}ruleDate`,
    hidden: true,
    'aria-label': `${labelPrefix}时限日期`,
  });
  const days = h('input', {
    type: 'number',
    name: `${prefix}ruleDays`,
    min: 1,
    max: 3650,
    step: 1,
    hidden: true,
    'aria-label': `${labelPrefix}天数`,
    placeholder: '天数',
  });
  const sync = () => {
    date.hidden = kind.value !== 'date';
    days.hidden = !(kind.value === 'calendar_days' || kind.value === 'working_days');
    date.required = !date.hidden;
    days.required = !days.hidden;
  };
  kind.addEventListener('change', sync);
  sync();
  return { kind, date, days, node: h('span', { class: 'deadline-inputs' }, kind, date, days) };
}
