/**
 * The facilitator's (white cell's) state, kept with the game session: what the console has queued
 * for the next turn (injects, MSEL changes, scheduled lines, rulings, notes), the planning clock,
 * what the public screen announces (a news flash or a ruling), the branches of the game and the
 * passphrase that protects the console. JSON-safe; only `branches` goes into saves.
 */
import type {
  FacilitatorNote,
  GameLog,
  InjectInput,
  MselAction,
  MselEntry,
  Override,
  RegionId,
  Side,
  TurnInput,
} from '../app-state/engine';
import type { Difficulty } from '../app-state/types';

/** The facilitator's part of the next turn's input (empty lists are left out of the log). */
export interface PendingInput {
  injects: InjectInput[];
  msel: MselAction[];
  overrides: Override[];
  schedule: MselEntry[];
  notes: FacilitatorNote[];
}

export const emptyPending = (): PendingInput => ({ injects: [], msel: [], overrides: [], schedule: [], notes: [] });

/** The planning clock. `remainingMs` is what was left when it was last paused or set; while it runs,
 * `runningSince` is the wall-clock time (ms) it was started, and the time left is computed from it. */
export interface ClockState {
  limitMs: number;
  remainingMs: number;
  runningSince: number | null;
  /** It reached zero and the facilitator has not yet chosen what happens. */
  expired: boolean;
}

export const CLOCK_WARN_MS = 60_000;

export function clockLeft(c: ClockState, now: number): number {
  return Math.max(0, c.runningSince === null ? c.remainingMs : c.remainingMs - (now - c.runningSince));
}

/** What the teams see on the public screen after the facilitator acts. */
export type Flash =
  | { id: number; kind: 'inject'; title: { en: string; es: string }; brief: { en: string; es: string }; region: RegionId | null }
  | { id: number; kind: 'ruling'; target: Override['target']; region: RegionId | null; from: number; to: number; reason: string };

/** One line of play: its log, and where it left its parent. */
export interface Branch {
  id: string;
  name: string;
  parent: string | null;
  /** The last turn it shares with its parent (0: the start). */
  forkTurn: number;
  log: GameLog;
}

/** A rewind, logged: from which turn of which branch, back to which turn, into which new branch. */
export interface RewindRecord {
  from: string;
  fromTurn: number;
  toTurn: number;
  branch: string;
}

export interface FacState {
  passphrase: string | null;
  pending: PendingInput;
  clock: ClockState;
  flash: Flash | null;
  nextFlashId: number;
  /** Every branch, the current one's log as of its last update (the session's log is its truth). */
  branches: Branch[];
  branchId: string;
  rewinds: RewindRecord[];
  /** A plan sent back to a team, with the facilitator's note (shown to that team when it plans). */
  sentBack: Partial<Record<Side, string>>;
  /**
   * Hold each quarter after the last team commits, until the facilitator releases it, so every
   * team's plan (the last one's too) can be reviewed or sent back. Off by default: solo play and
   * games without a facilitator resolve as soon as the plans are in.
   */
  holdTurn?: boolean;
}

export function newFacState(log: GameLog, passphrase: string | null = null): FacState {
  return {
    passphrase,
    pending: emptyPending(),
    clock: { limitMs: 0, remainingMs: 0, runningSince: null, expired: false },
    flash: null,
    nextFlashId: 1,
    branches: [{ id: 'b1', name: 'A', parent: null, forkTurn: 0, log }],
    branchId: 'b1',
    rewinds: [],
    sentBack: {},
  };
}

/** The pending input as turn-input fields (only those with something in them). */
export function pendingFields(p: PendingInput | undefined): Omit<TurnInput, 'orders'> {
  if (!p) return {};
  const out: Omit<TurnInput, 'orders'> = {};
  if (p.injects.length) out.injects = p.injects;
  if (p.msel.length) out.msel = p.msel;
  if (p.overrides.length) out.overrides = p.overrides;
  if (p.schedule.length) out.schedule = p.schedule;
  if (p.notes.length) out.notes = p.notes;
  return out;
}

export type SeatChange = { side: Side; kind: 'human' | 'computer'; difficulty: Difficulty };
