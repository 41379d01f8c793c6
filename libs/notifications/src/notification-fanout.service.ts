import { Inject, Injectable } from '@nestjs/common';
import type { NotificationRequest } from '@rectiflow/contracts';
import { NotificationContextService } from './context/notification-context.service';
import { DeliveryPlanner } from './delivery/delivery-planner.service';
import { routeOf } from './notification-catalog';
import { RecipientResolver } from './recipients/recipient-resolver.service';
import { TemplateRenderer } from './templates/template-renderer';

/** A workflow's NotificationRequest → rendered message → recipients → one delivery job per recipient and channel. */
@Injectable()
export class NotificationFanoutService {
  constructor(
    private readonly contexts: NotificationContextService,
    private readonly recipients: RecipientResolver,
    private readonly planner: DeliveryPlanner,
    @Inject(TemplateRenderer) private readonly templates: TemplateRenderer,
  ) {}

  async fanOut(request: NotificationRequest): Promise<{ deliveries: number; enqueued: number }> {
    const route = routeOf(request.event, request.level, request.payload?.audiences);
    const context = await this.contexts.forRequest(request);
    const message = this.templates.render(route.template, context, context.link);
    const previousUnitId =
      typeof request.payload?.fromUnitId === 'number' ? request.payload.fromUnitId : null;
    return this.planner.plan({
      key: request.key,
      event: request.event,
      level: request.level ?? null,
      message,
      ref: {
        rectificationId: request.rectificationId,
        evaluationId: request.evaluationId,
        findingSeq: request.findingSeq,
        unitId: request.unitId,
        deadline: request.deadlineDate,
        occurredAt: request.occurredAt,
      },
      recipients: await this.recipients.resolve(route.audiences, {
        unitId: request.unitId,
        previousUnitId,
        issuerUserId: typeof request.payload?.issuerUserId === 'number' ? request.payload.issuerUserId : null,
      }),
    });
  }
}
