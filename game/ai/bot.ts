/**
 * Rule-based bots for every side at three difficulty levels. A bot reads the state as its side
 * sees it (`viewFor`), builds legal orders with a `Planner`, and says why. Bots draw from their
 * own random stream, derived from the game seed, the turn and the side, so AI choices never
 * consume the game's randomness and a replay needs only the recorded orders.
 */
import type { Side } from '../content/scenario-schema';
import { staticCtx } from '../context';
import { validateOrders } from '../legal';
import { makeRng, seedRng, type Rng } from '../rng';
import type { GameState } from '../types';
import { viewFor } from '../view';
import { Planner, type BotResult } from './planner';
import { clansStatusQuo, insurgentsStatusQuo, stateAirInterdiction, stateStatusQuo } from './policies';

export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

const SIDE_CODE: Record<Side, number> = { state: 101, clans: 202, insurgents: 303 };

function botRng(state: GameState, side: Side, difficulty: Difficulty): Rng {
  return makeRng(seedRng((state.seed * 7919 + state.turn * 104729 + SIDE_CODE[side] + DIFFICULTIES.indexOf(difficulty)) >>> 0));
}

/** Easy bots play a status-quo policy with some amounts jittered: plausible, not sharp. */
function jitter(result: BotResult, rng: Rng): BotResult {
  result.orders.orders = result.orders.orders.map((o) => ('amount' in o && o.kind !== 'deployArmy' && o.kind !== 'deployPolice'
    ? { ...o, amount: Math.floor(o.amount * rng.noise(0.3) * 100) / 100 } : o));
  return result;
}

function stateBot(view: GameState, difficulty: Difficulty, rng: Rng): BotResult {
  if (difficulty === 'easy') return jitter(stateStatusQuo(view), rng);
  const n = view.national;
  const flights = view.history.at(-1)?.narcoFlights ?? 0;
  // Air interdiction when flights are many and the US is on side; otherwise status quo.
  const base = flights > 150 && n.usSuspendedTurns === 0 ? stateAirInterdiction(view) : stateStatusQuo(view);
  if (difficulty === 'hard') {
    // Hard: no shooting until pilots are well trained; follow displaced coca with eradication.
    base.orders.orders = base.orders.orders.map((o) => (o.kind === 'roe' && o.value === 'shoot-down' && n.pilotReadiness < 0.7 ? { ...o, value: 'force-down' as const } : o));
    const prev = view.history.length >= 2 ? view.history.at(-2)!.cocaHa : view.national.ref.cocaHa;
    const last = view.history.at(-1)?.cocaHa ?? prev;
    if (last > prev) base.rationale.push({ key: 'ai.state.followDisplacement', values: { ha: Math.round(last - prev) } });
  }
  return base;
}

function clansBot(view: GameState, difficulty: Difficulty, rng: Rng): BotResult {
  if (difficulty === 'easy') return jitter(clansStatusQuo(view), rng);
  const base = clansStatusQuo(view);
  const pl = new Planner(view, 'clans');
  for (const o of base.orders.orders) pl.add(o);
  pl.rationale.push(...base.rationale);
  const sc = staticCtx(view.scenario);
  // Routes: weight each exit by its baseline share and how much got through last turn.
  view.exits.forEach((e, i) => {
    const def = sc.exits[i]!;
    if (!def.open) return;
    const lossRate = e.flow.shippedT > 0 ? e.flow.seizedT / e.flow.shippedT : 0;
    const w = Math.round(Math.max(1, def.baselineShare * 100 * (1 - lossRate) * (1 - lossRate) * (1 - lossRate) * (difficulty === 'hard' ? rng.noise(0.1) : 1)));
    pl.add({ kind: 'route', exit: e.id, amount: Math.min(100, w) });
    if (lossRate > 0.2) pl.say('ai.clans.avoidRoute', { exit: e.id, pct: Math.round(lossRate * 100) });
  });
  if (difficulty === 'hard') {
    // Plant where leaf pays, the State is thin and there is room.
    const cands = view.regions.map((r, i) => ({ r, i, d: sc.defs[i]! }))
      .filter(({ r, d }) => d.maxCocaHa > r.cocaHa * 1.2 && r.statePresence < 0.45 && r.leafPriceUsdPerKg > 2)
      .sort((a, b) => b.r.leafPriceUsdPerKg * b.d.yieldTPerHaYear - a.r.leafPriceUsdPerKg * a.d.yieldTPerHaYear || a.i - b.i).slice(0, 2);
    for (const { r } of cands) if (pl.add({ kind: 'plant', region: r.id, amount: 300 }) > 0) pl.say('ai.clans.plant', { region: r.id, ha: 300 });
    pl.add({ kind: 'finishShare', value: view.national.precursorControl > 0.5 ? 0.1 : 0.4 });
  }
  return pl.result();
}

