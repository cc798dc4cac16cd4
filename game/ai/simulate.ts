/**
 * Playing the engine forward cheaply, for the search (`search.ts`): the same phases as
 * `resolveTurn`, in the same order, on a plain working copy mutated in place, without Immer and
 * without validating the orders (the search builds every order from `legalOrders` of the state it
 * plays on, so the checks would only cost time). Never for real turns: those go through
 * `resolveTurn`, which validates and keeps every state. Pure and deterministic like the engine.
 */
import { SIDES, type Side } from '../content/scenario-schema';
import type { Order } from '../orders';
import { contextFor, PHASES } from '../resolve';
import { deepCopy } from '../structure';
import type { GameState } from '../types';

/**
 * A working copy of a state for in-place simulation: every part a phase may write is new (the
 * scenario is shared; the history array is new but its records are shared, since phases only
 * append to it).
 */
export function workingCopy(state: GameState): GameState {
  const out = { ...state } as GameState;
  for (const key of Object.keys(state) as (keyof GameState)[]) {
    if (key !== 'scenario' && key !== 'history') (out as unknown as Record<string, unknown>)[key] = deepCopy(state[key]);
  }
  out.history = state.history.slice();
  return out;
}

/** Resolve one turn in place on a working copy (see `workingCopy`); returns nothing, `s` is the next state. */
export function simulateTurn(s: GameState, orders: Partial<Record<Side, Order[]>>): void {
  const ctx = contextFor(s, { orders: SIDES.map((side) => ({ side, orders: orders[side] ?? [] })) }, s.rng);
  for (const phase of PHASES) phase.run(s, ctx);
}
