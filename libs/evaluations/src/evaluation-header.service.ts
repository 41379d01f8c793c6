import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { markDraftRepeatFindings } from '@rectiflow/documents';
import { patchChanges } from './patch-changes';
import { editDraft, type DraftDeps, type DraftEditContext } from './draft-transaction';
import { HEADER_PATCH_KEYS, type HeaderPatch } from './draft-edit.types';
import type { EvaluationDetail } from './evaluation-detail.types';
import { recomputeHeaderWarnings, type HeaderState } from './header-warnings';

/** Corrections of a draft's header facts (PATCH /evaluations/:id). */
@Injectable()
export class EvaluationHeaderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private deps(): DraftDeps {
    return { dataSource: this.dataSource, audit: this.audit };
  }

  async update(id: string, patch: HeaderPatch, ctx: DraftEditContext): Promise<EvaluationDetail> {
    const changes = patchChanges(patch, HEADER_PATCH_KEYS) as HeaderPatch;
    return editDraft(
      this.deps(),
      id,
      ctx,
      { action: 'evaluation.update', payload: { changes } },
      async ({ evaluation, manager }) => {
        const header = { ...evaluation, ...changes } as HeaderState;
        // 屡查屡犯: the unit a draft is compared against is the one its header names.
        if ('projectUnit' in changes || 'supervisingDepartment' in changes)
          await markDraftRepeatFindings(manager, id, {
            projectUnit: header.projectUnit ?? null,
            supervisingDepartment: header.supervisingDepartment ?? null,
          });
        const warnings = recomputeHeaderWarnings(
          evaluation.warnings,
          header,
          new Set(Object.keys(changes) as Array<keyof HeaderState>),
        );
        return { ...changes, warnings };
      },
    );
  }
}
