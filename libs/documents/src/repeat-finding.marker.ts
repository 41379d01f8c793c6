import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EvaluationEntity,
  FindingEntity,
  RectificationEntity,
  RepeatOf,
  UnitEntity,
} from '@rectiflow/persistence';
import { findingSimilarity, REPEAT_FINDING_THRESHOLD } from './finding-similarity';

/**
 * 屡查屡犯: compares a finding with the findings issued earlier to the same unit or its parent in other
 * evaluations, and stores the most similar one at or above the threshold as `finding.repeatOf` (null when none).
 * Titles are compared: they are what the spec's pairs justify the threshold on. Run when the finding's unit is
 * known — at issuing (the `issued` event of its item) and when the item is reassigned — so the result is
 * recomputed whenever the unit changes; rerunning it is harmless (a retried projection writes the same value).
 * A draft has no unit yet; `markDraft` guesses it from the header (项目单位, else 主管部门, by exact unit name) at
 * import and when the header changes, and issuing settles it.
 */
@Injectable()
export class RepeatFindingMarker {
  async markDraft(tx: EntityManager, evaluationId: string): Promise<void> {
    return markDraftRepeatFindings(tx, evaluationId);
  }

  async markFinding(
    tx: EntityManager,
    item: { evaluationId: string; findingSeq: number; unitId: number },
  ): Promise<RepeatOf | null> {
    return markRepeatFinding(tx, item);
  }
}

/**
 * The draft's findings against the unit its header names (none found → every flag cleared). `header` gives the
 * values about to be written when called from inside a header edit.
 */
export async function markDraftRepeatFindings(
  tx: EntityManager,
  evaluationId: string,
  header?: Pick<EvaluationEntity, 'projectUnit' | 'supervisingDepartment'>,
): Promise<void> {
  const evaluation =
    header ??
    (await tx.getRepository(EvaluationEntity).findOne({
      where: { id: evaluationId },
      select: { id: true, projectUnit: true, supervisingDepartment: true },
    }));
  if (!evaluation) return;
  let unitId: number | null = null;
  for (const name of [evaluation.projectUnit, evaluation.supervisingDepartment]) {
    const trimmed = name?.trim();
    if (!trimmed) continue;
    const unit = await tx
      .getRepository(UnitEntity)
      .findOne({ where: { name: trimmed, active: true }, select: { id: true } });
    if (unit) {
      unitId = unit.id;
      break;
    }
  }
  const findings = await tx
    .getRepository(FindingEntity)
    .find({ where: { evaluationId }, select: { id: true, seq: true } });
  for (const f of findings)
    if (unitId === null) await tx.getRepository(FindingEntity).update({ id: f.id }, { repeatOf: null });
    else await markRepeatFinding(tx, { evaluationId, findingSeq: f.seq, unitId });
}

export async function markRepeatFinding(
  tx: EntityManager,
  item: { evaluationId: string; findingSeq: number; unitId: number },
): Promise<RepeatOf | null> {
  const finding = await tx.getRepository(FindingEntity).findOne({
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
