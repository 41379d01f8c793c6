import { hasRecheck, reboundOfId, reboundRectificationId, reboundRound } from './recheck.definitions';

describe('回头看 rounds', () => {
  const base = 'rectification-0b6f7d2e-1c1a-4c55-9a57-2f3b0f7a1e11-2';

  it('reads the round from the id: 0 for the issued item, N for its N-th reopening', () => {
    expect(reboundRound(base)).toBe(0);
    expect(reboundRound(`${base}-r1`)).toBe(1);
    expect(reboundRound(`${base}-r12`)).toBe(12);
  });

  it('links each round to the one it reopens', () => {
    expect(reboundOfId(base)).toBeNull();
    expect(reboundOfId(`${base}-r1`)).toBe(base);
    expect(reboundOfId(`${base}-r3`)).toBe(`${base}-r2`);
    expect(reboundRectificationId('0b6f7d2e-1c1a-4c55-9a57-2f3b0f7a1e11', 2, 1)).toBe(`${base}-r1`);
  });

  it('gives 立行立改 no 回头看', () => {
    expect(hasRecheck('immediate')).toBe(false);
    expect(hasRecheck('deadline')).toBe(true);
  });
});
