/**
 * The board as a React component: hosts the Phaser canvas, the tooltip, the zoom buttons, the
 * keyboard handling and an accessible list of regions. React owns the state (the model, keyboard
 * focus); Phaser only draws and reports pointer intents through the event bus.
 *
 * Keyboard (on the focused board): arrows or Tab move between regions (north to south), Enter or
 * Space selects, + and − zoom, 0 resets, Shift + arrow pans, Escape clears the focus. Tab past the
 * last region (or Shift+Tab before the first) leaves the board, so focus is never trapped.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { BoardCanvas } from './BoardCanvas';
import { BoardErrorBoundary } from './BoardErrorBoundary';
import { BoardEventBus, type BoardHover } from './event-bus';
import type { RendererPreference } from './create-board-game';
import type { BoardModel } from '../view-model/board-model';
import './board.css';

export interface BoardHostProps {
  model: BoardModel;
  onSelectRegion: (id: string) => void;
  onHoverRegion?: (id: string | null) => void;
  /** Record load and frame timings on `window.__boardMetrics` (harness and performance tests). */
  instrument?: boolean;
  /**
   * `auto` (default): WebGL on a GPU, Canvas where WebGL is software-rendered; `webgl` forces WebGL
   * (still falling back to Canvas if it fails); `canvas` is a safe mode.
   */
  renderer?: RendererPreference;
  className?: string;
}

const ZOOM_STEP = 1.4;
const PAN_STEP = 90;

