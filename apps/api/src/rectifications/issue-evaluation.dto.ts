import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RECTIFICATION_TYPES, RectificationType } from '@rectiflow/contracts';
import { DeadlineRuleDto } from './deadline-rule.dto';

export class IssuePolicyDto {
  @ApiPropertyOptional({ default: true, description: '整改方案是否须经财政局批准' })
  @IsOptional()
  @IsBoolean()
  requirePlanApproval?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    example: [7, 3, 1],
    description: '截止前提醒（天，整数）',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  reminderOffsetsDays?: number[];

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    example: [1, 8, 15, 30],
    description: '逾期后 提醒函、督办、约谈、通报 的天数（整数）',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(4)
  @ArrayMaxSize(4)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(365, { each: true })
  escalationOffsetsDays?: number[];

  @ApiPropertyOptional({ type: 'integer', example: 2, description: '最多延期次数' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  maxExtensions?: number;

  @ApiPropertyOptional({ type: 'integer', example: 30, description: '持续整改进展报告周期（天）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  progressReportIntervalDays?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { '1': ['unit', 'unit_staff', 'issuer'], '2': ['unit', 'unit_staff', 'issuer', 'unit_head'] },
    description:
      '各级督办的接收对象（级别 1–4 → unit、unit_staff、unit_head、issuer、bureau_leaders、parent_unit_users、bureau…）；未列出的级别按默认',
  })
  @IsOptional()
  @IsObject()
  escalationAudiences?: Partial<Record<'1' | '2' | '3' | '4', string[]>>;
}

export class FindingOverrideDto {
  @ApiProperty({ description: '问题序号' })
  @IsInt()
  @Min(1)
  seq!: number;

  @ApiPropertyOptional({ description: '该问题的责任单位' })
  @IsOptional()
  @IsInt()
  unitId?: number;

  @ApiPropertyOptional({ enum: RECTIFICATION_TYPES })
  @IsOptional()
  @IsIn(RECTIFICATION_TYPES)
  type?: RectificationType;

  @ApiPropertyOptional({ type: DeadlineRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineRuleDto)
  deadlineRule?: DeadlineRuleDto;
}

/** 下发: the delivery date, the default responsible unit, type and deadline rule, per-finding overrides, policy. */
export class IssueEvaluationDto {
  @ApiProperty({ example: '2026-12-01', description: '送达日' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deliveryDate 须为 YYYY-MM-DD' })
  deliveryDate!: string;

  @ApiProperty({ description: '默认责任单位' })
  @IsInt()
  unitId!: number;

  @ApiPropertyOptional({ enum: RECTIFICATION_TYPES, default: 'deadline' })
  @IsOptional()
  @IsIn(RECTIFICATION_TYPES)
  type?: RectificationType;

  @ApiPropertyOptional({ type: DeadlineRuleDto, description: '默认整改时限（缺省按整改类型）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineRuleDto)
  deadlineRule?: DeadlineRuleDto;

  @ApiPropertyOptional({ type: [FindingOverrideDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FindingOverrideDto)
  overrides?: FindingOverrideDto[];

  @ApiPropertyOptional({ type: IssuePolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => IssuePolicyDto)
  policy?: IssuePolicyDto;

  @ApiPropertyOptional({
    default: false,
    description: '确认下发整改时限已过的问题（否则 409 PAST_DEADLINES_NOT_ACKNOWLEDGED），记入审计日志',
  })
  @IsOptional()
  @IsBoolean()
  acknowledgePastDeadlines?: boolean;
}

export class IssuedRectificationDto {
  @ApiProperty() id!: string;
  @ApiProperty() findingSeq!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty({ enum: RECTIFICATION_TYPES }) type!: RectificationType;
  @ApiProperty() deadline!: string;
}

export class IssueEvaluationResultDto {
  @ApiProperty() evaluationId!: string;
  @ApiProperty({ enum: ['issued'] }) status!: 'issued';
  @ApiProperty() workflowId!: string;
  @ApiProperty() deliveryDate!: string;
  @ApiProperty({ type: [IssuedRectificationDto] }) rectifications!: IssuedRectificationDto[];
  @ApiProperty({ type: [String], description: '已过期限、暂定期限等提示' }) warnings!: string[];
}
