import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { AppError, assertPlainFileName, NotFoundError, safeFileName } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { assertAllowedContent, withDetectedExtension } from '@rectiflow/evidence';
import { LetterReplyEntity, RectificationEntity, SupervisionLetterEntity } from '@rectiflow/persistence';
import { FileStore } from '@rectiflow/storage';

/**
 * 回复/说明 to a 督办文书, uploaded by the addressee unit (department roles within scope; 404 outside, 403 for
 * bureau roles). The file passes the same content checks as 佐证材料 (type by content, executables refused,
 * archive budget) before a byte is stored; the row is written after the blob, so nothing is half-written.
 */
@Injectable()
export class LetterReplyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly store: FileStore,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Cheap access check, run by the interceptor before the body is read. */
  async assertCanReply(user: AuthUser, rectificationId: string, letterId: number): Promise<void> {
    const r = await this.db
      .getRepository(RectificationEntity)
      .findOne({ where: { id: rectificationId }, select: { id: true, unitId: true } });
    if (!r) throw new NotFoundError('整改事项');
    await this.scope.assertCanSeeUnit(user, r.unitId, '整改事项');
    const exists = await this.db
      .getRepository(SupervisionLetterEntity)
      .existsBy({ id: letterId, rectificationId });
    if (!exists) throw new NotFoundError('督办文书');
    await this.scope.assertCanAct(user, r.unitId, '整改事项');
  }

  async upload(
    user: AuthUser,
    rectificationId: string,
    letterId: number,
    file: { originalName: string; content: Buffer } | undefined,
    ip: string | null,
  ): Promise<LetterReplyEntity> {
    await this.assertCanReply(user, rectificationId, letterId);
    if (!file)
      throw new AppError('VALIDATION_FAILED', '请上传回复材料文件（字段 file）', {
        fields: { file: ['请上传一个文件'] },
      });
    assertPlainFileName(file.originalName);
    const name = safeFileName(file.originalName, { fallback: '回复材料', maxChars: 120 });
    const detected = await assertAllowedContent(name, file.content, this.config.limits.uploadAllowedTypes, {
      maxTotalBytes: this.config.limits.uploadMaxDecompressedBytes,
      maxEntries: this.config.limits.uploadMaxArchiveEntries,
    });
    const blob = await this.store.put(file.content);
    const row = await this.db.transaction(async (tx) => {
      const result = await tx.insert(LetterReplyEntity, {
        letterId,
        sha256: blob.sha256,
        storageKey: blob.key,
        originalName: withDetectedExtension(name, detected.type),
        detectedType: detected.type,
        mimeType: detected.mime,
        size: blob.size,
        uploadedById: user.id,
        uploadedByName: user.displayName.slice(0, 100),
        uploadedAt: new Date(),
      });
      const id = Number(result.identifiers[0].id);
      await this.audit.record(
        {
          actor: user,
          action: 'letter.reply',
          entityType: 'supervision_letter',
          entityId: letterId,
          ip,
          payload: { rectificationId, replyId: id, sha256: blob.sha256, fileName: name },
        },
        tx,
      );
      return tx.getRepository(LetterReplyEntity).findOneByOrFail({ id });
    });
    return row;
  }
}
