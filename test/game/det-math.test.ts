import { describe, expect, it } from 'vitest';
import { dexp, dlog, dpow } from '../../game/det-math';

// The engine's own exp/log/pow exist so replays match bit for bit in every browser; they must
// also be accurate enough that the model means what docs/model.md says.
describe('deterministic math', () => {
  it('agrees with Math.exp and Math.log to within a few units in the last place', () => {
    let worst = 0;
    for (let i = 0; i <= 20_000; i++) {
      const x = -40 + (80 * i) / 20_000;
      worst = Math.max(worst, Math.abs(dexp(x) / Math.exp(x) - 1));
      const y = Math.exp(x / 4);
      worst = Math.max(worst, Math.abs(dlog(y) - Math.log(y)) / Math.max(1, Math.abs(Math.log(y))));
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it('handles the edges', () => {
    expect(dexp(0)).toBe(1);
    expect(dlog(1)).toBe(0);
    expect(dlog(0)).toBe(-Infinity);
    expect(dlog(-1)).toBeNaN();
    expect(dexp(800)).toBe(Infinity);
    expect(dexp(-800)).toBe(0);
    expect(dpow(2, 10)).toBeCloseTo(1024, 10);
    expect(dpow(1, 1e9)).toBe(1);
    expect(dpow(0, 2)).toBe(0);
  });

  it('gives the same bits on every call (no hidden state)', () => {
    const a = [0.3, 1.7, 12.5, 1e-5].map((x) => dpow(x, 0.45));
    const b = [0.3, 1.7, 12.5, 1e-5].map((x) => dpow(x, 0.45));
    expect(b).toEqual(a);
  });
});
