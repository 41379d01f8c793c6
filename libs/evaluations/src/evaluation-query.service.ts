import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AppError, NotFoundError } from '@rectiflow/common';
import { AccessScopeService, type AuthUser, type UnitScope } from '@rectiflow/auth';
import { EvaluationEntity, FindingEntity, type EvaluationStatus } from '@rectiflow/persistence';
import { FileStore } from '@rectiflow/storage';
import { loadEvaluationDetail } from './evaluation-detail.loader';
import type { EvaluationDetail, EvaluationPage, EvaluationSummary } from './evaluation-detail.types';
import { progressOf, type EvaluationProgress } from './evaluation-progress.query';
import { canSeeEvaluation, restrictToVisibleEvaluations } from './evaluation-visibility';
import { loadSourceText, type SourceText } from './source-text.query';

export interface EvaluationListQuery {
  status?: EvaluationStatus;
  grade?: string;
  /** substring of the title, project, organizer, departments, evaluator or file name */
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface SourceDownload {
  stream: Readable;
  originalName: string;
  size: number;
  contentType: string;
}

const SUMMARY_COLUMNS = [
  'id',
  'status',
  'version',
  'title',
  'projectName',
  'supervisingDepartment',
  'projectUnit',
  'score',
  'grade',
  'warnings',
  'departmentUnitId',
  'issuedAt',
  'createdAt',
  'updatedAt',
];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The read side: detail, list and the original document, each filtered by the caller's scope. */
@Injectable()
export class EvaluationQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: AccessScopeService,
    private readonly files: FileStore,
  ) {}

  /** A department sharing the evaluation with other units sees the progress and links of its own items only. */
  async getDetail(id: string, user: AuthUser): Promise<EvaluationDetail> {
    const scope = await this.assertVisible(id, user);
    return loadEvaluationDetail(this.dataSource.manager, id, scope);
  }

  async list(query: EvaluationListQuery, user: AuthUser): Promise<EvaluationPage> {
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, query.pageSize ?? 20));
    // Only the listed columns: the MEDIUMTEXT paragraphs stay in the database.
    const qb = this.dataSource
      .getRepository(EvaluationEntity)
      .createQueryBuilder('e')
      .leftJoin('e.sourceDocument', 'd')
      .select(SUMMARY_COLUMNS.map((c) => `e.${c}`))
      .addSelect(['d.id', 'd.originalName']);
    const scope = await this.scope.visibleUnitIds(user);
    restrictToVisibleEvaluations(qb, 'e', scope);
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.grade) qb.andWhere('e.grade = :grade', { grade: query.grade });
    const text = query.q?.trim();
    if (text) {
      const columns = [
        'title',
        'projectName',
        'organizer',
        'supervisingDepartment',
        'projectUnit',
        'evaluator',
      ];
      const ors = [...columns.map((c) => `e.${c} LIKE :like`), 'd.originalName LIKE :like'];
      qb.andWhere(`(${ors.join(' OR ')})`, { like: `%${escapeLike(text)}%` });
    }
    qb.orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const ids = rows.map((r) => r.id);
    const [counts, progress] = await Promise.all([
      this.findingCounts(ids),
      progressOf(this.dataSource.manager, ids, scope),
    ]);
    return {
      items: rows.map((e) => toSummary(e, counts.get(e.id) ?? 0, progress.get(e.id)!)),
      total,
      page,
      pageSize,
    };
  }

  async openSource(id: string, user: AuthUser): Promise<SourceDownload> {
    await this.assertVisible(id, user);
    const evaluation = await this.dataSource.getRepository(EvaluationEntity).findOne({
      where: { id },
      relations: { sourceDocument: true },
    });
    const doc = evaluation?.sourceDocument;
    if (!doc) throw new NotFoundError('原始文件');
    if (!(await this.files.exists(doc.sha256))) {
      throw new AppError('NOT_FOUND', '原始文件在存储中缺失，请联系管理员 (stored file missing)', {
        reason: 'SOURCE_FILE_MISSING',
        sha256: doc.sha256,
      });
    }
    return {
      stream: this.files.open(doc.sha256),
      originalName: doc.originalName,
      size: doc.size,
      contentType: contentTypeFor(doc.format, doc.encoding),
    };
  }

  /**
   * The text the importer extracted, with the span of each finding and recommendation in it (items without
   * one — added by hand — are left out). 404 when there is no stored text (a hand-made draft, or a document
   * imported before texts were kept).
   */
  async getSourceText(id: string, user: AuthUser): Promise<SourceText> {
    await this.assertVisible(id, user);
    return loadSourceText(this.dataSource.manager, id);
  }

  /** 404 unless the caller may read the evaluation; answers the caller's unit scope. */
  private async assertVisible(id: string, user: AuthUser): Promise<UnitScope> {
    const scope = await this.scope.visibleUnitIds(user);
    const row = await this.dataSource
      .getRepository(EvaluationEntity)
      .findOne({ where: { id }, select: { id: true, status: true, departmentUnitId: true } });
    const itemUnits: { unitId: number }[] = row
      ? await this.dataSource.query('SELECT DISTINCT unitId FROM rectification WHERE evaluationId = ?', [id])
      : [];
    if (
      !row ||
      !canSeeEvaluation(
        scope,
        row,
        itemUnits.map((u) => Number(u.unitId)),
      )
    )
      throw new NotFoundError('评价', id);
    return scope;
  }

  private async findingCounts(ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows: Array<{ evaluationId: string; n: string | number }> = await this.dataSource
      .getRepository(FindingEntity)
      .createQueryBuilder('f')
      .select('f.evaluationId', 'evaluationId')
      .addSelect('COUNT(*)', 'n')
      .where('f.evaluationId IN (:...ids)', { ids })
      .groupBy('f.evaluationId')
      .getRawMany();
    return new Map(rows.map((r) => [r.evaluationId, Number(r.n)]));
  }
}

function toSummary(
  e: EvaluationEntity,
  findingCount: number,
  progress: EvaluationProgress,
): EvaluationSummary {
  return {
    id: e.id,
    status: e.status,
    version: e.version,
    title: e.title,
    projectName: e.projectName,
    supervisingDepartment: e.supervisingDepartment,
    projectUnit: e.projectUnit,
    score: e.score,
    grade: e.grade,
    findingCount,
    warningCount: e.warnings.length,
    progress,
    sourceDocumentName: e.sourceDocument?.originalName ?? null,
    departmentUnitId: e.departmentUnitId,
    issuedAt: e.issuedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The stored bytes are the original ones, so a GBK text file is served as GBK, labelled as such. */
const BINARY_TYPES: Record<string, string> = {
  docx: DOCX_TYPE,
  doc: 'application/msword',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  unknown: 'application/octet-stream',
};

export function contentTypeFor(format: string, encoding: string | null): string {
  if (BINARY_TYPES[format]) return BINARY_TYPES[format];
  const type = format === 'html' ? 'text/html' : 'text/plain';
  return encoding ? `${type}; charset=${encoding}` : type;
}
