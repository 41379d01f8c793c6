import { EvaluationProgressDto } from './evaluation-progress.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EVALUATION_STATUSES, type EvaluationStatus } from '@rectiflow/persistence';

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

export class EvaluationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EVALUATION_STATUSES }) status!: string;
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
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) issuedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class EvaluationPageDto {
  @ApiProperty({ type: [EvaluationSummaryDto] }) items!: EvaluationSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
