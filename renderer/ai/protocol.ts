/**
 * What the app and its computer-opponent worker (`ai-worker.ts`) say to each other. Both ends
 * check what they receive: the worker answers a malformed request with an error naming what is
 * wrong, and the app accepts an answer only for a request it made, with orders the engine accepts
 * on the state it asked about (`checkAnswer`, then the reducer's `validateOrders`).
 */
import { SIDES, type Decision, type GameState, type Side, type SideOrders } from '../app-state/engine';
import type { Difficulty } from '../app-state/types';

/** Decide a computer seat's orders (`decide`), or advise a team (`advise`: the hard bot's plan, not played). */
export interface AiRequest {
  id: number;
  purpose: 'decide' | 'advise';
  side: Side;
  difficulty: Difficulty;
  /** The true state: the bot looks at it only through `viewFor(state, side)`. */
  state: GameState;
}

/** The app to the worker: the board is playing a turn's animation (`on`), so think at a tenth of a core; or not. */
export interface AiPace {
  kind: 'pace';
  on: boolean;
}

export type AiAnswer =
  | { id: number; kind: 'progress'; spent: number; budget: number }
  | { id: number; kind: 'done'; orders: SideOrders; decision: Decision }
  | { id: number; kind: 'error'; message: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isSide = (x: unknown): x is Side => typeof x === 'string' && (SIDES as readonly string[]).includes(x);

/** A pace message, or null if `x` is not one (the worker's check). */
export function paceOf(x: unknown): AiPace | null {
  return isObj(x) && x.kind === 'pace' && typeof x.on === 'boolean' && Object.keys(x).length === 2 ? { kind: 'pace', on: x.on } : null;
}

/** The problem with a request, or null (the worker's check of what it was sent). */
export function requestProblem(x: unknown): string | null {
  if (!isObj(x)) return 'the request is not an object';
  if (!Number.isSafeInteger(x.id)) return 'id: not a whole number';
  if (x.purpose !== 'decide' && x.purpose !== 'advise') return `purpose: ${String(x.purpose)} is neither decide nor advise`;
  if (!isSide(x.side)) return `side: ${String(x.side)} is not a side`;
  if (x.difficulty !== 'easy' && x.difficulty !== 'normal' && x.difficulty !== 'hard')
    return `difficulty: ${String(x.difficulty)} is not a level`;
  const s = x.state;
  if (!isObj(s) || !Array.isArray(s.regions) || !isObj(s.scenario) || !isObj(s.national) || !Number.isInteger(s.turn))
    return 'state: not a game state';
  if (s.status !== 'playing') return 'state: the game is not in play';
  return null;
}

/** The problem with an answer to `req`, or null (the app's check of what the worker sent). */
export function answerProblem(req: AiRequest, x: unknown): string | null {
  if (!isObj(x) || x.id !== req.id) return 'an answer to no request';
  if (x.kind === 'progress') return Number.isFinite(x.spent) && Number.isFinite(x.budget) ? null : 'progress: not numbers';
  if (x.kind === 'error') return typeof x.message === 'string' ? null : 'error: no message';
  if (x.kind !== 'done') return `kind: ${String(x.kind)}`;
  const o = x.orders;
  if (!isObj(o) || o.side !== req.side || !Array.isArray(o.orders)) return 'orders: not the orders of the side asked about';
  if (!isObj(x.decision) || !isObj(x.decision.plan)) return 'decision: missing';
  return null;
}
