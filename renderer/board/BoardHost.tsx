/**
 * The board as a React component: hosts the Phaser canvas, the tooltip, the zoom buttons, the
 * legend button, the resolution animation's caption and Skip button, the keyboard handling, and
 * accessible lists of the regions and of the turn's events on the map. React owns the state (the
 * model, keyboard focus); Phaser only draws and reports pointer intents through the event bus.
 *
 * Keyboard (on the focused board): arrows or Tab move between regions (north to south), Enter or
 * Space selects, + and − zoom, 0 resets, Shift + arrow pans, Escape clears the focus. Tab past the
 * last region (or Shift+Tab before the first) leaves the board, so focus is never trapped. While
 * a turn is being animated, Escape (anywhere in the page), a click on the board or the Skip button
 * jumps to its end.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { BoardCanvas } from './BoardCanvas';
import { BoardErrorBoundary } from './BoardErrorBoundary';
import { BoardEventBus, type BoardAnimationStatus, type BoardHover } from './event-bus';
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
  /** The legend's starting form: full (true), compact (false), or by the board's size (null, default). */
  legend?: boolean | null;
  className?: string;
  /** Told when a turn's animation starts and stops playing (the app paces the computer's worker meanwhile). */
  onPlaying?: (playing: boolean) => void;
}

const ZOOM_STEP = 1.4;
const PAN_STEP = 90;

