/**
 * Recognises a failure caused by an unreachable MySQL, Redis or Temporal so that callers get a 503
 * naming the dependency instead of a bare 500.
 */
export function unavailableDependency(err: unknown): 'mysql' | 'redis' | 'temporal' | null {
  if (!(err instanceof Error)) return null;
  const e = err as Error & { code?: unknown; errno?: unknown; driverError?: unknown; sql?: unknown };
  const text = `${e.name} ${e.message}`;
  const netCodes = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'PROTOCOL_CONNECTION_LOST',
    'EPIPE',
  ];
  const code = typeof e.code === 'string' ? e.code : '';
  const isTypeorm =
    'driverError' in e || 'sql' in e || /QueryFailedError|mysql|Connection lost|Pool is closed/i.test(text);
  if (
    isTypeorm &&
    (netCodes.includes(code) || /ECONNREFUSED|Connection lost|Pool is closed|connect ETIMEDOUT/.test(text))
  )
    return 'mysql';
  if (
    /Connection is closed|MaxRetriesPerRequestError|Stream isn't writeable|enableOfflineQueue|redis/i.test(
      text,
    )
  )
    return 'redis';
  // gRPC UNAVAILABLE (14) / DEADLINE_EXCEEDED (4) from the Temporal client, or its ServiceError wrapper
  const grpc = (e as { code?: unknown }).code;
  if (
    e.name === 'ServiceError' ||
    e.name === 'TransportError' ||
    ((grpc === 14 || grpc === 4) && /UNAVAILABLE|DEADLINE|No connection|Failed to connect/i.test(text)) ||
    /14 UNAVAILABLE/.test(text)
  )
    return 'temporal';
  if (netCodes.includes(code)) return isTypeorm ? 'mysql' : null;
  return null;
}
