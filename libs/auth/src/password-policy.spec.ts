import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('wants 8–128 characters with letters and digits', () => {
    expect(passwordProblem('abc12345')).toBeNull();
    expect(passwordProblem('整改abc12345')).toBeNull();
    expect(passwordProblem('abc1234')).toMatch(/至少 8 位/);
    expect(passwordProblem('abcdefgh')).toMatch(/字母和数字/);
    expect(passwordProblem('12345678')).toMatch(/字母和数字/);
    expect(passwordProblem(`a1${'x'.repeat(127)}`)).toMatch(/最多 128 位/);
  });
});
