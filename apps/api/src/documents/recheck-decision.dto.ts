import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RECHECK_OUTCOMES, type RecheckOutcome } from '@rectiflow/contracts';

/** POST /rechecks/:id/decision: 巩固 or 反弹 (with an optional new deadline). */
export class RecheckDecisionDto {
  @ApiProperty({ enum: RECHECK_OUTCOMES, description: '巩固（consolidated）或 反弹（rebound）' })
  @IsIn(RECHECK_OUTCOMES)
  outcome!: RecheckOutcome;

  @ApiProperty({ maxLength: 2000, description: '回头看情况说明' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: '反弹时新的整改时限；省略则按整改类型默认规则' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadline 须为 YYYY-MM-DD' })
  deadline?: string;
}

export class RecheckListQueryDto {
  @ApiPropertyOptional({ enum: ['due', 'done'], description: '待回头看（due）或已回头看（done）' })
  @IsOptional()
  @IsIn(['due', 'done'])
  status?: 'due' | 'done';
}
