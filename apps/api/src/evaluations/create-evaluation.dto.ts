import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim, TrimToNull } from './draft-edit.transforms';
import { GRADES } from './evaluation-list.dto';

/** Multipart fields arrive as strings: "80.5" is the number 80.5, "" is absent; JSON numbers pass as they are. */
const NumberFromForm = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const text = value.trim();
    if (text === '') return null;
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
  });

const text = (label: string, max: number) => ({
  string: { message: `${label}须为文字` },
  max: [max, { message: `${label}不能超过 ${max} 个字` }] as const,
});

const T = {
  title: text('title', 500),
  projectName: text('projectName', 500),
  organizer: text('organizer', 255),
  supervisingDepartment: text('supervisingDepartment', 255),
  projectUnit: text('projectUnit', 255),
  projectPeriod: text('projectPeriod', 100),
  evaluator: text('evaluator', 255),
  evaluationPeriod: text('evaluationPeriod', 100),
};

/**
 * POST /evaluations: the header facts of a draft made by hand (JSON, or the fields of a multipart request that
 * attaches the document in a `file` part). Only the project's name is required; findings and recommendations are
 * added afterwards with the draft-edit routes.
 */
export class CreateEvaluationDto {
  @ApiProperty({ maxLength: 500, description: '项目名称（必填）' })
  @Trim()
  @IsString(T.projectName.string)
  @IsNotEmpty({ message: 'projectName 为必填项，不能为空' })
  @MaxLength(...T.projectName.max)
  projectName!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 500, description: '标题' })
  @IsOptional()
  @TrimToNull()
  @IsString(T.title.string)
  @MaxLength(...T.title.max)
  title?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255, description: '评价组织机构' })
  @IsOptional()
  @TrimToNull()
  @IsString(T.organizer.string)
  @MaxLength(...T.organizer.max)
  organizer?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255, description: '项目主管部门' })
  @IsOptional()
  @TrimToNull()
  @IsString(T.supervisingDepartment.string)
  @MaxLength(...T.supervisingDepartment.max)
  supervisingDepartment?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255, description: '项目单位名称' })
  @IsOptional()
  @TrimToNull()
  @IsString(T.projectUnit.string)
  @MaxLength(...T.projectUnit.max)
  projectUnit?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 100, description: '项目起止时间' })
  @IsOptional()
  @TrimToNull()
  @IsString(T.projectPeriod.string)
  @MaxLength(...T.projectPeriod.max)
  projectPeriod?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 255, description: '评价机构' })
  @IsOptional()
  @TrimToNull()
  @IsString(T.evaluator.string)
  @MaxLength(...T.evaluator.max)
  evaluator?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 100, description: '评价时间' })
  @IsOptional()
  @TrimToNull()
  @IsString(T.evaluationPeriod.string)
  @MaxLength(...T.evaluationPeriod.max)
  evaluationPeriod?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 100, description: '评价分值，最多两位小数' })
  @IsOptional()
  @NumberFromForm()
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'score 须为数字，最多两位小数' },
  )
  @Min(0, { message: 'score 不能小于 0' })
  @Max(100, { message: 'score 不能大于 100' })
  score?: number | null;

  @ApiPropertyOptional({ nullable: true, enum: GRADES, description: '评价结论' })
  @IsOptional()
  @TrimToNull()
  @IsIn(GRADES, { message: 'grade 须为 优、良、中、差 之一' })
  grade?: '优' | '良' | '中' | '差' | null;
}
