/**
 * Lines that come from the web page or the printer, not the document: breadcrumbs, share bars,
 * print/close buttons, font-size pickers, page headers and footers. They are dropped before
 * layout so a page number between two halves of a sentence does not end up inside a problem.
 */
const FURNITURE_TOKENS =
  /打印此页|打印本页|【打印】|［打印］|[[]打印]|关闭窗口|关闭本页|【关闭】|分享到|字号\s*[:：]?\s*[【[]?大|扫一扫|手机打开|浏览次数|阅读次数|访问次数|上一篇|下一篇|责任编辑|网站地图|版权所有|主办单位|ICP备|技术支持|返回顶部|收藏本页|当前位置|您现在的位置|你的位置/;
const BREADCRUMB = /^(?:首页|网站首页|主页)\s*[>＞»/›]/;
const PAGE_NUMBER = [
  /^[-—–－]\s*[0-9０-９]{1,4}\s*[-—–－]$/,
  /^第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?$/,
  /^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$/,
  /^(?:page|Page|PAGE)\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?$/,
];
const FURNITURE_MAX = 120;

export function isSiteFurniture(segment: string): boolean {
  if (PAGE_NUMBER.some((re) => re.test(segment))) return true;
  if (segment.length > FURNITURE_MAX || /[。；;]/.test(segment)) return false;
  return BREADCRUMB.test(segment) || FURNITURE_TOKENS.test(segment);
}

/** "发布时间：2024-08-12 来源：市财政局" — kept out of header facts and titles. */
export function isPublicationLine(segment: string): boolean {
  return (
    /^(?:发布(?:时间|日期)|发文日期|来源|信息来源|作者)\s*[:：]/.test(segment) &&
    segment.length <= FURNITURE_MAX
  );
}
