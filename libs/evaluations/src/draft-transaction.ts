import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService } from '@rectiflow/audit';
import type { AuthUser } from '@rectiflow/auth';
import { AppError, NotFoundError, TransitionNotAllowedError } from '@rectiflow/common';
import { EvaluationEntity } from '@rectiflow/persistence';
import { loadEvaluationDetail } from './evaluation-detail.loader';
import type { EvaluationDetail } from './evaluation-detail.types';

/** Who edits, from where, and on which version of the evaluation the edit is based. */
export interface DraftEditContext {
  actor: AuthUser;
  ip?: string | null;
  /** the `version` the client read; a stale one is 409 CONFLICT. Absent: last writer wins. */
  expectedVersion?: number;
}

/** What the audit trail says about one edit: `action` like 'evaluation.finding.split', a small payload. */
export interface DraftTrail {
  action: string;
  payload?: Record<string, unknown>;
}

export interface DraftDeps {
  dataSource: DataSource;
  audit: AuditService;
}

export interface DraftContext {
  manager: EntityManager;
  /** read under a row lock (SELECT … FOR UPDATE) */
  evaluation: EvaluationEntity;
}

/** Evaluation columns a draft edit may change (not lifecycle fields); `version` is bumped by the helper. */
export type DraftHeaderChanges = Partial<
  Omit<
    EvaluationEntity,
    | 'id'
    | 'version'
    | 'status'
    | 'sourceDocument'
    | 'sourceDocumentId'
    | 'outcome'
    | 'issuedAt'
    | 'finishedAt'
    | 'departmentUnitId'
    | 'createdById'
    | 'createdAt'
    | 'updatedAt'
  >
>;

const STATUS_LABEL: Record<string, string> = { issued: '已下发', finished: '已办结', cancelled: '已撤销' };

/**
 * Runs one draft edit in one transaction. The evaluation row is locked first, so concurrent edits of the same
 * evaluation run one after the other (renumbering never interleaves) and an issue transition that locks or
 * conditionally updates the row cannot slip in between the status check and the write. Then:
 * not a draft → 409 TRANSITION_NOT_ALLOWED; `expectedVersion` given and stale → 409 CONFLICT. The edit's
 * header changes and the version bump are one UPDATE; the audit entry commits with the edit; the answer is
 * read inside the transaction.
 */
export async function editDraft(
  deps: DraftDeps,
  evaluationId: string,
  ctx: DraftEditContext,
  trail: DraftTrail,
  edit: (draft: DraftContext) => Promise<DraftHeaderChanges | void>,
): Promise<EvaluationDetail> {
  return deps.dataSource.transaction(async (manager) => {
    const evaluation = await manager.findOne(EvaluationEntity, {
      where: { id: evaluationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!evaluation) throw new NotFoundError('评价', evaluationId);
    if (evaluation.status !== 'draft') {
      throw new TransitionNotAllowedError(
        `评价${STATUS_LABEL[evaluation.status] ?? `状态为 ${evaluation.status}`}，只有草稿可以修改 (only a draft can be edited)`,
        { reason: 'NOT_DRAFT', status: evaluation.status },
      );
    }
    const { expectedVersion } = ctx;
    if (expectedVersion !== undefined && expectedVersion !== evaluation.version) {
      throw new AppError(
        'CONFLICT',
        `评价已被修改（当前版本 ${evaluation.version}，您编辑的是版本 ${expectedVersion}），请刷新后重试 (stale version)`,
        { reason: 'STALE_VERSION', expectedVersion, currentVersion: evaluation.version },
      );
    }
    const changes = (await edit({ manager, evaluation })) ?? {};
    await manager
      .createQueryBuilder()
      .update(EvaluationEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id', { id: evaluationId })
      .execute();
    await deps.audit.record(
      {
        actor: ctx.actor,
        action: trail.action,
        entityType: 'evaluation',
        entityId: evaluationId,
        ip: ctx.ip ?? null,
        payload: { ...trail.payload, version: evaluation.version + 1 },
      },
      manager,
    );
    return loadEvaluationDetail(manager, evaluationId);
  });
}
