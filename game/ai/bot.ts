/**
 * Computer sides at three levels. Every level decides from the state as its side sees it
 * (`viewFor`): easy and normal by rules (`rules.ts`), hard by a search over the engine in worlds
 * sampled from that view (`search.ts`). Each decision comes with its reasons as data (`Decision`:
 * the plan, what each kind of order does, what in the view drove it and, for the search, what it
 * expected of the plan and of its best alternatives), which the orders carry into the log as their
 * `author`. Bots draw from their own random stream, derived from the game seed, the turn, the side
 * and the level, so AI choices never consume the game's randomness and a replay needs only the
 * recorded orders.
 */
import type { Side } from '../content/scenario-schema';
import { validateOrders } from '../legal';
import type { Order } from '../orders';
import { makeRng, seedRng, type Rng } from '../rng';
import { DIFFICULTIES, type Decision, type Difficulty, type GameState, type PlanSpec, type SideOrders } from '../types';
import { viewFor } from '../view';
import { drivers, orderReasons } from './explain';
import { POLICIES } from './policies';
import { easyPlan, normalPlan } from './rules';
import { MEASURES, measureOf, runSteps, searchSteps, type SearchOptions } from './search';

export { DIFFICULTIES, type Difficulty };

const SIDE_CODE: Record<Side, number> = { state: 101, clans: 202, insurgents: 303 };

/** The bot's own random stream for this turn, side and level (never the game's). */
export function botRng(state: GameState, side: Side, difficulty: Difficulty): Rng {
  return makeRng(seedRng((state.seed * 7919 + state.turn * 104729 + SIDE_CODE[side] + DIFFICULTIES.indexOf(difficulty)) >>> 0));
}

/** A computer side's orders (their `author` says who decided and why) and its decision. */
export interface BotDecision {
  orders: SideOrders;
  decision: Decision;
}

/** Drop what the true state does not allow (a plan made on estimates can be off); the engine would refuse it. */
function keepLegal(state: GameState, side: Side, orders: Order[]): Order[] {
  let out = orders;
  for (let guard = 0; guard < 5; guard++) {
    const errors = validateOrders(state, { side, orders: out });
    if (!errors.length) break;
    const bad = new Set(
      errors
        .map((e) => /\]\[(\d+)\]/.exec(e.path)?.[1])
        .filter((x): x is string => x !== undefined)
        .map(Number),
    );
    out = bad.size ? out.filter((_o, i) => !bad.has(i)) : [];
  }
  return out;
}

/** The side's measures as it sees them now (flows of the last turn; none before the first). */
function nowOf(view: GameState, side: Side): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of MEASURES[side]) {
    const v = measureOf(view, key);
    if (v !== undefined) out[key] = Math.round(v * 10) / 10;
  }
  return out;
}

function decisionFor(view: GameState, side: Side, plan: PlanSpec, orders: readonly Order[]): Decision {
  return { plan, reasons: orderReasons(view, side, orders), drivers: drivers(view, side, plan, orders) };
}

/**
 * Orders for `side` chosen by the computer at `difficulty`, with the decision behind them. For
 * hard, `opts` sets the search's budget (simulated turns), look-ahead and samples, and may stop it
 * early; the same state, side, level and options give the same decision.
 */
export function bot(state: GameState, side: Side, difficulty: Difficulty = 'normal', opts: SearchOptions = {}): BotDecision {
  return runSteps(botSteps(state, side, difficulty, opts));
}

/**
 * `bot` as steps (the hard level yields after each plan it weighs; `searchSteps`), for a caller
 * that paces the search; run to its end it gives exactly `bot`'s decision.
 */
export function* botSteps(
  state: GameState,
  side: Side,
  difficulty: Difficulty = 'normal',
  opts: SearchOptions = {},
): Generator<number, BotDecision> {
  const view = viewFor(state, side);
  const rng = botRng(state, side, difficulty);
  let decision: Decision;
  let orders: Order[];
  if (difficulty === 'hard') {
    const r = yield* searchSteps(view, side, rng, opts);
    orders = keepLegal(state, side, r.orders);
    decision = decisionFor(view, side, r.plan, orders);
    if (r.stats.candidates > 0) {
      decision.expected = r.expected;
      decision.alternatives = r.alternatives;
      decision.now = nowOf(view, side);
    }
    decision.search = r.stats;
  } else {
    const r = difficulty === 'easy' ? easyPlan(view, side, rng) : normalPlan(view, side);
    orders = keepLegal(state, side, r.orders.orders);
    decision = decisionFor(view, side, { base: difficulty, levers: {} }, orders);
  }
  return { orders: { side, orders, author: { kind: 'bot', difficulty, decision } }, decision };
}

/** A named policy's orders (the command line's seats), with a decision saying what they do. */
export function policyOrders(state: GameState, side: Side, policy: string): BotDecision {
  const f = POLICIES[side][policy];
  if (!f) throw new Error(`unknown ${side} policy ${policy}`);
  const r = f(state);
  const decision = decisionFor(viewFor(state, side), side, { base: policy, levers: {} }, r.orders.orders);
  return { orders: { side, orders: r.orders.orders, author: { kind: 'policy', policy, decision } }, decision };
}

/** Every rationale key the named policies may emit (logs written before decisions carried them in notes). */
export const RATIONALE_KEYS = [
  'ai.state.eradicate',
  'ai.state.leadership',
  'ai.state.development',
  'ai.state.pushLaw',
  'ai.state.radar',
  'ai.state.shootDown',
  'ai.state.policeToCoca',
  'ai.state.armyToVraem',
  'ai.state.followDisplacement',
  'ai.clans.protection',
  'ai.clans.avoidRoute',
  'ai.clans.plant',
  'ai.insurgents.ambush',
  'ai.insurgents.hide',
  'ai.insurgents.move',
  'ai.insurgents.front',
  'ai.insurgents.recruit',
] as const;