export function BoardHost({ model, onSelectRegion, onHoverRegion, instrument = false, renderer = 'auto', className }: BoardHostProps): ReactNode {
  const bus = useMemo(() => new BoardEventBus(), []);
  const helpId = useId();
  const surfaceRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const [prefer, setPrefer] = useState<RendererPreference>(renderer);
  const [failed, setFailed] = useState(false);
  const [tipId, setTipId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const [announce, setAnnounce] = useState('');
  const lastHover = useRef<BoardHover | null>(null);
  const preferRef = useRef(prefer);
  preferRef.current = prefer;

  // Latest props for the bus handlers, so subscriptions are made once.
  const latest = useRef({ model, onSelectRegion, onHoverRegion });
  latest.current = { model, onSelectRegion, onHoverRegion };

  useLayoutEffect(() => {
    bus.emit('model', model);
  }, [bus, model]);

  useEffect(() => {
    let hovered: string | null = null;
    const onHover = (h: BoardHover): void => {
      if (h.id !== hovered) {
        hovered = h.id;
        setTipId(h.id);
        latest.current.onHoverRegion?.(h.id);
      }
      lastHover.current = h;
      placeTooltip(tooltipRef.current, surfaceRef.current, h);
    };
    const onSelect = ({ id }: { id: string }): void => latest.current.onSelectRegion(id);
    const onView = ({ zoom: z }: { zoom: number }): void => setZoom(z);
    const onError = ({ message }: { message: string }): void => {
      console.warn('[board]', message);
      if (preferRef.current !== 'canvas') setPrefer('canvas');
      else setFailed(true);
    };
    bus.on('hover', onHover);
    bus.on('select', onSelect);
    bus.on('view', onView);
    bus.on('error', onError);
    return () => {
      bus.off('hover', onHover);
      bus.off('select', onSelect);
      bus.off('view', onView);
      bus.off('error', onError);
    };
  }, [bus]);

  // The tooltip's size is known only once its lines are rendered: place it again then.
  useLayoutEffect(() => {
    if (lastHover.current) placeTooltip(tooltipRef.current, surfaceRef.current, lastHover.current);
  }, [tipId, model]);

  const focusRegion = useCallback((id: string | null) => {
    setFocusId(id);
    bus.emit('command', { kind: 'focus', id });
    const r = id ? latest.current.model.regions.find((x) => x.id === id) : undefined;
    if (r) setAnnounce(`${r.name}. ${r.description}`);
  }, [bus]);

  const selectedName = model.strings.selected;
  useEffect(() => {
    if (selectedName) setAnnounce(selectedName);
  }, [selectedName]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const order = model.keyboardOrder;
    const idx = focusId ? order.indexOf(focusId) : -1;
    const move = (to: number): void => {
      e.preventDefault();
      focusRegion(order[(to + order.length) % order.length] ?? null);
    };
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowUp': {
        const fwd = e.key === 'ArrowRight' || e.key === 'ArrowDown';
        if (e.shiftKey) {
          e.preventDefault();
          const horizontal = e.key === 'ArrowRight' || e.key === 'ArrowLeft';
          const d = (fwd ? -1 : 1) * PAN_STEP * model.scale;
          bus.emit('command', { kind: 'pan', dx: horizontal ? d : 0, dy: horizontal ? 0 : d });
        } else {
          move(idx < 0 ? (fwd ? 0 : order.length - 1) : idx + (fwd ? 1 : -1));
        }
        break;
      }
      case 'Tab':
        if (!e.shiftKey && idx < order.length - 1) move(idx + 1);
        else if (e.shiftKey && idx > 0) move(idx - 1);
        else focusRegion(null);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(order.length - 1);
        break;
      case 'Enter':
      case ' ':
        if (focusId) {
          e.preventDefault();
          onSelectRegion(focusId);
        }
        break;
      case '+':
      case '=':
        e.preventDefault();
        bus.emit('command', { kind: 'zoom', factor: ZOOM_STEP });
        break;
      case '-':
      case '_':
        e.preventDefault();
        bus.emit('command', { kind: 'zoom', factor: 1 / ZOOM_STEP });
        break;
      case '0':
        e.preventDefault();
        bus.emit('command', { kind: 'reset' });
        break;
      case 'Escape':
        if (focusId) focusRegion(null);
        break;
    }
  };

  const tip = tipId ? model.regions.find((r) => r.id === tipId) : undefined;
  const regionById = useMemo(() => new Map(model.regions.map((r) => [r.id, r])), [model.regions]);
  const style = { '--cdl-board-scale': String(model.scale) } as Record<string, string>;

  return (
    <div className={`cdl-board${className ? ` ${className}` : ''}`} style={style}>
      <div
        ref={surfaceRef}
        className="cdl-board__surface"
        role="application"
        tabIndex={0}
        aria-label={model.strings.boardLabel}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
        onPointerDown={() => surfaceRef.current?.focus({ preventScroll: true })}
        onBlur={() => focusId && focusRegion(null)}
      >
        {failed ? (
          <p className="cdl-board__fallback">{model.strings.unavailable}</p>
        ) : (
          <BoardErrorBoundary
            key={prefer}
            fallback={<p className="cdl-board__fallback">{model.strings.unavailable}</p>}
            onError={() => (prefer !== 'canvas' ? setPrefer('canvas') : setFailed(true))}
          >
            <BoardCanvas bus={bus} prefer={prefer} instrument={instrument} />
          </BoardErrorBoundary>
        )}
      </div>

      <div ref={tooltipRef} className="cdl-board__tooltip" role="tooltip" hidden={!tip}>
        {tip?.tooltip.map((line, i) => (
          <div key={i} className={i === 0 ? 'cdl-board__tooltip-title' : undefined}>{line}</div>
        ))}
      </div>

      <div className="cdl-board__toolbar">
        <button type="button" aria-label={model.strings.zoomIn} title={model.strings.zoomIn}
          onClick={() => bus.emit('command', { kind: 'zoom', factor: ZOOM_STEP })}>+</button>
        <button type="button" aria-label={model.strings.zoomOut} title={model.strings.zoomOut}
          disabled={zoom <= 1.001} onClick={() => bus.emit('command', { kind: 'zoom', factor: 1 / ZOOM_STEP })}>−</button>
        <button type="button" aria-label={model.strings.resetView} title={model.strings.resetView}
          disabled={zoom <= 1.001} onClick={() => bus.emit('command', { kind: 'reset' })}>⟲</button>
      </div>

      <p id={helpId} className="cdl-sr-only">{model.strings.keyboardHelp}</p>
      <ul className="cdl-sr-only" aria-label={model.strings.regionList}>
        {model.listOrder.map((id) => {
          const r = regionById.get(id);
          if (!r) return null;
          return (
            <li key={id}>
              <button type="button" tabIndex={-1} aria-pressed={model.selectedId === id} aria-description={r.description}
                onClick={() => onSelectRegion(id)}>{r.name}</button>
            </li>
          );
        })}
      </ul>
      <div className="cdl-sr-only" role="status">{announce}</div>
      <small className="cdl-board__attribution">{model.strings.attribution}</small>
    </div>
  );
}

/** Put the tooltip next to the pointer (or the focused region), flipped to stay inside the board. */
function placeTooltip(tip: HTMLDivElement | null, surface: HTMLDivElement | null, h: BoardHover): void {
  if (!tip || !surface || !h.id) return;
  const gap = 16;
  const w = tip.offsetWidth;
  const hgt = tip.offsetHeight;
  const W = surface.clientWidth;
  const H = surface.clientHeight;
  let x = h.x + gap;
  let y = h.y + gap;
  if (x + w > W - 4) x = h.x - gap - w;
  if (y + hgt > H - 4) y = h.y - gap - hgt;
  tip.style.transform = `translate(${Math.max(4, Math.round(x))}px, ${Math.max(4, Math.round(y))}px)`;
}
