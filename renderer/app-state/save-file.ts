/**
 * Saved games: what goes in the file, and reading one back without trusting it. A file that is not
 * JSON, not a Cordillera save, from a newer version or for an unknown scenario is refused with a
 * message key (translated by the UI), never a crash.
 */
import type { Values } from '../i18n';
import { SIDES, checkLog, hashState, newLog, type GameEvent, type GameLog, type GameState, type TurnInput } from './engine';
import type { Seat, Session, Setup, TurnOutcome } from './types';
import { DIFFICULTIES } from './types';

export interface SaveFile {
  format: 'cordillera-save';
  version: 1;
  setup: Setup;
  state: GameState;
  /** The state's hash when saved: a file edited or damaged since does not match. */
  hash: string;
  inputs: TurnInput[];
  events: GameEvent[];
  last: TurnOutcome | null;
  snapshots: GameState[];
  log: GameLog;
}

export type LoadResult =
  | { ok: true; session: Pick<Session, 'setup' | 'game' | 'events' | 'inputs' | 'last' | 'snapshots' | 'log'> }
  | { ok: false; key: string; values?: Values };

export function toSaveFile(session: Session): SaveFile {
  return {
    format: 'cordillera-save',
    version: 1,
    setup: session.setup,
    state: session.game,
    hash: hashState(session.game),
    inputs: session.inputs,
    events: session.events,
    last: session.last,
    snapshots: session.snapshots,
    log: session.log,
  };
}

export const saveText = (session: Session): string => JSON.stringify(toSaveFile(session));

export function suggestedSaveName(session: Session): string {
  return `cordillera-${session.game.scenarioId}-t${session.game.turn}.json`;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function isSeat(x: unknown): x is Seat {
  return isObj(x) && (x.kind === 'human' || x.kind === 'computer') && DIFFICULTIES.includes(x.difficulty as Seat['difficulty']);
}

function isSetup(x: unknown): x is Setup {
  return isObj(x) && typeof x.scenarioId === 'string' && isNum(x.seed) && isNum(x.turns) &&
    isObj(x.seats) && SIDES.every((side) => isSeat((x.seats as Record<string, unknown>)[side]));
}

function looksLikeState(x: unknown): x is GameState {
  return isObj(x) && x.format === 'cordillera-state' && isNum(x.turn) && isNum(x.turnsTotal) &&
    Array.isArray(x.regions) && Array.isArray(x.exits) && Array.isArray(x.history) && isObj(x.national) && isObj(x.scenario) &&
    isObj(x.budgets) && (x.status === 'playing' || x.status === 'ended');
}

export function parseSaveFile(text: string): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, key: 'app.error.open.notJson' };
  }
  if (!isObj(raw) || raw.format !== 'cordillera-save') return { ok: false, key: 'app.error.open.notSave' };
  if (raw.version !== 1) return { ok: false, key: 'app.error.open.version', values: { version: String(raw.version) } };
  if (!isSetup(raw.setup) || !looksLikeState(raw.state)) return { ok: false, key: 'app.error.open.damaged' };
  const state = raw.state;
  let hash: string;
  try {
    hash = hashState(state);
  } catch {
    return { ok: false, key: 'app.error.open.damaged' };
  }
  if (typeof raw.hash === 'string' && raw.hash !== hash) return { ok: false, key: 'app.error.open.hash' };
  const inputs = Array.isArray(raw.inputs) ? (raw.inputs as TurnInput[]) : [];
  const events = Array.isArray(raw.events) ? (raw.events as GameEvent[]) : [];
  const last = isObj(raw.last) && Array.isArray(raw.last.events) ? (raw.last as unknown as TurnOutcome) : null;
  const snapshots = Array.isArray(raw.snapshots) && raw.snapshots.every(looksLikeState)
    ? (raw.snapshots)
    : [{ ...state, history: [] }];
  const checked = raw.log === undefined ? null : checkLog(raw.log);
  if (checked && !checked.ok) return { ok: false, key: 'app.error.open.damaged' };
  const log = checked?.ok && checked.log.finalHash === hash ? checked.log : newLog(state);
  return { ok: true, session: { setup: raw.setup, game: state, inputs, events, last, snapshots, log } };
}
