import type { EntityManager } from 'typeorm';
import { AppError } from '@rectiflow/common';
import type { SourceSpan, SourceText } from '@rectiflow/contracts';

// The source text is answered to the web: declared once in libs/contracts.
export type { SourceSpan, SourceText } from '@rectiflow/contracts';

/** No access check here (the caller has made it). */
export async function loadSourceText(manager: EntityManager, evaluationId: string): Promise<SourceText> {
  const rows: Array<{ text: string | null; format: string; ocr: number; pages: number | null }> =
    await manager.query(
      `SELECT d.extractedText AS text, d.format, d.ocr, d.pages
       FROM evaluation e JOIN source_document d ON d.id = e.sourceDocumentId
      WHERE e.id = ?`,
      [evaluationId],
    );
  const doc = rows[0];
  if (!doc || doc.text === null)
    throw new AppError(
      'NOT_FOUND',
      '该评价没有保存的原文文本（手工创建，或原文件未能读取）(no stored source text)',
      {
        reason: 'SOURCE_TEXT_MISSING',
        evaluationId,
      },
    );
  const spans = (table: 'finding' | 'recommendation'): Promise<SourceSpan[]> =>
    manager
      .query(
        `SELECT seq, spanStart, spanEnd FROM ${table}
          WHERE evaluationId = ? AND spanStart IS NOT NULL AND spanEnd IS NOT NULL ORDER BY seq`,
        [evaluationId],
      )
      .then((list: Array<{ seq: number; spanStart: number; spanEnd: number }>) =>
        list.map((r) => ({ seq: Number(r.seq), start: Number(r.spanStart), end: Number(r.spanEnd) })),
      );
  const [findings, recommendations] = await Promise.all([spans('finding'), spans('recommendation')]);
  return {
    text: doc.text,
    format: doc.format,
    ocr: Boolean(Number(doc.ocr)),
    pages: doc.pages === null ? null : Number(doc.pages),
    findings,
    recommendations,
  };
}
