import { clientIp } from './client-ip';

describe('clientIp', () => {
  it('uses req.ip (which honours "trust proxy") and shows IPv4-mapped addresses as IPv4', () => {
    expect(clientIp({ ip: '::ffff:10.1.2.3' })).toBe('10.1.2.3');
    expect(clientIp({ ip: '2001:db8::1' })).toBe('2001:db8::1');
    expect(clientIp({ ip: '::1' })).toBe('::1');
    expect(clientIp({ ip: undefined, socket: { remoteAddress: '192.168.0.9' } })).toBe('192.168.0.9');
    expect(clientIp({ ip: undefined })).toBe('unknown');
  });
});
