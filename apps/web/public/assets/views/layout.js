/** The top bar: app name, navigation with the unread badge, who is signed in (name, role, unit) and 退出. */

import { get } from '../api.js';
import { h, replace } from '../dom.js';
import { label, ROLE_LABELS } from '../labels.js';
import { session } from '../session.js';

const NAV = [
  ['evaluations', '#/evaluations', '评价列表', ['evaluations', 'evaluation', 'import', 'issue']],
  ['ledger', '#/ledger', '整改台账', ['ledger', 'rectification']],
  ['notifications', '#/notifications', '通知', ['notifications']],
];

const header = () => document.getElementById('app-header');
let unreadEl = null;
let poll = null;

export function renderHeader(route) {
  const me = session.me;
  if (!me) {
    clearInterval(poll);
    poll = null;
    replace(header(), h('div', { class: 'brand' }, '绩效评价问题整改跟踪'));
    return;
  }
  unreadEl = h('span', { class: 'count', hidden: true, 'aria-live': 'polite' });
  replace(
    header(),
    h('a', { class: 'brand', href: '#/evaluations' }, '绩效评价问题整改跟踪'),
    h(
      'nav',
      { 'aria-label': '主导航' },
      NAV.map(([name, href, text, routes]) =>
        h(
          'a',
          { href, 'aria-current': routes.includes(route?.name) ? 'page' : null, 'data-nav': name },
          text,
          name === 'notifications' ? unreadEl : null,
        ),
      ),
    ),
    h(
      'div',
      { class: 'user', role: 'group', 'aria-label': '当前用户' },
      h('span', { class: 'user-name' }, me.displayName || me.username),
      h('span', { class: 'user-role' }, label(ROLE_LABELS, me.role)),
      h('span', { class: 'user-unit' }, me.unit?.name ?? ''),
      h('button', { type: 'button', class: 'secondary', onclick: () => session.logout() }, '退出'),
    ),
  );
  refreshUnread();
  if (!poll) poll = setInterval(() => document.visibilityState === 'visible' && refreshUnread(), 60_000);
}

/** Badge on 通知; quiet on failure (the page itself reports errors). */
export async function refreshUnread() {
  if (!session.token || !unreadEl) return;
  const el = unreadEl;
  try {
    const { count } = await get('/notifications/unread-count');
    el.textContent = count > 99 ? '99+' : String(count);
    el.hidden = count === 0;
    el.setAttribute('aria-label', `${count} 条未读`);
  } catch {
    el.hidden = true;
  }
}
