/**
 * True when `err` is MySQL/MariaDB's duplicate-key error (1062) on the named unique index. TypeORM wraps
 * the driver error in QueryFailedError, keeping `code`/`errno` and the message naming the key.
 */
export function isDuplicateKey(err: unknown, indexName: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; errno?: unknown; message?: unknown; driverError?: unknown };
  const driver = (e.driverError ?? e) as { code?: unknown; errno?: unknown; sqlMessage?: unknown };
  const duplicate = driver.code === 'ER_DUP_ENTRY' || driver.errno === 1062 || e.code === 'ER_DUP_ENTRY';
  const text = `${String(driver.sqlMessage ?? '')} ${String(e.message ?? '')}`;
  return duplicate && text.includes(indexName);
}
