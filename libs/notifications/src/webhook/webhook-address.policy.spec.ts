import { hostname } from 'node:os';
import { isNonPublicAddress, resolvedAddressRefusal, webhookUrlRefusal } from './webhook-address.policy';

describe('webhook address policy', () => {
  it('refuses loopback, link-local, private and mapped addresses, allows public ones', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect({ a, blocked: isNonPublicAddress(a) }).toEqual({ a, blocked: true });
    for (const a of ['8.8.8.8', '203.119.1.1', '2400:3200::1'])
      expect({ a, blocked: isNonPublicAddress(a) }).toEqual({ a, blocked: false });
  });

  it('refuses literal internal targets and local names when a URL is saved', () => {
    expect(webhookUrlRefusal('http://169.254.169.254/latest/meta-data')).toContain('169.254.169.254');
    expect(webhookUrlRefusal('http://[::1]:8080/hook')).toContain('::1');
    expect(webhookUrlRefusal('http://localhost:3000/')).toContain('localhost');
    expect(webhookUrlRefusal('ftp://example.com/')).toBe('回调地址须为 http(s) URL');
    expect(webhookUrlRefusal('https://oapi.dingtalk.com/robot/send?access_token=x')).toBeNull();
  });

  it('checks again after DNS: a name resolving to loopback is refused', async () => {
    // The machine's own host name passes the saved-URL check but resolves to a loopback address.
    const name = hostname();
    expect(webhookUrlRefusal(`http://${name}:9/hook`)).toBeNull();
    await expect(resolvedAddressRefusal(`http://${name}:9/hook`)).resolves.toMatch(/解析到非公网地址/);
  });
});
