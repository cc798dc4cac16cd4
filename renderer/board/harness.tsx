/**
 * A page that mounts the board alone with sample data, for screenshots, performance measurements
 * and end-to-end tests (`board-harness.html`). Query parameters set the starting state:
 * `overlay`, `lang` (en|es), `scale`, `flows` (0|1), `bare` (1 hides the harness bar).
 */
import { StrictMode, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardHost } from './BoardHost';
import { sampleRegions, SAMPLE_FLOWS } from './sample-board-input';
import { buildBoardModel, OVERLAYS, type OverlayId } from '../view-model/board-model';
import { translate, isLang, type Lang } from '../i18n';
import type { MapContent } from '../../game/content/schema';
import mapJson from '../../assets/map/peru.json';
import './harness.css';

const MAP = mapJson as unknown as MapContent;
const REGIONS = sampleRegions(MAP);
const LOCALES: Record<Lang, string> = { en: 'en-GB', es: 'es-PE' };

const params = new URLSearchParams(window.location.search);
const startOverlay = (OVERLAYS as readonly string[]).includes(params.get('overlay') ?? '') ? params.get('overlay') as OverlayId : 'coca';
const startLang: Lang = isLang(params.get('lang')) ? params.get('lang') as Lang : 'en';
const startScale = Number(params.get('scale') ?? '1') || 1;
const bare = params.get('bare') === '1';
const rendererParam = params.get('renderer') === 'canvas' ? 'canvas' : params.get('renderer') === 'webgl' ? 'webgl' : 'auto';

function Harness(): ReactNode {
  const [overlay, setOverlay] = useState<OverlayId>(startOverlay);
  const [lang, setLang] = useState<Lang>(startLang);
  const [scale, setScale] = useState(startScale);
  const [flows, setFlows] = useState(params.get('flows') !== '0');
  const [selected, setSelected] = useState<string | null>(params.get('select'));
  const [hovered, setHovered] = useState<string | null>(null);
  const t = useMemo(() => (key: string, values?: Record<string, string | number>) => translate(lang, key, values), [lang]);
  const model = useMemo(() => buildBoardModel({
    map: MAP, regions: REGIONS, flows: SAMPLE_FLOWS, overlay, selectedId: selected, t, locale: LOCALES[lang], scale,
    showFlows: flows,
  }), [overlay, selected, t, lang, scale, flows]);
  const name = (id: string | null): string => (id ? model.regions.find((r) => r.id === id)?.name ?? id : '—');

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
          <button type="button" onClick={() => setLang(lang === 'en' ? 'es' : 'en')}>{lang === 'en' ? 'Español' : 'English'}</button>
          <button type="button" aria-pressed={scale > 1} onClick={() => setScale(scale > 1 ? 1 : 1.5)}>Presentation</button>
          <button type="button" aria-pressed={flows} onClick={() => setFlows(!flows)}>Flows</button>
          <output data-testid="selected">Selected: {name(selected)}</output>
          <output data-testid="hovered">Hover: {name(hovered)}</output>
        </header>
      )}
      <main className="harness__board">
        <BoardHost model={model} onSelectRegion={setSelected} onHoverRegion={setHovered} instrument
          renderer={rendererParam} />
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><Harness /></StrictMode>);
