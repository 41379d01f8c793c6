import { Module } from '@nestjs/common';
import { EvaluationsModule } from '@rectiflow/evaluations';
import { EvaluationFindingsController } from './evaluation-findings.controller';
import { EvaluationRecommendationsController } from './evaluation-recommendations.controller';
import { EvaluationsController } from './evaluations.controller';
import { ImportUploadInterceptor } from './import-upload.interceptor';

/** The evaluations HTTP surface: import, read, draft editing. */
@Module({
  imports: [EvaluationsModule],
  controllers: [EvaluationsController, EvaluationFindingsController, EvaluationRecommendationsController],
  providers: [ImportUploadInterceptor],
})
export class EvaluationsHttpModule {}
