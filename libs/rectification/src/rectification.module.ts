import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { EvaluationLifecycleService } from './evaluation-lifecycle.service';
import { NotificationRequestService } from './notification-request.service';
import { RectificationProjectionService } from './rectification-projection.service';

@Module({
  imports: [PersistenceModule],
  providers: [RectificationProjectionService, NotificationRequestService, EvaluationLifecycleService],
  exports: [RectificationProjectionService, NotificationRequestService, EvaluationLifecycleService],
})
export class RectificationModule {}
