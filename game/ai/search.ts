/**
 * The hard level: a search over the engine. Candidate plans (the normal level's rules and the
 * side's named policies, then levers set on the best of them, one at a time: `plans.ts`) are each
 * played forward a few quarters in worlds sampled from what the side can see (`sample.ts`), with
 * the other sides played by the normal level, and scored by the side's own score (its aims, as
 * `phases/scoring.ts` computes it), averaged over the quarters and the worlds. Every plan is played
 * in the same worlds with the same dice to start (common random numbers), so differences between
 * plans are the plans' and not luck's.
 *
 * The budget is a number of simulated turns, not a clock: the same state, side and budget give the
 * same decision on every machine. It is anytime: `onProgress` may stop it early (the app's safety
 * deadline), and it returns the best plan fully evaluated so far. The callers choose the budget
 * (`HARD_BUDGET` by default); a decision's time is about the budget × the time of one simulated
 * turn with its three sides' planning (`npm run bench`: `ai_hard_decision_*_ms`).
 */
import { SIDES, type Side } from '../content/scenario-schema';
import type { Order } from '../orders';
import type { Rng } from '../rng';
import type { Alternative, Expected, GameState, PlanSpec, Reason, SearchStats } from '../types';
import { LEVERS, baseResult, basesFor, leverApplies, planId, planOrders } from './plans';
import type { BotResult } from './planner';
import { normalPlan } from './rules';
import { sampleWorld } from './sample';
import { simulateTurn, workingCopy } from './simulate';

/** Simulated turns a hard decision may spend by default. */
export const HARD_BUDGET = 250;
/** Quarters looked ahead, and worlds sampled, by default. */
export const HARD_HORIZON = 3;
export const HARD_SAMPLES = 2;

export interface SearchOptions {
  /** Simulated turns the search may spend (default `HARD_BUDGET`). */
  budget?: number;
  horizon?: number;
  samples?: number;
  /** Called after each plan evaluated with the turns spent so far; returning true stops the search (anytime). */
  onProgress?: (spent: number, budget: number) => boolean | void;
  /** Called with every evaluated plan's outcome in every world (tests read the search's own numbers). */
  trace?: (t: { plan: PlanSpec; world: number; score: number; measures: Record<string, number> }) => void;
}

/** The measures each side's explanations speak of, in this order. */
export const MEASURES: Record<Side, readonly string[]> = {
  state: ['cocaHa', 'legitimacy', 'fighters', 'flights', 'usSupport', 'deaths'],
  clans: ['revenueMusd', 'exportedT', 'seizedT', 'cocaHa', 'cashMusd'],
  insurgents: ['fighters', 'front', 'protectionMusd', 'fightersKilled'],
};

/**
 * A measure's level in a state: stocks now, flows over the last turn resolved (undefined at the
 * start of a game, where no turn has been resolved yet).
 */
export function measureOf(s: GameState, key: string): number | undefined {
  const last = s.history.at(-1);
  const fighters = () => s.regions.reduce((a, r) => a + r.insurgentFighters, 0);
  switch (key) {
    case 'cocaHa':
      return s.regions.reduce((a, r) => a + r.cocaHa + r.immatureHa.reduce((x, y) => x + y, 0), 0);
    case 'legitimacy':
      return s.national.legitimacy * 100;
    case 'fighters':
      return fighters();
    case 'usSupport':
      return s.national.usSupport;
    case 'cashMusd':
      return s.national.clanCashMusd;
    case 'front':
      return s.national.insurgentFront * 100;
    case 'flights':
      return last?.narcoFlights;
    case 'deaths':
      return last && last.securityForcesKilled + last.civiliansKilled;
    case 'revenueMusd':
      return last?.clanRevenueMusd;
    case 'exportedT':
      return last?.exportedT;
    case 'seizedT':
      return last?.seizedT;
    case 'protectionMusd':
      return last?.insurgentRevenueMusd;
    case 'fightersKilled':
      return last?.insurgentsKilled;
    default:
      return undefined;
  }
}

interface Evaluated {
  plan: PlanSpec;
  id: string;
  orders: Order[];
  rationale: Reason[];
  scores: number[];
  measures: Record<string, number>[];
  mean: number;
}

export interface SearchResult {
  plan: PlanSpec;
  orders: Order[];
  /** The base's own reasons for its orders. */
  rationale: Reason[];
  expected: Expected;
  alternatives: Alternative[];
  stats: SearchStats;
}

const round = (x: number, step: number) => Math.round(x / step) * step;

/** The mean of the measures over worlds, rounded as the explanations show them. */
function expectedOf(side: Side, e: Evaluated): Expected {
  const measures: Record<string, number> = {};
  for (const key of MEASURES[side]) {
    const xs = e.measures.map((m) => m[key]).filter((x): x is number => x !== undefined);
    if (xs.length) measures[key] = round(xs.reduce((a, x) => a + x, 0) / xs.length, 0.1);
  }
  return { score: round(e.mean, 0.1), measures };
}

/**
 * Search for `side`'s plan on `view` (the side's own view: `viewFor(state, side)`), drawing only
 * from `rng` (the bot's stream).
 */
export function searchPlan(view: GameState, side: Side, rng: Rng, opts: SearchOptions = {}): SearchResult {
  return runSteps(searchSteps(view, side, rng, opts));
}

