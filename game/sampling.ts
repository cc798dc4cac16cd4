/**
 * Uncertainty as data: draw a scenario's uncertain parameters from their plausible ranges, and rank
 * the parameters by how much each moves the outcomes.
 *
 * Drawing is a Latin hypercube: with n runs, each parameter's range is cut into n equal strata and
 * every stratum is used exactly once, in an order shuffled per parameter, so even 20 runs cover each
 * range evenly. Within its range a value is uniform (the ranges say what is plausible, not what is
 * likely). Whole-number parameters are rounded. The draw depends only on the ranges and the seed.
 *
 * Sensitivity is Spearman's rank correlation between each parameter and each outcome over the runs
 * (robust to the model's non-linearity, no assumption of a linear response), with the swing: the
 * outcome's mean in the runs that drew the parameter's top third minus its mean in the bottom third,
 * in the outcome's own units, which the tornado chart shows.
 */
import type { z } from 'zod';
import { ParamsSchema, type Params, type Scenario } from './content/scenario-schema';
import { dlog } from './det-math';
import { nextFloat, seedRng } from './rng';

export type ParamDraw = Readonly<Record<string, number>>;

const SHAPE = ParamsSchema.shape as Record<string, z.ZodType & { isInt?: boolean }>;
/** Runs in the top (and bottom) part of a parameter's draws that its swing compares. */
const SWING_PART = 3;

/** `n` draws of every parameter that has a range, in the ranges' key order (sorted for stability). */
export function latinHypercube(ranges: Scenario['paramRanges'], n: number, seed: number): ParamDraw[] {
  const keys = Object.keys(ranges).sort();
  const rng = seedRng(seed);
  const draws: Record<string, number>[] = Array.from({ length: n }, () => ({}));
  for (const key of keys) {
    const { low, high } = ranges[key]!;
    const strata = Array.from({ length: n }, (_v, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(nextFloat(rng) * (i + 1));
      [strata[i], strata[j]] = [strata[j]!, strata[i]!];
    }
    for (let run = 0; run < n; run++) {
      const u = (strata[run]! + nextFloat(rng)) / n;
      const v = low + (high - low) * u;
      draws[run]![key] = SHAPE[key]?.isInt ? Math.min(high, Math.max(low, Math.round(v))) : v;
    }
  }
  return draws;
}

/** The scenario with some parameters replaced (the caller's draw from its own ranges). */
export function withParams(scenario: Scenario, draw: ParamDraw): Scenario {
  const params = { ...scenario.params } as Record<string, number>;
  for (const [k, v] of Object.entries(draw)) if (k in params) params[k] = v;
  return { ...scenario, params: params as Params };
}

/** Ranks (1 = smallest), ties sharing their mean rank. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]![1]] = r;
    i = j + 1;
  }
  return out;
}

/** Pearson's correlation of two equally long series; 0 when either does not vary. */
function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

export const spearman = (a: readonly number[], b: readonly number[]): number => pearson(ranks(a), ranks(b));

/**
 * The quantile of the standard normal distribution at probability p (0 < p < 1), by Acklam's
 * rational approximation (relative error below 1.2e-9).
 */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  const pLow = 0.02425;
  if (p < pLow) return tail(Math.sqrt(-2 * dlog(p)));
  if (p > 1 - pLow) return -tail(Math.sqrt(-2 * dlog(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * The |ρ| beyond which a rank correlation over `n` runs is unlikely to be chance when `tests`
 * parameters are tried at once: two-sided 5% with Bonferroni's correction (each test at 5% / tests),
 * the normal approximation z / √(n − 1). Without the correction, one parameter in twenty would pass
 * by luck, and a scenario has over a hundred.
 */
export function chanceThreshold(n: number, tests = 1): number {
  if (n <= 1) return 1;
  const alpha = 0.05 / Math.max(1, tests);
  return Math.min(1, normalQuantile(1 - alpha / 2) / Math.sqrt(n - 1));
}

export interface Sensitivity {
  param: string;
  metric: string;
  rho: number;
  /** Mean outcome where the parameter drew its bottom third, and its top third. */
  lowMean: number;
  highMean: number;
  /** highMean − lowMean, in the outcome's units. */
  swing: number;
}

/** Each parameter's effect on each outcome over runs that drew `draws[i]` and produced `outcomes[i]`. */
export function sensitivity(
  draws: readonly ParamDraw[],
  outcomes: readonly Readonly<Record<string, number>>[],
  metrics: readonly string[],
): Sensitivity[] {
  const n = draws.length;
  if (n === 0 || outcomes.length !== n) return [];
  const params = Object.keys(draws[0]!).sort();
  const part = Math.max(1, Math.floor(n / SWING_PART));
  const out: Sensitivity[] = [];
  for (const param of params) {
    const xs = draws.map((d) => d[param]!);
    const order = xs
      .map((x, i) => [x, i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, i]) => i);
    for (const metric of metrics) {
      const ys = outcomes.map((o) => o[metric]!);
      const avg = (idx: readonly number[]) => idx.reduce((s, i) => s + ys[i]!, 0) / idx.length;
      const lowMean = avg(order.slice(0, part));
      const highMean = avg(order.slice(n - part));
      out.push({ param, metric, rho: spearman(xs, ys), lowMean, highMean, swing: highMean - lowMean });
    }
  }
  return out;
}
