/**
 * 办理: only the steps this role may take in this status (rules.js), each a disclosure with its form. A step
 * answers with the new workflow state; the page then reloads the item.
 */

import { step } from '../api.js';
import { busy, errorBox, field, h, replace } from '../dom.js';
import { label, ROLE_LABELS, STEP_LABELS } from '../labels.js';
import { actionContext, allowedActions } from '../rules.js';
import { session } from '../session.js';
import { STEP_FORMS } from './step-forms.js';

async function stepForm(name, detail, onDone) {
  const spec = STEP_FORMS[name];
  const status = h('div', { class: 'form-status' });
  const items = await spec.fields(detail);
  const form = h(
    'form',
    { class: 'step-form', 'data-step': name },
    items.map((it) => (Array.isArray(it) ? field(it[0], it[1]) : it)),
    status,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: spec.danger ? 'danger' : 'primary' }, spec.submit),
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    // Read the values before busy() disables the controls (disabled controls are left out of FormData).
    const body = spec.body(new FormData(form), form);
    replace(status);
    await busy(form, async () => {
      try {
        const state = await step(detail.id, spec.path, body);
        await onDone(name, state);
      } catch (err) {
        replace(status, errorBox(err));
      }
    });
  });
  return form;
}

export async function actionPanel(detail, onDone) {
  const me = session.me;
  const steps = allowedActions(me.role, detail.status, actionContext(detail.state, me.id));
  const body = steps.length
    ? await Promise.all(
        steps.map(async (name) =>
          h(
            'details',
            { class: 'step', 'data-step': name },
            h('summary', {}, STEP_LABELS[name]),
            await stepForm(name, detail, onDone),
          ),
        ),
      )
    : h(
        'p',
        { class: 'muted' },
        ['closed', 'cancelled'].includes(detail.status)
          ? '该整改事项已结束。'
          : `当前状态下，${label(ROLE_LABELS, me.role)}没有可办理的事项。`,
      );
  return h(
    'aside',
    { class: 'card actions-panel', 'aria-labelledby': 'rf-actions' },
    h('h2', { id: 'rf-actions' }, '办理'),
    body,
  );
}
