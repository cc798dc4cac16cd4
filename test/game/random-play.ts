/**
 * Random legal play for the fuzz tests: orders are built FROM `legalOrders` (a random subset of the
 * options, random amounts within [min, max], random settings), then fitted to each side's pools with
 * `orderCostMusd` and `budgetUse`, exactly as a planning UI would. A plan is plain data (seeds and
 * densities), so fast-check can shrink it and a run can be cached and replayed.
 */
import {
  ORDER_SPECS,
  UNITS,
  budgetUse,
  type InjectInput,
  createGame,
  legalOrders,
  orderCostMusd,
  resolveTurn,
  validateOrders,
  type GameEvent,
  type GameState,
  type Order,
  type OrderOption,
  type Side,
  type SideOrders,
  type TurnInput,
  type ValidationError,
} from '../../game';
import { deepFreeze } from '../../game/structure';
import { SCENARIO } from './helpers';

export interface SidePlan {
  /** Seed of the stream that picks options, amounts and choices. */
  rng: number;
  /** Chance that each legal option becomes an order. */
  density: number;
  /** Whole amounts (as a careful player types them) or any real number in range. */
  whole: boolean;
}
export interface TurnPlan {
  state: SidePlan;
  clans: SidePlan;
  insurgents: SidePlan;
  /** A facilitator's inject this turn, if any. */
  inject: InjectInput | null;
}
export interface GamePlan {
  seed: number;
  turns: TurnPlan[];
}

