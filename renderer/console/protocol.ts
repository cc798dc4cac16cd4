/**
 * What the main window and the facilitator's console say to each other (BroadcastChannel in the web
 * build, main-process relay on the desktop). The main window owns the game: it sends snapshots; the
 * console sends commands, which the main window checks again (shape here, meaning in the engine's
 * own validation) before anything reaches the game. Nothing received is trusted.
 */
import type { GameEvent, GameState, InjectInput, MselAction, MselEntry, Override, Side, SideOrders } from '../app-state/engine';
import type { Phase, Seat } from '../app-state/types';
import type { Lang } from '../i18n';
import type { Branch, ClockState, Flash, PendingInput, RewindRecord } from './fac-types';

export type ConsoleCommand =
  | { type: 'fireInject'; inject: InjectInput }
  | { type: 'msel'; action: MselAction }
  | { type: 'schedule'; entry: MselEntry }
  | { type: 'override'; override: Override }
  | { type: 'note'; text: string }
  | { type: 'withdraw'; part: keyof PendingInput; index: number }
  | { type: 'clock'; op: 'set' | 'extend'; seconds: number }
  | { type: 'clock'; op: 'start' | 'pause' }
  | { type: 'expiry'; choice: 'wait' | 'commit' | 'computer' }
  | { type: 'rewind'; turn: number }
  | { type: 'switchBranch'; id: string }
  | { type: 'sendBack'; side: Side; note: string }
  /** Hold each quarter for review once every team has committed (or stop holding). */
  | { type: 'holdTurn'; on: boolean }
  /** Resolve the quarter held for review. */
  | { type: 'release' }
  | { type: 'seat'; side: Side; seat: Seat }
  | { type: 'lang'; lang: Lang }
  | { type: 'dismissFlash' };

export interface ConsoleSnapshot {
  lang: Lang;
  game: GameState | null;
  phase: Phase;
  seats: Record<Side, Seat> | null;
  queue: Side[];
  committed: Partial<Record<Side, SideOrders>>;
  pending: PendingInput;
  clock: ClockState;
  flash: Flash | null;
  branches: Branch[];
  branchId: string;
  rewinds: RewindRecord[];
  sentBack: Partial<Record<Side, string>>;
  /** The quarter is held for review after the last commit (see FacState.holdTurn). */
  holdTurn: boolean;
  events: GameEvent[];
}

export type ConsoleMessage =
  /** console → main: a console opened (or asks for the state again). */
  | { type: 'hello'; consoleId: string }
  | { type: 'unlock'; consoleId: string; passphrase: string }
  | { type: 'command'; consoleId: string; command: ConsoleCommand }
  /** main → console */
  | { type: 'locked'; to: string; wrong: boolean }
  | { type: 'snapshot'; to: string[]; snapshot: ConsoleSnapshot };

const MAX_TEXT = 4000;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, max = MAX_TEXT): x is string => typeof x === 'string' && x.length <= max;
const SIDE_IDS: readonly string[] = ['state', 'clans', 'insurgents'];
const PARTS: readonly string[] = ['injects', 'msel', 'overrides', 'schedule', 'notes'];
const MAX_CLOCK_SECONDS = 4 * 3600;

/**
 * A console command's outer shape, or null. The payloads that reach the engine (injects, MSEL
 * actions and lines, overrides) are checked by the engine's own turn-input validation afterwards.
 */
export function parseCommand(x: unknown): ConsoleCommand | null {
  if (!isObj(x) || typeof x.type !== 'string') return null;
  switch (x.type) {
    case 'fireInject':
      return isObj(x.inject) ? { type: 'fireInject', inject: x.inject as unknown as InjectInput } : null;
    case 'msel':
      return isObj(x.action) ? { type: 'msel', action: x.action as unknown as MselAction } : null;
    case 'schedule':
      return isObj(x.entry) ? { type: 'schedule', entry: x.entry as unknown as MselEntry } : null;
    case 'override':
      return isObj(x.override) ? { type: 'override', override: x.override as unknown as Override } : null;
    case 'note':
      return str(x.text) && x.text.trim() ? { type: 'note', text: x.text } : null;
    case 'withdraw':
      return typeof x.part === 'string' && PARTS.includes(x.part) && Number.isInteger(x.index) && (x.index as number) >= 0
        ? { type: 'withdraw', part: x.part as keyof PendingInput, index: x.index as number }
        : null;
    case 'clock':
      if (x.op === 'start' || x.op === 'pause') return { type: 'clock', op: x.op };
      if (
        (x.op === 'set' || x.op === 'extend') &&
        typeof x.seconds === 'number' &&
        Number.isFinite(x.seconds) &&
        x.seconds >= 0 &&
        x.seconds <= MAX_CLOCK_SECONDS
      ) {
        return { type: 'clock', op: x.op, seconds: x.seconds };
      }
      return null;
    case 'expiry':
      return x.choice === 'wait' || x.choice === 'commit' || x.choice === 'computer' ? { type: 'expiry', choice: x.choice } : null;
    case 'rewind':
      return Number.isInteger(x.turn) && (x.turn as number) >= 0 ? { type: 'rewind', turn: x.turn as number } : null;
    case 'switchBranch':
      return str(x.id, 20) ? { type: 'switchBranch', id: x.id } : null;
    case 'sendBack':
      return str(x.side, 20) && SIDE_IDS.includes(x.side) && str(x.note) ? { type: 'sendBack', side: x.side as Side, note: x.note } : null;
    case 'seat': {
      const seat = x.seat;
      if (!str(x.side, 20) || !SIDE_IDS.includes(x.side) || !isObj(seat)) return null;
      if ((seat.kind !== 'human' && seat.kind !== 'computer') || !['easy', 'normal', 'hard'].includes(seat.difficulty as string))
        return null;
      return { type: 'seat', side: x.side as Side, seat: { kind: seat.kind, difficulty: seat.difficulty as Seat['difficulty'] } };
    }
    case 'holdTurn':
      return typeof x.on === 'boolean' ? { type: 'holdTurn', on: x.on } : null;
    case 'release':
      return { type: 'release' };
    case 'lang':
      return x.lang === 'en' || x.lang === 'es' ? { type: 'lang', lang: x.lang } : null;
    case 'dismissFlash':
      return { type: 'dismissFlash' };
    default:
      return null;
  }
}

/** A message from the channel, or null if it is not one of ours. */
export function parseMessage(x: unknown): ConsoleMessage | null {
  if (!isObj(x) || typeof x.type !== 'string') return null;
  switch (x.type) {
    case 'hello':
      return str(x.consoleId, 64) ? { type: 'hello', consoleId: x.consoleId } : null;
    case 'unlock':
      return str(x.consoleId, 64) && str(x.passphrase, 200) ? { type: 'unlock', consoleId: x.consoleId, passphrase: x.passphrase } : null;
    case 'command': {
      const command = parseCommand(x.command);
      return str(x.consoleId, 64) && command ? { type: 'command', consoleId: x.consoleId, command } : null;
    }
    case 'locked':
      return str(x.to, 64) ? { type: 'locked', to: x.to, wrong: x.wrong === true } : null;
    case 'snapshot':
      return Array.isArray(x.to) && isObj(x.snapshot) ? (x as unknown as ConsoleMessage) : null;
    default:
      return null;
  }
}

/** The channel between the windows: post a message, listen for them. */
export interface ConsoleChannel {
  post(message: ConsoleMessage): void;
  subscribe(listener: (message: ConsoleMessage) => void): () => void;
}
