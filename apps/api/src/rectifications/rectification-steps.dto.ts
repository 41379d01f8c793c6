import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { REVIEW_RESULTS, ReviewResult } from '@rectiflow/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Request bodies of the human steps; the acting user and the request id are added by the server. */
export class AcknowledgeDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}

export class PlanMeasureDto {
  @ApiProperty({ description: '整改措施' }) @IsString() @IsNotEmpty() @MaxLength(2000) content!: string;
  @ApiProperty({ example: '2027-01-31', description: '完成时限' })
  @Matches(DATE, { message: 'targetDate 须为 YYYY-MM-DD' })
  targetDate!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) responsiblePerson?: string;
}

export class SubmitPlanDto {
  @ApiProperty({ description: '责任人' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  responsiblePerson!: string;
  @ApiPropertyOptional({ description: '联系方式' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contact?: string;
  @ApiProperty({ type: [PlanMeasureDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanMeasureDto)
  measures!: PlanMeasureDto[];
}

export class CommentDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class SubmitDto {
  @ApiProperty({ description: '整改完成情况说明' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  account!: string;
}

export class ReviewDto {
  @ApiProperty({
    enum: REVIEW_RESULTS,
    description: 'rectified 已整改 → 销号; ongoing 持续整改; not_rectified 未整改 → 退回',
  })
  @IsIn(REVIEW_RESULTS)
  result!: ReviewResult;
  @ApiProperty({ description: '认定意见' }) @IsString() @MaxLength(5000) comment!: string;
}

export class ProgressReportDto {
  @ApiProperty({ description: '进展情况' }) @IsString() @IsNotEmpty() @MaxLength(20000) content!: string;
}

export class RequestExtensionDto {
  @ApiProperty({ description: '延期理由' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @ApiProperty({ example: '2027-06-30', description: '申请延至' })
  @Matches(DATE, { message: 'newDeadline 须为 YYYY-MM-DD' })
  newDeadline!: string;
}

export class DecideExtensionDto {
  @ApiProperty({ description: '是否同意' }) @IsBoolean() approve!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class ReassignDto {
  @ApiProperty({ description: '新的责任单位' }) @IsInt() unitId!: number;
  @ApiProperty({ description: '改派理由' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}

export class CancelDto {
  @ApiProperty({ description: '撤销理由' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
