import { AuditContext, AuditService } from '@rectiflow/audit';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '@rectiflow/common';
import { UnitEntity, UnitWebhookSettingEntity, WebhookFormat } from '@rectiflow/persistence';
import { detectWebhookFormat, webhookTarget } from '../webhook/webhook-format';

export interface UnitWebhookView {
  unitId: number;
  /** Host and path only: robots' URLs carry their access token in the query. */
  webhook: string | null;
  format: WebhookFormat;
  /** 'configured' by an admin, or 'detected' from the URL's host. */
  formatSource: 'configured' | 'detected';
  hasSignSecret: boolean;
}

/** The webhook format and DingTalk 加签 secret of a unit; the URL itself is edited with the unit (units API). */
@Injectable()
export class UnitWebhookSettingService {
  constructor(
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(UnitWebhookSettingEntity)
    private readonly settings: Repository<UnitWebhookSettingEntity>,
    private readonly audit: AuditService,
  ) {}

  async get(unitId: number): Promise<UnitWebhookView> {
    const unit = await this.units.findOne({ where: { id: unitId }, select: { id: true, webhookUrl: true } });
    if (!unit) throw new NotFoundError('单位', unitId);
    const setting = await this.settings
      .createQueryBuilder('s')
      .addSelect('s.signSecret')
      .where('s.unitId = :unitId', { unitId })
      .getOne();
    return {
      unitId,
      webhook: unit.webhookUrl ? webhookTarget(unit.webhookUrl) : null,
      format: setting?.format ?? (unit.webhookUrl ? detectWebhookFormat(unit.webhookUrl) : 'generic'),
      formatSource: setting ? 'configured' : 'detected',
      hasSignSecret: !!setting?.signSecret,
    };
  }

  /** `signSecret`: a string sets it, null clears it, undefined keeps it. */
  async put(
    unitId: number,
    change: { format: WebhookFormat; signSecret?: string | null },
    by?: AuditContext,
  ): Promise<UnitWebhookView> {
    if (!(await this.units.existsBy({ id: unitId }))) throw new NotFoundError('单位', unitId);
    const keep = change.signSecret === undefined;
    await this.settings.query(
      `INSERT INTO unit_webhook_setting (unitId, format, signSecret) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE format = VALUES(format)${keep ? '' : ', signSecret = VALUES(signSecret)'}`,
      [unitId, change.format, keep ? null : change.signSecret],
    );
    // The secret itself never enters the audit log: only whether it was set, cleared or kept.
    const secret = keep ? 'kept' : change.signSecret === null ? 'cleared' : 'set';
    await this.audit.record({
      actor: by?.actor ?? null,
      action: 'unit.webhook.update',
      entityType: 'unit',
      entityId: unitId,
      ip: by?.ip,
      payload: { format: change.format, signSecret: secret },
    });
    return this.get(unitId);
  }
}