export function BoardHost({
  model,
  onSelectRegion,
  onHoverRegion,
  instrument = false,
  renderer = 'auto',
  legend = null,
  className,
  onPlaying,
}: BoardHostProps): ReactNode {
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
  const [target, setTarget] = useState<BoardHover['target']>(null);
  const [anim, setAnim] = useState<BoardAnimationStatus>({ key: null, state: 'idle', stage: null });
  const [legendExpanded, setLegendExpanded] = useState<boolean | null>(null);
  const [legendOpen, setLegendOpen] = useState<'key' | 'turn' | null>(null);
  const [readyAt, setReadyAt] = useState<number | null>(null);
  const lastHover = useRef<BoardHover | null>(null);
  const preferRef = useRef(prefer);
  preferRef.current = prefer;

  // Latest props for the bus handlers, so subscriptions are made once.
  const latest = useRef({ model, onSelectRegion, onHoverRegion });
  latest.current = { model, onSelectRegion, onHoverRegion };

  useLayoutEffect(() => {
    if (legend !== null) bus.emit('legendPref', { expanded: legend });
  }, [bus, legend]);

  useLayoutEffect(() => {
    bus.emit('model', model);
  }, [bus, model]);

  useEffect(() => {
    let hovered: string | null = null;
    let hoveredTarget = '';
    const onHover = (h: BoardHover): void => {
      if (h.id !== hovered) {
        hovered = h.id;
        setTipId(h.id);
        latest.current.onHoverRegion?.(h.id);
      }
      const tk = h.target ? `${h.target.kind}:${h.target.id}` : '';
      if (tk !== hoveredTarget) {
        hoveredTarget = tk;
        setTarget(h.target ?? null);
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
    const onAnimation = (a: BoardAnimationStatus): void => setAnim(a);
    const onLegend = ({ expanded, switchable }: { expanded: boolean; switchable?: 'key' | 'turn' | null }): void => {
      setLegendExpanded(expanded);
      setLegendOpen(switchable ?? null);
    };
    const onReady = ({ at }: { at: number }): void => setReadyAt((r) => r ?? at);
    const unsubscribe = [
      bus.subscribe('hover', onHover),
      bus.subscribe('select', onSelect),
      bus.subscribe('view', onView),
      bus.subscribe('error', onError),
      bus.subscribe('animation', onAnimation),
      bus.subscribe('legend', onLegend),
      bus.subscribe('ready', onReady),
    ];
    // The scene may have reported before these subscriptions (it can start inside a layout effect).
    const [a0, l0, r0] = [bus.latest('animation'), bus.latest('legend'), bus.latest('ready')];
    if (a0) onAnimation(a0);
    if (l0) onLegend(l0);
    if (r0) onReady(r0);
    return () => {
      for (const off of unsubscribe) off();
    };
  }, [bus]);

  // The tooltip's size is known only once its lines are rendered: place it again then.
  useLayoutEffect(() => {
    if (lastHover.current) placeTooltip(tooltipRef.current, surfaceRef.current, lastHover.current);
  }, [tipId, target, model]);

  const focusRegion = useCallback(
    (id: string | null) => {
      setFocusId(id);
      bus.emit('command', { kind: 'focus', id });
      const r = id ? latest.current.model.regions.find((x) => x.id === id) : undefined;
      if (r) setAnnounce(`${r.name}. ${r.description}`);
    },
    [bus],
  );

  const selectedName = model.strings.selected;
  useEffect(() => {
    if (selectedName) setAnnounce(selectedName);
  }, [selectedName]);

  // The turn's animation: Escape anywhere skips it; its summary is announced once it has played.
  const playing = anim.state === 'playing' && anim.key !== null && anim.key === model.animation?.key;
  const skip = useCallback(() => bus.emit('command', { kind: 'skipAnimation' }), [bus]);
  const onPlayingRef = useRef(onPlaying);
  onPlayingRef.current = onPlaying;
  useEffect(() => {
    onPlayingRef.current?.(playing);
  }, [playing]);
  useEffect(() => {
    if (!playing) return undefined;
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) skip();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [playing, skip]);
  const announced = useRef<string | null>(null);
  const summary = model.animation?.strings.summary ?? '';
  useEffect(() => {
    if (anim.state === 'done' && anim.key && anim.key !== announced.current && anim.key === model.animation?.key) {
      announced.current = anim.key;
      setAnnounce(summary);
    }
  }, [anim, summary, model.animation?.key]);

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
        if (playing) {
          e.preventDefault();
          skip();
        } else if (focusId) focusRegion(null);
        break;
    }
  };

  const tip = tipId ? model.regions.find((r) => r.id === tipId) : undefined;
  const targetTip = target
    ? (target.kind === 'marker' ? model.animation?.markers : model.animation?.moves)?.find((m) => m.id === target.id)?.tooltip
    : undefined;
  const tipLines = targetTip ?? tip?.tooltip;
  const regionById = useMemo(() => new Map(model.regions.map((r) => [r.id, r])), [model.regions]);
  const style = { '--cdl-board-scale': String(model.scale) } as Record<string, string>;
  const a = model.animation;
  const stageLabel = playing && anim.stage ? (a?.stages.find((st) => st.id === anim.stage)?.label ?? '') : '';
  const animItems = a ? [...a.moves, ...a.markers] : [];

  return (
    <div
      className={`cdl-board${className ? ` ${className}` : ''}`}
      style={style}
      data-animation={a ? (anim.key === a.key ? anim.state : 'idle') : 'none'}
      data-ready-ms={readyAt === null ? undefined : Math.round(readyAt)}
    >
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

      <div ref={tooltipRef} className="cdl-board__tooltip" role="tooltip" hidden={!tipLines}>
        {tipLines?.map((line, i) => (
          <div key={i} className={i === 0 ? 'cdl-board__tooltip-title' : undefined}>
            {line}
          </div>
        ))}
      </div>

      {failed ? null : (
        <button
          type="button"
          className="cdl-board__legend-toggle"
          aria-expanded={legendExpanded ?? true}
          onClick={() => bus.emit('legendPref', { expanded: !(legendExpanded ?? true) })}
        >
          <span aria-hidden="true">{(legendExpanded ?? true) ? '▾' : '▸'}</span> {model.strings.legend}
        </button>
      )}
      {failed || playing || !legendExpanded || legendOpen === null ? null : (
        <div className="cdl-board__legend-switch" role="group" aria-label={model.strings.legend}>
          {(['turn', 'key'] as const).map((id) => (
            <button key={id} type="button" aria-pressed={legendOpen === id} onClick={() => bus.emit('legendPanel', { open: id })}>
              {id === 'turn' ? model.strings.legendTurn : model.strings.legendKey}
            </button>
          ))}
        </div>
      )}

      {playing && a ? (
        <div className="cdl-board__playbar">
          <div className="cdl-board__pill">
            <span className="cdl-board__caption">
              <strong className="cdl-board__caption-long">{a.strings.caption}</strong>
              <strong className="cdl-board__caption-short">{a.strings.captionShort}</strong>
              {stageLabel ? <span className="cdl-board__stage"> · {stageLabel}</span> : null}
            </span>
            <button type="button" className="cdl-board__skip" title={a.strings.skipHint} aria-keyshortcuts="Escape" onClick={skip}>
              {a.strings.skip} <span aria-hidden="true">»</span>
            </button>
          </div>
        </div>
      ) : null}

      <div className="cdl-board__toolbar">
        <button
          type="button"
          aria-label={model.strings.zoomIn}
          title={model.strings.zoomIn}
          onClick={() => bus.emit('command', { kind: 'zoom', factor: ZOOM_STEP })}
        >
          +
        </button>
        <button
          type="button"
          aria-label={model.strings.zoomOut}
          title={model.strings.zoomOut}
          disabled={zoom <= 1.001}
          onClick={() => bus.emit('command', { kind: 'zoom', factor: 1 / ZOOM_STEP })}
        >
          −
        </button>
        <button
          type="button"
          aria-label={model.strings.resetView}
          title={model.strings.resetView}
          disabled={zoom <= 1.001}
          onClick={() => bus.emit('command', { kind: 'reset' })}
        >
          ⟲
        </button>
      </div>

      <p id={helpId} className="cdl-sr-only">
        {model.strings.keyboardHelp}
      </p>
      <ul className="cdl-sr-only" aria-label={model.strings.regionList}>
        {model.listOrder.map((id) => {
          const r = regionById.get(id);
          if (!r) return null;
          return (
            <li key={id}>
              <button
                type="button"
                tabIndex={-1}
                aria-pressed={model.selectedId === id}
                aria-description={r.description}
                onClick={() => onSelectRegion(id)}
              >
                {r.name}
              </button>
            </li>
          );
        })}
      </ul>
      {a ? (
        <ul className="cdl-sr-only" aria-label={a.strings.list}>
          {animItems.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                tabIndex={-1}
                aria-description={m.tooltip.slice(1).join('. ') || undefined}
                onClick={() => onSelectRegion('region' in m ? m.region : m.to)}
              >
                {m.label}
              </button>
            </li>
          ))}
          {a.strings.omitted ? <li>{a.strings.omitted}</li> : null}
        </ul>
      ) : null}
      <div className="cdl-sr-only" role="status">
        {announce}
      </div>
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
