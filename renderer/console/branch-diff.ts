/**
 * Two branches compared as data (issue 11): each branch replayed from its log, the figure of every
 * department at a chosen quarter in both (the console's map of differences), and quarter by quarter
 * what made them differ: the teams' orders, the injects fired (with why: the facilitator, the
 * schedule or a trigger), the MSEL changes and lines scheduled, the rulings, the notes, and the dice.
 * Sentences are built from these at the edge (BranchesTab), in the reader's language.
 */
import {
  REGION_IDS,
  SIDES,
  canonicalJson,
  replay,
  type EventOf,
  type FacilitatorNote,
  type GameEvent,
  type GameLog,
  type GameState,
  type InjectInput,
  type MselAction,
  type MselEntry,
  type Order,
  type Override,
  type RegionState,
  type Side,
  type TurnInput,
} from '../app-state/engine';

/** A branch recomputed from its log: the state after each quarter (index 0: the start) and its events. */
export interface ReplayedBranch {
  states: GameState[];
  events: GameEvent[][];
  inputs: TurnInput[];
}

export function replayBranch(log: GameLog): ReplayedBranch | null {
  const r = replay(log, { keepStates: true });
  return r.ok ? { states: r.states, events: r.events, inputs: log.entries.map((e) => e.input) } : null;
}

/** The figures the map of differences can show, per department at the end of a quarter. */
export const MAP_FIGURES = ['cocaHa', 'violenceEvents', 'insurgentFighters', 'labs'] as const;
export type MapFigure = (typeof MAP_FIGURES)[number];

export function regionFigure(r: RegionState, f: MapFigure): number {
  switch (f) {
    case 'cocaHa':
      return r.cocaHa;
    case 'violenceEvents':
      return r.flow.violenceEvents;
    case 'insurgentFighters':
      return r.insurgentFighters;
    case 'labs':
      return r.labs;
  }
}

export interface RegionDiff {
  id: string;
  a: number;
  b: number;
  /** b − a: what the second branch has more of. */
  diff: number;
}

/**
 * Every department's figure at the end of `turn` in both branches, in the map's order, or null if
 * one of them has not played that quarter.
 */
export function regionDiffs(a: ReplayedBranch, b: ReplayedBranch, turn: number, f: MapFigure): RegionDiff[] | null {
  const sa = a.states[turn];
  const sb = b.states[turn];
  if (!sa || !sb) return null;
  return REGION_IDS.map((id) => {
    const ra = sa.regions.find((r) => r.id === id);
    const rb = sb.regions.find((r) => r.id === id);
    const x = ra ? regionFigure(ra, f) : 0;
    const y = rb ? regionFigure(rb, f) : 0;
    return { id, a: x, b: y, diff: y - x };
  });
}

/** What one branch had in a quarter's input and the other did not (compared as canonical JSON). */
export type InputDiff =
  | { part: 'orders'; side: Side; onlyA: Order[]; onlyB: Order[] }
  | { part: 'injects'; onlyA: InjectInput[]; onlyB: InjectInput[] }
  | { part: 'msel'; onlyA: MselAction[]; onlyB: MselAction[] }
  | { part: 'schedule'; onlyA: MselEntry[]; onlyB: MselEntry[] }
  | { part: 'overrides'; onlyA: Override[]; onlyB: Override[] }
  | { part: 'notes'; onlyA: FacilitatorNote[]; onlyB: FacilitatorNote[] };

export type InjectFired = EventOf<'injectApplied'>;

export interface TurnDifference {
  turn: number;
  inputs: InputDiff[];
  /** Injects that fired in one branch only this quarter (by the facilitator, the schedule or a trigger). */
  firedOnlyA: InjectFired[];
  firedOnlyB: InjectFired[];
  /** The dice stood differently at the start of the quarter: from here the branches draw different numbers. */
  diceDiffer: boolean;
  /** The states after the quarter differ (the outcome, whatever the cause). */
  outcomeDiffers: boolean;
}

/** Items of `x` not in `y` and of `y` not in `x`, as multisets of canonical JSON. */
function sides<T>(x: readonly T[], y: readonly T[]): { onlyA: T[]; onlyB: T[] } {
  const take = (from: readonly T[], other: readonly T[]): T[] => {
    const left = other.map((o) => canonicalJson(o));
    const out: T[] = [];
    for (const item of from) {
      const k = canonicalJson(item);
      const i = left.indexOf(k);
      if (i >= 0) left.splice(i, 1);
      else out.push(item);
    }
    return out;
  };
  return { onlyA: take(x, y), onlyB: take(y, x) };
}

const FAC_PARTS = ['injects', 'msel', 'schedule', 'overrides', 'notes'] as const;

function inputDiffs(x: TurnInput | undefined, y: TurnInput | undefined): InputDiff[] {
  const out: InputDiff[] = [];
  for (const side of SIDES) {
    const s = sides(x?.orders.find((o) => o.side === side)?.orders ?? [], y?.orders.find((o) => o.side === side)?.orders ?? []);
    if (s.onlyA.length || s.onlyB.length) out.push({ part: 'orders', side, ...s });
  }
  for (const part of FAC_PARTS) {
    const s = sides<unknown>(x?.[part] ?? [], y?.[part] ?? []);
    if (s.onlyA.length || s.onlyB.length) out.push({ part, ...s } as InputDiff);
  }
  return out;
}

const fired = (events: readonly GameEvent[] | undefined): InjectFired[] =>
  (events ?? []).filter((e): e is InjectFired => e.type === 'injectApplied');

/** Every quarter both branches played in which anything differs, first to last. */
export function turnDifferences(a: ReplayedBranch, b: ReplayedBranch): TurnDifference[] {
  const n = Math.min(a.inputs.length, b.inputs.length);
  const out: TurnDifference[] = [];
  for (let i = 0; i < n; i++) {
    const inputs = inputDiffs(a.inputs[i], b.inputs[i]);
    const f = sides(fired(a.events[i]), fired(b.events[i]));
    const diceDiffer = canonicalJson(a.states[i]?.rng) !== canonicalJson(b.states[i]?.rng);
    const outcomeDiffers = canonicalJson(a.states[i + 1]) !== canonicalJson(b.states[i + 1]);
    if (inputs.length || f.onlyA.length || f.onlyB.length || diceDiffer || outcomeDiffers) {
      out.push({ turn: i + 1, inputs, firedOnlyA: f.onlyA, firedOnlyB: f.onlyB, diceDiffer, outcomeDiffers });
    }
  }
  return out;
}
