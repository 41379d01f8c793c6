import { progressOf, rectificationLinks } from './evaluation-progress.query';
import type { EntityManager } from 'typeorm';
import type { UnitScope } from '@rectiflow/auth';
import { NotFoundError } from '@rectiflow/common';
import {
  EvaluationEntity,
  FindingEntity,
  RecommendationEntity,
  SourceDocumentEntity,
} from '@rectiflow/persistence';
import type {
  EvaluationDetail,
  EvaluationView,
  RecommendationView,
  SourceDocumentView,
} from './evaluation-detail.types';

/**
 * Reads one evaluation with everything the detail view shows. Takes an EntityManager so that draft edits
 * can answer from inside their transaction (what they wrote, under their lock). No access check here; `scope`
 * narrows the progress and the findings' rectification links to the caller's units (default: every unit).
 */
export async function loadEvaluationDetail(
  manager: EntityManager,
  id: string,
  scope: UnitScope = 'all',
): Promise<EvaluationDetail> {
  const evaluation = await manager.findOne(EvaluationEntity, {
    where: { id },
    relations: { sourceDocument: true },
  });
  if (!evaluation) throw new NotFoundError('评价', id);
  const [findings, recommendations, progress, links] = await Promise.all([
    manager.find(FindingEntity, { where: { evaluationId: id }, order: { seq: 'ASC' } }),
    manager.find(RecommendationEntity, { where: { evaluationId: id }, order: { seq: 'ASC' } }),
    progressOf(manager, [id], scope),
    rectificationLinks(manager, id, scope),
  ]);
  const recs = recommendations.map(toRecommendationView);
  const recBySeq = new Map(recs.map((r) => [r.seq, r]));
  return {
    evaluation: toEvaluationView(evaluation),
    findings: findings.map((f) => ({
      id: f.id,
      seq: f.seq,
      title: f.title,
      text: f.text,
      points: f.points,
      recommendationSeq: f.recommendationSeq,
      recommendation: f.recommendationSeq === null ? null : (recBySeq.get(f.recommendationSeq) ?? null),
      rectification: links.get(f.seq) ?? null,
      repeatOf: f.repeatOf ?? null,
    })),
    recommendations: recs,
    warnings: evaluation.warnings,
    progress: progress.get(id)!,
  };
}

function toRecommendationView(r: RecommendationEntity): RecommendationView {
  return { id: r.id, seq: r.seq, title: r.title, text: r.text };
}

export function toSourceDocumentView(d: SourceDocumentEntity): SourceDocumentView {
  return {
    id: d.id,
    originalName: d.originalName,
    sha256: d.sha256,
    size: d.size,
    format: d.format,
    encoding: d.encoding,
    uploadedById: d.uploadedById,
    createdAt: d.createdAt.toISOString(),
  };
}

function toEvaluationView(e: EvaluationEntity): EvaluationView {
  return {
    id: e.id,
    status: e.status,
    version: e.version,
    title: e.title,
    projectName: e.projectName,
    organizer: e.organizer,
    supervisingDepartment: e.supervisingDepartment,
    projectUnit: e.projectUnit,
    projectPeriod: e.projectPeriod,
    evaluator: e.evaluator,
    evaluationPeriod: e.evaluationPeriod,
    score: e.score,
    grade: e.grade,
    basicInfo: e.basicInfo,
    performanceSummary: e.performanceSummary,
    budget: e.budget,
    allocated: e.allocated,
    spent: e.spent,
    executionRate: e.executionRate,
    departmentUnitId: e.departmentUnitId,
    createdById: e.createdById,
    issuedAt: e.issuedAt?.toISOString() ?? null,
    finishedAt: e.finishedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    sourceDocument: e.sourceDocument ? toSourceDocumentView(e.sourceDocument) : null,
  };
}
