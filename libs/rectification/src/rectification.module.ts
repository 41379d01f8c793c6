import { Module } from '@nestjs/common';
import { PersistenceModule } from '@rectiflow/persistence';
import { EvaluationLifecycleService } from './evaluation-lifecycle.service';
import { IssuePageService } from './issue-page.service';
import { NotificationRequestService } from './notification-request.service';
import { RectificationProjectionService } from './rectification-projection.service';

@Module({
  imports: [PersistenceModule],
  providers: [
    RectificationProjectionService,
    NotificationRequestService,
    EvaluationLifecycleService,
    IssuePageService,
  ],
  exports: [
    RectificationProjectionService,
    NotificationRequestService,
    EvaluationLifecycleService,
    IssuePageService,
  ],
})
export class RectificationModule {}
