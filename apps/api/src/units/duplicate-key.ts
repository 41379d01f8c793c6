/** MySQL/MariaDB ER_DUP_ENTRY (1062), as raised through TypeORM's QueryFailedError. */
export function isDuplicateKeyError(err: unknown): boolean {
  const e = err as {
    code?: unknown;
    errno?: unknown;
    driverError?: { code?: unknown; errno?: unknown };
  } | null;
  return (
    e?.code === 'ER_DUP_ENTRY' ||
    e?.errno === 1062 ||
    e?.driverError?.code === 'ER_DUP_ENTRY' ||
    e?.driverError?.errno === 1062
  );
}
