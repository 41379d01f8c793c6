import { Module } from '@nestjs/common';
import { RectificationApiModule } from '@rectiflow/rectification';
import { IssueEvaluationController } from './issue-evaluation.controller';
import { RectificationDetailController } from './rectification-detail.controller';
import { RectificationStepsController } from './rectification-steps.controller';

@Module({
  imports: [RectificationApiModule],
  controllers: [IssueEvaluationController, RectificationStepsController, RectificationDetailController],
})
export class RectificationsHttpModule {}
