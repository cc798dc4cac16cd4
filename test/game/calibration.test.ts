/**
 * The record the model was fitted to, held as a test (docs/model.md §8): under the status quo from
 * 2016, the national area at the end of 2016 and 2017, and where coca is at the end of 2017 — each of
 * the six largest departments within a factor of 1.5 of its share in the 2017 DEVIDA figures
 * (shared/data/peru-baseline.md). A change to the model that breaks these has changed the fit, and
 * docs/model.md's tables (`npm run model-table`) must say so.
 */
import { describe, expect, it } from 'vitest';
import { totalCocaHa, type GameState } from '../../game';
import { playGame, parseSeat } from '../../cli/play';
import { SCENARIO } from './helpers';

/** DEVIDA 2017, hectares by department (the six largest). */
const RECORD_2017: Record<string, number> = {
  'PE-CUS': 17281,
  'PE-AYA': 12905,
  'PE-PUN': 6493,
  'PE-JUN': 3608,
  'PE-LOR': 3374,
  'PE-UCA': 1358,
};
const NATIONAL_2017 = 49900;
const NATIONAL_2016 = 43900;

function statusQuo(seed: number): GameState[] {
  const seat = (side: 'state' | 'clans' | 'insurgents') => {
    const r = parseSeat(side, 'status-quo');
    if (!r.ok) throw new Error(r.message);
    return r.seat;
  };
  const states: GameState[] = [];
  playGame(
    { scenario: SCENARIO, seed, turns: 8, seats: { state: seat('state'), clans: seat('clans'), insurgents: seat('insurgents') } },
    (s) => states.push(s),
  );
  return states;
}

describe('the fit to 2016–2017 under the status quo', () => {
  const games = [1, 2, 3].map(statusQuo);
  const area = (s: GameState) => s.regions.reduce((a, r) => a + totalCocaHa(r), 0);

  it('the national area at the end of 2016 and 2017 is within 5% of the surveys', () => {
    for (const g of games) {
      expect(Math.abs(area(g[3]!) / NATIONAL_2016 - 1)).toBeLessThan(0.05);
      expect(Math.abs(area(g[7]!) / NATIONAL_2017 - 1)).toBeLessThan(0.05);
    }
  });

  it('each of the six largest departments holds its 2017 share within a factor of 1.5', () => {
    for (const g of games) {
      const end = g[7]!;
      const total = area(end);
      for (const [id, ha] of Object.entries(RECORD_2017)) {
        const share = totalCocaHa(end.regions.find((r) => r.id === id)!) / total;
        const ratio = share / (ha / NATIONAL_2017);
        expect(
          ratio,
          `${id}: model share ${(100 * share).toFixed(1)}% against ${((100 * ha) / NATIONAL_2017).toFixed(1)}%`,
        ).toBeGreaterThan(1 / 1.5);
        expect(ratio, id).toBeLessThan(1.5);
      }
    }
  });
});
