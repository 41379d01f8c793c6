import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 8;
/** argon2 cost grows with input; a cap keeps a login request from becoming a CPU sink. */
export const PASSWORD_MAX_LENGTH = 128;
const HAS_LETTER = /[A-Za-z]/;
const HAS_DIGIT = /\d/;

/** The rule for a new password, as a message (for the CLI), or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码最多 ${PASSWORD_MAX_LENGTH} 位`;
  if (!HAS_LETTER.test(password) || !HAS_DIGIT.test(password)) return '密码须同时包含字母和数字';
  return null;
}

/** The same rule as DTO validation, with field-level messages. */
export const IsNewPassword = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, { message: `密码至少 ${PASSWORD_MIN_LENGTH} 位` }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `密码最多 ${PASSWORD_MAX_LENGTH} 位` }),
    Matches(HAS_LETTER, { message: '密码须同时包含字母和数字' }),
    Matches(HAS_DIGIT, { message: '密码须同时包含字母和数字' }),
  );
