/** 导入反馈表: upload a file (.txt/.html/.docx) or paste the text; the result is a draft evaluation. */

import { api } from '../api.js';
import { busy, errorBox, field, h, notice, replace } from '../dom.js';
import { canImport } from '../rules.js';
import { evaluationHref } from '../routes.js';
import { session } from '../session.js';

function result(detail) {
  const e = detail.evaluation;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'import-result' },
    h('h2', { id: 'import-result' }, '导入成功'),
    notice(
      `已生成草稿：${e.projectName || e.title || e.id}，识别出 ${detail.findings.length} 个问题、${detail.recommendations.length} 条建议。`,
    ),
    detail.warnings.length
      ? h(
          'div',
          { class: 'alert warning' },
          h('p', {}, `请核对以下 ${detail.warnings.length} 条警告：`),
          h(
            'ul',
            {},
            detail.warnings.map((w) => h('li', {}, w.message)),
          ),
        )
      : h('p', { class: 'muted' }, '没有警告。'),
    h('p', {}, h('a', { class: 'button primary', href: evaluationHref(e.id) }, '查看评价并下发')),
  );
}

export function importPage() {
  if (!canImport(session.role))
    return h(
      'section',
      {},
      h('h1', { tabindex: '-1' }, '导入反馈表'),
      h('p', {}, '仅财政局审核人员和管理员可以导入。'),
    );
  const status = h('div', { class: 'form-status' });
  const file = h('input', {
    type: 'file',
    name: 'file',
    accept: '.txt,.html,.htm,.docx,text/plain,text/html',
  });
  const text = h('textarea', { name: 'text', rows: 14, placeholder: '将绩效评价结果反馈表全文粘贴到这里' });
  const form = h(
    'form',
    {
      class: 'card',
      'aria-labelledby': 'import-title',
      onsubmit: async (ev) => {
        ev.preventDefault();
        replace(status);
        const chosen = file.files?.[0];
        const pasted = text.value.trim();
        if (chosen && pasted)
          return replace(status, notice('请只提供一份文档：上传文件或粘贴文本（二选一）', 'error'));
        if (!chosen && !pasted) return replace(status, notice('请选择文件或粘贴反馈表文本', 'error'));
        let opts;
        if (chosen) {
          const body = new FormData();
          body.append('file', chosen);
          opts = { method: 'POST', body };
        } else opts = { method: 'POST', json: { text: text.value } };
        await busy(form, async () => {
          try {
            const detail = await api('/evaluations/import', opts);
            replace(status, result(detail));
            form.reset();
            status.querySelector('h2')?.setAttribute('tabindex', '-1');
            status.querySelector('h2')?.focus();
          } catch (err) {
            replace(
              status,
              errorBox(err, (d) =>
                d.duplicateOf
                  ? h('p', {}, h('a', { href: evaluationHref(d.duplicateOf) }, '查看已导入的评价'))
                  : null,
              ),
            );
          }
        });
      },
    },
    field('反馈表文件', file, '支持 .txt（UTF-8 或 GBK）、.html、.docx'),
    field('或粘贴文本', text),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '导入')),
  );
  return h(
    'section',
    {},
    h('div', { class: 'page-head' }, h('h1', { id: 'import-title', tabindex: '-1' }, '导入反馈表')),
    form,
    status,
  );
}
