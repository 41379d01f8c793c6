import { readFileSync } from 'node:fs';
import type { AppConfig } from '@rectiflow/config';

export interface TemporalTls {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

/** TLS for both the client (API) and the worker's native connection; `false` means plaintext (dev server). */
export function buildTemporalTls(config: Pick<AppConfig, 'temporal'>): TemporalTls | false {
  const tls = config.temporal.tls;
  if (!tls) return false;
  return {
    serverNameOverride: tls.serverName,
    serverRootCACertificate: tls.caPath ? readFileSync(tls.caPath) : undefined,
    clientCertPair:
      tls.certPath && tls.keyPath
        ? { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) }
        : undefined,
  };
}
