import type { ParseResult } from '../model/parse-result.types';

export const OCR_WARNING_CODE = 'OCR_TEXT';

/** What an OCR'd item's confidence is multiplied by: recognition errors can hide or invent a numbering mark. */
export const OCR_CONFIDENCE_FACTOR = 0.7;

const OCR_REASON = { code: 'ocr', message: '文字由 OCR 从扫描件识别，可能有错字漏字，请对照原件核对' };

interface Confidence {
  score: number;
  reasons: { code: string; message: string }[];
}

/**
 * Marks a parse of OCR'd text: a warning on the whole, and each finding's and recommendation's confidence
 * lowered with an `ocr` reason. (The confidence is written by the parser; items without one are left as
 * they are.)
 */
export function markOcr(result: ParseResult): ParseResult {
  const lower = <T extends object>(item: T): T => {
    const confidence = (item as { confidence?: Confidence }).confidence;
    if (!confidence) return item;
    return {
      ...item,
      confidence: {
        score: Math.round(confidence.score * OCR_CONFIDENCE_FACTOR * 100) / 100,
        reasons: [...confidence.reasons, OCR_REASON],
      },
    };
  };
  return {
    ...result,
    findings: result.findings.map(lower),
    recommendations: result.recommendations.map(lower),
    warnings: [
      ...result.warnings,
      {
        code: OCR_WARNING_CODE,
        message: '本文档没有文字层，内容由文字识别（OCR）读出，可能有错字、漏字或错位，请逐条对照原件核对。',
      },
    ],
  };
}
