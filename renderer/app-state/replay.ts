/**
 * The replay viewer's model, pure: a log recomputed into its states and events, a cursor (the
 * turn shown, playing or paused, the speed, who is looking), and the frame the screen shows for
 * it. A frame is built exactly as the game screen built it when the turn was played: the state
 * after the turn seen through `viewFor(state, viewer)`, that turn's report and events.
 */
import { SIDES, clamp, viewFor, type GameEvent, type GameLog, type GameState, type Side, type Viewer } from './engine';
import type { LoadedReplay } from './save-file';
import { outcomeOf } from './session';
import type { Seat, Setup, TurnOutcome } from './types';

export const VIEWERS: readonly Viewer[] = ['facilitator', ...SIDES];
/** Auto-play speeds, milliseconds a turn (slow to fast). */
export const REPLAY_SPEEDS: readonly number[] = [3000, 1500, 800, 400];
export const DEFAULT_SPEED = 1500;

export interface ReplaySession {
  /** The file's name, for the title. */
  name: string;
  log: GameLog;
  /** The state after each turn (index 0: the start). */
  states: GameState[];
  /** Each turn's events (index 0: turn 1). */
  turnEvents: GameEvent[][];
  /** Who played each side, when the file says (a save); null for a bare log. */
  seats: Record<Side, Seat> | null;
  scenarioDiffers: boolean;
  /** The turn shown: 0 is the start, `lastTurn` the end of the log. */
  turn: number;
  playing: boolean;
  speedMs: number;
  viewer: Viewer;
}

export function openReplay(loaded: LoadedReplay, name: string): ReplaySession {
  return {
    name,
    log: loaded.log,
    states: loaded.states,
    turnEvents: loaded.turnEvents,
    seats: loaded.seats,
    scenarioDiffers: loaded.scenarioDiffers,
    // Open on the last turn: the game as it ended (or as far as it went).
    turn: loaded.states.length - 1,
    playing: false,
    speedMs: DEFAULT_SPEED,
    viewer: 'facilitator',
  };
}

export const lastTurn = (r: Pick<ReplaySession, 'states'>): number => Math.max(0, r.states.length - 1);

const clampTurn = (r: ReplaySession, turn: number): number => (Number.isFinite(turn) ? clamp(Math.round(turn), 0, lastTurn(r)) : r.turn);

/** Show `turn` (clamped). Moving by hand pauses auto-play. */
export function seek(r: ReplaySession, turn: number): ReplaySession {
  return { ...r, turn: clampTurn(r, turn), playing: false };
}

export const step = (r: ReplaySession, by: number): ReplaySession => seek(r, r.turn + by);
export const first = (r: ReplaySession): ReplaySession => seek(r, 0);
export const last = (r: ReplaySession): ReplaySession => seek(r, lastTurn(r));

/** Play or pause. Playing from the last turn starts again from the beginning. */
export function togglePlay(r: ReplaySession): ReplaySession {
  if (r.playing) return { ...r, playing: false };
  if (lastTurn(r) === 0) return r;
  return { ...r, playing: true, turn: r.turn >= lastTurn(r) ? 0 : r.turn };
}

/** One auto-play step: the next turn; at the last turn, pause. */
export function tick(r: ReplaySession): ReplaySession {
  if (!r.playing) return r;
  const turn = Math.min(lastTurn(r), r.turn + 1);
  return { ...r, turn, playing: turn < lastTurn(r) };
}

export function setViewer(r: ReplaySession, viewer: Viewer): ReplaySession {
  return VIEWERS.includes(viewer) ? { ...r, viewer } : r;
}

export function setSpeed(r: ReplaySession, speedMs: number): ReplaySession {
  return REPLAY_SPEEDS.includes(speedMs) ? { ...r, speedMs } : r;
}

/** What the screen shows for the cursor. */
export interface ReplayFrame {
  turn: number;
  lastTurn: number;
  /** The true state after `turn`. */
  state: GameState;
  /** The same, as `viewer` saw it. */
  view: GameState;
  /** The states up to `turn` as `viewer` saw them (the inspector's trends). */
  snapshots: GameState[];
  /** This turn's events (none at the start). */
  events: GameEvent[];
  /** Every event up to and including this turn (the event log). */
  eventsSoFar: GameEvent[];
  /** This turn's report data, null at the start. */
  outcome: TurnOutcome | null;
  /** Seats as the report needs them: the file's, or those inferred for this turn. */
  setup: Setup;
}

export function replayFrame(r: ReplaySession): ReplayFrame {
  const turn = clampTurn(r, r.turn);
  const state = r.states[turn]!;
  const found = turn > 0 ? outcomeOf(r.log, r.states, r.turnEvents, turn, r.seats) : null;
  const seats = found?.seats ??
    r.seats ?? {
      state: { kind: 'human', difficulty: 'normal' },
      clans: { kind: 'human', difficulty: 'normal' },
      insurgents: { kind: 'human', difficulty: 'normal' },
    };
  return {
    turn,
    lastTurn: lastTurn(r),
    state,
    view: viewFor(state, r.viewer),
    snapshots: r.states.slice(0, turn + 1).map((s) => viewFor(s, r.viewer)),
    events: turn > 0 ? (r.turnEvents[turn - 1] ?? []) : [],
    eventsSoFar: r.turnEvents.slice(0, turn).flat(),
    outcome: found?.outcome ?? null,
    setup: { scenarioId: r.log.scenarioId, seed: r.log.seed, turns: r.log.turns, seats },
  };
}

/** What a key does in the viewer (←/→ step, Home/End first/last, Space play/pause), or null. */
export type ReplayKeyAction = { type: 'step'; by: number } | { type: 'first' } | { type: 'last' } | { type: 'toggle' };

export function replayKey(key: string): ReplayKeyAction | null {
  switch (key) {
    case 'ArrowLeft':
      return { type: 'step', by: -1 };
    case 'ArrowRight':
      return { type: 'step', by: 1 };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case ' ':
    case 'Spacebar':
      return { type: 'toggle' };
    default:
      return null;
  }
}
