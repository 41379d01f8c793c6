/**
 * The only way views build DOM: h() sets text with text nodes and attributes with setAttribute, never
 * innerHTML, so a server string can never become markup. (The CSP forbids inline styles and scripts anyway.)
 */

import { describeError } from './errors.js';
import { label, STATUS_LABELS } from './labels.js';

let nextId = 0;
export const uid = (prefix = 'f') => `${prefix}-${++nextId}`;

function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach((c) => append(el, c));
  else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
}

/** h('a', { href: '#/x', class: 'link', onclick: fn }, 'text', otherNode) */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v;
    else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A labelled control: the label's `for` points at the control, so screen readers and clicks work. */
export function field(text, control, hint) {
  if (!control.id) control.id = uid();
  const hintEl = hint ? h('small', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, text), control, hintEl);
}

export function select(name, options, selected, props = {}) {
  return h(
    'select',
    { name, ...props },
    options.map(([value, text]) =>
      h('option', { value, selected: String(value) === String(selected ?? '') }, text),
    ),
  );
}

/** <dl> of [term, value] pairs; values may be nodes. */
export function facts(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.filter(Boolean).map(([t, d]) => h('div', {}, h('dt', {}, t), h('dd', {}, d ?? '—'))),
  );
}

/** columns: [{ title, cell(row) }]; an empty list shows `empty` in one row. */
export function table(columns, rows, { caption, empty = '暂无数据' } = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      caption ? h('caption', {}, caption) : null,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((c) => h('th', { scope: 'col' }, c.title)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.length
          ? rows.map((r) =>
              h(
                'tr',
                {},
                columns.map((c) => h('td', {}, c.cell(r))),
              ),
            )
          : h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, empty)),
      ),
    ),
  );
}

export function statusBadge(status, text) {
  return h('span', { class: ['badge', `status-${status}`] }, text || label(STATUS_LABELS, status));
}

/** The error box: role=alert so it is announced; field messages listed under the summary. */
export function errorBox(err, extra) {
  const d = describeError(err);
  return h(
    'div',
    { class: 'alert error', role: 'alert' },
    h('p', {}, d.message),
    d.fields.length
      ? h(
          'ul',
          {},
          d.fields.map((f) => h('li', {}, `${f.label}：${f.messages.join('；')}`)),
        )
      : null,
    extra ? extra(d) : null,
  );
}

export function notice(text, kind = 'success') {
  return h('div', { class: ['alert', kind], role: 'status' }, text);
}

export function loading(text = '正在加载…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/** Form values as an object of trimmed strings (last value wins; use FormData directly for repeated names). */
export function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (typeof v === 'string') out[k] = v.trim();
  return out;
}

/** Disables a form's controls while its request runs, so a double click cannot send the step twice. */
export async function busy(form, fn) {
  const controls = [...form.querySelectorAll('button, input, select, textarea')].filter((c) => !c.disabled);
  controls.forEach((c) => (c.disabled = true));
  form.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    controls.forEach((c) => (c.disabled = false));
    form.removeAttribute('aria-busy');
  }
}
