import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECTIFICATION_STATUSES, RECTIFICATION_TYPES } from '@rectiflow/contracts';

/** Arrays of records in the state: objects (their fields: libs/contracts rectification.types.ts). */
const records = (description: string) => ({
  type: 'array' as const,
  items: { type: 'object' as const, additionalProperties: true },
  description,
});

class StatePolicyDto {
  @ApiProperty() requirePlanApproval!: boolean;
  @ApiProperty({ type: 'integer', isArray: true, description: '截止前提醒（秒）' })
  reminderOffsetsSeconds!: number[];
  @ApiProperty({ type: 'integer', isArray: true, description: '提醒函、督办、约谈、通报：逾期后秒数' })
  escalationOffsetsSeconds!: number[];
  @ApiProperty({ type: 'integer' }) maxExtensions!: number;
  @ApiProperty({ type: 'integer' }) progressReportIntervalSeconds!: number;
}

/** The workflow's full state (documented in libs/contracts/src/rectification/rectification.types.ts). */
export class RectificationStateDto {
  @ApiProperty() id!: string;
  @ApiProperty() evaluationId!: string;
  @ApiProperty({ type: 'integer' }) findingSeq!: number;
  @ApiProperty() findingTitle!: string;
  @ApiProperty({ enum: RECTIFICATION_STATUSES }) status!: string;
  @ApiProperty({ enum: RECTIFICATION_TYPES }) type!: string;
  @ApiProperty({ type: 'integer' }) unitId!: number;
  @ApiProperty({ type: StatePolicyDto }) policy!: StatePolicyDto;
  @ApiProperty(records('时限版本：[0] 原始时限，最后一个为当前时限 { version, date, at, setAt, reason }'))
  deadlines!: object[];
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: 'integer', description: '0 无, 1 提醒函, 2 督办, 3 约谈, 4 通报' })
  escalationLevel!: number;
  @ApiProperty(records('整改方案（最后一个为当前方案）{ version, measures[], responsiblePerson, decision? }'))
  plans!: object[];
  @ApiProperty(records('佐证材料 { id, files[], description, effectiveDate, addedBy, addedAt }'))
  evidence!: object[];
  @ApiProperty(records('提交 { id, account, by, at }')) submissions!: object[];
  @ApiProperty(records('认定 { id, submissionId, result, comment, by, at }')) reviews!: object[];
  @ApiProperty(records('延期申请 { id, reason, requested, previous, by, at, decision? }'))
  extensions!: object[];
  @ApiProperty(records('进展报告 { id, content, by, at }')) progressReports!: object[];
  @ApiProperty(records('督办记录 { level, label, deadlineVersion, at }')) escalations!: object[];
  @ApiProperty(records('提醒记录')) reminders!: object[];
  @ApiProperty(records('责任单位变更 { unitId, reason, by, at }')) assignments!: object[];
  @ApiPropertyOptional({ nullable: true }) acknowledgedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: 'integer' }) eventSeq!: number;
}
