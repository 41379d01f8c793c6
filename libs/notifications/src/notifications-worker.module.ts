import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { EmailChannel } from './channels/email.channel';
import { InAppChannel } from './channels/in-app.channel';
import { WebhookChannel } from './channels/webhook.channel';
import { NotificationContextService } from './context/notification-context.service';
import { DeliveryExecutor } from './delivery/delivery-executor.service';
import { DeliveryPlanner } from './delivery/delivery-planner.service';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './delivery/notification-channel';
import { DailyDigestService } from './digest/daily-digest.service';
import { DigestScheduleService } from './digest/digest-schedule.service';
import { NotificationFanoutService } from './notification-fanout.service';
import { NotificationWorkersService } from './notification-workers.service';
import { NotificationsModule } from './notifications.module';
import { RecipientResolver } from './recipients/recipient-resolver.service';
import { TemplateRenderer } from './templates/template-renderer';

/**
 * The worker side: consumes notification requests, renders, fans out and delivers; runs the daily digest and
 * keeps its Temporal Schedule. Exports DailyDigestService and NotificationFanoutService for the activities.
 */
@Module({
  imports: [PersistenceModule, NotificationsModule],
  providers: [
    { provide: TemplateRenderer, useFactory: () => new TemplateRenderer() },
    InAppChannel,
    EmailChannel,
    WebhookChannel,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [InAppChannel, EmailChannel, WebhookChannel],
      useFactory: (...channels: NotificationChannel[]) => channels,
    },
    NotificationContextService,
    RecipientResolver,
    DeliveryPlanner,
    DeliveryExecutor,
    NotificationFanoutService,
    NotificationWorkersService,
    DailyDigestService,
    DigestScheduleService,
  ],
  exports: [DailyDigestService, NotificationFanoutService, DigestScheduleService, TemplateRenderer],
})
export class NotificationsWorkerModule {}
