import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { AppError, NotFoundError } from '@rectiflow/common';
import { FindingEntity, RecommendationEntity } from '@rectiflow/persistence';
import { patchChanges } from './patch-changes';
import { editDraft, type DraftDeps, type DraftEditContext } from './draft-transaction';
import type { NewRecommendation, RecommendationPatch } from './draft-edit.types';
import type { EvaluationDetail } from './evaluation-detail.types';
import { assertTextFits, deriveTitle } from './finding-text.util';
import { resequence, TEMP_SEQ_BASE } from './resequence';

/**
 * Edits of a draft's recommendations. Findings refer to recommendations by seq, so whenever recommendations
 * are renumbered the findings' `recommendationSeq` follow, and a deleted recommendation unpairs its findings.
 */
@Injectable()
export class RecommendationDraftService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private deps(): DraftDeps {
    return { dataSource: this.dataSource, audit: this.audit };
  }

  update(
    id: string,
    seq: number,
    patch: RecommendationPatch,
    ctx: DraftEditContext,
  ): Promise<EvaluationDetail> {
    const changes = patchChanges(patch);
    return editDraft(
      this.deps(),
      id,
      ctx,
      { action: 'evaluation.recommendation.update', payload: { seq, fields: Object.keys(changes) } },
      async ({ manager }) => {
        if (patch.text !== undefined) assertTextFits(patch.text, 'text');
        const rec = await manager.findOne(RecommendationEntity, { where: { evaluationId: id, seq } });
        if (!rec) throw new NotFoundError('建议', seq);
        await manager.update(RecommendationEntity, { id: rec.id }, changes);
      },
    );
  }

  add(id: string, input: NewRecommendation, ctx: DraftEditContext): Promise<EvaluationDetail> {
    return editDraft(
      this.deps(),
      id,
      ctx,
      { action: 'evaluation.recommendation.add', payload: { position: input.position ?? null } },
      async ({ manager }) => {
        assertTextFits(input.text, 'text');
        const recs = await allRecommendations(manager, id);
        const position = input.position ?? recs.length + 1;
        if (position < 1 || position > recs.length + 1) {
          const message = `插入位置应在 1 到 ${recs.length + 1} 之间`;
          throw new AppError('VALIDATION_FAILED', message, { fields: { position: [message] } });
        }
        const inserted = await manager.insert(RecommendationEntity, {
          evaluationId: id,
          seq: TEMP_SEQ_BASE,
          title: input.title ?? deriveTitle(input.text),
          text: input.text.trim(),
        });
        const ids = recs.map((r) => r.id);
        ids.splice(position - 1, 0, Number(inserted.identifiers[0].id));
        await this.renumber(manager, id, ids, recs);
      },
    );
  }

  remove(id: string, seq: number, ctx: DraftEditContext): Promise<EvaluationDetail> {
    return editDraft(
      this.deps(),
      id,
      ctx,
      { action: 'evaluation.recommendation.delete', payload: { seq } },
      async ({ manager }) => {
        const recs = await allRecommendations(manager, id);
        const target = recs.find((r) => r.seq === seq);
        if (!target) throw new NotFoundError('建议', seq);
        await manager.delete(RecommendationEntity, { id: target.id });
        const rest = recs.filter((r) => r.id !== target.id);
        await this.renumber(
          manager,
          id,
          rest.map((r) => r.id),
          recs,
        );
      },
    );
  }

  /** Resequences recommendations and rewrites the findings' pairings: old seq → new seq, deleted → null. */
  private async renumber(
    manager: EntityManager,
    evaluationId: string,
    orderedIds: number[],
    before: RecommendationEntity[],
  ): Promise<void> {
    await resequence(manager, RecommendationEntity, evaluationId, orderedIds);
    const newSeqById = new Map(orderedIds.map((rid, i) => [rid, i + 1]));
    const pairs = before.map((r) => [r.seq, newSeqById.get(r.id) ?? null] as const);
    if (pairs.every(([from, to]) => from === to)) return;
    const table = manager.getRepository(FindingEntity).metadata.tableName;
    await manager.query(
      `UPDATE \`${table}\` SET recommendationSeq = CASE recommendationSeq ${pairs.map(() => 'WHEN ? THEN ?').join(' ')} ELSE NULL END
        WHERE evaluationId = ? AND recommendationSeq IS NOT NULL`,
      [...pairs.flatMap(([from, to]) => [from, to]), evaluationId],
    );
  }
}

function allRecommendations(manager: EntityManager, evaluationId: string): Promise<RecommendationEntity[]> {
  return manager.find(RecommendationEntity, { where: { evaluationId }, order: { seq: 'ASC' } });
}
