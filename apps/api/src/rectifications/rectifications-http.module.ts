import { Module } from '@nestjs/common';
import { LedgerModule } from '@rectiflow/ledger';
import { RectificationApiModule } from '@rectiflow/rectification';
import { EvidenceHttpModule } from '../evidence/evidence-http.module';
import { LedgerController } from '../ledger/ledger.controller';
import { IssueEvaluationController } from './issue-evaluation.controller';
import { RectificationDetailController } from './rectification-detail.controller';
import { RectificationStepsController } from './rectification-steps.controller';

/**
 * Routes under /rectifications. Order matters: Express tries routes in registration order, so the ledger's
 * static paths (GET rectifications, GET rectifications/export.xlsx) come before GET rectifications/:id.
 */
@Module({
  imports: [RectificationApiModule, LedgerModule, EvidenceHttpModule],
  controllers: [
    IssueEvaluationController,
    LedgerController,
    RectificationStepsController,
    RectificationDetailController,
  ],
})
export class RectificationsHttpModule {}
