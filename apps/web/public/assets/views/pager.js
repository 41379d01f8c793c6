/** 上一页 / 下一页 links for a { total, page, pageSize } answer. */

import { h } from '../dom.js';

export function pager({ total, page, pageSize }, hrefOf) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': '分页' },
    page > 1
      ? h('a', { href: hrefOf(page - 1), rel: 'prev' }, '上一页')
      : h('span', { class: 'muted' }, '上一页'),
    h('span', {}, `第 ${page} / ${pages} 页，共 ${total} 条`),
    page < pages
      ? h('a', { href: hrefOf(page + 1), rel: 'next' }, '下一页')
      : h('span', { class: 'muted' }, '下一页'),
  );
}
