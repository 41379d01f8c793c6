import { ApiProperty } from '@nestjs/swagger';
import type { EvaluationProgress, RectificationLink } from '@rectiflow/contracts';

/** 整改进度, computed live from the rectification items. */
export class EvaluationProgressDto implements EvaluationProgress {
  @ApiProperty({ description: '整改事项总数' }) total!: number;
  @ApiProperty({ description: '未结束（含持续整改）' }) open!: number;
  @ApiProperty({ description: '已销号' }) closed!: number;
  @ApiProperty({ description: '持续整改' }) ongoing!: number;
  @ApiProperty({ description: '已撤销' }) cancelled!: number;
  @ApiProperty({ description: '逾期未结' }) overdue!: number;
  @ApiProperty({ nullable: true, type: Number, description: '完成率 % = 已销号 ÷ (总数 − 已撤销)' })
  completionRate!: number | null;
}

export class RectificationLinkDto implements RectificationLink {
  @ApiProperty() id!: string;
  @ApiProperty() status!: string;
  @ApiProperty() unitId!: number;
  @ApiProperty() currentDeadline!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() escalationLevel!: number;
  @ApiProperty({ example: '/api/v1/rectifications/rectification-<evaluationId>-1' }) href!: string;
}
