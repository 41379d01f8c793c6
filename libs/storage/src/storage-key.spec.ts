import { isSha256, storageKeyFor } from './storage-key';

describe('storage keys', () => {
  const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

  it('fans a hash out into sha256/ab/cd/<hash>', () => {
    expect(storageKeyFor(hash)).toBe(`sha256/e3/b0/${hash}`);
  });

  it('accepts only 64 lowercase hex digits', () => {
    expect(isSha256(hash)).toBe(true);
    expect(isSha256(hash.toUpperCase())).toBe(false);
    expect(isSha256(`${hash}0`)).toBe(false);
    expect(isSha256(hash.replace('e', 'g'))).toBe(false);
    expect(isSha256(42)).toBe(false);
    expect(() => storageKeyFor('../x')).toThrow(/SHA-256/);
  });
});
