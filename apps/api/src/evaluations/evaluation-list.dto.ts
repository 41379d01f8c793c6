import { EvaluationProgressDto } from './evaluation-progress.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EVALUATION_STATUSES, type EvaluationStatus } from '@rectiflow/contracts';
import type { EvaluationPage, EvaluationSummary } from '@rectiflow/contracts';

export const GRADES = ['优', '良', '中', '差'] as const;

export class ListEvaluationsQueryDto {
  @ApiPropertyOptional({ enum: EVALUATION_STATUSES })
  @IsOptional()
  @IsIn(EVALUATION_STATUSES)
  status?: EvaluationStatus;

  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES)
  grade?: string;

  @ApiPropertyOptional({
    description: '在标题、项目、单位、评价机构、文件名中查找 (substring search)',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class EvaluationSummaryDto implements EvaluationSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EVALUATION_STATUSES }) status!: EvaluationStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) projectName!: string | null;
  @ApiProperty({ nullable: true, type: String }) supervisingDepartment!: string | null;
  @ApiProperty({ nullable: true, type: String }) projectUnit!: string | null;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty({ nullable: true, enum: GRADES }) grade!: string | null;
  @ApiProperty() findingCount!: number;
  @ApiProperty() warningCount!: number;
  @ApiProperty({ type: EvaluationProgressDto }) progress!: EvaluationProgressDto;
  @ApiProperty({ nullable: true, type: String }) sourceDocumentName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) departmentUnitId!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) issuedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class EvaluationPageDto implements EvaluationPage {
  @ApiProperty({ type: [EvaluationSummaryDto] }) items!: EvaluationSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
