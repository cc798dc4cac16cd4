/**
 * Reading the modifiers injects leave in the state (docs/model.md §4.1): each acts on a hook
 * (ambush casualties, exit prices, mining returns, precursor control, leaf yields), multiplies or
 * adds, nationally or in a region, for a number of turns. The phases ask here rather than knowing
 * which inject set what.
 */
import { clamp } from './context';
import type { ModifierHook } from './content/inject-schema';
import type { GameState, ModifierState } from './types';

export interface ModifierPlace {
  /** The region asked about; modifiers set for a region act only there, national ones everywhere. */
  region?: string;
  destination?: string;
  exit?: string;
}

function applies(m: ModifierState, hook: ModifierHook, at: ModifierPlace): boolean {
  if (m.hook !== hook) return false;
  if (m.region !== null && at.region !== undefined && m.region !== at.region) return false;
  if (m.destination !== null && m.destination !== at.destination) return false;
  if (m.exit !== null && m.exit !== at.exit) return false;
  return true;
}

/** The product of the multiplying modifiers on `hook` at a place (1 if none). */
export function modifierFactor(s: GameState, hook: ModifierHook, at: ModifierPlace = {}): number {
  let f = 1;
  for (const m of s.national.modifiers) if (m.op === 'mul' && applies(m, hook, at)) f *= m.value;
  return f;
}

/** The sum of the adding modifiers on `hook` at a place (0 if none). */
export function modifierSum(s: GameState, hook: ModifierHook, at: ModifierPlace = {}): number {
  let a = 0;
  for (const m of s.national.modifiers) if (m.op === 'add' && applies(m, hook, at)) a += m.value;
  return a;
}

/** Precursor control as it acts this turn: the stored control plus what injects add while they last. */
export function effectivePrecursorControl(s: GameState): number {
  return clamp(s.national.precursorControl + modifierSum(s, 'precursorControl'), 0, 1);
}
