import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ApiErrorBodyDto {
  @ApiProperty({ example: 'TRANSITION_NOT_ALLOWED' }) code!: string;
  @ApiProperty({ example: '当前状态为「已下发」，不能提交整改情况', description: '中文原因' })
  message!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'VALIDATION_FAILED 时 fields: { 字段: [中文原因] }',
  })
  details?: Record<string, unknown>;
}

/** Every error answer: `{ error: { code, message, details? } }` (libs/common http-exception.filter). */
export class ApiErrorDto {
  @ApiProperty({ type: ApiErrorBodyDto }) error!: ApiErrorBodyDto;
}
