import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Trim } from './draft-edit.transforms';
import { ExpectedVersionDto } from './update-evaluation.dto';

const LONG_TEXT = 1_000_000;

/** PATCH /evaluations/:id/recommendations/:seq */
export class UpdateRecommendationDto extends ExpectedVersionDto {
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
}

/** POST /evaluations/:id/recommendations */
export class CreateRecommendationDto extends ExpectedVersionDto {
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

  @ApiPropertyOptional({
    description: 'seq to take (1…n+1); default: appended. Pairings follow the renumbering.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number;
}
