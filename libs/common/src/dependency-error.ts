export type DependencyName = 'mysql' | 'redis' | 'temporal';

/** host:port of each dependency, so a bare ECONNREFUSED can be attributed by its address. */
export type DependencyEndpoints = Partial<Record<DependencyName, string>>;

const NET_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
];

/**
 * Recognises a failure caused by an unreachable MySQL, Redis or Temporal so that callers get a 503 naming the
 * dependency instead of a bare 500. Returns null for anything else.
 */
export function unavailableDependency(
  err: unknown,
  endpoints: DependencyEndpoints = {},
): DependencyName | null {
  // Duck-typed on purpose: errors raised by Node's own sockets may come from another realm (vm contexts, Jest).
  if (typeof err !== 'object' || err === null || typeof (err as { message?: unknown }).message !== 'string')
    return null;
  const e = err as Error & {
    code?: unknown;
    address?: unknown;
    port?: unknown;
    driverError?: unknown;
    fatal?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : '';
  const text = `${e.name} ${e.message}`;

  if (NET_CODES.includes(code) && e.address !== undefined && e.port !== undefined) {
    const at = `${String(e.address)}:${String(e.port)}`;
    const hit = (Object.entries(endpoints) as [DependencyName, string][]).find(([, ep]) =>
      sameEndpoint(ep, at),
    );
    if (hit) return hit[0];
  }
  // TypeORM wraps mysql2 errors (QueryFailedError with driverError); mysql2 marks connection-level errors fatal.
  if (
    (e.driverError !== undefined || e.fatal === true) &&
    (NET_CODES.includes(code) || /Connection lost|Pool is closed/.test(text))
  )
    return 'mysql';
  if (
    /Stream isn't writeable|enableOfflineQueue|Connection is closed|MaxRetriesPerRequestError|Reached the max retries per request/.test(
      text,
    )
  )
    return 'redis';
  // The Temporal client surfaces gRPC UNAVAILABLE (14) / DEADLINE_EXCEEDED (4), possibly wrapped in ServiceError.
  const cause = (e as { cause?: unknown }).cause as { code?: unknown } | undefined;
  if (
    (e.name === 'ServiceError' &&
      (cause?.code === 14 || cause?.code === 4 || /UNAVAILABLE|DEADLINE/.test(text))) ||
    /^14 UNAVAILABLE|^4 DEADLINE_EXCEEDED/.test(e.message)
  )
    return 'temporal';
  return null;
}

function sameEndpoint(configured: string, actual: string): boolean {
  const norm = (s: string) => s.replace(/^localhost:/, '127.0.0.1:').replace(/^::1:|^\[::1\]:/, '127.0.0.1:');
  return norm(configured) === norm(actual);
}
