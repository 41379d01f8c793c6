/** 整改措施 rows of a plan: content, 完成时限, optional 责任人; rows can be added and removed. */

import { h, uid } from '../dom.js';

function row(list, n) {
  const id = uid('m');
  const r = h(
    'fieldset',
    { class: 'measure' },
    h('legend', {}, `措施 ${n}`),
    h('label', { for: `${id}-c` }, '措施内容'),
    h('textarea', { id: `${id}-c`, 'data-m': 'content', rows: 2, required: true, maxlength: 2000 }),
    h(
      'div',
      { class: 'grid-2' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: `${id}-d` }, '完成时限'),
        h('input', { id: `${id}-d`, type: 'date', 'data-m': 'targetDate', required: true }),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: `${id}-p` }, '责任人（可选）'),
        h('input', { id: `${id}-p`, 'data-m': 'responsiblePerson', maxlength: 100 }),
      ),
    ),
  );
  r.append(
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => list.querySelectorAll('.measure').length > 1 && (r.remove(), renumber(list)),
      },
      '删除此项',
    ),
  );
  return r;
}

function renumber(list) {
  list.querySelectorAll('.measure legend').forEach((l, i) => (l.textContent = `措施 ${i + 1}`));
}

export function measuresEditor(phased) {
  const list = h('div', { class: 'measures' });
  list.append(row(list, 1));
  return h(
    'div',
    { class: 'field' },
    h('p', { class: 'hint' }, phased ? '分阶段整改：至少设置两个不同完成时限的阶段目标' : '至少一项整改措施'),
    list,
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => list.append(row(list, list.querySelectorAll('.measure').length + 1)),
      },
      '添加措施',
    ),
  );
}
