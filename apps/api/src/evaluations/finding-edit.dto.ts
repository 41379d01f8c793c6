import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AppError } from '@rectiflow/common';
import type { SplitRequest } from '@rectiflow/evaluations';
import { Trim } from './draft-edit.transforms';
import { ExpectedVersionDto } from './update-evaluation.dto';

const LONG_TEXT = 1_000_000;

export class FindingPointInputDto {
  @ApiProperty({ example: '一是', maxLength: 20 })
  @IsString()
  @MaxLength(20)
  label!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(LONG_TEXT)
  text!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(LONG_TEXT, { each: true })
  details!: string[];
}

/** PATCH /evaluations/:id/findings/:seq */
export class UpdateFindingDto extends ExpectedVersionDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG_TEXT)
  text?: string;

  @ApiPropertyOptional({ type: [FindingPointInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FindingPointInputDto)
  points?: FindingPointInputDto[];

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'seq of a recommendation; null unpairs' })
  @IsOptional()
  @IsInt()
  @Min(1)
  recommendationSeq?: number | null;
}

/** POST /evaluations/:id/findings */
export class CreateFindingDto extends ExpectedVersionDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'default: the first sentence of text' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG_TEXT)
  text!: string;

  @ApiPropertyOptional({ type: [FindingPointInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FindingPointInputDto)
  points?: FindingPointInputDto[];

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  recommendationSeq?: number | null;

  @ApiPropertyOptional({ description: 'seq to take (1…n+1); default: appended' })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number;
}

export class SplitPartDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'default: the first sentence of text' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LONG_TEXT)
  text!: string;
}

/** POST /evaluations/:id/findings/:seq/split — either `parts` or `offset`. */
export class SplitFindingDto extends ExpectedVersionDto {
  @ApiPropertyOptional({
    type: [SplitPartDto],
    description: 'the texts of the new findings, in order (2–50)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SplitPartDto)
  parts?: SplitPartDto[];

  @ApiPropertyOptional({
    description: 'split the text at this character offset (UTF-16 index, as in a browser selection)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  offset?: number;
}

export function toSplitRequest(dto: SplitFindingDto): SplitRequest {
  if ((dto.parts === undefined) === (dto.offset === undefined)) {
    const message = '请给出 parts（各部分文本）或 offset（拆分位置）之一';
    throw new AppError('VALIDATION_FAILED', message, { fields: { parts: [message], offset: [message] } });
  }
  return dto.parts ? { parts: dto.parts } : { offset: dto.offset! };
}

/** POST /evaluations/:id/findings/merge */
export class MergeFindingsDto extends ExpectedVersionDto {
  @ApiProperty({
    type: [Number],
    example: [2, 3],
    description: 'two or more seqs; the merged finding takes the first',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  seqs!: number[];

  @ApiPropertyOptional({ maxLength: 500, description: "default: the first finding's title" })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'default: the first pairing among them' })
  @IsOptional()
  @IsInt()
  @Min(1)
  recommendationSeq?: number | null;
}

/** DELETE …?expectedVersion=n */
export class ExpectedVersionQueryDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
