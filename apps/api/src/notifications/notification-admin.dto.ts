import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { FailedDelivery, FailedRequest, FailurePage } from '@rectiflow/contracts';
import { WEBHOOK_FORMATS, type WebhookFormat } from '@rectiflow/persistence';
import { CHANNELS, type ChannelName } from '@rectiflow/notifications';
import { PageQueryDto } from '../audit/page-query.dto';

export class FailureQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel 须为 ${CHANNELS.join(' / ')}` })
  channel?: ChannelName;
}

export class FailedDeliveryDto implements FailedDelivery {
  @ApiProperty() id!: number;
  @ApiProperty({ description: '投递键 = BullMQ job id: <notification key>.<channel>.<recipient>' })
  deliveryKey!: string;
  @ApiProperty() notificationKey!: string;
  @ApiProperty() event!: string;
  @ApiProperty({ nullable: true, type: Number }) level!: number | null;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty() recipientLabel!: string;
  @ApiProperty({ nullable: true, type: Number }) recipientUserId!: number | null;
  @ApiProperty({ nullable: true, type: Number }) recipientUnitId!: number | null;
  @ApiProperty({ description: '邮箱地址、回调地址（不含查询串）或 user:<id>' }) target!: string;
  @ApiProperty({ nullable: true, type: String }) rectificationId!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) failedAt!: string;
}

export class FailedRequestDto implements FailedRequest {
  @ApiProperty() jobId!: string;
  @ApiProperty() event!: string;
  @ApiProperty() rectificationId!: string;
  @ApiProperty() attemptsMade!: number;
  @ApiProperty() failedReason!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) failedAt!: string | null;
}

export class FailurePageDto implements FailurePage {
  @ApiProperty({ type: [FailedDeliveryDto] }) items!: FailedDeliveryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [FailedRequestDto], description: '未能展开为投递的通知请求（最多 50 条）' })
  failedRequests!: FailedRequestDto[];
}

export class UnitWebhookDto {
  @ApiProperty() unitId!: number;
  @ApiProperty({ nullable: true, type: String, description: '回调地址（不含查询串）' }) webhook!:
    string | null;
  @ApiProperty({ enum: WEBHOOK_FORMATS }) format!: WebhookFormat;
  @ApiProperty({ enum: ['configured', 'detected'] }) formatSource!: 'configured' | 'detected';
  @ApiProperty() hasSignSecret!: boolean;
}

export class UpdateUnitWebhookDto {
  @ApiProperty({
    enum: WEBHOOK_FORMATS,
    description: 'generic（签名 JSON）/ dingtalk（钉钉群机器人）/ wecom（企业微信群机器人）',
  })
  @IsIn(WEBHOOK_FORMATS, { message: `format 须为 ${WEBHOOK_FORMATS.join(' / ')}` })
  format!: WebhookFormat;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: '钉钉机器人加签密钥 (SEC…)；null 清除，不传则保持',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(200)
  signSecret?: string | null;
}
