import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser } from '@rectiflow/auth';
import type { RectificationState } from '@rectiflow/contracts';
import { RectificationCommandService } from '@rectiflow/rectification';
import { RequestId } from './request-id.decorator';
import {
  AcknowledgeDto,
  CancelDto,
  CommentDto,
  DecideExtensionDto,
  ProgressReportDto,
  ReassignDto,
  RequestExtensionDto,
  ReviewDto,
  SubmitDto,
  SubmitPlanDto,
} from './rectification-steps.dto';
import { StepRoute } from './step-route.decorator';

/**
 * One POST per human step; path, summary and OpenAPI come from the step catalog (StepRoute). Each goes through the workflow's Update (the validator decides, 409 with its reason
 * when the step is not allowed now) and answers with the new state. Send `Idempotency-Key` to make retries safe.
 * The client address goes along for the audit entry every applied step gets (RectificationCommandService).
 */
@ApiTags('rectifications')
@ApiBearerAuth()
@Controller('rectifications/:id')
export class RectificationStepsController {
  constructor(private readonly steps: RectificationCommandService) {}

  @StepRoute('acknowledge')
  acknowledge(
    @Param('id') id: string,
    @Body() dto: AcknowledgeDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'acknowledge', dto, r, { ip });
  }

  @StepRoute('submitPlan')
  plan(
    @Param('id') id: string,
    @Body() dto: SubmitPlanDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.submitPlan(u, id, dto, r, { ip });
  }

  @StepRoute('approvePlan')
  approvePlan(
    @Param('id') id: string,
    @Body() dto: CommentDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'approvePlan', dto, r, { ip });
  }

  @StepRoute('returnPlan')
  returnPlan(
    @Param('id') id: string,
    @Body() dto: CommentDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'returnPlan', dto, r, { ip });
  }

  @StepRoute('submit')
  submit(
    @Param('id') id: string,
    @Body() dto: SubmitDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'submit', dto, r, { ip });
  }

  @StepRoute('review')
  review(
    @Param('id') id: string,
    @Body() dto: ReviewDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'review', dto, r, { ip });
  }

  @StepRoute('reportProgress')
  progress(
    @Param('id') id: string,
    @Body() dto: ProgressReportDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'reportProgress', dto, r, { ip });
  }

  @StepRoute('requestExtension')
  requestExtension(
    @Param('id') id: string,
    @Body() dto: RequestExtensionDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.requestExtension(u, id, dto, r, { ip });
  }

  @StepRoute('decideExtension')
  decideExtension(
    @Param('id') id: string,
    @Body() dto: DecideExtensionDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'decideExtension', dto, r, { ip });
  }

  @StepRoute('reassign')
  reassign(
    @Param('id') id: string,
    @Body() dto: ReassignDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.reassign(u, id, dto, r, { ip });
  }

  @StepRoute('cancel')
  cancel(
    @Param('id') id: string,
    @Body() dto: CancelDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'cancel', dto, r, { ip });
  }
}
