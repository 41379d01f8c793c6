import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { AppError, NotFoundError } from '@rectiflow/common';
import { ESCALATION_LABELS, type EscalationLevel } from '@rectiflow/contracts';
import { LetterReplyEntity, RectificationEntity, SupervisionLetterEntity } from '@rectiflow/persistence';
import { FileStore } from '@rectiflow/storage';
import { LetterRenderService } from './letter-render.service';
import { DOCX_MIME, type FileDownload, type LetterView } from './letter.types';

/**
 * Reads 督办文书 after the unit-scope check on the item (404 outside one's units, downloads included). A letter
 * whose .docx was not rendered yet (the render after the commit failed) is rendered on first read.
 */
@Injectable()
export class LetterQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly store: FileStore,
    private readonly renderer: LetterRenderService,
  ) {}

  async list(user: AuthUser, rectificationId: string): Promise<LetterView[]> {
    await this.assertVisible(user, rectificationId);
    const letters = await this.db
      .getRepository(SupervisionLetterEntity)
      .find({ where: { rectificationId }, order: { id: 'ASC' } });
    for (const [i, l] of letters.entries())
      if (!l.sha256) letters[i] = await this.renderer.ensureRendered(l.id);
    const replies = letters.length
      ? await this.db
          .getRepository(LetterReplyEntity)
          .find({ where: { letterId: In(letters.map((l) => l.id)) }, order: { id: 'ASC' } })
      : [];
    const base = `/api/v1/rectifications/${encodeURIComponent(rectificationId)}/letters`;
    return letters.map((l) => ({
      id: l.id,
      level: l.level,
      label: ESCALATION_LABELS[l.level as EscalationLevel],
      docNumber: l.docNumber,
      issuedAt: l.issuedAt.toISOString(),
      fileName: l.fileName,
      sha256: l.sha256 as string,
      downloadUrl: `${base}/${l.id}/download`,
      replies: replies
        .filter((r) => r.letterId === l.id)
        .map((r) => ({
          id: r.id,
          fileName: r.originalName,
          sha256: r.sha256,
          uploadedAt: r.uploadedAt.toISOString(),
          uploadedBy: r.uploadedByName,
          downloadUrl: `${base}/${l.id}/replies/${r.id}/download`,
        })),
    }));
  }

  async openLetter(user: AuthUser, rectificationId: string, letterId: number): Promise<FileDownload> {
    await this.assertVisible(user, rectificationId);
    const found = await this.db
      .getRepository(SupervisionLetterEntity)
      .findOneBy({ id: letterId, rectificationId });
    if (!found) throw new NotFoundError('督办文书');
    const letter = await this.renderer.ensureRendered(found.id);
    return this.open(letter.sha256 as string, letter.fileName, DOCX_MIME);
  }

  async openReply(
    user: AuthUser,
    rectificationId: string,
    letterId: number,
    replyId: number,
  ): Promise<FileDownload> {
    await this.letterOf(user, rectificationId, letterId);
    const reply = await this.db.getRepository(LetterReplyEntity).findOneBy({ id: replyId, letterId });
    if (!reply) throw new NotFoundError('回复材料');
    return this.open(reply.sha256, reply.originalName, reply.mimeType);
  }

  /** The letter of a visible item, or 404. */
  async letterOf(
    user: AuthUser,
    rectificationId: string,
    letterId: number,
  ): Promise<SupervisionLetterEntity> {
    await this.assertVisible(user, rectificationId);
    const letter = await this.db
      .getRepository(SupervisionLetterEntity)
      .findOneBy({ id: letterId, rectificationId });
    if (!letter) throw new NotFoundError('督办文书');
    return letter;
  }

  private async open(sha256: string, name: string, mimeType: string): Promise<FileDownload> {
    const stat = await this.store.stat(sha256);
    if (!stat)
      throw new AppError('NOT_FOUND', '文件内容已不在存储中，请联系管理员', {
        reason: 'BLOB_MISSING',
        sha256,
      });
    return { stream: this.store.open(sha256), name, size: stat.size, mimeType, sha256 };
  }

  private async assertVisible(user: AuthUser, rectificationId: string): Promise<void> {
    const r = await this.db
      .getRepository(RectificationEntity)
      .findOne({ where: { id: rectificationId }, select: { id: true, unitId: true } });
    if (!r) throw new NotFoundError('整改事项');
    await this.scope.assertCanSeeUnit(user, r.unitId, '整改事项');
  }
}
