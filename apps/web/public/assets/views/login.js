/** 登录. Errors (wrong password, locked, rate-limited) come from the server, already in Chinese. */

import { busy, errorBox, field, h, notice, replace } from '../dom.js';
import { session } from '../session.js';

export function loginPage(_route, ctx) {
  const status = h('div', { class: 'form-status' });
  const username = h('input', {
    name: 'username',
    autocomplete: 'username',
    required: true,
    maxlength: 64,
    'data-autofocus': true,
  });
  const password = h('input', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: 128,
  });
  const message = ctx.loginMessage();
  if (message) status.append(notice(message, 'info'));

  const form = h(
    'form',
    {
      class: 'card login',
      'aria-labelledby': 'login-title',
      onsubmit: async (e) => {
        e.preventDefault();
        const [u, p] = [username.value.trim(), password.value];
        replace(status);
        await busy(form, async () => {
          try {
            await session.login(u, p);
          } catch (err) {
            replace(status, errorBox(err));
            password.select();
          }
        });
      },
    },
    h('h1', { id: 'login-title', tabindex: '-1' }, '登录'),
    h('p', { class: 'muted' }, '绩效评价问题整改跟踪 — 财政局与各部门'),
    status,
    field('用户名', username),
    field('密码', password),
    h('button', { type: 'submit', class: 'primary' }, '登录'),
  );
  return h('section', { class: 'login-page' }, form);
}
