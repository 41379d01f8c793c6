import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString } from 'class-validator';
import type { CalendarYear, CalendarYears, PutCalendarYearResult } from '@rectiflow/contracts';

/** One year's official arrangement: every 放假 date and every 调休 working weekend. */
export class PutCalendarYearDto {
  @ApiProperty({ type: [String], example: ['2027-01-01', '2027-02-06'], description: '放假日期（含周末）' })
  @IsArray()
  @IsString({ each: true })
  holidays!: string[];

  @ApiProperty({ type: [String], example: ['2027-02-14'], description: '调休上班的周末日期' })
  @IsArray()
  @IsString({ each: true })
  workdays!: string[];
}

export class CalendarYearDto implements CalendarYear {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['shipped', 'admin'], description: 'shipped：随系统发布；admin：管理员载入' })
  origin!: 'shipped' | 'admin';
  @ApiProperty({ type: [String] }) holidays!: string[];
  @ApiProperty({ type: [String] }) workdays!: string[];
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class CalendarYearsDto implements CalendarYears {
  @ApiProperty({ type: [CalendarYearDto] }) years!: CalendarYearDto[];
  @ApiProperty({ description: '未载入的年份按周末计算工作日，期限标为暂定' }) note!: string;
}

export class PutCalendarYearResultDto implements PutCalendarYearResult {
  @ApiProperty({ type: CalendarYearDto }) year!: CalendarYearDto;
  @ApiProperty({ description: '重算并调整了期限（及其定时器）的在办整改数' }) recomputed!: number;
  @ApiProperty({ description: '重算失败的整改（可再次提交同一年份重试）', type: [String] }) failed!: string[];
}
