import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** ?year=YYYY of the per-unit reports: the year the items were issued in (bureau's time zone). */
export class ReportYearQueryDto {
  @ApiProperty({ example: 2026, description: '年度（按下发日期，北京时间）' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}
