import { htmlToText } from './html-to-text.converter';

describe('htmlToText', () => {
  it('puts a TAB between cells and a newline between rows', () => {
    expect(
      htmlToText(
        '<table><tr><td>评价机构</td><td>甲公司</td></tr><tr><th>评价时间</th><td>2024年</td></tr></table>',
      ),
    ).toBe('评价机构\t甲公司\n评价时间\t2024年');
  });

  it('keeps the first paragraph of a cell on the row line and breaks later paragraphs', () => {
    expect(
      htmlToText(
        '<table><tr><td><p>主要问题与建议</p></td><td><p>一、存在的问题</p><p>1. 问题。</p></td></tr></table>',
      ),
    ).toBe('主要问题与建议\t一、存在的问题\n1. 问题。');
  });

  it('decodes entities, collapses whitespace and honours <br>', () => {
    expect(
      htmlToText('<p>预算&nbsp;&amp;&nbsp;决算\n   执行率&#57;5%<br/>&ldquo;良&rdquo; &#x4e2d;</p>'),
    ).toBe('预算 & 决算 执行率95%\n“良” 中');
  });

  it('drops head, script, style, comments and declarations', () => {
    const html =
      '<!DOCTYPE html><html><head><title>t</title><style>p{}</style></head><body><!-- 1. 隐藏 --><script>if(a<b){}</script><p>正文</p></body></html>';
    expect(htmlToText(html)).toBe('正文');
  });

  it('treats a lone "<" as text and never loops on unterminated tags', () => {
    expect(htmlToText('a < b <p>c')).toBe('a < b\nc');
    expect(htmlToText('<p>x</p><div class="unterminated')).toBe('x\n<div class="unterminated');
  });

  it('is linear on pathological input', () => {
    const start = Date.now();
    htmlToText('<a '.repeat(20000) + '<'.repeat(20000) + '<p title="'.repeat(5000));
    expect(Date.now() - start).toBeLessThan(1000);
  });
});
