import { ApiProperty } from '@nestjs/swagger';

export class IssuePreviewDeadlineDto {
  @ApiProperty({ example: '2027-01-13' }) date!: string;
  @ApiProperty({ description: '截止日结束的时刻（局所在时区）' }) at!: string;
  @ApiProperty({ description: '暂定：所跨年份的放假调休安排尚未载入，暂按周末计算' }) provisional!: boolean;
  @ApiProperty({ description: '整改时限已过' }) past!: boolean;
}

export class IssuePreviewReminderDto {
  @ApiProperty({ type: 'integer' }) offsetDays!: number;
  @ApiProperty() plannedDate!: string;
  @ApiProperty({ description: '提醒时刻已过，不再发送（记入时间线）' }) skipped!: boolean;
}

export class IssuePreviewRungDto {
  @ApiProperty({ enum: [1, 2, 3, 4] }) level!: 1 | 2 | 3 | 4;
  @ApiProperty({ example: '提醒函' }) label!: string;
  @ApiProperty() plannedDate!: string;
}

export class IssuePreviewFindingDto {
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: IssuePreviewDeadlineDto }) deadline!: IssuePreviewDeadlineDto;
  @ApiProperty({ type: [IssuePreviewReminderDto] }) reminders!: IssuePreviewReminderDto[];
  @ApiProperty({ type: [IssuePreviewRungDto] }) rungs!: IssuePreviewRungDto[];
}

/** 下发预览 (dryRun=true): nothing is written and no workflow is started. */
export class IssuePreviewDto {
  @ApiProperty({ enum: [true] }) dryRun!: true;
  @ApiProperty() workflows!: number;
  @ApiProperty() pastDeadlines!: number;
  @ApiProperty() provisionalDeadlines!: number;
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiProperty({ type: [IssuePreviewFindingDto] }) findings!: IssuePreviewFindingDto[];
}
