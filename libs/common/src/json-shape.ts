import { AppError } from './app-error';

/** Deeper than any request body of this API (the deepest DTO is about 4 levels). */
export const MAX_JSON_DEPTH = 32;
/** Values (objects, arrays, scalars) in one body: a 50-measure plan is a few hundred. */
export const MAX_JSON_NODES = 20_000;

/**
 * Refuses a body nested too deep or holding too many values, before class-transformer and class-validator
 * walk it recursively (a 2000-deep body overflowed their stack: 500). Iterative, so it cannot overflow itself.
 */
export function assertJsonShape(value: unknown): void {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    nodes += 1;
    if (nodes > MAX_JSON_NODES)
      throw new AppError('VALIDATION_FAILED', `请求体包含的元素过多（最多 ${MAX_JSON_NODES} 个）`, {
        limit: MAX_JSON_NODES,
      });
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_JSON_DEPTH)
      throw new AppError('VALIDATION_FAILED', `请求体嵌套过深（最多 ${MAX_JSON_DEPTH} 层）`, {
        limit: MAX_JSON_DEPTH,
      });
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    for (const c of children) stack.push([c, depth + 1]);
  }
}
