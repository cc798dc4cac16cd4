/**
 * Worlds a side could be in, sampled from what it sees (information-set sampling). The search never
 * reads the true state: it starts from `viewFor(state, side)` and fills in what the view hides or
 * blurs with draws from the bot's own random stream:
 *
 * - the game's random generator (the dice to come are unknown): a fresh one per world;
 * - the other sides' money, from the cash the view shows rounded (uniform within the rounding),
 *   times the scenario's spending shares; the State's budget is public arithmetic;
 * - labs, fighters and stock the view shows as estimates: the true value is drawn so that the
 *   estimate could have come from it (the view multiplies by 1 ± spread and rounds);
 * - pilot readiness, seen to the nearest quarter by the clans and insurgents.
 *
 * The other sides' orders are not in any state: the search plays them with the normal bots.
 */
import type { Side } from '../content/scenario-schema';
import { clamp } from '../context';
import { seedRng, type Rng } from '../rng';
import type { GameState } from '../types';
import { workingCopy } from './simulate';

/** A true value `v` such that `round(v × (1 + spread × u))` could be `estimate`, u uniform in [−1, 1]. */
function fromEstimate(estimate: number, spread: number, rng: Rng): number {
  if (!(spread > 0)) return estimate;
  const f = 1 + spread * (2 * rng.float() - 1);
  return Math.max(0, Math.round(estimate / f));
}

/** A value that rounds to `shown` at `step`, uniform within the rounding, at least 0. */
const withinRounding = (shown: number, step: number, rng: Rng): number => Math.max(0, shown + step * (rng.float() - 0.5));

/**
 * One world consistent with `view` (the side's own view: `viewFor(state, side)`), as a plain
 * working copy the simulation may mutate. Draws only from `rng` (the bot's stream).
 */
export function sampleWorld(view: GameState, side: Side, rng: Rng): GameState {
  const w = workingCopy(view);
  const n = w.national;
  const budgets = w.scenario.budgets;
  const p = w.scenario.params;
  if (side === 'state') {
    // The view's spread is 0.4 × (1 − intel) for labs and fighters, 0.5 for stock (game/view.ts).
    for (const r of w.regions) {
      const spread = 0.4 * (1 - r.intel);
      r.labs = fromEstimate(r.labs, spread, rng);
      r.insurgentFighters = fromEstimate(r.insurgentFighters, spread, rng);
      r.stockT = fromEstimate(r.stockT, 0.5, rng);
    }
  } else {
    n.pilotReadiness = clamp(withinRounding(n.pilotReadiness, 0.25, rng), 0, 1);
    if (side === 'clans') for (const r of w.regions) r.insurgentFighters = fromEstimate(r.insurgentFighters, 0.3, rng);
  }
  if (side !== 'clans') n.clanCashMusd = withinRounding(n.clanCashMusd, 50, rng);
  if (side !== 'insurgents') n.insurgentCashMusd = withinRounding(n.insurgentCashMusd, 5, rng);
  // The other sides' budgets, as the engine sets them at the end of a turn (phases/scoring.ts).
  if (side !== 'state')
    w.budgets.state.moneyMusd = budgets.state.moneyMusd + (n.usSuspendedTurns > 0 ? 0 : (p.usSupportMusdPerQuarter * n.usSupport) / 100);
  if (side !== 'clans') w.budgets.clans.moneyMusd = n.clanCashMusd * budgets.clans.financingShare;
  if (side !== 'insurgents') {
    w.budgets.insurgents.moneyMusd = n.insurgentCashMusd * budgets.insurgents.spendShare;
    w.budgets.insurgents.fighters = w.regions.reduce((a, r) => a + r.insurgentFighters, 0);
  }
  // The dice to come: a generator of the world's own.
  w.rng = seedRng(Math.floor(rng.float() * 4294967296));
  return w;
}
