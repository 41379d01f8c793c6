import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FindingEntity, RectificationEntity, RepeatOf, UnitEntity } from '@rectiflow/persistence';
import { findingSimilarity, REPEAT_FINDING_THRESHOLD } from './finding-similarity';

/**
 * 屡查屡犯: compares a finding with the findings issued earlier to the same unit or its parent in other
 * evaluations, and stores the most similar one at or above the threshold as `finding.repeatOf` (null when none).
 * Titles are compared: they are what the spec's pairs justify the threshold on. Run when the finding's unit is
 * known — at issuing (the `issued` event of its item) and when the item is reassigned — so the result is
 * recomputed whenever the unit changes; rerunning it is harmless (a retried projection writes the same value).
 */
@Injectable()
export class RepeatFindingMarker {
  async markFinding(
    tx: EntityManager,
    item: { evaluationId: string; findingSeq: number; unitId: number },
  ): Promise<RepeatOf | null> {
    const finding = await tx
      .getRepository(FindingEntity)
      .findOne({
        where: { evaluationId: item.evaluationId, seq: item.findingSeq },
        select: { id: true, title: true },
      });
    if (!finding) return null;
    const unit = await tx
      .getRepository(UnitEntity)
      .findOne({ where: { id: item.unitId }, select: { id: true, parentId: true } });
    const units = [item.unitId, ...(unit?.parentId ? [unit.parentId] : [])];
    const earlier = await tx
      .getRepository(RectificationEntity)
      .createQueryBuilder('r')
      .innerJoin(FindingEntity, 'f', 'f.evaluationId = r.evaluationId AND f.seq = r.findingSeq')
      .select('r.id', 'rectificationId')
      .addSelect('r.evaluationId', 'evaluationId')
      .addSelect('r.findingSeq', 'findingSeq')
      .addSelect('f.title', 'title')
      .where('r.unitId IN (:...units)', { units })
      .andWhere('r.evaluationId <> :evaluationId', { evaluationId: item.evaluationId })
      .andWhere(
        'r.issuedAt < (SELECT COALESCE(MIN(c.issuedAt), CURRENT_TIMESTAMP(3)) FROM rectification c WHERE c.evaluationId = :evaluationId)',
      )
      .orderBy('r.issuedAt', 'DESC')
      .getRawMany<{ rectificationId: string; evaluationId: string; findingSeq: number; title: string }>();
    let best: RepeatOf | null = null;
    for (const e of earlier) {
      const similarity = Math.round(findingSimilarity(finding.title, e.title) * 1000) / 1000;
      if (similarity >= REPEAT_FINDING_THRESHOLD && (!best || similarity > best.similarity))
        best = {
          evaluationId: e.evaluationId,
          findingSeq: Number(e.findingSeq),
          rectificationId: e.rectificationId,
          similarity,
        };
    }
    await tx.getRepository(FindingEntity).update({ id: finding.id }, { repeatOf: best });
    return best;
  }
}
