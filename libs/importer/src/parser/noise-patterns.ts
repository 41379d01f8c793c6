/**
 * Lines that end the problems/recommendations part of a form: attachments, signatures, dates,
 * distribution lists and score tables. Real forms put these right after the last
 * recommendation, and without this list they would be read as extra recommendations.
 */
const PREFIXES: RegExp[] = [
  /^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*(?:[:：]|$|\s)/,
  /^附\s*件\s*[0-9０-９一二三四五六七八九十]+/,
  /^附\s*表/,
  /^附\s*[:：]/,
  /^(?:抄送|抄报|主送|印发|报送|分送)\s*[:：]/,
  /^(?:联系人|联系电话|联系方式|经办人|审核人|复核人|负责人|填报人|编制人|评价组长|项目负责人)\s*(?:（签字）|\(签字\))?\s*[:：]/,
  /^[（(]?此页无正文[)）]?$/,
  /^(?:签字|签名|签章|盖章)\s*[:：]?/,
  /^(?:单位|机构)?(?:负责人|法定代表人)(?:签字|签章)/,
];
const SEAL = /[（(]\s*(?:盖章|签章|公章|印章|章|签字)\s*[)）]/;
const DATE_ONLY =
  /^(?:日期\s*[:：]\s*)?(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日)?$/;
const SCORE_TABLE_CELL =
  /^(?:一级指标|二级指标|三级指标|评价指标|指标名称|指标内容|指标解释|指标|分值|权重|标准分|得分|实际得分|评分|评分标准|评分依据|评分细则|扣分原因|扣分说明|扣分情况|序号|合计|总分)$/;
const ORGANISATION_ONLY =
  /^[\u4e00-\u9fa5（）()]{2,30}(?:局|厅|委员会|委|政府|中心|公司|事务所|办公室|研究院)$/;

export function isTerminatorLine(line: string): boolean {
  if (PREFIXES.some((re) => re.test(line))) return true;
  if (line.length <= 40 && SEAL.test(line)) return true;
  if (line.length <= 24 && DATE_ONLY.test(line)) return true;
  return SCORE_TABLE_CELL.test(line);
}

/**
 * A bare organisation name ("景德镇市财政局") is a signature only after a finished sentence;
 * elsewhere it may be the tail of a wrapped line.
 */
export function isSignatureOrganisation(line: string, previousLine: string | null): boolean {
  return ORGANISATION_ONLY.test(line) && previousLine !== null && /[。！？.!?]$/.test(previousLine);
}
