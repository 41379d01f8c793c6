import { Module } from '@nestjs/common';
import { NotificationsModule } from '@rectiflow/notifications';
import { NotificationAdminController } from './notification-admin.controller';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';

/** /notifications (own inbox and preferences) and /admin notification failures and unit webhooks. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationPreferencesController, NotificationsController, NotificationAdminController],
})
export class NotificationsHttpModule {}
