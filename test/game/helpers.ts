/**
 * Shared helpers for the engine tests: the shipped scenario, games played by bots, a mutable copy
 * of a (frozen) resolved state for hand-built set-ups, and a walk over every number in a value.
 * Everything here uses the real engine through its public API.
 */
import { expect } from 'vitest';
import {
  BUILTIN_SCENARIOS,
  SIDES,
  bot,
  hashState,
  resolveTurn,
  type Difficulty,
  type GameEvent,
  type GameState,
  type Order,
  type Scenario,
  type Side,
  type SideOrders,
  type TurnInput,
} from '../../game';

export const SCENARIO: Scenario = BUILTIN_SCENARIOS[0]!;
export const P = SCENARIO.params;

/** The baseline as if Law 30339 had not passed: no law, rules of engagement off. */
export const WITHOUT_LAW: Scenario = { ...SCENARIO, national: { ...SCENARIO.national, interdictionLaw: 'none', roe: 'off' } };

/** A plain, mutable deep copy (resolved states are frozen; the tests edit copies). */
export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The index of a region in the map's fixed order. */
export function regionIndex(state: GameState, id: string): number {
  const i = state.regions.findIndex((r) => r.id === id);
  if (i < 0) throw new Error(`no region ${id}`);
  return i;
}

export const region = (state: GameState, id: string) => state.regions[regionIndex(state, id)]!;

/** All three bots' orders for the next turn. */
export function botInput(state: GameState, difficulty: Difficulty = 'normal'): TurnInput {
  return { orders: SIDES.map((side) => bot(state, side, difficulty).orders) };
}

/** Orders for one side only; the other sides give none. */
export function only(side: Side, orders: Order[]): TurnInput {
  return { orders: [{ side, orders }] };
}

export const noOrders: TurnInput = { orders: [] };

/** Resolve, failing the test with the engine's errors if the turn is refused. */
export function step(state: GameState, input: TurnInput): { state: GameState; events: GameEvent[] } {
  const r = resolveTurn(state, input);
  if (!r.ok) throw new Error(`turn ${state.turn + 1} refused: ${JSON.stringify(r.errors, null, 1)}`);
  return { state: r.state, events: r.events };
}

/** Play `turns` turns with bots (or a fixed input); returns the states after each turn and the events. */
export function play(
  start: GameState,
  turns: number,
  input: (s: GameState) => TurnInput = (s) => botInput(s),
): { states: GameState[]; events: GameEvent[][]; hashes: string[] } {
  const states: GameState[] = [];
  const events: GameEvent[][] = [];
  let s = start;
  for (let t = 0; t < turns; t++) {
    const r = step(s, input(s));
    s = r.state;
    states.push(s);
    events.push(r.events);
  }
  return { states, events, hashes: states.map(hashState) };
}

/** Every number in a value with its path (for the no-NaN, no-negative invariant). */
export function numbersIn(value: unknown, path = 'state', out: { path: string; value: number }[] = []): { path: string; value: number }[] {
  if (typeof value === 'number') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);

/** `a ≈ b` within a relative tolerance (with an absolute floor for values near zero). */
export function near(a: number, b: number, rel = 1e-6, abs = 1e-6): boolean {
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

export function expectNear(actual: number, expected: number, what: string, rel = 1e-6): void {
  expect(near(actual, expected, rel), `${what}: ${actual} ≠ ${expected}`).toBe(true);
}

export function eventsOf<T extends GameEvent['type']>(events: readonly GameEvent[], type: T): Extract<GameEvent, { type: T }>[] {
  return events.filter((e): e is Extract<GameEvent, { type: T }> => e.type === type);
}

export type { SideOrders };
