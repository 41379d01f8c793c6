import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import type { ResultsApplication, ResultsApplicationRow } from '@rectiflow/contracts';

class ResultsEvaluationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) projectName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '良' }) grade!: string | null;
}

export class ResultsApplicationRowDto implements ResultsApplicationRow {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: [ResultsEvaluationDto] }) evaluations!: ResultsEvaluationDto[];
  @ApiProperty({ description: '问题数（本年度下发）' }) problems!: number;
  @ApiProperty({ description: '已销号' }) closed!: number;
  @ApiProperty({ description: '整改中' }) ongoing!: number;
  @ApiProperty({ description: '整改中且逾期' }) overdue!: number;
  @ApiProperty({ description: '已撤销' }) cancelled!: number;
  @ApiProperty({ nullable: true, type: Number, description: '已销号 ÷（问题数 − 已撤销），百分比' })
  completionRate!: number | null;
  @ApiProperty({ description: '曾达到的最高督办级别：0 无 … 4 通报' }) highestRung!: number;
  @ApiProperty({ example: '督办' }) highestRungLabel!: string;
  @ApiProperty({ description: '屡查屡犯的问题数' }) repeatFindings!: number;
  @ApiProperty({ example: '优先保障' }) treatment!: string;
  @ApiProperty({ type: [String] }) reasons!: string[];
}

export class ResultsApplicationDto implements ResultsApplication {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [ResultsApplicationRowDto] }) rows!: ResultsApplicationRowDto[];
}

/**
 * The bureau's rule. Only the outline is checked here; every field inside is checked as a whole by the
 * documents library (resultsRuleProblem), which names what is wrong in Chinese.
 */
export class ResultsRuleDto {
  @ApiProperty({ example: { label: '调减或取消', grades: ['差'] }, description: '调减或取消：评价等级' })
  @IsObject()
  reduce!: object;

  @ApiProperty({
    example: { label: '从严审核/调减', grades: ['中'], onNotRectified: true, overdueFromRung: 4 },
    description: '从严审核：评价等级；有认定为未整改的问题；逾期且升级至该级别（1–4，null 不设）',
  })
  @IsObject()
  strict!: object;

  @ApiProperty({
    example: { label: '优先保障', grades: ['优', '良'], requireAllClosed: true },
    description: '优先保障：评价等级均在其中，且（如要求）问题全部销号',
  })
  @IsObject()
  priority!: object;

  @ApiProperty({ example: { label: '正常安排' }, description: '以上都不适用时' })
  @IsObject()
  normal!: object;
}
