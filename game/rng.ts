/**
 * Seeded randomness. The game's PRNG state lives inside GameState (`rng`), so a saved game or a
 * replay continues the exact same stream. sfc32: small, fast, 32-bit integer arithmetic only, so
 * it gives the same numbers on every JavaScript engine.
 */
import { dexp, dlog } from './det-math';
export type RngState = [number, number, number, number];

/** Expand a user seed into a well-mixed PRNG state (splitmix32). */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const st: RngState = [next(), next(), next(), next()];
  // Warm up so nearby seeds diverge.
  for (let i = 0; i < 12; i++) nextUint(st);
  return st;
}

/** Advance the state in place and return a uint32. */
export function nextUint(st: RngState): number {
  let [a, b, c, d] = st;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) >>> 0;
  st[0] = a >>> 0;
  st[1] = b;
  st[2] = c;
  st[3] = d;
  return t;
}

/** A float in [0, 1). */
export const nextFloat = (st: RngState): number => nextUint(st) / 4294967296;

/** A random source bound to a state array (a draft's or a plain one). */
export interface Rng {
  float(): number;
  /** Multiplicative noise around 1 with the given relative spread (uniform in 1 ± spread). */
  noise(spread: number): number;
  /** A Poisson-distributed count with mean `mean` (normal approximation for large means). */
  poisson(mean: number): number;
  chance(p: number): boolean;
}

export function makeRng(st: RngState): Rng {
  const float = () => nextFloat(st);
  return {
    float,
    noise: (spread) => 1 + spread * (2 * float() - 1),
    chance: (p) => float() < p,
    poisson(mean) {
      if (!(mean > 0)) return 0;
      if (mean > 30) {
        // Normal approximation (Marsaglia's polar method: needs only log and sqrt).
        for (;;) {
          const u = 2 * float() - 1;
          const v = 2 * float() - 1;
          const s = u * u + v * v;
          if (s >= 1 || s === 0) continue;
          const z = u * Math.sqrt((-2 * dlog(s)) / s);
          return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
        }
      }
      const l = dexp(-mean);
      let k = 0;
      let p = 1;
      do {
        k++;
        p *= float();
      } while (p > l && k < 1000);
      return k - 1;
    },
  };
}

/** A stateless hash of integers to [0, 1): for noise that must not consume the game's stream. */
export function hashFloat(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    h = (h ^ (h >>> 15)) >>> 0;
  }
  return h / 4294967296;
}
