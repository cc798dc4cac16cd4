/**
 * The rule-based levels, easy and normal: fixed rules on the side's view, cheap enough that the
 * hard level's search plays them for the other sides in every world it imagines. Easy plays the
 * side's status-quo policy with amounts jittered (plausible, not sharp); normal adapts the status
 * quo to what it sees with a few rules of thumb: the State stands up air interdiction when the
 * flights are many, the clans steer loads from the exits where they were lost and bribe where they
 * were seized, the insurgents hide and slip away when weak and ambush when strong. Both read only
 * the state they are given (the side's view, or a world the search sampled from it).
 */
import type { Side } from '../content/scenario-schema';
import { staticCtx } from '../context';
import type { Rng } from '../rng';
import type { GameState } from '../types';
import { Planner, type BotResult } from './planner';
import { clansStatusQuo, insurgentsStatusQuo, stateAirInterdiction, stateStatusQuo } from './policies';

/** Up to `n` regions where the clans' loads were seized last quarter, the most tonnes first. */
export function seizedRegions(view: GameState, n: number): GameState['regions'][number][] {
  return view.regions
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.flow.seizedT > 0)
    .sort((a, b) => b.r.flow.seizedT - a.r.flow.seizedT || a.i - b.i)
    .slice(0, n)
    .map(({ r }) => r);
}

/** Where the insurgents recruit: among regions with fighters, the deepest poverty where the State is thinnest. */
export function recruitTarget(view: GameState): { r: GameState['regions'][number]; i: number } | undefined {
  const sc = staticCtx(view.scenario);
  return view.regions
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.insurgentFighters > 0)
    .sort(
      (a, b) => sc.defs[b.i]!.povertyPct * (1 - b.r.statePresence) - sc.defs[a.i]!.povertyPct * (1 - a.r.statePresence) || a.i - b.i,
    )[0];
}

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

/** Share of the money left after the status quo's spending that the normal clans put into bribes. */
const CLANS_BRIBE_SHARE = 0.3;
/** Regions where loads were seized that the normal clans bribe, the worst first. */
const CLANS_BRIBE_REGIONS = 3;

/**
 * The normal clans: the status quo, adapted to last quarter's losses. Route weights follow the
 * exits' baseline shares scaled by the share of loads that got through there; and part of the
 * money left goes in bribes to the police and officials of the regions where loads were seized,
 * in proportion to the tonnes lost (bribes raise corruption, which lowers interception there).
 */
function clansNormal(view: GameState): BotResult {
  const base = clansStatusQuo(view);
  const pl = new Planner(view, 'clans');
  const sc = staticCtx(view.scenario);
  view.exits.forEach((e, i) => {
    const def = sc.exits[i]!;
    if (!def.open) return;
    const lossRate = e.flow.shippedT > 0 ? e.flow.seizedT / e.flow.shippedT : 0;
    pl.add({ kind: 'route', exit: e.id, amount: Math.min(100, Math.max(1, Math.round(def.baselineShare * 100 * (1 - lossRate)))) });
    if (lossRate > 0.2) pl.say('ai.clans.avoidRoute', { exit: e.id, pct: Math.round(lossRate * 100) });
  });
  for (const o of base.orders.orders) pl.add(o);
  pl.rationale.push(...base.rationale);
  const seized = seizedRegions(view, CLANS_BRIBE_REGIONS);
  const lost = seized.reduce((a, r) => a + r.flow.seizedT, 0);
  const bribes = Math.max(0, pl.money) * CLANS_BRIBE_SHARE;
  if (lost > 0) for (const r of seized) pl.add({ kind: 'bribe', region: r.id, amount: (bribes * r.flow.seizedT) / lost });
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
  const target = recruitTarget(view);
  if (target && pl.add({ kind: 'recruit', region: target.r.id, amount: pl.money * 0.6 }) > 0)
    pl.say('ai.insurgents.recruit', { region: target.r.id });
  return pl.result();
}

/** The normal level's orders for `side` on `view` (no randomness). */
export function normalPlan(view: GameState, side: Side): BotResult {
  return side === 'state' ? stateNormal(view) : side === 'clans' ? clansNormal(view) : insurgentsNormal(view);
}
