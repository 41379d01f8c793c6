import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';

/** A deadline counted from the delivery date: a fixed date, N calendar days, or N working days (工作日). */
export class DeadlineRuleDto {
  @ApiProperty({ enum: ['date', 'calendar_days', 'working_days'] })
  @IsIn(['date', 'calendar_days', 'working_days'])
  kind!: 'date' | 'calendar_days' | 'working_days';

  @ApiPropertyOptional({ example: '2027-03-31', description: 'kind = date' })
  @ValidateIf((o: DeadlineRuleDto) => o.kind === 'date')
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date 须为 YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ example: 90, description: 'kind = calendar_days | working_days' })
  @ValidateIf((o: DeadlineRuleDto) => o.kind !== 'date')
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}
