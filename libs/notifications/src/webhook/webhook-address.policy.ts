import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may point. Unless configuration allows it (WEBHOOK_ALLOW_PRIVATE_NETWORKS), a unit's webhook
 * must not reach loopback, link-local (169.254.169.254 is the cloud metadata service), private, shared-address,
 * multicast or unspecified addresses: checked on the literal URL when it is saved, and on every address the host
 * resolves to right before each delivery (a name can be re-pointed after it was saved).
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv6');

/** True for an address a webhook must not reach (IPv4-mapped IPv6 is judged by its IPv4 part). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) return BLOCKED.check(address, 'ipv6');
  return true;
}

const hostOf = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');

/** The reason a saved URL is refused, or null: a literal non-public address or a local name. */
export function webhookUrlRefusal(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '回调地址不是有效的 URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '回调地址须为 http(s) URL';
  const host = hostOf(url).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local'))
    return `回调地址不能指向本机或内网（${host}）`;
  if (isIP(host) && isNonPublicAddress(host)) return `回调地址不能指向本机、链路本地或内网地址（${host}）`;
  return null;
}

/** At delivery: every address the host resolves to must be public. Returns the reason, or null. */
export async function resolvedAddressRefusal(raw: string): Promise<string | null> {
  const literal = webhookUrlRefusal(raw);
  if (literal) return literal;
  const host = hostOf(new URL(raw));
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true, verbatim: true });
  const bad = addresses.find((a) => isNonPublicAddress(a.address));
  return bad ? `回调地址 ${host} 解析到非公网地址 ${bad.address}，已拒绝发送` : null;
}
