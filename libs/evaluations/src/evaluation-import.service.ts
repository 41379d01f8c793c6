import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService } from '@rectiflow/audit';
import type { AuthUser } from '@rectiflow/auth';
import { AppError, safeFileName } from '@rectiflow/common';
import {
  DEFAULT_MAX_BYTES,
  extractText,
  importFeedbackDocument,
  isImportError,
  type ExtractedDocument,
  type ExtractOptions,
  type ImportedDocument,
} from '@rectiflow/importer';
import {
  EvaluationEntity,
  FindingEntity,
  RecommendationEntity,
  SourceDocumentEntity,
} from '@rectiflow/persistence';
import { FileStore } from '@rectiflow/storage';
import { markDraftRepeatFindings } from '@rectiflow/documents';
import { isDuplicateKey } from './duplicate-key.util';
import { loadEvaluationDetail } from './evaluation-detail.loader';
import type { EvaluationDetail } from './evaluation-detail.types';
import { importErrorToAppError } from './import-error.mapper';
import { mapParseResult } from './parse-result.mapper';

export interface ImportRequest {
  /** the document exactly as uploaded; its SHA-256 identifies it */
  content: Buffer;
  /** the uploader's file name: a format hint and the download name, never a path */
  filename?: string | null;
  /** the importing user; null for scripts (seed) */
  actor: AuthUser | null;
  /** client address, for the audit trail */
  ip?: string | null;
}

export interface ImportOptions {
  /** bytes; defaults to the importer's 20 MiB (config `limits.importMaxBytes` in the API) */
  maxBytes?: number;
  /** when given, each import is recorded ('evaluation.import') in the same transaction */
  audit?: AuditService;
  /** the importer's format limits and OCR (config `limits`, `ocr` in the API) */
  extract?: Omit<ExtractOptions, 'filename' | 'maxBytes'>;
}

/**
 * Extracted text longer than this is not stored (spans then stay unshown): one row must stay well below
 * MariaDB's max_allowed_packet (16 MB by default), and no feedback form comes near it.
 */
export const MAX_STORED_TEXT_BYTES = 8 * 1024 * 1024;

export const PASTED_TEXT_NAME = 'pasted-text.txt';

/**
 * Document → draft evaluation, for the API and for scripts (seed-demo): the one place the import rule
 * lives. Nothing reaches the database unless the document parses; then the source document, the draft
 * and its findings and recommendations are written in one transaction. A document is identified by the
 * SHA-256 of its bytes: importing it again is a DUPLICATE (409) naming the existing evaluation, also when
 * two imports of it race (the unique key decides).
 */
