import type { Request } from 'express';

/**
 * The client's address. `req.ip` already honours the app's "trust proxy" setting (TRUST_PROXY): with no trusted
 * proxy it is the socket address and a forged X-Forwarded-For is ignored. IPv4-mapped IPv6 is shown as IPv4.
 */
export function clientIp(req: Pick<Request, 'ip'> & { socket?: { remoteAddress?: string } }): string {
  const raw = req.ip ?? req.socket?.remoteAddress ?? '';
  const ip = raw.startsWith('::ffff:') && raw.includes('.') ? raw.slice(7) : raw;
  return ip.slice(0, 45) || 'unknown';
}
