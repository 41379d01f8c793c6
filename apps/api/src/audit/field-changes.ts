/**
 * The fields a patch really changes, as { field: { from, to } } for the audit payload. Fields absent from the
 * patch, or set to their current value, are left out; Dates and arrays compare by value.
 */
export function fieldChanges<T extends object>(
  before: T,
  patch: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = (before as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from: from ?? null, to };
  }
  return out;
}
