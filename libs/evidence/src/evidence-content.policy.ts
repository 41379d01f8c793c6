import { AppError } from '@rectiflow/common';
import { detectEvidenceType, DetectedType } from './evidence-type';

/**
 * The 415 rule: a file is accepted when its *content* is one of the allowed types (UPLOAD_ALLOWED_TYPES), and a
 * program is refused whatever the configuration says. The error names the file and what it really is.
 */
export async function assertAllowedContent(
  name: string,
  content: Buffer,
  allowed: readonly string[],
): Promise<DetectedType> {
  const detected = await detectEvidenceType(content);
  if (detected.executable)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `文件「${name}」的实际内容是${detected.label}，不允许作为佐证材料上传`,
      {
        reason: 'EXECUTABLE',
        file: name,
        detectedType: detected.type,
        allowed,
      },
    );
  if (!allowed.includes(detected.type))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `文件「${name}」的实际类型为${detected.label}（${detected.type}），不在允许的类型内（${allowed.join('、')}）`,
      { reason: 'TYPE_NOT_ALLOWED', file: name, detectedType: detected.type, allowed },
    );
  return detected;
}
