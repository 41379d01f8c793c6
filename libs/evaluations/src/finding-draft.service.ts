import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { AppError, NotFoundError } from '@rectiflow/common';
import { FindingEntity, RecommendationEntity } from '@rectiflow/persistence';
import { patchChanges } from './patch-changes';
import { editDraft, type DraftDeps, type DraftEditContext } from './draft-transaction';
import type { FindingPatch, MergeRequest, NewFinding, SplitRequest } from './draft-edit.types';
import type { EvaluationDetail } from './evaluation-detail.types';
import { assertTextFits, deriveTitle, distributePoints, partsAtOffset } from './finding-text.util';
import { resequence, TEMP_SEQ_BASE } from './resequence';

/**
 * Structural edits of a draft's findings. Each runs in one transaction under the evaluation's lock (see
 * editDraft) and leaves seqs dense (1…n) — renumbering goes through `resequence` so that
 * UNIQUE(evaluationId, seq) holds at every statement.
 */
@Injectable()
export class FindingDraftService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private deps(): DraftDeps {
    return { dataSource: this.dataSource, audit: this.audit };
  }

  update(id: string, seq: number, patch: FindingPatch, ctx: DraftEditContext): Promise<EvaluationDetail> {
    const changes = patchChanges(patch) as FindingPatch;
    return editDraft(
      this.deps(),
      id,
      ctx,
      { action: 'evaluation.finding.update', payload: { seq, fields: Object.keys(changes) } },
      async ({ manager }) => {
        const finding = await findingAt(manager, id, seq);
        if (changes.text !== undefined) assertTextFits(changes.text, 'text');
        if (changes.recommendationSeq !== undefined)
          await assertRecommendation(manager, id, changes.recommendationSeq);
        await manager.update(FindingEntity, { id: finding.id }, changes);
      },
    );
  }

  add(id: string, input: NewFinding, ctx: DraftEditContext): Promise<EvaluationDetail> {
    return editDraft(
      this.deps(),
      id,
      ctx,
      {
        action: 'evaluation.finding.add',
        payload: { position: input.position ?? null, title: input.title ?? null },
      },
      async ({ manager }) => {
        assertTextFits(input.text, 'text');
        await assertRecommendation(manager, id, input.recommendationSeq ?? null);
        const findings = await allFindings(manager, id);
        const position = input.position ?? findings.length + 1;
        if (position < 1 || position > findings.length + 1) {
          throw invalid('position', `插入位置应在 1 到 ${findings.length + 1} 之间`);
        }
        const inserted = await manager.insert(FindingEntity, {
          evaluationId: id,
          seq: TEMP_SEQ_BASE,
          title: input.title ?? deriveTitle(input.text),
          text: input.text.trim(),
          points: input.points ?? [],
          recommendationSeq: input.recommendationSeq ?? null,
        });
        const ids = findings.map((f) => f.id);
        ids.splice(position - 1, 0, insertedId(inserted.identifiers));
        await resequence(manager, FindingEntity, id, ids);
      },
    );
  }

  split(id: string, seq: number, request: SplitRequest, ctx: DraftEditContext): Promise<EvaluationDetail> {
    return editDraft(
      this.deps(),
      id,
      ctx,
      { action: 'evaluation.finding.split', payload: splitPayload(seq, request) },
      async ({ manager }) => {
        const findings = await allFindings(manager, id);
        const original = findings.find((f) => f.seq === seq);
        if (!original) throw new NotFoundError('问题', seq);
        const parts =
          'offset' in request
            ? partsAtOffset(original.text, request.offset).map((text) => ({ text, title: undefined }))
            : request.parts.map((p) => ({ text: p.text.trim(), title: p.title }));
        if (parts.length < 2) throw invalid('parts', '至少拆分为两部分');
        parts.forEach((p, i) => assertTextFits(p.text, `parts.${i}.text`));
        const points = distributePoints(
          original.points,
          parts.map((p) => p.text),
        );
        // The first part keeps the row (and its id); it keeps the title unless its text no longer starts with it.
        const firstTitle =
          parts[0].title ??
          (parts[0].text.startsWith(original.title) ? original.title : deriveTitle(parts[0].text));
        await manager.update(
          FindingEntity,
          { id: original.id },
          { text: parts[0].text, title: firstTitle, points: points[0] },
        );
        const newIds: number[] = [];
        for (let i = 1; i < parts.length; i++) {
          const inserted = await manager.insert(FindingEntity, {
            evaluationId: id,
            seq: TEMP_SEQ_BASE + i,
            title: parts[i].title ?? deriveTitle(parts[i].text),
            text: parts[i].text,
            points: points[i],
            recommendationSeq: original.recommendationSeq,
          });
          newIds.push(insertedId(inserted.identifiers));
        }
        const ids = findings.map((f) => f.id);
        ids.splice(ids.indexOf(original.id) + 1, 0, ...newIds);
        await resequence(manager, FindingEntity, id, ids);
      },
    );
  }

  merge(id: string, request: MergeRequest, ctx: DraftEditContext): Promise<EvaluationDetail> {
    return editDraft(
      this.deps(),
      id,
      ctx,
      { action: 'evaluation.finding.merge', payload: { seqs: request.seqs } },
      async ({ manager }) => {
        const seqs = [...new Set(request.seqs)].sort((a, b) => a - b);
        if (seqs.length < 2) throw invalid('seqs', '至少选择两个不同的问题进行合并');
        const findings = await allFindings(manager, id);
        const merged = seqs.map((s) => {
          const f = findings.find((x) => x.seq === s);
          if (!f) throw new NotFoundError('问题', s);
          return f;
        });
        const [first, ...rest] = merged;
        const recommendationSeq =
          request.recommendationSeq !== undefined
            ? request.recommendationSeq
            : (merged.find((f) => f.recommendationSeq !== null)?.recommendationSeq ?? null);
        await assertRecommendation(manager, id, recommendationSeq);
        await manager.delete(
          FindingEntity,
          rest.map((f) => f.id),
        );
        await manager.update(
          FindingEntity,
          { id: first.id },
          {
            title: request.title ?? first.title,
            text: merged.map((f) => f.text).join('\n'),
            points: merged.flatMap((f) => f.points),
            recommendationSeq,
          },
        );
        const gone = new Set(rest.map((f) => f.id));
        await resequence(
          manager,
          FindingEntity,
          id,
          findings.filter((f) => !gone.has(f.id)).map((f) => f.id),
        );
      },
    );
  }

  remove(id: string, seq: number, ctx: DraftEditContext): Promise<EvaluationDetail> {
    return editDraft(
      this.deps(),
      id,
      ctx,
      { action: 'evaluation.finding.delete', payload: { seq } },
      async ({ manager }) => {
        const findings = await allFindings(manager, id);
        const target = findings.find((f) => f.seq === seq);
        if (!target) throw new NotFoundError('问题', seq);
        await manager.delete(FindingEntity, { id: target.id });
        await resequence(
          manager,
          FindingEntity,
          id,
          findings.filter((f) => f.id !== target.id).map((f) => f.id),
        );
      },
    );
  }
}

function splitPayload(seq: number, request: SplitRequest): Record<string, unknown> {
  return 'offset' in request ? { seq, offset: request.offset } : { seq, parts: request.parts.length };
}

function allFindings(manager: EntityManager, evaluationId: string): Promise<FindingEntity[]> {
  return manager.find(FindingEntity, { where: { evaluationId }, order: { seq: 'ASC' } });
}

async function findingAt(manager: EntityManager, evaluationId: string, seq: number): Promise<FindingEntity> {
  const finding = await manager.findOne(FindingEntity, { where: { evaluationId, seq } });
  if (!finding) throw new NotFoundError('问题', seq);
  return finding;
}

/** A pairing must name a recommendation of the same evaluation (or be null). */
async function assertRecommendation(
  manager: EntityManager,
  evaluationId: string,
  seq: number | null,
): Promise<void> {
  if (seq === null) return;
  if (!(await manager.exists(RecommendationEntity, { where: { evaluationId, seq } }))) {
    throw invalid('recommendationSeq', `建议 ${seq} 不存在，无法配对`);
  }
}

function insertedId(identifiers: Array<Record<string, unknown>>): number {
  return Number(identifiers[0].id);
}

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { fields: { [field]: [message] } });
}
