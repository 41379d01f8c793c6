import { AppError } from '@rectiflow/common';
import { checkZipBudget, type ZipBudget } from '@rectiflow/importer';
import { detectEvidenceType, DetectedType } from './evidence-type';

/** Types stored as ZIP containers: whoever opens one later (a reviewer's Office, a virus scanner) inflates it. */
const ZIP_BASED = new Set(['docx', 'xlsx', 'pptx', 'ofd', 'zip']);

/**
 * The 415 rule: a file is accepted when its *content* is one of the allowed types (UPLOAD_ALLOWED_TYPES), and a
 * program is refused whatever the configuration says. The error names the file and what it really is.
 */
export async function assertAllowedContent(
  name: string,
  content: Buffer,
  allowed: readonly string[],
  zipBudget?: ZipBudget,
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
  if (zipBudget && ZIP_BASED.has(detected.type)) assertWithinZipBudget(name, content, detected, zipBudget);
  return detected;
}

/**
 * A "zip bomb" (a few KB that inflate to gigabytes, or hundreds of thousands of entries) is refused at upload,
 * measured by inflating under the budget (`checkZipBudget`), not by the sizes it declares: 413 when too large
 * or with too many entries, 422 when its directory cannot be checked.
 */
function assertWithinZipBudget(
  name: string,
  content: Buffer,
  detected: DetectedType,
  budget: ZipBudget,
): void {
  const verdict = checkZipBudget(content, budget);
  if (verdict.ok) return;
  const details = {
    reason: 'DECOMPRESSED_TOO_LARGE',
    check: verdict.reason,
    file: name,
    detectedType: detected.type,
  };
  if (verdict.reason === 'UNREADABLE')
    throw new AppError(
      'UNPROCESSABLE',
      `文件「${name}」（${detected.label}）${verdict.detail}，已拒绝上传`,
      details,
    );
  throw new AppError(
    'PAYLOAD_TOO_LARGE',
    `文件「${name}」（${detected.label}）${verdict.detail}，疑似“压缩炸弹”，已拒绝上传`,
    { ...details, maxDecompressedBytes: budget.maxTotalBytes, maxEntries: budget.maxEntries },
  );
}
