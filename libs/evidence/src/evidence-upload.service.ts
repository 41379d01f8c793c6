import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { AppError, assertPlainFileName, NotFoundError, safeFileName } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import type { EvidenceFileRef, RectificationState } from '@rectiflow/contracts';
import { EvidenceFileEntity, RectificationEntity } from '@rectiflow/persistence';
import { RectificationCommandService } from '@rectiflow/rectification';
import { FileStore, StoredFile } from '@rectiflow/storage';
import { assertAllowedContent } from './evidence-content.policy';
import { withDetectedExtension } from './evidence-file-name';
import type { EvidenceUploadInput } from './evidence.types';

interface CheckedFile {
  name: string;
  content: Buffer;
  type: string;
  mime: string;
}

/**
 * 上传佐证材料. Order of work, and why:
 *  1. access (department step rules) — before the body is read (the HTTP interceptor calls assertCanUpload) and
 *     again here, before anything is written;
 *  2. content check (415) on every file, before any byte is stored;
 *  3. bytes into the FileStore (content-addressed; an orphan blob is harmless and reused by the next upload);
 *  4. evidence_file rows inserted *pending* (evidenceId NULL) in a short committed transaction — their ids are
 *     the fileIds the workflow records;
 *  5. the addEvidence Update;
 *  6. success: rows marked with the workflow's evidence id. Rejected (409) or failed: the pending rows are
 *     deleted before the error is answered.
 * No database transaction is held across the Update: the Update waits for the workflow's projection activity,
 * which locks the same rectification row (SELECT … FOR UPDATE) that an open insert into evidence_file holds a
 * foreign-key lock on — that would deadlock until the lock-wait timeout, and a hung Temporal would pin pool
 * connections. The workflow state is the source of truth for which files belong to an item (lists and downloads
 * go by it), so a pending row left by a crash between 5 and 6 is either referenced by the state (and shown) or
 * garbage nobody can see.
 */
@Injectable()
export class EvidenceUploadService {
  private readonly logger = new Logger(EvidenceUploadService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly steps: RectificationCommandService,
    private readonly store: FileStore,
    private readonly config: AppConfig,
  ) {}

  /** 404 outside one's units, 403 for roles that do not act for departments. Cheap: call it before the body. */
  async assertCanUpload(user: AuthUser, rectificationId: string): Promise<void> {
    const row = await this.db
      .getRepository(RectificationEntity)
      .findOne({ where: { id: rectificationId }, select: { id: true, unitId: true } });
    if (!row) throw new NotFoundError('整改事项');
    await this.scope.assertCanAct(user, row.unitId, '整改事项');
  }

  async upload(
    user: AuthUser,
    id: string,
    input: EvidenceUploadInput,
    requestId: string,
    ip: string | null,
  ): Promise<RectificationState> {
    await this.assertCanUpload(user, id);
    if (input.files.length === 0)
      throw new AppError('VALIDATION_FAILED', '请至少上传一个佐证材料文件（字段 files）', {
        fields: { files: ['至少上传一个文件'] },
      });
    const checked: CheckedFile[] = [];
    for (const file of input.files) assertPlainFileName(file.originalName);
    for (const file of input.files) {
      const name = safeFileName(file.originalName, { fallback: '佐证材料', maxChars: 120 });
      const detected = await assertAllowedContent(name, file.content, this.config.limits.uploadAllowedTypes, {
        maxTotalBytes: this.config.limits.uploadMaxDecompressedBytes,
        maxEntries: this.config.limits.uploadMaxArchiveEntries,
      });
      checked.push({
        name: withDetectedExtension(name, detected.type),
        content: file.content,
        type: detected.type,
        mime: detected.mime,
      });
    }
    const refs = await this.storePending(user, id, checked);
    const fileIds = refs.map((r) => r.fileId);
    let state: RectificationState;
    try {
      state = await this.steps.execute(
        user,
        id,
        'addEvidence',
        { files: refs, description: input.description, effectiveDate: input.effectiveDate },
        requestId,
        { ip },
      );
    } catch (err) {
      await this.discardPending(id, fileIds);
      throw err;
    }
    const record = state.evidence.find((e) => e.files.some((f) => fileIds.includes(f.fileId)));
    if (!record) {
      // A retried request (same Idempotency-Key): the workflow answered with the first attempt's outcome,
      // whose rows exist already. This attempt's rows are duplicates.
      await this.discardPending(id, fileIds);
      return state;
    }
    await this.db
      .getRepository(EvidenceFileEntity)
      .update({ id: In(fileIds), rectificationId: id }, { evidenceId: record.id });
    return state;
  }

  private async storePending(user: AuthUser, id: string, files: CheckedFile[]): Promise<EvidenceFileRef[]> {
    const stored: (CheckedFile & { blob: StoredFile })[] = [];
    for (const f of files) stored.push({ ...f, blob: await this.store.put(f.content) });
    const uploadedAt = new Date();
    return this.db.transaction(async (m) => {
      const refs: EvidenceFileRef[] = [];
      // One INSERT per file: a multi-row insert's ids are only guessed (first id + n) by TypeORM.
      for (const f of stored) {
        const result = await m.insert(EvidenceFileEntity, {
          rectificationId: id,
          evidenceId: null,
          sha256: f.blob.sha256,
          storageKey: f.blob.key,
          originalName: f.name,
          detectedType: f.type,
          mimeType: f.mime,
          size: f.blob.size,
          uploadedById: user.id,
          uploadedAt,
        });
        refs.push({
          fileId: Number(result.identifiers[0].id),
          sha256: f.blob.sha256,
          name: f.name,
          size: f.blob.size,
          mimeType: f.mime,
        });
      }
      return refs;
    });
  }

  /** Compensation: only rows still pending, so a row the workflow did accept is never removed. */
  private async discardPending(id: string, fileIds: number[]): Promise<void> {
    try {
      await this.db
        .getRepository(EvidenceFileEntity)
        .delete({ id: In(fileIds), rectificationId: id, evidenceId: IsNull() });
    } catch (err) {
      // The original error matters more to the caller; the rows are pending, hence invisible, and sweepable.
      this.logger.warn({ err, rectificationId: id, fileIds }, 'could not discard pending evidence rows');
    }
  }
}
