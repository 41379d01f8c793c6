import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import type { AuditLogEntry, AuditLogPage } from '@rectiflow/contracts';
import { PageQueryDto } from './page-query.dto';

export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this actor (user id)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  actorId?: number;

  @ApiPropertyOptional({ description: "Exact action ('user.update') or a prefix ending in '.' ('auth.')" })
  @IsOptional()
  @Matches(/^[a-z0-9_.]{1,64}$/, { message: 'action 只能包含小写字母、数字、_ 和 .' })
  action?: string;

  @ApiPropertyOptional({ example: 'app_user' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'From this instant, inclusive (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from 须为 ISO 8601 时间' })
  from?: string;

  @ApiPropertyOptional({ description: 'Until this instant, exclusive (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to 须为 ISO 8601 时间' })
  to?: string;
}

export class AuditLogEntryDto implements AuditLogEntry {
  @ApiProperty({ description: 'BIGINT, as a string' }) id!: string;
  @ApiProperty({ nullable: true, type: Number }) actorId!: number | null;
  @ApiProperty({ description: "Username, or 'anonymous' / 'system'" }) actorName!: string;
  @ApiProperty({ example: 'user.update' }) action!: string;
  @ApiProperty({ example: 'app_user' }) entityType!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: Object }) payload!: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class AuditLogPageDto implements AuditLogPage {
  @ApiProperty({ type: [AuditLogEntryDto] }) items!: AuditLogEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
