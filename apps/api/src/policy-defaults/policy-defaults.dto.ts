import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional } from 'class-validator';
import {
  POLICY_DEFAULTS_SOURCES,
  type PolicyDefaults,
  type PolicyDefaultsResponse,
  type PolicyDefaultsSource,
} from '@rectiflow/contracts';

/**
 * The whole default policy. Only the shape is checked here; ranges and order (reminders decreasing, rungs
 * increasing, at most a year…) are the rules issuing applies to a per-evaluation policy, checked by the service.
 */
export class PolicyDefaultsDto implements PolicyDefaults {
  @ApiProperty({ description: '整改方案是否须经财政局批准' })
  @IsBoolean()
  requirePlanApproval!: boolean;

  @ApiProperty({
    type: 'integer',
    isArray: true,
    example: [7, 3, 1],
    description: '截止前提醒（天，严格递减）',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  reminderOffsetsDays!: number[];

  @ApiProperty({
    type: 'integer',
    isArray: true,
    example: [1, 8, 15, 30],
    description: '逾期后 提醒函、督办、约谈、通报 的天数（严格递增）',
  })
  @IsArray()
  @IsInt({ each: true })
  escalationOffsetsDays!: number[];

  @ApiProperty({ type: 'integer', example: 2, description: '最多延期次数（0–10）' })
  @IsInt()
  maxExtensions!: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    required: false,
    example: null,
    description: '进展报告周期（天）；不填则按整改类型（持续整改 90 天，其余 30 天）',
  })
  @IsOptional() // null or absent: each type's own interval
  @IsInt()
  progressReportIntervalDays!: number | null;
}

class PolicyDefaultsEditorDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
}

export class PolicyDefaultsResponseDto implements PolicyDefaultsResponse {
  @ApiProperty({ type: PolicyDefaultsDto }) defaults!: PolicyDefaultsDto;
  @ApiProperty({
    enum: POLICY_DEFAULTS_SOURCES,
    description: 'stored：管理员设置；environment：未设置，取环境变量',
  })
  source!: PolicyDefaultsSource;
  @ApiProperty({ nullable: true, type: String, description: '最后修改时间（ISO）' }) updatedAt!:
    string | null;
  @ApiProperty({ nullable: true, type: PolicyDefaultsEditorDto }) updatedBy!: PolicyDefaultsEditorDto | null;
}
