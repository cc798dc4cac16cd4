/**
 * The centre of the screen: the overlay switch, then the board drawn from the view model (with the
 * last turn's events, which the board animates once after a turn resolves). The region buttons
 * under an error boundary stand in if the board fails, so the game stays playable.
 */
import { useMemo, type ReactNode } from 'react';
import { LOCALE, useI18n } from '../i18n';
import { MAP, type GameEvent, type GameState } from '../app-state/engine';
import { buildBoardModel } from '../view-model/board-model';
import type { OverlayId } from '../view-model/board-theme';
import { boardInputFrom } from '../view-model/board-input';
import { useReducedMotion } from '../board/use-reduced-motion';
import { ErrorBoundary } from './ErrorBoundary';
import { OverlayBar } from './OverlayBar';
import { RegionTiles } from './RegionTiles';
import { Board } from './Board';

export function BoardArea(props: {
  /** The state as the current viewer may see it. */
  view: GameState | null;
  events: readonly GameEvent[];
  overlay: OverlayId;
  flows: boolean;
  presentation: boolean;
  selected: string | null;
  onOverlay: (o: OverlayId) => void;
  onFlows: (on: boolean) => void;
  onSelect: (id: string) => void;
  /** A turn's animation started or stopped playing. */
  onPlaying?: (playing: boolean) => void;
}): ReactNode {
  const { t, lang } = useI18n();
  const { view, events, overlay, flows, presentation, selected } = props;
  const reducedMotion = useReducedMotion();
  const model = useMemo(() => {
    if (!view) return null;
    // The last turn's events drive the flows and the resolution animation (played once per turn).
    return buildBoardModel(
      boardInputFrom({
        game: view,
        map: MAP,
        events,
        overlay,
        selectedId: selected,
        t,
        locale: LOCALE[lang],
        scale: presentation ? 1.4 : 1,
        showFlows: flows,
        reducedMotion,
      }),
    );
  }, [view, events, overlay, selected, t, lang, presentation, flows, reducedMotion]);

  return (
    <section className="board-area" aria-label={t('app.area.board')}>
      <OverlayBar overlay={overlay} flows={flows} onOverlay={props.onOverlay} onFlows={props.onFlows} />
      <div className="board-frame">
        {model ? (
          <ErrorBoundary areaKey="app.area.board" resetKey={view?.turn} fallback={<RegionTiles model={model} onSelect={props.onSelect} />}>
            <Board model={model} onSelect={props.onSelect} {...(props.onPlaying ? { onPlaying: props.onPlaying } : {})} />
          </ErrorBoundary>
        ) : (
          <div className="board-empty">
            <p className="board-empty-title">{t('app.board.empty')}</p>
          </div>
        )}
      </div>
    </section>
  );
}
