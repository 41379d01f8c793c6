import { Module } from '@nestjs/common';
import { AuditModule } from '@rectiflow/audit';
import { CalendarModule } from '@rectiflow/calendar';
import { PersistenceModule } from '@rectiflow/persistence';
import { IssueEvaluationService } from './issue-evaluation.service';
import { RectificationCommandService } from './rectification-command.service';
import { RectificationDetailService } from './rectification-detail.service';
import { RectificationModule } from './rectification.module';
import { PolicyDefaultsRepository } from './policy-defaults.repository';
import { PolicyDefaultsService } from './policy-defaults.service';
import { StepIdempotencyService } from './step-idempotency.service';

/** What the API needs on top of the worker-side services: issuing, the step gateway and reads. */
@Module({
  imports: [PersistenceModule, AuditModule, RectificationModule, CalendarModule],
  providers: [
    IssueEvaluationService,
    RectificationCommandService,
    RectificationDetailService,
    StepIdempotencyService,
    PolicyDefaultsRepository,
    PolicyDefaultsService,
  ],
  exports: [
    PolicyDefaultsService,
    IssueEvaluationService,
    RectificationCommandService,
    RectificationDetailService,
    RectificationModule,
    CalendarModule,
  ],
})
export class RectificationApiModule {}
