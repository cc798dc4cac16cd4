/**
 * What one side may see. Orders are never in the state, so hidden orders stay hidden by
 * construction; this masks what a side could not know exactly: the State sees labs and fighters
 * as intelligence estimates (better where it has built intelligence), the clans and insurgents
 * see the State's programmes only roughly, and nobody but the facilitator sees the others' cash.
 * Estimates come from a stateless hash, so viewing never consumes the game's randomness.
 */
import type { Side } from './content/scenario-schema';
import { hashFloat } from './rng';
import type { GameState } from './types';

export type Viewer = Side | 'facilitator';

const SIDE_CODE: Record<Side, number> = { state: 1, clans: 2, insurgents: 3 };

function estimate(value: number, spread: number, ...key: number[]): number {
  const e = value * (1 + spread * (2 * hashFloat(...key) - 1));
  return Math.max(0, Math.round(e));
}

const roundTo = (x: number, step: number): number => Math.round(x / step) * step;

export function viewFor(state: GameState, viewer: Viewer): GameState {
  if (viewer === 'facilitator') return state;
  // Copy only what may be masked; the scenario and the history are shared (they are public).
  const { scenario, history, ...rest } = state;
  const v = { ...(JSON.parse(JSON.stringify(rest)) as Omit<GameState, 'scenario' | 'history'>), scenario, history } as GameState;
  const code = SIDE_CODE[viewer];
  const n = v.national;
  if (viewer === 'state') {
    v.regions.forEach((r, i) => {
      const spread = 0.4 * (1 - r.intel);
      r.labs = estimate(r.labs, spread, state.seed, state.turn, i, 11);
      r.insurgentFighters = estimate(r.insurgentFighters, spread, state.seed, state.turn, i, 12);
      r.stockT = estimate(r.stockT, 0.5, state.seed, state.turn, i, 13);
    });
    n.clanCashMusd = roundTo(n.clanCashMusd, 50);
    n.insurgentCashMusd = roundTo(n.insurgentCashMusd, 5);
  } else {
    n.pilotReadiness = roundTo(n.pilotReadiness, 0.25);
    // What the State spends on training and on targeting leaders is not public.
    n.pilotTrainingMusd = 0;
    v.regions.forEach((r) => {
      r.intel = 0;
      r.radarPipeline = [];
      r.leadershipMusd = 0;
    });
    if (viewer === 'clans') {
      n.insurgentCashMusd = roundTo(n.insurgentCashMusd, 5);
      v.regions.forEach((r, i) => (r.insurgentFighters = estimate(r.insurgentFighters, 0.3, state.seed, state.turn, i, 20 + code)));
    } else {
      n.clanCashMusd = roundTo(n.clanCashMusd, 50);
    }
  }
  v.budgets = { ...v.budgets };
  for (const other of ['state', 'clans', 'insurgents'] as const) {
    if (other !== viewer)
      v.budgets[other] = {
        moneyMusd: 0,
        army: other === 'state' ? v.budgets.state.army : 0,
        police: other === 'state' ? v.budgets.state.police : 0,
        fighters: 0,
      };
  }
  return v;
}
