import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TrimToNull } from './draft-edit.transforms';
import { GRADES } from './evaluation-list.dto';

const MAX_AMOUNT = 999_999_999_999.99;
const LONG_TEXT = 1_000_000;

/** Optimistic locking for every draft edit: the `evaluation.version` the client last read. */
export class ExpectedVersionDto {
  @ApiPropertyOptional({
    description: 'evaluation.version the edit is based on; 409 CONFLICT when stale',
    minimum: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** Header corrections (PATCH /evaluations/:id). Absent: unchanged; null or "": cleared. */
export class UpdateEvaluationDto extends ExpectedVersionDto {
  @ApiPropertyOptional({ nullable: true, maxLength: 500 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 500 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  projectName?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255, description: '评价组织机构' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(255)
  organizer?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255, description: '项目主管部门' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(255)
  supervisingDepartment?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255, description: '项目单位名称' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(255)
  projectUnit?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 100, description: '项目起止时间' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  projectPeriod?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255, description: '评价机构' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(255)
  evaluator?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 100, description: '评价时间' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  evaluationPeriod?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    minimum: 0,
    maximum: 100,
    description: '评价分值, 2 decimals at most',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  score?: number | null;

  @ApiPropertyOptional({ nullable: true, enum: GRADES, description: '评价结论' })
  @IsOptional()
  @IsIn(GRADES)
  grade?: '优' | '良' | '中' | '差' | null;

  @ApiPropertyOptional({ nullable: true, description: '基本情况' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(LONG_TEXT)
  basicInfo?: string | null;

  @ApiPropertyOptional({ nullable: true, description: '主要绩效情况' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(LONG_TEXT)
  performanceSummary?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: '预算 (万元)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT)
  budget?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: '到位 (万元)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT)
  allocated?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: '实际支出 (万元)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT)
  spent?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 9999.99, description: '执行率 (%)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9999.99)
  executionRate?: number | null;
}
