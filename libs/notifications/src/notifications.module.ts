import { AuditModule } from '@rectiflow/audit';
import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { DeliveryFailureService } from './admin/delivery-failure.service';
import { UnitWebhookSettingService } from './admin/unit-webhook-setting.service';
import { DeliveryQueues } from './delivery/delivery-queues';
import { InAppNotificationService } from './inbox/in-app-notification.service';
import { NotificationPreferenceService } from './preferences/notification-preference.service';

const SERVICES = [
  InAppNotificationService,
  NotificationPreferenceService,
  DeliveryFailureService,
  UnitWebhookSettingService,
  DeliveryQueues,
];

/** What both processes need: inboxes, preferences, the failure view and the delivery queues (producers). */
@Module({
  imports: [PersistenceModule, AuditModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class NotificationsModule {}
