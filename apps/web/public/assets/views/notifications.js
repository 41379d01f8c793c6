/** 通知: the user's in-app messages, unread first; mark one or all as read. */

import { get, post } from '../api.js';
import { busy, errorBox, h, replace } from '../dom.js';
import { formatDateTime } from '../format.js';
import { ESCALATION_LABELS, label } from '../labels.js';
import { evaluationHref, href, rectificationHref } from '../routes.js';
import { refreshUnread } from './layout.js';
import { pager } from './pager.js';

const PAGE_SIZE = 20;

function item(n, onRead) {
  const readButton = n.read
    ? null
    : h(
        'button',
        { type: 'button', class: 'secondary small', onclick: (e) => onRead(n, e.currentTarget) },
        '标为已读',
      );
  return h(
    'li',
    { class: ['notification', n.read ? 'read' : 'unread'] },
    h(
      'div',
      { class: 'notification-head' },
      n.read ? null : h('span', { class: 'badge unread-dot' }, '未读'),
      n.level ? h('span', { class: 'badge warn' }, label(ESCALATION_LABELS, n.level)) : null,
      h('strong', {}, n.title),
      h('time', { datetime: n.createdAt, class: 'muted' }, formatDateTime(n.createdAt)),
    ),
    h('p', { class: 'prewrap' }, n.body),
    h(
      'p',
      { class: 'links' },
      // Links are built from ids: the message's own absolute URL points at the API host, not this page.
      n.rectificationId ? h('a', { href: rectificationHref(n.rectificationId) }, '查看整改事项') : null,
      n.evaluationId ? h('a', { href: evaluationHref(n.evaluationId) }, '查看评价') : null,
      readButton,
    ),
  );
}

export async function notificationsPage(route, ctx) {
  const unreadOnly = route.query.get('unreadOnly') === 'true';
  const page = Math.max(1, Number(route.query.get('page')) || 1);
  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (unreadOnly) query.set('unreadOnly', 'true');
  const data = await get('/notifications', query.toString());
  const status = h('div', { class: 'form-status' });
  const counter = h(
    'p',
    { class: 'muted', 'aria-live': 'polite' },
    `共 ${data.total} 条，未读 ${data.unread} 条`,
  );
  let unread = data.unread;

  const onRead = async (n, button) => {
    replace(status);
    button.disabled = true;
    try {
      await post(`/notifications/${n.id}/read`);
      const li = button.closest('li');
      li.classList.replace('unread', 'read');
      li.querySelector('.unread-dot')?.remove();
      button.remove();
      unread = Math.max(0, unread - 1);
      counter.textContent = `共 ${data.total} 条，未读 ${unread} 条`;
      void refreshUnread();
    } catch (err) {
      button.disabled = false;
      replace(status, errorBox(err));
    }
  };

  const readAll = h('button', { type: 'button', class: 'secondary' }, '全部标为已读');
  readAll.addEventListener('click', () =>
    busy(readAll.parentElement, async () => {
      try {
        await post('/notifications/read-all');
        ctx.go(location.hash);
      } catch (err) {
        replace(status, errorBox(err));
      }
    }),
  );

  const toggle = h('input', {
    type: 'checkbox',
    id: 'unread-only',
    checked: unreadOnly,
    onchange: (e) => (location.hash = href('/notifications', e.target.checked ? { unreadOnly: 'true' } : {})),
  });

  return h(
    'section',
    {},
    h(
      'div',
      { class: 'page-head' },
      h('h1', { tabindex: '-1' }, '通知'),
      h('div', { class: 'actions' }, unread ? readAll : null),
    ),
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'unread-only', class: 'check' }, toggle, ' 只看未读'),
      counter,
    ),
    status,
    data.items.length
      ? h(
          'ul',
          { class: 'notifications' },
          data.items.map((n) => item(n, onRead)),
        )
      : h('p', { class: 'muted' }, '暂无通知'),
    pager(data, (p) =>
      href('/notifications', { ...(unreadOnly ? { unreadOnly: 'true' } : {}), page: String(p) }),
    ),
  );
}
