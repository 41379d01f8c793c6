import { ESCALATION_LABELS, type EscalationLevel } from '@rectiflow/contracts';

/**
 * The document each rung is issued as. The rung's own name stays ESCALATION_LABELS (提醒函 / 督办 / 约谈 / 通报);
 * these are the 文种 printed as the letter's title, derived from it.
 */
export const LETTER_KINDS: Record<Exclude<EscalationLevel, 0>, string> = {
  1: ESCALATION_LABELS[1],
  2: `${ESCALATION_LABELS[2]}通知书`,
  3: `${ESCALATION_LABELS[3]}通知书`,
  4: ESCALATION_LABELS[4],
};

/** What the unit must do on receiving the letter, by rung; `{by}` is the reply date. */
export const LETTER_REQUIREMENTS: Record<Exclude<EscalationLevel, 0>, string> = {
  1: '请你单位高度重视，于{by}前完成整改并在系统中上传佐证材料；确有困难的，于同日前书面说明逾期原因及整改计划。',
  2: '现予督办。请你单位主要负责人亲自过问，于{by}前书面报告整改进展、逾期原因及责任落实情况，并尽快完成整改。',
  3: '经研究，决定约谈你单位主要负责人。请于{by}前书面说明逾期原因及整改措施，并按另行通知的时间、地点参加约谈。',
  4: '现将该问题整改逾期情况予以通报。请你单位于{by}前完成整改，并将整改情况及相关责任追究情况书面报送我局。',
};
