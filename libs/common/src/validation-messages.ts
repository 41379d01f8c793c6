import type { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { fieldLabel } from './field-labels';

/**
 * Chinese messages for class-validator's constraints. The constraint arguments (lengths, sizes, allowed values)
 * come from the validation metadata of the DTO class, so one table serves every DTO.
 */
type Template = (field: string, args: unknown[]) => string;

const list = (v: unknown): string => (Array.isArray(v) ? v.join('、') : String(v));

export const VALIDATION_MESSAGES: Record<string, Template> = {
  isDefined: (f) => `缺少「${f}」`,
  isNotEmpty: (f) => `「${f}」不能为空`,
  isString: (f) => `「${f}」须为文本`,
  isInt: (f) => `「${f}」须为整数`,
  isNumber: (f) => `「${f}」须为数字`,
  isBoolean: (f) => `「${f}」须为 true 或 false`,
  isArray: (f) => `「${f}」须为列表`,
  isObject: (f) => `「${f}」须为对象`,
  isEmail: (f) => `「${f}」不是有效的邮箱地址`,
  isUrl: (f) => `「${f}」不是有效的网址`,
  isDateString: (f) => `「${f}」须为日期（YYYY-MM-DD）`,
  isIso8601: (f) => `「${f}」须为日期时间（ISO 8601）`,
  isUuid: (f) => `「${f}」格式不正确`,
  isIn: (f, a) => `「${f}」须为以下之一：${list(a[0])}`,
  isEnum: (f, a) => `「${f}」须为以下之一：${list(Object.values((a[0] ?? {}) as object))}`,
  maxLength: (f, a) => `「${f}」不能超过 ${String(a[0])} 个字符`,
  minLength: (f, a) => `「${f}」至少 ${String(a[0])} 个字符`,
  length: (f, a) => `「${f}」长度须在 ${String(a[0])} 到 ${String(a[1])} 个字符之间`,
  min: (f, a) => `「${f}」不能小于 ${String(a[0])}`,
  max: (f, a) => `「${f}」不能大于 ${String(a[0])}`,
  isPositive: (f) => `「${f}」须为正数`,
  arrayMinSize: (f, a) => `「${f}」至少 ${String(a[0])} 项`,
  arrayMaxSize: (f, a) => `「${f}」最多 ${String(a[0])} 项`,
  arrayNotEmpty: (f) => `「${f}」至少 1 项`,
  arrayUnique: (f) => `「${f}」不能有重复项`,
  matches: (f) => `「${f}」格式不正确`,
  nestedValidation: (f) => `「${f}」须为对象或列表`,
  whitelistValidation: (f) => `不允许的字段「${f}」`,
};

/** What the DTO declared for this property: constraint name → its arguments (and a custom message, if any). */
function declared(
  target: object | undefined,
  property: string,
): Map<string, { args: unknown[]; custom: boolean }> {
  const out = new Map<string, { args: unknown[]; custom: boolean }>();
  if (!target) return out;
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  for (const m of metas) {
    if (m.propertyName !== property) continue;
    const name = m.name ?? m.type;
    out.set(name, { args: (m.constraints ?? []) as unknown[], custom: m.message !== undefined });
  }
  return out;
}

/** The Chinese messages of one field's failed constraints; a missing field just says it is missing. */
export function chineseMessages(e: ValidationError, path: string): string[] {
  const field = fieldLabel(path);
  const constraints = e.constraints ?? {};
  if (constraints.whitelistValidation) return [VALIDATION_MESSAGES.whitelistValidation(field, [])];
  if (e.value === undefined || e.value === null) {
    const optional = Object.keys(constraints).length === 0;
    if (!optional) return [`缺少「${field}」`];
  }
  const meta = declared(e.target, e.property);
  return Object.entries(constraints).map(([name, english]) => {
    const d = meta.get(name);
    // A DTO's own message (already Chinese, e.g. "targetDate 须为 YYYY-MM-DD") keeps its wording, with the field
    // named in Chinese.
    if (d?.custom && /[\u4e00-\u9fff]/.test(english))
      return english.replace(new RegExp(`\\b${e.property}\\s*`, 'g'), `「${field}」`);
    const t = VALIDATION_MESSAGES[name];
    return t ? t(field, d?.args ?? []) : `「${field}」的值无效`;
  });
}
