import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ClosuresWeeklyQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 52, default: 12, description: '最近几周（含本周）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '周数须为整数' })
  @Min(1, { message: '周数至少为 1' })
  @Max(52, { message: '周数至多为 52' })
  weeks = 12;
}
