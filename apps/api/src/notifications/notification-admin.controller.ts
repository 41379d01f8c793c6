import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientIp } from '@rectiflow/audit';
import { AuthUser, CurrentUser, RequiresPermission } from '@rectiflow/auth';
import { DeliveryFailureService, UnitWebhookSettingService } from '@rectiflow/notifications';
import {
  FailedDeliveryDto,
  FailedRequestDto,
  FailurePageDto,
  FailureQueryDto,
  UnitWebhookDto,
  UpdateUnitWebhookDto,
} from './notification-admin.dto';

/** For bureau_admin: deliveries that exhausted their retries, and how each unit's webhook is spoken to. */
@ApiTags('notifications')
@ApiBearerAuth()
@RequiresPermission('manageDeliveryFailures')
@Controller('admin')
export class NotificationAdminController {
  constructor(
    private readonly failures: DeliveryFailureService,
    private readonly webhooks: UnitWebhookSettingService,
  ) {}

  @Get('notification-failures')
  @ApiOperation({ summary: '投递失败的通知（重试用尽；最近的在前）' })
  @ApiOkResponse({ type: FailurePageDto })
  async list(@Query() q: FailureQueryDto): Promise<FailurePageDto> {
    const [{ items, total }, failedRequests] = await Promise.all([
      this.failures.list(q),
      this.failures.failedRequests(),
    ]);
    return { items, total, page: q.page, pageSize: q.pageSize, failedRequests };
  }

  @Post('notification-failures/:id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: '重新投递一条失败的通知（重新计算重试次数）' })
  @ApiOkResponse({ type: FailedDeliveryDto })
  @ApiConflictResponse({ description: 'CONFLICT：该投递未处于失败状态' })
  retry(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<FailedDeliveryDto> {
    return this.failures.retry(id, { actor, ip });
  }

  @Post('notification-failures/requests/:jobId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: '重新处理一条未能展开的通知请求' })
  @ApiOkResponse({ type: FailedRequestDto })
  retryRequest(
    @Param('jobId') jobId: string,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<FailedRequestDto> {
    return this.failures.retryRequest(jobId, { actor, ip });
  }

  @Get('units/:unitId/webhook')
  @ApiOperation({ summary: '单位回调格式（generic / dingtalk / wecom）与加签设置' })
  @ApiOkResponse({ type: UnitWebhookDto })
  getWebhook(@Param('unitId', ParseIntPipe) unitId: number): Promise<UnitWebhookDto> {
    return this.webhooks.get(unitId);
  }

  @Put('units/:unitId/webhook')
  @ApiOperation({ summary: '设置单位回调格式与钉钉加签密钥（回调地址本身在单位资料中维护）' })
  @ApiOkResponse({ type: UnitWebhookDto })
  putWebhook(
    @Param('unitId', ParseIntPipe) unitId: number,
    @Body() dto: UpdateUnitWebhookDto,
    @CurrentUser() actor: AuthUser,
    @ClientIp() ip: string,
  ): Promise<UnitWebhookDto> {
    return this.webhooks.put(unitId, dto, { actor, ip });
  }
}
