/** One finding (问题) with its 一是/二是 points and ①②③ details, and the paired recommendation (建议). */

import { h } from '../dom.js';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function findingBody(finding) {
  const points = Array.isArray(finding.points) ? finding.points : [];
  if (!points.length) return h('p', { class: 'prewrap' }, finding.text);
  return h(
    'ul',
    { class: 'points' },
    points.map((p) =>
      h(
        'li',
        {},
        p.label ? h('strong', {}, `${p.label}，`) : null,
        p.text,
        p.details?.length
          ? h(
              'ol',
              { class: 'details' },
              p.details.map((d, i) => h('li', { 'data-n': CIRCLED[i] ?? '' }, d)),
            )
          : null,
      ),
    ),
  );
}

export function recommendationBlock(rec) {
  if (!rec) return h('p', { class: 'muted' }, '无对应建议');
  return h(
    'div',
    { class: 'recommendation' },
    h('h4', {}, `对应建议 ${rec.seq}：${rec.title}`),
    h('p', { class: 'prewrap' }, rec.text),
  );
}

export function findingCard(finding, recommendation, extra) {
  return h(
    'article',
    { class: 'card finding', 'aria-labelledby': `finding-${finding.seq}` },
    h('h3', { id: `finding-${finding.seq}` }, `问题 ${finding.seq}：${finding.title}`),
    extra,
    findingBody(finding),
    recommendationBlock(recommendation),
  );
}
