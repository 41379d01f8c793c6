import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import { AuthUser, unitSubtreeIds, type UnitKind } from '@rectiflow/auth';
import { AppError, NotFoundError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import type { UnitNode, UnitResponse } from '@rectiflow/contracts';
import { webhookUrlRefusal } from '@rectiflow/notifications';
import { UnitEntity } from '@rectiflow/persistence';
import { fieldChanges } from '../audit/field-changes';
import { isDuplicateKeyError } from './duplicate-key';
import type { CreateUnitDto, UpdateUnitDto } from './unit.dto';
import { toUnitResponse } from './unit-response.mapper';
import { buildUnitTree, parentKindProblem } from './unit-tree';

/** The unit tree. Reads are for bureau roles and auditors; writes for bureau_admin (enforced by the controller). */
@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Loopback, link-local and private targets are refused unless configuration allows them. */
  private checkWebhookUrl(url: string | null | undefined): void {
    if (!url || this.config.notifications.webhookAllowPrivateNetworks) return;
    const refusal = webhookUrlRefusal(url);
    if (refusal) throw new AppError('VALIDATION_FAILED', refusal, { fields: { webhookUrl: [refusal] } });
  }

  async list(): Promise<UnitResponse[]> {
    return (await this.units.find({ order: { id: 'ASC' } })).map(toUnitResponse);
  }

  async tree(): Promise<UnitNode[]> {
    return buildUnitTree(await this.list());
  }

  async get(id: number): Promise<UnitResponse> {
    return toUnitResponse(await this.find(id));
  }

  private async find(id: number): Promise<UnitEntity> {
    const unit = await this.units.findOneBy({ id });
    if (!unit) throw new NotFoundError('单位', id);
    return unit;
  }

  async create(dto: CreateUnitDto, actor: AuthUser, ip: string): Promise<UnitResponse> {
    const parentId = dto.parentId ?? null;
    this.checkWebhookUrl(dto.webhookUrl);
    await this.checkParent(dto.kind, parentId);
    await this.checkCodeFree(dto.code);
    const unit = this.units.create({
      code: dto.code,
      name: dto.name.trim(),
      kind: dto.kind,
      parentId,
      contactEmails: dto.contactEmails ?? [],
      webhookUrl: dto.webhookUrl ?? null,
      active: true,
    });
    await this.saveUnique(unit);
    await this.audit.record({
      actor,
      action: 'unit.create',
      entityType: 'unit',
      entityId: unit.id,
      ip,
      payload: { code: unit.code, name: unit.name, kind: unit.kind, parentId },
    });
    return this.get(unit.id);
  }

  async update(id: number, dto: UpdateUnitDto, actor: AuthUser, ip: string): Promise<UnitResponse> {
    const unit = await this.find(id);
    const kind = dto.kind ?? unit.kind;
    const parentId = dto.parentId === undefined ? unit.parentId : dto.parentId;
    this.checkWebhookUrl(dto.webhookUrl);
    if (dto.parentId !== undefined || dto.kind !== undefined) await this.checkParent(kind, parentId, id);
    if (dto.kind !== undefined) await this.checkChildrenFit(id, kind);
    if (dto.code !== undefined && dto.code.toLowerCase() !== unit.code.toLowerCase())
      await this.checkCodeFree(dto.code);

    const patch: Partial<UnitEntity> = {
      code: dto.code,
      name: dto.name?.trim(),
      kind: dto.kind,
      parentId: dto.parentId,
      contactEmails: dto.contactEmails,
      webhookUrl: dto.webhookUrl,
      active: dto.active,
    };
    const changes = fieldChanges(unit, patch);
    if (Object.keys(changes).length === 0) return toUnitResponse(unit);
    await this.saveUnique(Object.assign(unit, stripUndefined(patch)));
    await this.audit.record({
      actor,
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      ip,
      payload: { changes },
    });
    return this.get(id);
  }

  /** 404 for a missing parent; 400 (field parentId) for a wrong kind or a move under its own subtree. */
  private async checkParent(kind: UnitKind, parentId: number | null, selfId?: number): Promise<void> {
    let parentKind: UnitKind | null = null;
    if (parentId !== null) {
      const parent = await this.units.findOneBy({ id: parentId });
      if (!parent) throw new NotFoundError('上级单位', parentId);
      parentKind = parent.kind;
      if (selfId !== undefined && (await unitSubtreeIds(this.dataSource.manager, selfId)).includes(parentId))
        throw invalidParent('不能把单位移到它自己或它的下级单位之下');
    }
    const problem = parentKindProblem(kind, parentKind);
    if (problem) throw invalidParent(problem);
  }

  private async checkChildrenFit(id: number, kind: UnitKind): Promise<void> {
    for (const child of await this.units.findBy({ parentId: id })) {
      const problem = parentKindProblem(child.kind, kind);
      if (problem)
        throw new AppError('VALIDATION_FAILED', `下级单位 ${child.code} 与新类型不符：${problem}`, {
          fields: { kind: [problem] },
        });
    }
  }

  private async checkCodeFree(code: string): Promise<void> {
    if (await this.units.existsBy({ code })) throw duplicateCode(code);
  }

  /** The pre-check can race with another request; the unique index decides. */
  private async saveUnique(unit: UnitEntity): Promise<void> {
    try {
      await this.units.save(unit);
    } catch (err) {
      if (isDuplicateKeyError(err)) throw duplicateCode(unit.code);
      throw err;
    }
  }
}

function invalidParent(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `请求参数无效 — parentId: ${message}`, {
    fields: { parentId: [message] },
  });
}

function duplicateCode(code: string): AppError {
  return new AppError('DUPLICATE', `单位编码 ${code} 已被使用`, { field: 'code', value: code });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
