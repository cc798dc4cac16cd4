/**
 * A page that mounts the board alone with sample data, for screenshots, performance measurements
 * and end-to-end tests (`board-harness.html`). Query parameters set the starting state:
 * `overlay`, `lang` (en|es), `scale`, `flows` (0|1), `bare` (1 hides the harness bar),
 * `events=sample` (a sample turn's events: the resolution animation plays on load; "Play a turn"
 * plays it again as a new turn), `motion=reduce` (as `prefers-reduced-motion`), `legend`
 * (`full`|`compact`: the legend's starting form instead of the automatic choice).
 */
import { StrictMode, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardHost } from './BoardHost';
import { sampleRegions, sampleTurnEvents, SAMPLE_FLOWS } from './sample-board-input';
import { useReducedMotion } from './use-reduced-motion';
import { buildBoardModel } from '../view-model/board-model';
import { OVERLAYS, type OverlayId } from '../view-model/board-theme';
import { translate, isLang, type Lang } from '../i18n';
import type { MapContent } from '../../game/content/schema';
import mapJson from '../../assets/map/peru.json';
import './harness.css';

const MAP = mapJson as unknown as MapContent;
const REGIONS = sampleRegions(MAP);
const LOCALES: Record<Lang, string> = { en: 'en-GB', es: 'es-PE' };

const params = new URLSearchParams(window.location.search);
const startOverlay = (OVERLAYS as readonly string[]).includes(params.get('overlay') ?? '') ? (params.get('overlay') as OverlayId) : 'coca';
const startLang: Lang = isLang(params.get('lang')) ? (params.get('lang') as Lang) : 'en';
const startScale = Number(params.get('scale') ?? '1') || 1;
const bare = params.get('bare') === '1';
const rendererParam = params.get('renderer') === 'canvas' ? 'canvas' : params.get('renderer') === 'webgl' ? 'webgl' : 'auto';
const withEvents = params.get('events') === 'sample';
const legendParam = params.get('legend') === 'full' ? true : params.get('legend') === 'compact' ? false : null;
const forceReduced = params.get('motion') === 'reduce';

function Harness(): ReactNode {
  const [overlay, setOverlay] = useState<OverlayId>(startOverlay);
  const [lang, setLang] = useState<Lang>(startLang);
  const [scale, setScale] = useState(startScale);
  const [flows, setFlows] = useState(params.get('flows') !== '0');
  const [selected, setSelected] = useState<string | null>(params.get('select'));
  const [hovered, setHovered] = useState<string | null>(null);
  const [turn, setTurn] = useState(withEvents ? 3 : 0);
  const reduced = useReducedMotion() || forceReduced;
  const events = useMemo(() => (turn > 0 ? sampleTurnEvents(turn) : []), [turn]);
  const t = useMemo(() => (key: string, values?: Record<string, string | number>) => translate(lang, key, values), [lang]);
  const model = useMemo(
    () =>
      buildBoardModel({
        map: MAP,
        regions: REGIONS,
        flows: SAMPLE_FLOWS,
        overlay,
        selectedId: selected,
        t,
        locale: LOCALES[lang],
        scale,
        showFlows: flows,
        turnEvents: events,
        reducedMotion: reduced,
      }),
    [overlay, selected, t, lang, scale, flows, events, reduced],
  );
  const name = (id: string | null): string => (id ? (model.regions.find((r) => r.id === id)?.name ?? id) : '—');

  return (
    <div className={`harness${bare ? ' harness--bare' : ''}`}>
      {!bare && (
        <header className="harness__bar">
          <div role="group" aria-label="Overlay">
            {OVERLAYS.map((o) => (
              <button key={o} type="button" aria-pressed={overlay === o} onClick={() => setOverlay(o)}>
                {t(`board.overlay.${o}.title`)}
              </button>
            ))}
          </div>
          <button type="button" onClick={() => setLang(lang === 'en' ? 'es' : 'en')}>
            {lang === 'en' ? 'Español' : 'English'}
          </button>
          <button type="button" aria-pressed={scale > 1} onClick={() => setScale(scale > 1 ? 1 : 1.5)}>
            Presentation
          </button>
          <button type="button" aria-pressed={flows} onClick={() => setFlows(!flows)}>
            Flows
          </button>
          <button type="button" onClick={() => setTurn(Math.max(3, turn + 1))}>
            Play a turn
          </button>
          <output data-testid="selected">Selected: {name(selected)}</output>
          <output data-testid="hovered">Hover: {name(hovered)}</output>
        </header>
      )}
      <main className="harness__board">
        <BoardHost
          model={model}
          onSelectRegion={setSelected}
          onHoverRegion={setHovered}
          instrument
          renderer={rendererParam}
          legend={legendParam}
        />
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Harness />
    </StrictMode>,
  );
