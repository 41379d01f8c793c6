import { AppError } from '@rectiflow/common';

/**
 * The fields a PATCH actually sets (undefined = not sent), restricted to `allowed` when given. An edit that
 * would change nothing is refused with 400 EMPTY_PATCH rather than bumping the version for nothing.
 */
export function patchChanges<T extends object>(patch: T, allowed?: ReadonlyArray<keyof T>): Partial<T> {
  const keys = (allowed ?? (Object.keys(patch) as (keyof T)[])).filter((k) => patch[k] !== undefined);
  if (!keys.length)
    throw new AppError('VALIDATION_FAILED', '没有要修改的字段 (nothing to change)', {
      reason: 'EMPTY_PATCH',
    });
  return Object.fromEntries(keys.map((k) => [k, patch[k]])) as Partial<T>;
}