function insurgentsBot(view: GameState, difficulty: Difficulty, rng: Rng): BotResult {
  if (difficulty === 'easy') return jitter(insurgentsStatusQuo(view), rng);
  const n = view.national;
  const pl = new Planner(view, 'insurgents');
  const sc = staticCtx(view.scenario);
  const weak = n.insurgentCohesion < 0.6;
  pl.add({ kind: 'posture', value: weak ? 'hide' : 'balanced' });
  if (weak) pl.say('ai.insurgents.hide', {});
  pl.add({ kind: 'taxRate', value: difficulty === 'hard' ? 8 : 5 });
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
      const share = difficulty === 'hard' ? 0.4 : 0.3;
      const k = Math.floor(r.insurgentFighters * share);
      if (pl.add({ kind: 'ambush', region: r.id, amount: k }) > 0) pl.say('ai.insurgents.ambush', { region: r.id, fighters: k });
      if (difficulty === 'hard' && rng.chance(0.25)) pl.add({ kind: 'attack', region: r.id, amount: Math.floor(r.insurgentFighters * 0.1) });
    }
  });
  pl.add({ kind: 'propaganda', amount: Math.min(0.5, pl.money * 0.2) });
  if (pl.money > 0) pl.say('ai.insurgents.front', {});
  // Recruit where poverty is deep and the State thin.
  const target = view.regions.map((r, i) => ({ r, i })).filter(({ r }) => r.insurgentFighters > 0)
    .sort((a, b) => sc.defs[b.i]!.povertyPct * (1 - b.r.statePresence) - sc.defs[a.i]!.povertyPct * (1 - a.r.statePresence) || a.i - b.i)[0];
  if (target && pl.add({ kind: 'recruit', region: target.r.id, amount: pl.money * 0.6 }) > 0) pl.say('ai.insurgents.recruit', { region: target.r.id });
  return pl.result();
}

/** Orders for `side` chosen by the computer, with the reasons (i18n keys under `ai.`). */
export function bot(state: GameState, side: Side, difficulty: Difficulty = 'normal'): BotResult {
  const view = viewFor(state, side);
  const rng = botRng(state, side, difficulty);
  const result = side === 'state' ? stateBot(view, difficulty, rng) : side === 'clans' ? clansBot(view, difficulty, rng) : insurgentsBot(view, difficulty, rng);
  // The bot planned on its view; drop anything the true state does not allow (estimates can be off).
  for (let guard = 0; guard < 5; guard++) {
    const errors = validateOrders(state, result.orders);
    if (!errors.length) break;
    const bad = new Set(errors.map((e) => /\]\[(\d+)\]/.exec(e.path)?.[1]).filter((x): x is string => x !== undefined).map(Number));
    result.orders.orders = bad.size ? result.orders.orders.filter((_o, i) => !bad.has(i)) : [];
  }
  return result;
}

/** Every rationale key a bot or policy may emit, for the i18n coverage test. */
export const RATIONALE_KEYS = [
  'ai.state.eradicate', 'ai.state.leadership', 'ai.state.development', 'ai.state.pushLaw', 'ai.state.radar', 'ai.state.shootDown',
  'ai.state.policeToCoca', 'ai.state.armyToVraem', 'ai.state.followDisplacement', 'ai.clans.protection', 'ai.clans.avoidRoute',
  'ai.clans.plant', 'ai.insurgents.ambush', 'ai.insurgents.hide', 'ai.insurgents.move', 'ai.insurgents.front', 'ai.insurgents.recruit',
] as const;
