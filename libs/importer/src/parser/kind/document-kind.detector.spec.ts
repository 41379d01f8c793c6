import { toSegments } from '../../text/segment-builder';
import { detectDocumentKind } from './document-kind.detector';

const kindOf = (text: string) => detectDocumentKind(toSegments(text), text);

describe('detectDocumentKind', () => {
  it.each([
    ['景德镇市财政支出绩效评价结果反馈表\n评价机构\t某公司', 'feedback_form'],
    ['评价组织机构\t某局\n项目主管部门\t某局\n评价分值\t80', 'feedback_form'],
    ['某项目资金绩效评价报告\n一、基本情况', 'evaluation_report'],
    ['某局2023年度部门整体支出绩效自评报告', 'self_evaluation'],
    ['项目名称\t甲\n自评得分\t90', 'self_evaluation'],
    ['关于2022年度预算执行审计发现问题整改情况的报告', 'audit_report'],
    [
      '某局\n（一）关于“甲”的问题\n整改情况：已整改。\n（二）关于“乙”的问题\n整改情况：已整改。',
      'audit_report',
    ],
    ['某财政局关于反馈审核意见的函\n市某局：', 'review_letter'],
    ['某财绩〔2023〕5号\n市某局：\n现将意见反馈如下。', 'review_letter'],
    ['今天天气很好。', 'unknown'],
  ])('%s → %s', (text, kind) => {
    expect(kindOf(text).kind).toBe(kind);
  });

  it('a report that contains a project table is not a results table', () => {
    const text =
      '某评价报告\n序号\t项目名称\t得分\t等级\n1\t甲\t80\t良\n2\t乙\t90\t优\n存在的问题\n1. 资金拨付不及时。';
    expect(kindOf(text)).toEqual({ kind: 'evaluation_report', resultsTableRows: null });
  });

  it('counts the rows of a results table', () => {
    const text = '结果公示\n序号|项目名称|得分|等级\n1|甲|80|良\n2|乙|90|优\n3|丙|70|中';
    expect(kindOf(text)).toEqual({ kind: 'results_table', resultsTableRows: 3 });
  });
});
