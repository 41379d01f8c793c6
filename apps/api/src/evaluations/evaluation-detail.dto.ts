import { EvaluationProgressDto, RectificationLinkDto } from './evaluation-progress.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVALUATION_STATUSES } from '@rectiflow/contracts';
import type {
  EvaluationDetail,
  EvaluationStatus,
  EvaluationView,
  EvaluationWarning,
  FindingPoint,
  FindingView,
  RecommendationView,
  RepeatOf,
  SourceDocumentView,
} from '@rectiflow/contracts';

export class WarningDto implements EvaluationWarning {
  @ApiProperty({ example: 'SCORE_GRADE_MISMATCH', description: 'stable code (see libs/importer/README.md)' })
  code!: string;

  @ApiProperty({
    example: '评价分值 80.08 对应等级「良」，与评价结论「优」不一致 (score and grade disagree)',
  })
  message!: string;
}

export class SourceDocumentDto implements SourceDocumentView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '2023年工业发展专项资金绩效评价结果反馈表.txt' }) originalName!: string;
  @ApiProperty({ description: 'SHA-256 of the uploaded bytes (hex)', example: 'e9da2ade9415734b…' })
  sha256!: string;
  @ApiProperty({ description: 'bytes' }) size!: number;
  @ApiProperty({ enum: ['txt', 'html', 'docx'] }) format!: string;
  @ApiProperty({ nullable: true, type: String, example: 'gb18030' }) encoding!: string | null;
  @ApiProperty({ nullable: true, type: Number }) uploadedById!: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class EvaluationDto implements EvaluationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EVALUATION_STATUSES }) status!: EvaluationStatus;
  @ApiProperty({ description: 'bumped by every change; send it back as expectedVersion' }) version!: number;
  @ApiProperty({ nullable: true, type: String, example: '景德镇市财政支出绩效评价结果反馈表' }) title!:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '2023年工业发展专项资金项目' }) projectName!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: '评价组织机构' }) organizer!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '项目主管部门' }) supervisingDepartment!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: '项目单位名称' }) projectUnit!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '项目起止时间' }) projectPeriod!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '评价机构' }) evaluator!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '评价时间' }) evaluationPeriod!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 80.08 }) score!: number | null;
  @ApiProperty({ nullable: true, enum: ['优', '良', '中', '差'] }) grade!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '基本情况' }) basicInfo!: string | null;
  @ApiProperty({ nullable: true, type: String, description: '主要绩效情况' }) performanceSummary!:
    string | null;
  @ApiProperty({ nullable: true, type: Number, description: '预算 (万元)', example: 2900 }) budget!:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: '到位 (万元)', example: 1717 }) allocated!:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: '实际支出 (万元)', example: 1659 }) spent!:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: '执行率 (%)', example: 96.62 }) executionRate!:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'responsible department, set when issued' })
  departmentUnitId!: number | null;
  @ApiProperty({ nullable: true, type: Number }) createdById!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) issuedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ nullable: true, type: SourceDocumentDto }) sourceDocument!: SourceDocumentDto | null;
}

export class FindingPointDto implements FindingPoint {
  @ApiProperty({ example: '一是', description: "'' when the finding only has ①②③ details" }) label!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: '①②③ details, without their numbers' }) details!: string[];
}

export class RecommendationDto implements RecommendationView {
  @ApiProperty() id!: number;
  @ApiProperty({ description: '1…n, position in the evaluation' }) seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
}

export class RepeatOfDto implements RepeatOf {
  @ApiProperty({ format: 'uuid' }) evaluationId!: string;
  @ApiProperty() findingSeq!: number;
  @ApiProperty({ nullable: true, type: String }) rectificationId!: string | null;
  @ApiProperty({ description: '字符二元组余弦相似度 0..1' }) similarity!: number;
}

export class FindingDto implements FindingView {
  @ApiProperty() id!: number;
  @ApiProperty({ description: '1…n, position in the evaluation' }) seq!: number;
  @ApiProperty({ example: '预算绩效管理待完善，预算编制依据不全面' }) title!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [FindingPointDto] }) points!: FindingPointDto[];
  @ApiProperty({ nullable: true, type: Number }) recommendationSeq!: number | null;
  @ApiPropertyOptional({ nullable: true, type: RecommendationDto, description: 'the paired recommendation' })
  recommendation!: RecommendationDto | null;
  @ApiProperty({
    type: RectificationLinkDto,
    nullable: true,
    description: '下发后：该问题的整改事项',
  })
  rectification!: RectificationLinkDto | null;
  @ApiProperty({
    type: RepeatOfDto,
    nullable: true,
    description: '屡查屡犯：与本单位（或上级单位）以往评价中相似的问题；单位确定（下发）后判定',
  })
  repeatOf!: RepeatOfDto | null;
}

export class EvaluationDetailDto implements EvaluationDetail {
  @ApiProperty({ type: EvaluationDto }) evaluation!: EvaluationDto;
  @ApiProperty({ type: [FindingDto] }) findings!: FindingDto[];
  @ApiProperty({ type: [RecommendationDto] }) recommendations!: RecommendationDto[];
  @ApiProperty({ type: [WarningDto] }) warnings!: WarningDto[];
  @ApiProperty({ type: EvaluationProgressDto, description: '整改进度（下发前为 0）' })
  progress!: EvaluationProgressDto;
}
