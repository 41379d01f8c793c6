import { ApiProperty } from '@nestjs/swagger';
import { RECTIFICATION_STATUSES, RECTIFICATION_TYPES } from '@rectiflow/contracts';

/** The workflow's full state (documented in libs/contracts/src/rectification/rectification.types.ts). */
export class RectificationStateDto {
  @ApiProperty() id!: string;
  @ApiProperty() evaluationId!: string;
  @ApiProperty() findingSeq!: number;
  @ApiProperty({ enum: RECTIFICATION_STATUSES }) status!: string;
  @ApiProperty({ enum: RECTIFICATION_TYPES }) type!: string;
  @ApiProperty() unitId!: number;
  @ApiProperty({ description: '[0] 原始时限, 最后一个为当前时限' }) deadlines!: object[];
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: '0 无, 1 提醒函, 2 督办, 3 约谈, 4 通报' }) escalationLevel!: number;
  @ApiProperty() plans!: object[];
  @ApiProperty() evidence!: object[];
  @ApiProperty() submissions!: object[];
  @ApiProperty() reviews!: object[];
  @ApiProperty() extensions!: object[];
  @ApiProperty() escalations!: object[];
  @ApiProperty() eventSeq!: number;
}
