/**
 * The one bridge between React and the Phaser board: a small typed emitter, one per board
 * instance (not a global singleton, so two boards — the game and a replay — never cross wires).
 * React pushes the model and commands; the scene reports hover, selection, view and errors.
 * Listeners are removed with the same function they were added with.
 *
 * The last payload of each event is kept, so a scene that boots after React has sent the model
 * picks it up (`latest('model')`).
 */
import type { AnimStageId } from '../view-model/board-animation';
import type { BoardModel } from '../view-model/board-model';

export type BoardCommand =
  | { kind: 'zoom'; factor: number }
  | { kind: 'pan'; dx: number; dy: number }
  | { kind: 'reset' }
  /** Keyboard focus on a region (outline it, bring it into view, report where it is), or none. */
  | { kind: 'focus'; id: string | null }
  /** Jump to the end of the resolution animation. */
  | { kind: 'skipAnimation' };

export interface BoardHover {
  id: string | null;
  /** Position for a tooltip, in CSS pixels relative to the board's top-left corner. */
  x: number;
  y: number;
  source: 'pointer' | 'keyboard';
  /** A marker or arrow of the turn's events under the pointer (its tooltip replaces the region's). */
  target?: { kind: 'marker' | 'move'; id: string } | null;
}

/** The resolution animation's progress, reported by the scene. */
export interface BoardAnimationStatus {
  /** The animation's key (`BoardAnimation.key`), or null when there is none. */
  key: string | null;
  state: 'idle' | 'playing' | 'done';
  /** The act being played, while playing. */
  stage: AnimStageId | null;
}

export interface BoardReady {
  renderer: 'webgl' | 'canvas';
  /** `performance.now()` when the board had drawn its first model and accepted input. */
  at: number;
}

export interface BoardEventMap {
  /** React → scene: draw this. */
  model: BoardModel;
  /** React → scene: camera and keyboard-focus commands. */
  command: BoardCommand;
  /** React → scene: show the full legend (true), the compact one (false), or choose by the canvas size (null). */
  legendPref: { expanded: boolean | null };
  /** Scene → React. */
  ready: BoardReady;
  hover: BoardHover;
  select: { id: string };
  view: { zoom: number };
  error: { message: string };
  animation: BoardAnimationStatus;
  /** Whether a legend panel is open (else only the compact strip), and which panels the user may switch between (null: only the map key). */
  legend: { expanded: boolean; switchable?: 'key' | 'turn' | null };
  /** React → scene: open the map key or the key to this turn's markers. */
  legendPanel: { open: 'key' | 'turn' };
}

export type BoardEventName = keyof BoardEventMap;
export type BoardListener<K extends BoardEventName> = (payload: BoardEventMap[K]) => void;

type AnyListener = (payload: unknown) => void;

export class BoardEventBus {
  private readonly listeners = new Map<BoardEventName, Set<AnyListener>>();
  private readonly last = new Map<BoardEventName, unknown>();

  on<K extends BoardEventName>(type: K, fn: BoardListener<K>): void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(fn as AnyListener);
  }

  off<K extends BoardEventName>(type: K, fn: BoardListener<K>): void {
    this.listeners.get(type)?.delete(fn as AnyListener);
  }

  /** `on`, returning the matching `off` (same event, same handler) for cleanup. */
  subscribe<K extends BoardEventName>(type: K, fn: BoardListener<K>): () => void {
    this.on(type, fn);
    return () => this.off(type, fn);
  }

  emit<K extends BoardEventName>(type: K, payload: BoardEventMap[K]): void {
    this.last.set(type, payload);
    const set = this.listeners.get(type);
    if (!set) return;
    for (const fn of [...set]) fn(payload);
  }

  latest<K extends BoardEventName>(type: K): BoardEventMap[K] | undefined {
    return this.last.get(type) as BoardEventMap[K] | undefined;
  }

  listenerCount(type: BoardEventName): number {
    return this.listeners.get(type)?.size ?? 0;
  }
}
