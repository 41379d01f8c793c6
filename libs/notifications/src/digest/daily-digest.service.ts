import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { AppConfig } from '@rectiflow/config';
import { DailyDigestResult, FINAL_STATUSES } from '@rectiflow/contracts';
import { EvaluationEntity, RectificationEntity, UnitEntity } from '@rectiflow/persistence';
import { chineseDate, dateInZone } from '../context/format';
import { NotificationContextService } from '../context/notification-context.service';
import { DeliveryPlanner } from '../delivery/delivery-planner.service';
import type { DeliveryRef } from '../delivery/delivery.types';
import { DIGEST_EVENT, DIGEST_TEMPLATES } from '../notification-catalog';
import { RecipientResolver } from '../recipients/recipient-resolver.service';
import { TemplateRenderer } from '../templates/template-renderer';
import { DigestItem, digestSections, isEmptyDigest } from './digest-sections';

type UnitInfo = Pick<UnitEntity, 'id' | 'name' | 'kind' | 'parentId' | 'active'>;

/**
 * 每日整改汇总: each bureau reviewer gets the open items of their bureau's units (overdue, due within 7 days,
 * awaiting the bureau); each responsible unit gets its own. Nobody gets an empty digest. Keys are
 * `digest.<date>.…`, so running twice on one day (a retried activity, a manual trigger) sends once.
 */
@Injectable()
export class DailyDigestService {
  constructor(
    private readonly config: AppConfig,
    private readonly contexts: NotificationContextService,
    private readonly recipients: RecipientResolver,
    private readonly planner: DeliveryPlanner,
    @Inject(TemplateRenderer) private readonly templates: TemplateRenderer,
    @InjectRepository(RectificationEntity) private readonly rectifications: Repository<RectificationEntity>,
    @InjectRepository(EvaluationEntity) private readonly evaluations: Repository<EvaluationEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
  ) {}

  async send(asOf: Date): Promise<DailyDigestResult> {
    const today = dateInZone(asOf, this.config.notifications.timezone);
    const unitList = await this.units.find({
      select: { id: true, name: true, kind: true, parentId: true, active: true },
    });
    const units = new Map(unitList.map((u) => [u.id, u]));
    const items = await this.openItems(units);
    const result: DailyDigestResult = {
      date: today,
      reviewerDigests: 0,
      departmentDigests: 0,
      deliveries: 0,
    };
    const common = { date: chineseDate(today), ledgerLink: this.contexts.ledgerLink() };
    const ref = (unitId: number): DeliveryRef => ({
      rectificationId: null,
      evaluationId: null,
      findingSeq: null,
      unitId,
      deadline: null,
      occurredAt: asOf.toISOString(),
    });

    for (const bureau of unitList.filter((u) => u.kind === 'bureau' && u.active)) {
      const mine = items.filter((i) => [bureau.id, null].includes(bureauOf(i.unitId, units)));
      const sections = digestSections(mine, today, (i) => (bureauOf(i.unitId, units) === bureau.id ? 0 : 1));
      if (isEmptyDigest(sections)) continue;
      for (const user of await this.recipients.usersOf([bureau.id], ['bureau_reviewer'])) {
        const context = { ...common, ...sections, recipientName: user.displayName };
        const planned = await this.planner.plan({
          key: `digest.${today}.reviewer.u${user.id}`,
          event: DIGEST_EVENT,
          level: null,
          message: this.templates.render(DIGEST_TEMPLATES.reviewer, context, common.ledgerLink),
          ref: ref(bureau.id),
          recipients: [{ audience: 'bureau_reviewers', user }],
        });
        result.reviewerDigests += 1;
        result.deliveries += planned.enqueued;
      }
    }

    for (const unitId of [...new Set(items.map((i) => i.unitId))].sort((a, b) => a - b)) {
      const unit = units.get(unitId);
      const sections = digestSections(
        items.filter((i) => i.unitId === unitId),
        today,
      );
      if (!unit?.active || isEmptyDigest(sections)) continue;
      const context = { ...common, ...sections, unit: { name: unit.name } };
      const planned = await this.planner.plan({
        key: `digest.${today}.unit${unitId}`,
        event: DIGEST_EVENT,
        level: null,
        message: this.templates.render(DIGEST_TEMPLATES.department, context, common.ledgerLink),
        ref: ref(unitId),
        recipients: await this.recipients.resolve(['unit', 'unit_staff', 'unit_head'], { unitId }),
      });
      result.departmentDigests += 1;
      result.deliveries += planned.enqueued;
    }
    return result;
  }

  private async openItems(units: Map<number, UnitInfo>): Promise<DigestItem[]> {
    const rows = await this.rectifications.find({
      where: { status: Not(In([...FINAL_STATUSES])) },
      select: {
        id: true,
        evaluationId: true,
        findingSeq: true,
        findingTitle: true,
        status: true,
        unitId: true,
        currentDeadline: true,
        escalationLevel: true,
        state: true,
      },
    });
    const projects = await this.projectNames([...new Set(rows.map((r) => r.evaluationId))]);
    return rows.map((r) => {
      const last = r.state?.extensions?.[r.state.extensions.length - 1];
      return {
        id: r.id,
        unitId: r.unitId,
        unitName: units.get(r.unitId)?.name ?? `单位 ${r.unitId}`,
        projectName: projects.get(r.evaluationId) ?? '（未登记项目名称）',
        findingSeq: r.findingSeq,
        findingTitle: r.findingTitle,
        status: r.status,
        deadline: String(r.currentDeadline).slice(0, 10),
        escalationLevel: Number(r.escalationLevel),
        pendingExtension: !!last && !last.decision,
        link: this.contexts.itemLink(r.id),
      };
    });
  }

  private async projectNames(evaluationIds: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let i = 0; i < evaluationIds.length; i += 500) {
      const found = await this.evaluations.find({
        where: { id: In(evaluationIds.slice(i, i + 500)) },
        select: { id: true, projectName: true, title: true },
      });
      for (const e of found) if (e.projectName || e.title) names.set(e.id, (e.projectName || e.title)!);
    }
    return names;
  }
}

/** The nearest bureau at or above the unit; null when it sits under no bureau (then every bureau sees it). */
function bureauOf(unitId: number, units: Map<number, UnitInfo>): number | null {
  const seen = new Set<number>();
  for (
    let u = units.get(unitId);
    u && !seen.has(u.id);
    u = u.parentId === null ? undefined : units.get(u.parentId)
  ) {
    if (u.kind === 'bureau') return u.id;
    seen.add(u.id);
  }
  return null;
}
