import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import type { AuthUser } from '@rectiflow/auth';
import { safeFileName } from '@rectiflow/common';
import { EvaluationEntity, SourceDocumentEntity, type EvaluationWarning } from '@rectiflow/persistence';
import { FileStore } from '@rectiflow/storage';
import { isDuplicateKey } from './duplicate-key.util';
import type { HeaderPatch } from './draft-edit.types';
import { loadEvaluationDetail } from './evaluation-detail.loader';
import type { EvaluationDetail } from './evaluation-detail.types';
import { EvaluationImportService, sha256Of, storableText } from './evaluation-import.service';
import { recomputeHeaderWarnings, type HeaderState } from './header-warnings';

/** Header facts of a hand-made draft: the header PATCH's facts, with the project's name required. */
export type ManualDraftHeader = Omit<HeaderPatch, 'projectName'> & { projectName: string };

export interface ManualDraftRequest {
  header: ManualDraftHeader;
  /** an attached document, kept as the draft's source even when it cannot be read */
  file?: { content: Buffer; filename?: string | null } | null;
  actor: AuthUser;
  ip?: string | null;
}

const HEADER_KEYS: Array<keyof HeaderState> = [
  'organizer',
  'supervisingDepartment',
  'projectUnit',
  'projectPeriod',
  'evaluator',
  'evaluationPeriod',
  'score',
  'grade',
  'budget',
  'allocated',
  'spent',
  'executionRate',
];

/**
 * POST /evaluations: a draft made by hand, for a document the importer cannot read (a poor scan, an odd
 * layout), so that such a document never blocks 下发. Findings and recommendations are then added with the
 * draft-edit routes. An attached file is stored as the source document (downloadable, and with its text when
 * it can be read); the draft, the source document and the audit record are written in one transaction.
 */
@Injectable()
export class ManualDraftService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly imports: EvaluationImportService,
  ) {}

  async create(request: ManualDraftRequest): Promise<EvaluationDetail> {
    const header = request.header;
    const warnings: EvaluationWarning[] = [
      {
        code: 'MANUAL_DRAFT',
        message: '手工创建的评价草稿：问题与建议需逐条录入，并核对表头信息 (draft created by hand)',
      },
    ];
    const state = Object.fromEntries(HEADER_KEYS.map((k) => [k, header[k] ?? null])) as HeaderState;
    warnings.push(...recomputeHeaderWarnings([], state, new Set(['score', 'grade'])));

    const attachment = request.file ? await this.prepareAttachment(request.file, warnings) : null;
    const evaluationId = randomUUID();
    const userId = request.actor.id;
    try {
      return await this.dataSource.transaction(async (manager) => {
        let sourceDocumentId: number | null = null;
        if (attachment) {
          const stored = await this.files.put(attachment.content);
          const source = await manager.save(
            manager.create(SourceDocumentEntity, {
              ...attachment.row,
              size: stored.size,
              storageKey: stored.key,
              uploadedById: userId,
            }),
          );
          sourceDocumentId = source.id;
        }
        await manager.insert(EvaluationEntity, {
          id: evaluationId,
          status: 'draft',
          title: header.title ?? null,
          projectName: header.projectName,
          ...state,
          basicInfo: header.basicInfo ?? null,
          performanceSummary: header.performanceSummary ?? null,
          warnings,
          sourceDocumentId,
          createdById: userId,
          departmentUnitId: null,
          outcome: null,
        });
        await this.audit.record(
          {
            actor: request.actor,
            action: 'evaluation.create',
            entityType: 'evaluation',
            entityId: evaluationId,
            ip: request.ip ?? null,
            payload: {
              header,
              sourceDocument: attachment
                ? {
                    sha256: attachment.row.sha256,
                    originalName: attachment.row.originalName,
                    format: attachment.row.format,
                  }
                : null,
            },
          },
          manager,
        );
        return loadEvaluationDetail(manager, evaluationId);
      });
    } catch (err) {
      if (attachment && isDuplicateKey(err, 'uq_source_document_sha256'))
        await this.imports.assertNotImported(attachment.row.sha256);
      throw err;
    }
  }

  /** Reads what can be read of the attachment; a refusal becomes a warning on the draft, not an error. */
  private async prepareAttachment(
    file: { content: Buffer; filename?: string | null },
    warnings: EvaluationWarning[],
  ): Promise<{
    content: Buffer;
    row: Partial<SourceDocumentEntity> & { sha256: string; originalName: string; format: string };
  }> {
    const originalName = safeFileName(file.filename, { fallback: 'document', maxChars: 255 });
    const sha256 = sha256Of(file.content);
    await this.imports.assertNotImported(sha256);
    const read = await this.imports.readText(file.content, originalName);
    if (read.error) {
      warnings.push({
        code: 'SOURCE_NOT_READ',
        message: `附件「${originalName}」未能读取文字：${read.error.message}`,
      });
    }
    const doc = read.document;
    return {
      content: file.content,
      row: {
        sha256,
        originalName,
        format: doc?.format ?? 'unknown',
        encoding: doc?.encoding ?? null,
        extractedText: doc ? storableText(doc.text) : null,
        ocr: doc?.ocr ?? false,
        pages: doc?.pages ?? null,
      },
    };
  }
}