/** Run a search (or a bot's decision) given as steps to its end, at once. */
export function runSteps<T>(steps: Generator<number, T>): T {
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
  }
}

/**
 * The search as steps: it yields the simulated turns spent after each plan it weighs, so a caller
 * can pace it (the app's worker pauses between steps while the board animates); run to its end it
 * is `searchPlan`, and gives the same result whatever the pauses.
 */
export function* searchSteps(view: GameState, side: Side, rng: Rng, opts: SearchOptions = {}): Generator<number, SearchResult> {
  const budget = Math.max(0, Math.floor(opts.budget ?? HARD_BUDGET));
  const horizon = Math.max(1, Math.floor(opts.horizon ?? HARD_HORIZON));
  const samples = Math.max(1, Math.floor(opts.samples ?? HARD_SAMPLES));
  const turnsLeft = view.turnsTotal - view.turn;
  const depth = Math.max(1, Math.min(horizon, turnsLeft));
  const others = SIDES.filter((s) => s !== side);
  const worlds = Array.from({ length: samples }, () => sampleWorld(view, side, rng));
  // The other sides' first orders in each world do not depend on this side's plan (orders are simultaneous).
  const first = worlds.map(
    (w) => Object.fromEntries(others.map((o) => [o, normalPlan(w, o).orders.orders])) as Partial<Record<Side, Order[]>>,
  );
  const cost = samples * depth;
  // Each base's orders on the view, computed once (levers start from them).
  const bases = new Map<string, BotResult>();
  const baseOf = (name: string): BotResult => {
    let b = bases.get(name);
    if (!b) bases.set(name, (b = baseResult(view, side, name)));
    return b;
  };
  let spent = 0;
  let stopped = false;
  const done: Evaluated[] = [];
  const seen = new Set<string>();

  const evaluate = (plan: PlanSpec): Evaluated | null => {
    const id = planId(side, plan);
    if (seen.has(id)) return done.find((e) => e.id === id) ?? null;
    if (stopped || spent + cost > budget) {
      stopped = true;
      return null;
    }
    seen.add(id);
    const now = planOrders(view, side, plan, baseOf(plan.base));
    const e: Evaluated = { plan, id, orders: now.orders, rationale: now.rationale, scores: [], measures: [], mean: 0 };
    worlds.forEach((world, k) => {
      const w = workingCopy(world);
      let sum = 0;
      for (let t = 0; t < depth; t++) {
        const orders: Partial<Record<Side, Order[]>> =
          t === 0 ? { ...first[k], [side]: now.orders } : { [side]: planOrders(w, side, plan).orders };
        if (t > 0) for (const o of others) orders[o] = normalPlan(w, o).orders.orders;
        simulateTurn(w, orders);
        spent++;
        sum += w.history.at(-1)!.scores[side];
      }
      const measures: Record<string, number> = {};
      for (const key of MEASURES[side]) {
        const v = measureOf(w, key);
        if (v !== undefined) measures[key] = v;
      }
      e.scores.push(sum / depth);
      e.measures.push(measures);
      opts.trace?.({ plan, world: k, score: sum / depth, measures });
    });
    e.mean = e.scores.reduce((a, x) => a + x, 0) / e.scores.length;
    done.push(e);
    if (opts.onProgress?.(spent, budget) === true) stopped = true;
    return e;
  };

  // 1. The bases: the normal level's rules first (so the search never does worse than normal on its own worlds), then the policies.
  for (const base of basesFor(side)) {
    evaluate({ base, levers: {} });
    yield spent;
  }
  const best = (): Evaluated | undefined => done.reduce<Evaluated | undefined>((b, e) => (!b || e.mean > b.mean + 1e-9 ? e : b), undefined);
  // 2. Levers, one at a time from the best plan so far (first improvement), until a pass changes nothing.
  let incumbent = best();
  for (let pass = 0; pass < 3 && incumbent && !stopped; pass++) {
    let improved = false;
    for (const lever of LEVERS[side]) {
      for (const value of lever.values) {
        if (stopped || !incumbent) break;
        if (incumbent.plan.levers[lever.id] === value) continue;
        const plan: PlanSpec = { base: incumbent.plan.base, levers: { ...incumbent.plan.levers, [lever.id]: value } };
        if (seen.has(planId(side, plan)) || !leverApplies(view, side, baseOf(incumbent.plan.base), lever, value)) continue;
        const e = evaluate(plan);
        yield spent;
        if (e && e.mean > incumbent.mean + 0.01) {
          incumbent = e;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  const chosen = best();
  const stats: SearchStats = { budget, evaluations: spent, candidates: done.length, samples, horizon: depth };
  if (!chosen) {
    // Not even one plan fitted the budget: the normal level's orders, unevaluated.
    const plan: PlanSpec = { base: 'normal', levers: {} };
    const now = planOrders(view, side, plan);
    return { plan, orders: now.orders, rationale: now.rationale, expected: { score: 0, measures: {} }, alternatives: [], stats };
  }
  const alternatives = done
    .filter((e) => e !== chosen)
    .sort((a, b) => b.mean - a.mean || (a.id < b.id ? -1 : 1))
    .slice(0, 3)
    .map((e) => ({ plan: e.plan, expected: expectedOf(side, e) }));
  return { plan: chosen.plan, orders: chosen.orders, rationale: chosen.rationale, expected: expectedOf(side, chosen), alternatives, stats };
}