export class EvaluationImportService {
  private readonly maxBytes: number;
  private readonly audit: AuditService | null;
  private readonly extract: Omit<ExtractOptions, 'filename' | 'maxBytes'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStore,
    options: ImportOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.audit = options.audit ?? null;
    this.extract = options.extract ?? {};
  }

  async importDocument(request: ImportRequest): Promise<EvaluationDetail> {
    const originalName = safeFileName(request.filename, { fallback: PASTED_TEXT_NAME, maxChars: 255 });
    const imported = await this.parse(request.content, originalName);
    const sha256 = sha256Of(request.content);
    await this.assertNotImported(sha256);

    // Outside the transaction: a blob left behind by a failed transaction is harmless (content-addressed,
    // reused by the next import of the same bytes), while a row pointing at a missing blob would not be.
    const stored = await this.files.put(request.content);
    const evaluationId = randomUUID();
    const userId = request.actor?.id ?? null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const source = await manager.save(
          manager.create(SourceDocumentEntity, {
            sha256,
            originalName,
            format: imported.document.format,
            encoding: imported.document.encoding,
            size: stored.size,
            storageKey: stored.key,
            uploadedById: userId,
            extractedText: storableText(imported.document.text),
            ocr: imported.document.ocr,
            pages: imported.document.pages,
          }),
        );
        await this.insertDraft(manager, evaluationId, source.id, userId, imported);
        await markDraftRepeatFindings(manager, evaluationId);
        await this.audit?.record(
          {
            actor: request.actor ?? { id: null, name: 'system' },
            action: 'evaluation.import',
            entityType: 'evaluation',
            entityId: evaluationId,
            ip: request.ip ?? null,
            payload: {
              sha256,
              originalName,
              format: imported.document.format,
              ocr: imported.document.ocr,
              findings: imported.result.findings.length,
              recommendations: imported.result.recommendations.length,
              warnings: imported.result.warnings.map((w) => w.code),
            },
          },
          manager,
        );
        return loadEvaluationDetail(manager, evaluationId);
      });
    } catch (err) {
      if (isDuplicateKey(err, 'uq_source_document_sha256')) await this.assertNotImported(sha256);
      throw err;
    }
  }

  /**
   * The document's text as the importer reads it, or the reason it cannot be read — for a hand-made draft,
   * which keeps whatever could be read of its attachment.
   */
  async readText(
    content: Buffer,
    filename: string,
  ): Promise<{ document: ExtractedDocument; error: null } | { document: null; error: AppError }> {
    try {
      return {
        document: await extractText(content, { ...this.extract, filename, maxBytes: this.maxBytes }),
        error: null,
      };
    } catch (err) {
      if (isImportError(err)) return { document: null, error: importErrorToAppError(err, this.maxBytes) };
      throw err;
    }
  }

  /** 409 DUPLICATE naming the evaluation when a document with this hash is stored already. */
  async assertNotImported(sha256: string): Promise<void> {
    const existing = await this.findBySha256(sha256);
    if (!existing) return;
    throw new AppError('DUPLICATE', '该文件已导入过，请勿重复导入 (document already imported)', {
      reason: 'DUPLICATE_DOCUMENT',
      evaluationId: existing.evaluationId,
      sha256,
    });
  }

  /** The evaluation imported from the document with this hash, if any. */
  async findBySha256(
    sha256: string,
  ): Promise<{ evaluationId: string | null; sourceDocumentId: number } | null> {
    const row: Array<{ sourceDocumentId: number; evaluationId: string | null }> = await this.dataSource.query(
      `SELECT d.id AS sourceDocumentId, e.id AS evaluationId
         FROM source_document d LEFT JOIN evaluation e ON e.sourceDocumentId = d.id
        WHERE d.sha256 = ?`,
      [sha256],
    );
    return row.length
      ? { sourceDocumentId: Number(row[0].sourceDocumentId), evaluationId: row[0].evaluationId }
      : null;
  }

  private async parse(content: Buffer, filename: string): Promise<ImportedDocument> {
    try {
      return await importFeedbackDocument(content, { ...this.extract, filename, maxBytes: this.maxBytes });
    } catch (err) {
      if (isImportError(err)) throw importErrorToAppError(err, this.maxBytes);
      throw err;
    }
  }

  private async insertDraft(
    manager: EntityManager,
    evaluationId: string,
    sourceDocumentId: number,
    userId: number | null,
    imported: ImportedDocument,
  ): Promise<void> {
    const mapped = mapParseResult(imported.result, imported.document.text.length);
    await manager.insert(EvaluationEntity, {
      ...mapped.evaluation,
      id: evaluationId,
      status: 'draft',
      sourceDocumentId,
      createdById: userId,
      departmentUnitId: null,
      outcome: null,
    });
    // In chunks: one multi-row INSERT of a long report could exceed max_allowed_packet (16 MB by default).
    for (const chunk of chunks(mapped.findings, INSERT_CHUNK)) {
      await manager.insert(
        FindingEntity,
        chunk.map((f) => ({ ...f, evaluationId })),
      );
    }
    for (const chunk of chunks(mapped.recommendations, INSERT_CHUNK)) {
      await manager.insert(
        RecommendationEntity,
        chunk.map((r) => ({ ...r, evaluationId })),
      );
    }
  }
}

const INSERT_CHUNK = 25;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function storableText(text: string): string | null {
  return Buffer.byteLength(text, 'utf8') <= MAX_STORED_TEXT_BYTES ? text : null;
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
