/**
 * React-owned app state: what the shell shows, the game in progress, the orders being drafted
 * (in memory only, and only ever rendered for the side that owns them), the last turn's outcome,
 * settings and messages. One reducer (`reducer.ts`) drives it.
 */
import type { Lang, Values } from '../i18n';
import type { Author, Decision, GameEvent, GameLog, GameState, Order, Side, SideOrders } from './engine';
import type { OverlayId } from '../view-model/board-theme';
import type { ReplaySession } from './replay';
import type { FacState } from '../console/fac-types';

export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

export interface Seat {
  kind: 'human' | 'computer';
  difficulty: Difficulty;
}

export interface Setup {
  scenarioId: string;
  seats: Record<Side, Seat>;
  seed: number;
  turns: number;
  /** The language chosen when the game was set up (kept in saves, for information). */
  language?: Lang;
  /** Protects the facilitator's console in this session (never saved). */
  facilitatorPassphrase?: string;
}

/** One value the user set on one row of the planning panel. */
export interface DraftValue {
  /** Amount for sliders and number inputs; for a setting with choices, the choice. */
  amount?: number;
  choice?: string;
  /** Destination for moves and relocations. */
  to?: string;
}

/** A side's plan while it is being drafted: values by row key (see `drafts.ts`), plus notes. */
export interface Draft {
  values: Record<string, DraftValue>;
  note: string;
}

export interface PlanHistory {
  past: Draft[];
  future: Draft[];
  /** The row key of the last edit, so a slider drag is one undo step, not fifty. */
  lastKey: string | null;
}

export type Phase =
  | { kind: 'idle' }
  /** The hand-over curtain: the screen is hidden until `side` says it is at the keyboard. */
  | { kind: 'curtain'; side: Side }
  | { kind: 'planning'; side: Side }
  | { kind: 'review' }
  /**
   * Every team has committed and the facilitator holds the quarter to review the plans (a console
   * setting): the public screen is covered until the facilitator releases it or sends a plan back.
   */
  | { kind: 'held' }
  | { kind: 'ended' }
  /** The replay viewer: `AppState.replay` holds the log and the cursor; there is no session. */
  | { kind: 'replay' };

export interface TurnOutcome {
  /** The turn that was resolved. */
  turn: number;
  events: GameEvent[];
  /** Every side's orders, revealed only now that the turn is resolved. */
  orders: SideOrders[];
  /** Who decided each side's orders and why (the computer's decision as data), as the log records it. */
  authors: Partial<Record<Side, Author>>;
}

/**
 * The hard computer's plan for a team, asked for in the planning panel ("What would the computer
 * do?") and computed in the worker from what that side sees. `given` is what the plan gives once
 * applied to the team's draft (the rows' values), to tell at commit whether it was kept as given.
 */
export interface Advice {
  game: GameState;
  status: 'thinking' | 'ready' | 'failed';
  decision?: Decision;
  orders?: Order[];
  given?: Order[];
  applied?: boolean;
  error?: string;
}

export interface Session {
  setup: Setup;
  /** Names this game's autosave slots (`autosave-<gameId>-t<turn>`); not saved in files. */
  gameId: string;
  /** The state now: always `states[states.length - 1]`. */
  game: GameState;
  /** Human sides still to plan this turn, in order; the head is planning (or behind the curtain). */
  queue: Side[];
  drafts: Partial<Record<Side, Draft>>;
  history: Partial<Record<Side, PlanHistory>>;
  /** Orders committed this turn, hidden until resolution. */
  committed: Partial<Record<Side, SideOrders>>;
  /** Validation problems of the last commit attempt of the side planning now. */
  errors: { code: string; message: string; path: string; values?: Record<string, string | number> }[];
  last: TurnOutcome | null;
  /**
   * Computer sides' orders for this turn decided off the UI thread (the hard level's search runs
   * in a Web Worker); a computer side without an entry decides when the turn is resolved.
   */
  decided?: Partial<Record<Side, SideOrders>>;
  /** Set while computer sides think before the turn can be resolved (the app shows it). */
  thinking?: Side[];
  /**
   * The state `decided` and `thinking` belong to (the game when the worker was asked): a decision
   * for any other state (the turn was undone, the game rewound) is never used.
   */
  aiFor?: GameState;
  /** Every team has committed, and the turn waits for the computer sides still thinking. */
  awaiting?: boolean;
  /** The computer's advice a team asked for this turn (only the planning side's is ever shown). */
  advice?: Partial<Record<Side, Advice>>;
  /**
   * The state after each turn (index 0: the start), as the engine made them: undo, rewind, trends
   * and the replay viewer read them. A loaded game recomputes them from its log.
   */
  states: GameState[];
  /** Each resolved turn's events (index 0: turn 1). */
  turnEvents: GameEvent[][];
  /** Every event so far, in order, for the event log (the concatenation of `turnEvents`). */
  events: GameEvent[];
  /** The engine's replayable log (scenario, seed, every turn's input, state hashes). */
  log: GameLog;
  /** Where the game was last saved (platform handle), for Save without a dialog. */
  saveHandle: string | null;
  saveName: string | null;
  /** The facilitator's state: queued injects and rulings, the clock, the branches (issue 11). */
  fac?: FacState;
}

export type Palette = 'default' | 'colorblind';
export const PALETTES: readonly Palette[] = ['default', 'colorblind'];

export { OVERLAYS } from '../view-model/board-theme';
export type Overlay = OverlayId;

export interface Settings {
  lang: Lang;
  presentation: boolean;
  /** Root font-size scale, 0.7–2. */
  zoom: number;
  palette: Palette;
  overlay: Overlay;
  flows: boolean;
}

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  key: string;
  values?: Values;
  /** Detail lines already translated keys + values (e.g. each validation error). */
  details?: { key: string; values?: Values }[];
}

export type DialogId =
  | 'newGame'
  | 'about'
  | 'autosaves'
  | 'undoTurn'
  | null
  // Help topics, and the question before a game in progress is closed (issue 10).
  | 'help:rules'
  | 'help:glossary'
  | 'help:scores'
  | 'discardGame';

export interface AppState {
  phase: Phase;
  session: Session | null;
  /** The replay viewer's log and cursor, when `phase.kind === 'replay'`. */
  replay: ReplaySession | null;
  settings: Settings;
  dialog: DialogId;
  selectedRegion: string | null;
  toasts: Toast[];
  nextToastId: number;
}
