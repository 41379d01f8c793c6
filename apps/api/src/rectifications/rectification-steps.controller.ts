import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
import { RectificationStateDto } from './rectification-state.dto';

/**
 * One POST per human step. Each goes through the workflow's Update (the validator decides, 409 with its reason
 * when the step is not allowed now) and answers with the new state. Send `Idempotency-Key` to make retries safe.
 * The client address goes along for the audit entry every applied step gets (RectificationCommandService).
 */
@ApiTags('rectifications')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: '同一键重试只执行一次' })
@ApiOkResponse({ type: RectificationStateDto })
@ApiConflictResponse({ description: '当前状态不允许此步骤（原因见 error.message）' })
@Controller('rectifications/:id')
export class RectificationStepsController {
  constructor(private readonly steps: RectificationCommandService) {}

  @Post('acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '签收（责任单位）' })
  acknowledge(
    @Param('id') id: string,
    @Body() dto: AcknowledgeDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'acknowledge', dto, r, { ip });
  }

  @Post('plan')
  @HttpCode(200)
  @ApiOperation({ summary: '提交整改方案（责任单位）' })
  plan(
    @Param('id') id: string,
    @Body() dto: SubmitPlanDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.submitPlan(u, id, dto, r, { ip });
  }

  @Post('plan/approve')
  @HttpCode(200)
  @ApiOperation({ summary: '批准整改方案（财政局）' })
  approvePlan(
    @Param('id') id: string,
    @Body() dto: CommentDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'approvePlan', dto, r, { ip });
  }

  @Post('plan/return')
  @HttpCode(200)
  @ApiOperation({ summary: '退回整改方案（财政局，须填写意见）' })
  returnPlan(
    @Param('id') id: string,
    @Body() dto: CommentDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'returnPlan', dto, r, { ip });
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: '提交整改情况（责任单位）' })
  submit(
    @Param('id') id: string,
    @Body() dto: SubmitDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'submit', dto, r, { ip });
  }

  @Post('review')
  @HttpCode(200)
  @ApiOperation({ summary: '认定（财政局）：已整改→销号 / 持续整改 / 未整改→退回；认定人不能是提交人' })
  review(
    @Param('id') id: string,
    @Body() dto: ReviewDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'review', dto, r, { ip });
  }

  @Post('progress-reports')
  @HttpCode(200)
  @ApiOperation({ summary: '报送持续整改进展（责任单位）' })
  progress(
    @Param('id') id: string,
    @Body() dto: ProgressReportDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'reportProgress', dto, r, { ip });
  }

  @Post('extensions')
  @HttpCode(200)
  @ApiOperation({ summary: '申请延期（责任单位）' })
  requestExtension(
    @Param('id') id: string,
    @Body() dto: RequestExtensionDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.requestExtension(u, id, dto, r, { ip });
  }

  @Post('extensions/decision')
  @HttpCode(200)
  @ApiOperation({ summary: '审批延期（财政局）' })
  decideExtension(
    @Param('id') id: string,
    @Body() dto: DecideExtensionDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.execute(u, id, 'decideExtension', dto, r, { ip });
  }

  @Post('reassign')
  @HttpCode(200)
  @ApiOperation({ summary: '改派责任单位（财政局）' })
  reassign(
    @Param('id') id: string,
    @Body() dto: ReassignDto,
    @CurrentUser() u: AuthUser,
    @RequestId() r: string,
    @ClientIp() ip: string,
  ): Promise<RectificationState> {
    return this.steps.reassign(u, id, dto, r, { ip });
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: '撤销（财政局，须说明理由）' })
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
