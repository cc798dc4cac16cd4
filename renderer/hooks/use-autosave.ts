/**
 * Autosave after each resolved (or undone) turn of the game in progress, and keep the in-progress
 * record pointing at it. A game just started, opened or resumed is not written.
 */
import { useEffect, useRef, type MutableRefObject } from 'react';
import { autosaveDue, autosaveId, autosaveLabel, inProgressFor, type InProgress } from '../app-state/autosave';
import { saveText } from '../app-state/save-file';
import type { AppState, Session } from '../app-state/types';
import type { Lang, TFunction } from '../i18n';
import type { Platform } from '../platform/types';
import type { Notify } from './use-notify';

export function useAutosave(a: {
  session: Session | null;
  platform: Platform;
  notify: Notify;
  t: TFunction;
  lang: Lang;
  version: string;
  stateRef: MutableRefObject<AppState>;
  setInProgress: (record: InProgress | null) => void;
}): void {
  const { session, platform, version, stateRef, setInProgress } = a;
  const { platformError } = a.notify;
  const prevSession = useRef<Session | null>(null);
  useEffect(() => {
    const prev = prevSession.current;
    prevSession.current = session;
    if (prev === session) return;
    if (!session || !prev || prev.gameId !== session.gameId) {
      // A new game, the replay viewer or the start screen: nothing in progress to recover. (Opening
      // a file clears the record; a game from an autosave sets its own.)
      if (!session || session.game.turn === 0) setInProgress(null);
      return;
    }
    if (!autosaveDue(prev, session)) return;
    const g = session.game;
    const id = autosaveId(session);
    // The label is data, named in the reader's language wherever it is shown.
    const label = autosaveLabel(g);
    const text = saveText(session, { app: version, savedAt: new Date().toISOString(), selectedRegion: stateRef.current.selectedRegion });
    void platform.autosaveWrite(id, label.slice(0, 200), text).then((r) => {
      if (r.ok) {
        // Only if this is still the game on screen.
        if (stateRef.current.session?.gameId === session.gameId) setInProgress(inProgressFor(session, id));
      } else if (r.error.code !== 'unsupported') platformError(r.error);
    });
  }, [session, platform, platformError, version, stateRef, setInProgress]);
}