/** mulberry32: a small seeded stream for the order generator (never the game's). */
function stream(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function amountIn(opt: OrderOption, rnd: () => number, whole: boolean): number {
  const r = rnd();
  // Edges matter: a fifth of the amounts are exactly the maximum or the minimum.
  const x = r < 0.12 ? opt.max : r < 0.2 ? opt.min : opt.min + rnd() * (opt.max - opt.min);
  return whole || opt.whole ? Math.floor(x) : x;
}

function orderFor(opt: OrderOption, rnd: () => number, whole: boolean): Order | null {
  const spec = ORDER_SPECS[opt.kind];
  const o: Record<string, unknown> = { kind: opt.kind };
  switch (spec.target) {
    case 'action':
      break;
    case 'setting':
      if (opt.choices) o.value = opt.choices[Math.floor(rnd() * opt.choices.length)];
      else o.value = opt.min + rnd() * (opt.max - opt.min);
      break;
    case 'region':
      o.region = opt.region;
      o.amount = amountIn(opt, rnd, whole);
      break;
    case 'exit':
      o.exit = opt.exit;
      o.amount = amountIn(opt, rnd, whole);
      break;
    case 'national':
      o.amount = amountIn(opt, rnd, whole);
      break;
    case 'move': {
      const to = opt.to ?? [];
      if (!to.length) return null;
      o.region = opt.region;
      o.to = to[Math.floor(rnd() * to.length)];
      o.amount = amountIn(opt, rnd, whole);
      break;
    }
  }
  return o as Order;
}

const scaled = (o: Order, f: number, whole: boolean): Order => {
  if (!('amount' in o)) return o;
  // People, labs and fighters stay whole whatever the plan says.
  const amount = whole || UNITS[ORDER_SPECS[o.kind].unit].whole ? Math.floor(o.amount * f) : o.amount * f;
  return { ...o, amount };
};

/** Fit the orders to the side's pools: money, army and police garrisons, fighters per region. */
function fit(state: GameState, side: Side, orders: Order[], whole: boolean): Order[] {
  const p = state.scenario.params;
  const shrink = 1 - 1e-9;
  let out = orders;
  const money = budgetUse(state, { side, orders: out }).find((u) => u.pool === 'money')!;
  if (money.used > money.available) {
    const f = (money.available / money.used) * shrink;
    out = out.map((o) => (orderCostMusd(o, p) > 0 ? scaled(o, f, whole) : o));
  }
  if (side === 'state') {
    for (const [pool, kind] of [
      ['army', 'deployArmy'],
      ['police', 'deployPolice'],
    ] as const) {
      const use = budgetUse(state, { side, orders: out }).find((u) => u.pool === pool)!;
      if (use.used <= use.available) continue;
      const named = out.reduce((a, o) => a + (o.kind === kind ? o.amount : 0), 0);
      const room = Math.max(0, use.available - (use.used - named));
      const f = named > 0 ? (room / named) * shrink : 0;
      out = out.map((o) => (o.kind === kind ? scaled(o, f, whole) : o));
    }
  }
  if (side === 'insurgents') {
    // Fighters committed in a region: at most those who stay there (movers arrive too late).
    const avail = new Map(state.regions.map((r) => [r.id, r.insurgentFighters]));
    for (const o of out) if (o.kind === 'move') avail.set(o.region, avail.get(o.region)! - o.amount);
    const committed = new Map<string, number>();
    for (const o of out) if (o.kind === 'ambush' || o.kind === 'attack') committed.set(o.region, (committed.get(o.region) ?? 0) + o.amount);
    out = out.map((o) => {
      if (o.kind !== 'ambush' && o.kind !== 'attack') return o;
      const c = committed.get(o.region)!;
      const a = Math.max(0, avail.get(o.region)!);
      return c > a ? scaled(o, (a / c) * shrink, whole) : o;
    });
  }
  return out;
}

/** Random legal orders for one side, as described at the top of this file. */
export function randomOrders(state: GameState, side: Side, plan: SidePlan): SideOrders {
  const rnd = stream(plan.rng);
  const orders: Order[] = [];
  for (const opt of legalOrders(state, side)) {
    if (rnd() >= plan.density) continue;
    const o = orderFor(opt, rnd, plan.whole);
    if (o) orders.push(o);
  }
  return { side, orders: fit(state, side, orders, plan.whole) };
}

export interface Step {
  prev: GameState;
  /** `JSON.stringify(prev)` taken before resolution, to prove it was not mutated. */
  prevJson: string;
  input: TurnInput & { orders: SideOrders[] };
  next: GameState;
  events: GameEvent[];
}

export interface Played {
  steps: Step[];
  /** Orders built from `legalOrders` that `validateOrders` rejected, or a turn `resolveTurn` refused. */
  refused: { turn: number; side: Side | 'turn'; errors: ValidationError[]; orders: unknown }[];
}

const cache = new Map<string, Played>();

/** Play a plan (memoised: each invariant family re-reads the same games). */
export function playPlan(plan: GamePlan): Played {
  const key = JSON.stringify(plan);
  const hit = cache.get(key);
  if (hit) return hit;
  if (cache.size > 300) cache.clear();
  const played: Played = { steps: [], refused: [] };
  // Frozen from the start: a phase that wrote to its input instead of its copy would throw here.
  let state = deepFreeze(createGame(SCENARIO, plan.seed));
  for (const tp of plan.turns) {
    const input = (['state', 'clans', 'insurgents'] as const).map((side) => randomOrders(state, side, tp[side]));
    let valid = true;
    for (const so of input) {
      const errors = validateOrders(state, so);
      if (errors.length) {
        valid = false;
        played.refused.push({ turn: state.turn + 1, side: so.side, errors, orders: so.orders });
      }
    }
    if (!valid) break;
    const prevJson = JSON.stringify(state);
    const turnInput = tp.inject ? { orders: input, injects: [tp.inject] } : { orders: input };
    const r = resolveTurn(state, turnInput);
    if (!r.ok) {
      played.refused.push({ turn: state.turn + 1, side: 'turn', errors: r.errors, orders: input });
      break;
    }
    played.steps.push({ prev: state, prevJson, input: turnInput, next: r.state, events: r.events });
    state = r.state;
  }
  cache.set(key, played);
  return played;
}
