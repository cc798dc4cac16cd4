/**
 * The board as an input device: pointer hover, click, drag to pan and wheel to zoom, and keyboard
 * focus moved by React (a `focus` command). Turns them into intents on the event bus (hover,
 * select) and view changes through the scene; draws nothing itself (the map layer outlines what
 * `highlighted` names).
 */
import type * as Phaser from 'phaser';
import { ensureVisible, panBy, regionAt, toScreen, toWorld, zoomAt, type View } from '../view-model/geo';
import type { BoardEventBus } from './event-bus';
import type { LayerHost } from './layer-host';
import type { ResolutionLayer } from './ResolutionLayer';

export interface InputHooks {
  bus: BoardEventBus;
  resolution: ResolutionLayer;
  setView(v: View): void;
  /** Redraw the highlight (hover, focus or selection changed). */
  highlight(): void;
  /** Lay out the labels and markers again (a cluster of markers spread or gathered). */
  relayout(): void;
}

export class InputLayer {
  private hoverId: string | null = null;
  private focusId: string | null = null;
  private drag: { x: number; y: number; view: View; moved: boolean } | null = null;

  constructor(
    private readonly host: LayerHost,
    private readonly hooks: InputHooks,
  ) {
    for (const [event, handler] of this.listeners()) host.phaser.input.on(event, handler);
  }

  destroy(): void {
    for (const [event, handler] of this.listeners()) this.host.phaser.input.off(event, handler);
  }

  /** The Phaser input events this layer handles (the same handlers on and off). */
  private listeners(): [string, (...args: never[]) => void][] {
    return [
      ['pointermove', this.onPointerMove],
      ['pointerdown', this.onPointerDown],
      ['pointerup', this.onPointerUp],
      ['pointerupoutside', this.onPointerUp],
      ['gameout', this.onPointerOut],
      ['wheel', this.onWheel],
    ];
  }

  /** The region to outline as hovered: the keyboard's focus, else the pointer's. */
  get highlighted(): string | null {
    return this.focusId ?? this.hoverId;
  }

  /** Move the keyboard focus to a region (into view), or clear it. */
  focus(id: string | null): void {
    const { model, board, s } = this.host;
    this.focusId = id;
    const r = id ? model?.regions.find((x) => x.id === id) : undefined;
    if (!r || !board) {
      this.hooks.highlight();
      this.hooks.bus.emit('hover', { id: null, x: 0, y: 0, source: 'keyboard' });
      return;
    }
    const { width, height } = this.host.size();
    const [wx, wy] = board.project(r.at);
    this.hooks.setView(ensureVisible(this.host.view, wx, wy, width, height, 80 * s));
    this.hooks.highlight();
    const [sx, sy] = toScreen(this.host.view, wx, wy);
    this.hooks.bus.emit('hover', { id, x: sx, y: sy, source: 'keyboard' });
  }

  private regionUnder(x: number, y: number): string | null {
    const board = this.host.board;
    if (!board) return null;
    const [wx, wy] = toWorld(this.host.view, x, y);
    return regionAt(board, wx, wy);
  }

  private readonly onPointerMove = (p: Phaser.Input.Pointer): void => {
    if (this.drag && p.isDown) {
      const dx = p.x - this.drag.x,
        dy = p.y - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) > 5) this.drag.moved = true;
      if (this.drag.moved) {
        const { width, height } = this.host.size();
        this.hooks.setView(panBy(this.drag.view, dx, dy, width, height));
        return;
      }
    }
    if (!this.hooks.resolution.playing && this.hooks.resolution.pointerAt(p.x, p.y)) this.hooks.relayout();
    const hit = this.hooks.resolution.hit(this.host.view, p.x, p.y);
    const id = hit?.region ?? this.regionUnder(p.x, p.y);
    if (id !== this.hoverId || this.focusId) {
      this.hoverId = id;
      this.focusId = null;
      this.hooks.highlight();
    }
    this.hooks.bus.emit('hover', { id, x: p.x, y: p.y, source: 'pointer', target: hit ? { kind: hit.kind, id: hit.id } : null });
  };

  private readonly onPointerDown = (p: Phaser.Input.Pointer): void => {
    // A click while the turn is being animated skips to its end (and selects nothing).
    if (this.hooks.resolution.playing) {
      this.hooks.resolution.skip();
      this.drag = null;
      return;
    }
    this.drag = { x: p.x, y: p.y, view: this.host.view, moved: false };
  };

  private readonly onPointerUp = (p: Phaser.Input.Pointer): void => {
    const d = this.drag;
    this.drag = null;
    if (!d || d.moved) return;
    // A click or tap on gathered markers spreads them (and selects nothing).
    if (this.hooks.resolution.pointerAt(p.x, p.y)) {
      this.hooks.relayout();
      return;
    }
    const id = this.regionUnder(p.x, p.y);
    if (id) this.hooks.bus.emit('select', { id });
  };

  private readonly onPointerOut = (): void => {
    if (this.hoverId !== null) {
      this.hoverId = null;
      this.hooks.highlight();
    }
    this.hooks.bus.emit('hover', { id: null, x: 0, y: 0, source: 'pointer' });
  };

  private readonly onWheel = (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number): void => {
    const { width, height } = this.host.size();
    const factor = Math.min(2, Math.max(0.5, Math.pow(1.0018, -dy)));
    this.hooks.setView(zoomAt(this.host.view, factor, p.x, p.y, width, height));
  };
}
