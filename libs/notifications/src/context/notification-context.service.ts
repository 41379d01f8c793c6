import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { NotificationRequest } from '@rectiflow/contracts';
import { AppConfig } from '@rectiflow/config';
import { EvaluationEntity, RectificationEntity, UnitEntity } from '@rectiflow/persistence';
import { buildItemContext, ItemContext } from './item-context';

/** Gathers what a rectification template shows: the evaluation's facts, unit names, the item's snapshot. */
@Injectable()
export class NotificationContextService {
  constructor(
    private readonly config: AppConfig,
    @InjectRepository(EvaluationEntity) private readonly evaluations: Repository<EvaluationEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(RectificationEntity) private readonly rectifications: Repository<RectificationEntity>,
  ) {}

  itemLink(rectificationId: string): string {
    return `${this.config.http.publicBaseUrl}/rectifications/${encodeURIComponent(rectificationId)}`;
  }

  ledgerLink(): string {
    return `${this.config.http.publicBaseUrl}/rectifications`;
  }

  async forRequest(request: NotificationRequest): Promise<ItemContext> {
    const previousUnitId =
      typeof request.payload?.fromUnitId === 'number' ? request.payload.fromUnitId : null;
    const [evaluation, units, row] = await Promise.all([
      this.evaluations.findOne({
        where: { id: request.evaluationId },
        select: { id: true, title: true, projectName: true, score: true, grade: true },
      }),
      this.units.find({
        where: { id: In([request.unitId, previousUnitId ?? request.unitId]) },
        select: { id: true, name: true },
      }),
      this.rectifications.findOne({
        where: { id: request.rectificationId },
        select: { id: true, state: true },
      }),
    ]);
    const nameOf = (id: number | null) =>
      id === null ? null : (units.find((u) => u.id === id)?.name ?? `单位 ${id}`);
    return buildItemContext({
      request,
      evaluation,
      unitName: nameOf(request.unitId)!,
      previousUnitName: nameOf(previousUnitId),
      state: row?.state ?? null,
      link: this.itemLink(request.rectificationId),
      timeZone: this.config.notifications.timezone,
    });
  }
}
