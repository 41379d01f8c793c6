import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AppError } from './app-error';
import { createValidationPipe } from './validation.pipe';

class MeasureDto {
  @IsString() @IsNotEmpty() @MaxLength(5) content!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'targetDate 须为 YYYY-MM-DD' }) targetDate!: string;
}
class PlanDto {
  @IsString() @IsNotEmpty() @MaxLength(100) responsiblePerson!: string;
  @IsOptional() @IsIn(['a', 'b']) result?: string;
  @IsOptional() @IsInt() unitId?: number;
  @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => MeasureDto) measures!: MeasureDto[];
}

async function fieldsOf(body: unknown): Promise<{ message: string; fields: Record<string, string[]> }> {
  const meta: ArgumentMetadata = { type: 'body', metatype: PlanDto };
  try {
    await createValidationPipe().transform(body, meta);
  } catch (err) {
    const e = err as AppError;
    return { message: e.message, fields: (e.details as { fields: Record<string, string[]> }).fields };
  }
  throw new Error('expected a validation error');
}

describe('validation messages in Chinese', () => {
  it('names a missing field as missing, in Chinese', async () => {
    const { fields, message } = await fieldsOf({ measures: [{ content: 'ok', targetDate: '2027-01-01' }] });
    expect(fields).toEqual({ responsiblePerson: ['缺少「责任人」'] });
    expect(message).toBe('请求参数无效：缺少「责任人」');
  });

  it('uses the declared limits and allowed values, and names nested fields', async () => {
    const { fields } = await fieldsOf({
      responsiblePerson: '张三',
      result: 'x',
      unitId: 1.5,
      measures: [{ content: '太长的一段措施内容', targetDate: '2027/01/01' }],
    });
    expect(fields).toEqual({
      result: ['「认定结果」须为以下之一：a、b'],
      unitId: ['「责任单位」须为整数'],
      'measures.0.content': ['「整改措施第 1 项内容」不能超过 5 个字符'],
      'measures.0.targetDate': ['「整改措施第 1 项完成时限」须为 YYYY-MM-DD'],
    });
  });

  it('says an empty list needs one item and an unknown field is not allowed', async () => {
    const { fields } = await fieldsOf({ responsiblePerson: '张三', measures: [], extra: 1 });
    expect(fields).toEqual({ measures: ['「整改措施」至少 1 项'], extra: ['不允许的字段「extra」'] });
    expect(Object.values(fields).flat().join('')).not.toMatch(/must|should|elements/);
  });
});
