/**
 * Uncertainty as data: the Latin hypercube covers each range evenly and reproducibly, a draw makes
 * a valid scenario, a migrated format-1 scenario behaves as format 1 did, and the sensitivity
 * statistics are what they say.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, checkScenario, MAP } from '../../game/index';
import { migrateScenarioV1 } from '../../game/content/migrate';
import { chanceThreshold, latinHypercube, normalQuantile, ranks, sensitivity, spearman, withParams } from '../../game/sampling';

const base = BUILTIN_SCENARIOS[0]!;

describe('latinHypercube', () => {
  const n = 20;
  const draws = latinHypercube(base.paramRanges, n, 7);

  it('draws every ranged parameter in each of n strata exactly once, within its range', () => {
    for (const [key, { low, high }] of Object.entries(base.paramRanges)) {
      const xs = draws.map((d) => d[key]!);
      for (const x of xs) expect(x >= low && x <= high, `${key} ${x}`).toBe(true);
      if (
        Number.isInteger(base.params[key as keyof typeof base.params]) &&
        ['plantLagTurns', 'radarLagTurns', 'lawLagTurns', 'airHubMaxHops', 'displaceTopRegions'].includes(key)
      ) {
        for (const x of xs) expect(Number.isInteger(x), key).toBe(true);
        continue;
      }
      const strata = xs.map((x) => Math.min(n - 1, Math.floor(((x - low) / (high - low)) * n))).sort((a, b) => a - b);
      expect(strata, key).toEqual(Array.from({ length: n }, (_v, i) => i));
    }
  });

  it('is reproducible from its seed, and another seed draws otherwise', () => {
    expect(latinHypercube(base.paramRanges, n, 7)).toEqual(draws);
    expect(latinHypercube(base.paramRanges, n, 8)).not.toEqual(draws);
  });

  it('makes valid scenarios, without touching the one it starts from', () => {
    const before = JSON.stringify(base.params);
    for (const d of draws) expect(checkScenario(withParams(base, d), MAP).ok).toBe(true);
    expect(JSON.stringify(base.params)).toBe(before);
    expect(withParams(base, draws[0]!).params.displaceShare).toBe(draws[0]!.displaceShare);
  });
});

describe('sensitivity statistics', () => {
  it('ranks with ties sharing their mean rank; a monotone relation has rho 1, a reversed one -1', () => {
    expect(ranks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
    const xs = [1, 2, 3, 4, 5, 6];
    expect(
      spearman(
        xs,
        xs.map((x) => x ** 3),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      spearman(
        xs,
        xs.map((x) => -Math.exp(x)),
      ),
    ).toBeCloseTo(-1, 12);
  });

  it("finds the parameter that drives an outcome and its swing in the outcome's units", () => {
    const draws = latinHypercube({ a: { low: 0, high: 1, reason: 'x' }, b: { low: 0, high: 1, reason: 'x' } }, 30, 3);
    const outcomes = draws.map((d) => ({ y: 1000 * d.a! }));
    const s = sensitivity(draws, outcomes, ['y']);
    const a = s.find((x) => x.param === 'a')!;
    const b = s.find((x) => x.param === 'b')!;
    expect(a.rho).toBeCloseTo(1, 12);
    expect(Math.abs(b.rho)).toBeLessThan(chanceThreshold(30, 2));
    // Bottom third of a ~ [0, 1/3] (mean ~167), top third ~ [2/3, 1] (mean ~833).
    expect(a.swing).toBeGreaterThan(600);
    expect(a.swing).toBeLessThan(720);
  });

  it('corrects the chance threshold for the number of parameters tried', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(chanceThreshold(20)).toBeCloseTo(1.959964 / Math.sqrt(19), 5);
    expect(chanceThreshold(20, 172)).toBeGreaterThan(0.8);
    expect(chanceThreshold(1000, 172)).toBeLessThan(0.13);
  });
});

describe('format-1 scenarios', () => {
  it("migrate to the built-in scenario's values for what format 1 had in code, and keep the author's schedule", () => {
    const v1 = JSON.parse(readFileSync(new URL('../fixtures/scenario-v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const r = checkScenario(migrateScenarioV1(v1, base), MAP);
    expect(r.ok, r.ok ? '' : JSON.stringify(r.problems.slice(0, 3))).toBe(true);
    if (!r.ok) return;
    // The file's own values are kept; what format 1 had in code comes from the built-in scenario.
    expect(r.value.params).toEqual({ ...base.params, ...(v1.params as object) });
    expect(r.value.injectLibrary).toEqual(base.injectLibrary);
    expect(r.value.msel).toEqual([{ id: 'scheduled-1', inject: { id: 'election-eve', region: 'PE-JUN' }, when: { turn: 2 } }]);
    expect(v1.version).toBe(1); // the input is not edited
  });
});
