import type { Confidence, ConfidenceReason } from '../model/parse-result.types';

/** How an item was told apart from its neighbours, and how it was paired; each costs some trust. */
export const CONFIDENCE_REASONS = {
  numbered_heading: { factor: 0.95, message: '按编号标题识别' },
  audit_heading: { factor: 0.92, message: '按审计问题标题识别（问题一：/关于“…”的问题）' },
  inline_enumeration: { factor: 0.85, message: '按句内“一是、二是”列举识别' },
  lead_clause: { factor: 0.7, message: '首条未编号，按“二是”之前的语句推定' },
  paragraph_split: { factor: 0.75, message: '未编号，按段落拆分' },
  sentence_split: { factor: 0.6, message: '未编号，按句子拆分，请核对' },
  paired_by_number: { factor: 1, message: '按编号与建议对应' },
  paired_interleaved: { factor: 1, message: '建议紧随问题之后，按位置对应' },
  paired_by_position: { factor: 0.85, message: '按先后顺序与建议配对（推定）' },
  paired_by_topic: { factor: 0.8, message: '按内容相近程度与建议配对（推定）' },
  paired_single: { factor: 0.9, message: '一条建议对应全部问题' },
  unpaired: { factor: 0.95, message: '未找到对应的建议' },
  numbering_restart: { factor: 0.9, message: '编号重新开始，已接续为同一列表' },
  too_long: { factor: 0.6, message: '内容过长，可能包含多个问题' },
  ocr: { factor: 0.7, message: '文字经 OCR 识别，可能有误' },
} as const;

export type ConfidenceCode = keyof typeof CONFIDENCE_REASONS;

export function reason(code: ConfidenceCode): ConfidenceReason {
  return { code, message: CONFIDENCE_REASONS[code].message };
}

/** The score is the product of the factors of its reasons, so every doubt lowers it. */
export function confidenceOf(codes: ConfidenceCode[]): Confidence {
  const unique = [...new Set(codes)];
  const score = unique.reduce((acc, code) => acc * CONFIDENCE_REASONS[code].factor, 1);
  return { score: Math.round(score * 100) / 100, reasons: unique.map(reason) };
}
