import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessScopeService, AuthUser } from '@rectiflow/auth';
import { AppError, NotFoundError } from '@rectiflow/common';
import type { RectificationState } from '@rectiflow/contracts';
import { EvidenceFileEntity, RectificationEntity } from '@rectiflow/persistence';
import { FileStore } from '@rectiflow/storage';
import { withDetectedExtension } from './evidence-file-name';
import type { EvidenceDownload, EvidenceFileView } from './evidence.types';

/**
 * Reads evidence after the unit-scope check (404 outside one's units, also for downloads). Which files belong to
 * an item is what the workflow recorded (the state's evidence records, via the read model); the evidence_file
 * rows add what the workflow does not keep (detected type, storage key, upload time). A row the state does not
 * reference — a pending upload, or one whose step was refused — is never listed nor served.
 */
@Injectable()
export class EvidenceQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AccessScopeService,
    private readonly store: FileStore,
  ) {}

  async list(user: AuthUser, id: string): Promise<EvidenceFileView[]> {
    const state = await this.visibleState(user, id);
    const refs = state.evidence.flatMap((e) => e.files.map((f) => ({ e, f })));
    const rows = refs.length
      ? await this.db
          .getRepository(EvidenceFileEntity)
          .findBy({ id: In(refs.map((r) => r.f.fileId)), rectificationId: id })
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const base = `/api/v1/rectifications/${encodeURIComponent(id)}/evidence`;
    return refs.map(({ e, f }) => {
      const row = byId.get(f.fileId);
      return {
        id: f.fileId,
        name: row ? withDetectedExtension(row.originalName, row.detectedType) : f.name,
        size: row?.size ?? f.size,
        sha256: row?.sha256 ?? f.sha256,
        mimeType: row?.mimeType ?? f.mimeType,
        detectedType: row?.detectedType ?? null,
        uploadedAt: (row?.uploadedAt ?? new Date(e.addedAt)).toISOString(),
        downloadable: row !== undefined,
        evidence: {
          id: e.id,
          description: e.description,
          effectiveDate: e.effectiveDate,
          addedAt: e.addedAt,
          addedBy: { userId: e.addedBy.userId, name: e.addedBy.name },
        },
        links: { download: `${base}/${f.fileId}/download` },
      };
    });
  }

  async openDownload(user: AuthUser, id: string, fileId: number): Promise<EvidenceDownload> {
    const state = await this.visibleState(user, id);
    if (!state.evidence.some((e) => e.files.some((f) => f.fileId === fileId)))
      throw new NotFoundError('佐证材料文件');
    const row = await this.db
      .getRepository(EvidenceFileEntity)
      .findOneBy({ id: fileId, rectificationId: id });
    if (!row) throw new NotFoundError('佐证材料文件');
    if (!(await this.store.exists(row.sha256)))
      throw new AppError('NOT_FOUND', '佐证材料文件的内容已不在存储中，请联系管理员', {
        reason: 'BLOB_MISSING',
        sha256: row.sha256,
      });
    return {
      stream: this.store.open(row.sha256),
      // Rows stored before names followed the detected type are served that way too.
      name: withDetectedExtension(row.originalName, row.detectedType),
      size: row.size,
      mimeType: row.mimeType,
      sha256: row.sha256,
    };
  }

  private async visibleState(user: AuthUser, id: string): Promise<RectificationState> {
    const r = await this.db
      .getRepository(RectificationEntity)
      .findOne({ where: { id }, select: { id: true, unitId: true, state: true } });
    if (!r) throw new NotFoundError('整改事项');
    await this.scope.assertCanSeeUnit(user, r.unitId, '整改事项');
    return r.state;
  }
}
