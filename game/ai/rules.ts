/**
 * The rule-based levels, easy and normal: fixed rules on the side's view, cheap enough that the
 * hard level's search plays them for the other sides in every world it imagines. Easy plays the
 * side's status-quo policy with amounts jittered (plausible, not sharp); normal adapts the status
 * quo to what it sees with a few rules of thumb. Both read only the state they are given (the
 * side's view, or a world the search sampled from it).
 */
import type { Side } from '../content/scenario-schema';
import { staticCtx } from '../context';
import type { Rng } from '../rng';
import type { GameState } from '../types';
import { Planner, type BotResult } from './planner';
import { clansStatusQuo, insurgentsStatusQuo, stateAirInterdiction, stateStatusQuo } from './policies';

/** Easy bots play a status-quo policy with some amounts jittered. */
export function easyPlan(view: GameState, side: Side, rng: Rng): BotResult {
  const result = side === 'state' ? stateStatusQuo(view) : side === 'clans' ? clansStatusQuo(view) : insurgentsStatusQuo(view);
  result.orders.orders = result.orders.orders.map((o) =>
    'amount' in o && o.kind !== 'deployArmy' && o.kind !== 'deployPolice'
      ? { ...o, amount: Math.floor(o.amount * rng.noise(0.3) * 100) / 100 }
      : o,
  );
  return result;
}

function stateNormal(view: GameState): BotResult {
  const n = view.national;
  const flights = view.history.at(-1)?.narcoFlights ?? 0;
  // Air interdiction when flights are many and the US is on side; otherwise status quo.
  return flights > 150 && n.usSuspendedTurns === 0 ? stateAirInterdiction(view) : stateStatusQuo(view);
}

function clansNormal(view: GameState): BotResult {
  const base = clansStatusQuo(view);
  const pl = new Planner(view, 'clans');
  // Routes first (free), then the status quo's spending.
  const sc = staticCtx(view.scenario);
  view.exits.forEach((e, i) => {
    const def = sc.exits[i]!;
    const lossRate = e.flow.shippedT > 0 ? e.flow.seizedT / e.flow.shippedT : 0;
    const w = Math.round(Math.max(1, def.baselineShare * 100 * (1 - lossRate) * (1 - lossRate) * (1 - lossRate)));
    pl.add({ kind: 'route', exit: e.id, amount: Math.min(100, w) });
    if (lossRate > 0.2) pl.say('ai.clans.avoidRoute', { exit: e.id, pct: Math.round(lossRate * 100) });
  });
  for (const o of base.orders.orders) pl.add(o);
  pl.rationale.push(...base.rationale);
  return pl.result();
}

function insurgentsNormal(view: GameState): BotResult {
  const n = view.national;
  const pl = new Planner(view, 'insurgents');
  const sc = staticCtx(view.scenario);
  const weak = n.insurgentCohesion < 0.6;
  pl.add({ kind: 'posture', value: weak ? 'hide' : 'balanced' });
  if (weak) pl.say('ai.insurgents.hide', {});
  pl.add({ kind: 'taxRate', value: 5 });
  view.regions.forEach((r, i) => {
    if (r.insurgentFighters < 10) return;
    // Slip away from heavy army concentrations to a quieter neighbour.
    if (r.army > 2500 && weak) {
      const to = sc.neighbors[i]!.map((j) => view.regions[j]!).sort((a, b) => a.army - b.army || a.id.localeCompare(b.id))[0];
      if (to && pl.add({ kind: 'move', region: r.id, to: to.id, amount: Math.floor(r.insurgentFighters * 0.3) }) > 0)
        pl.say('ai.insurgents.move', { region: r.id, to: to.id });
      return;
    }
    if (r.army + r.police > 0 && !weak) {
      const k = Math.floor(r.insurgentFighters * 0.3);
      if (pl.add({ kind: 'ambush', region: r.id, amount: k }) > 0) pl.say('ai.insurgents.ambush', { region: r.id, fighters: k });
    }
  });
  pl.add({ kind: 'propaganda', amount: Math.min(0.5, pl.money * 0.2) });
  if (pl.money > 0) pl.say('ai.insurgents.front', {});
  // Recruit where poverty is deep and the State thin.
  const target = view.regions
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.insurgentFighters > 0)
    .sort(
      (a, b) => sc.defs[b.i]!.povertyPct * (1 - b.r.statePresence) - sc.defs[a.i]!.povertyPct * (1 - a.r.statePresence) || a.i - b.i,
    )[0];
  if (target && pl.add({ kind: 'recruit', region: target.r.id, amount: pl.money * 0.6 }) > 0)
    pl.say('ai.insurgents.recruit', { region: target.r.id });
  return pl.result();
}

/** The normal level's orders for `side` on `view` (no randomness). */
export function normalPlan(view: GameState, side: Side): BotResult {
  return side === 'state' ? stateNormal(view) : side === 'clans' ? clansNormal(view) : insurgentsNormal(view);
}
