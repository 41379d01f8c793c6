import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { RectificationStepName, STEP_CATALOG, STATUS_LABELS } from '@rectiflow/contracts';
import { ApiErrorDto } from './api-error.dto';
import { RectificationStateDto } from './rectification-state.dto';

/**
 * The route of one human step, from the step catalog: `POST /rectifications/:id/<path>`, 200 with the new state,
 * and its OpenAPI (summary, who may take it, from which statuses, the error answers with their schema).
 */
export function StepRoute(name: RectificationStepName, description?: string): MethodDecorator {
  const step = STEP_CATALOG[name];
  const from = step.from.map((s) => STATUS_LABELS[s]).join('、');
  return applyDecorators(
    Post(step.path),
    HttpCode(200),
    ApiOperation({
      operationId: `rectification_${name}`,
      summary: step.summary,
      description: [`可办理状态：${from}。角色：${step.roles.join('、')}。`, description]
        .filter(Boolean)
        .join('\n\n'),
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '同一用户以同一键重试：只执行一次，并答复第一次的结果（成功时为同一 200 响应体）',
    }),
    ApiOkResponse({ type: RectificationStateDto, description: '办理后的完整状态' }),
    ApiBadRequestResponse({
      type: ApiErrorDto,
      description: 'VALIDATION_FAILED：details.fields 按字段列出原因',
    }),
    ApiForbiddenResponse({ type: ApiErrorDto, description: 'FORBIDDEN：该角色不能办理此步骤' }),
    ApiNotFoundResponse({ type: ApiErrorDto, description: '不存在或不在本单位范围内' }),
    ApiConflictResponse({
      type: ApiErrorDto,
      description:
        'TRANSITION_NOT_ALLOWED：当前状态不允许此步骤（原因见 error.message）；CONFLICT：Idempotency-Key 已用于另一个请求',
    }),
  );
}
