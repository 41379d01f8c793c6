import { ApiProperty } from '@nestjs/swagger';
import { RECTIFICATION_STATUSES, RECTIFICATION_TYPES, REVIEW_RESULTS } from '@rectiflow/contracts';
import type {
  EscalationLevel,
  LedgerItem,
  LedgerPage,
  RectificationStatus,
  RectificationType,
  ReviewResult,
} from '@rectiflow/contracts';

export class LedgerEvaluationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '评价项目' }) projectName!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '评价分值' }) score!: number | null;
  @ApiProperty({ nullable: true, type: String, description: '评价结论：优/良/中/差' }) grade!: string | null;
}

export class LedgerUnitDto {
  @ApiProperty() id!: number;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

export class LedgerLinksDto {
  @ApiProperty() self!: string;
  @ApiProperty() evaluation!: string;
  @ApiProperty() evidence!: string;
}

/** One line of 整改台账. */
export class LedgerItemDto implements LedgerItem {
  @ApiProperty() id!: string;
  @ApiProperty({ type: LedgerEvaluationDto }) evaluation!: LedgerEvaluationDto;
  @ApiProperty() findingSeq!: number;
  @ApiProperty() findingTitle!: string;
  @ApiProperty({ enum: RECTIFICATION_STATUSES }) status!: RectificationStatus;
  @ApiProperty({ example: '整改中' }) statusLabel!: string;
  @ApiProperty({ enum: RECTIFICATION_TYPES }) type!: RectificationType;
  @ApiProperty({ example: '限期整改' }) typeLabel!: string;
  @ApiProperty({ type: LedgerUnitDto }) unit!: LedgerUnitDto;
  @ApiProperty({ nullable: true, type: String }) responsiblePerson!: string | null;
  @ApiProperty({ example: '2027-03-31', description: '原整改时限' }) originalDeadline!: string;
  @ApiProperty({ example: '2027-06-30', description: '当前整改时限（延期后）' }) currentDeadline!: string;
  @ApiProperty({ nullable: true, type: String, description: '回头看反弹：本事项重新整改的原事项' })
  reboundOf!: string | null;
  @ApiProperty() extensionCount!: number;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: '逾期天数（至销号/撤销或今天）' }) overdueDays!: number;
  @ApiProperty({ description: '0 无, 1 提醒函, 2 督办, 3 约谈, 4 通报' }) escalationLevel!: EscalationLevel;
  @ApiProperty({ example: '督办' }) escalationLabel!: string;
  @ApiProperty({ description: '曾达到的最高督办级别（批准延期后当前级别重新起算）' })
  maxEscalationLevel!: EscalationLevel;
  @ApiProperty({ example: '约谈' }) maxEscalationLabel!: string;
  @ApiProperty({ description: '当前时限所在年份的放假调休安排尚未载入，载入后时限可能变动' })
  deadlineProvisional!: boolean;
  @ApiProperty({ description: '佐证材料文件数' }) evidenceCount!: number;
  @ApiProperty({ nullable: true, enum: REVIEW_RESULTS }) lastReviewResult!: ReviewResult | null;
  @ApiProperty({ nullable: true, type: String, example: '已整改' }) lastReviewLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: '销号时间' }) closedAt!:
    string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: '屡查屡犯：与本单位（或上级单位）以往评价的问题相似' }) repeatFinding!: boolean;
  @ApiProperty({ type: LedgerLinksDto }) links!: LedgerLinksDto;
}

export class LedgerPageDto implements LedgerPage {
  @ApiProperty({ type: [LedgerItemDto] }) items!: LedgerItemDto[];
  @ApiProperty({
    description: '符合条件的条数；超过 10000 时为 10000，且 totalIsEstimate 为 true（显示为「10000+」）',
  })
  total!: number;
  @ApiProperty({ description: 'total 是否为下限（实际条数超过 10000）' }) totalIsEstimate!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
