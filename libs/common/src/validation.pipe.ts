import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';
import { fieldLabel } from './field-labels';
import { assertJsonShape } from './json-shape';
import { chineseMessages } from './validation-messages';

/** Per field path (the code, e.g. `measures.0.content`): its reasons in Chinese. */
function flatten(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = chineseMessages(e, path);
    if (e.children?.length) Object.assign(out, flatten(e.children, path));
  }
  return out;
}

/** The global pipe: strips nothing silently — unknown fields are an error — and reports per field. */
/** Checks the shape of bodies and queries (depth, size) before anything walks them recursively. */
class ShapeCheckedValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') assertJsonShape(value);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ShapeCheckedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The DTO instance and value stay on each error: the Chinese messages read the DTO's declared limits.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = Object.values(fields)
        .map((v) => v.join('，'))
        .join('；');
      const labels = Object.fromEntries(Object.keys(fields).map((k) => [k, fieldLabel(k)]));
      return new AppError('VALIDATION_FAILED', `请求参数无效：${summary}`, { fields, labels });
    },
  });
}
