/** The document follows the app: its language, title, root font size (zoom × presentation) and presentation class. */
import { useEffect } from 'react';
import type { TFunction } from '../i18n';
import type { GameState } from '../app-state/engine';
import type { ReplaySession } from '../app-state/replay';
import type { Settings } from '../app-state/types';
import { turnLabel } from '../app-state/screen';

const BASE_FONT_PX = 16;
const PRESENTATION_SCALE = 1.3;

export function useDocument(settings: Settings, t: TFunction, game: GameState | null, replay: ReplaySession | null): void {
  const { lang, zoom, presentation } = settings;
  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.style.fontSize = `${BASE_FONT_PX * zoom * (presentation ? PRESENTATION_SCALE : 1)}px`;
    root.classList.toggle('presentation', presentation);
  }, [lang, zoom, presentation]);
  useEffect(() => {
    document.title = replay
      ? t('app.docTitleGame', {
          turn: `${t('app.replay.title')} · ${t('app.replay.position', { turn: replay.turn, total: replay.states.length - 1 })}`,
        })
      : game
        ? t('app.docTitleGame', { turn: turnLabel(t, game) })
        : t('app.title');
  }, [t, game, replay]);
}
