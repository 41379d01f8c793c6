import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { InAppNotification, NotificationPage } from '@rectiflow/contracts';
import { PageQueryDto } from '../audit/page-query.dto';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '只看未读' })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' || value === '1' || value === true
      ? true
      : value === 'false' || value === '0' || value === false
        ? false
        : value,
  )
  @IsBoolean({ message: 'unreadOnly 须为 true 或 false' })
  unreadOnly?: boolean;
}

export class NotificationDto implements InAppNotification {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'escalation' }) event!: string;
  @ApiProperty({ nullable: true, type: Number, description: '督办级别 1–4 (escalations only)' }) level!:
    number | null;
  @ApiProperty({ example: '【督办通知】…' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) link!: string | null;
  @ApiProperty({ nullable: true, type: String }) rectificationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) evaluationId!: string | null;
  @ApiProperty() read!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class NotificationPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationDto], description: '未读在前，其次按时间倒序' })
  items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ description: '未读总数' }) unread!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UnreadCountDto {
  @ApiProperty() count!: number;
}

export class ReadAllResultDto {
  @ApiProperty({ description: '本次标记为已读的条数' }) updated!: number;
}
