/**
 * What the app keeps between sessions: the settings (loaded once at start, saved on every change
 * together with the "game in progress" record), the offer to resume a game the app was closed on
 * without a clean end, and the app's version. `startupDone` is true once the settings are read and
 * any resume offer is decided (the app root shows it as `aria-busy`).
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type MutableRefObject } from 'react';
import { IN_PROGRESS_KEY, autosaveName, readInProgress, type InProgress } from '../app-state/autosave';
import type { Lang, TFunction } from '../i18n';
import { loadSaveText, resumedRecord } from '../app-state/files';
import type { Action } from '../app-state/reducer';
import { newGameId } from '../app-state/session';
import { sanitizeSettings } from '../app-state/settings';
import type { AppState, Settings } from '../app-state/types';
import type { AutosaveEntry, Platform } from '../platform/types';
import type { Notify } from './use-notify';

declare const __APP_VERSION__: string | undefined;
const BUILD_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';

export interface ResumeOffer {
  entry: AutosaveEntry;
  turn: number;
  text: string;
}

export interface Persistence {
  version: string;
  startupDone: boolean;
  inProgress: InProgress | null;
  setInProgress: (record: InProgress | null) => void;
  resumeOffer: ResumeOffer | null;
  resume: () => void;
  startFresh: () => void;
}

export function usePersistence(
  platform: Platform,
  settings: Settings,
  dispatch: Dispatch<Action>,
  stateRef: MutableRefObject<AppState>,
  notify: Notify,
  i18n: { t: TFunction; lang: Lang },
): Persistence {
  const { t, lang } = i18n;
  const { platformError, apply } = notify;
  const [version, setVersion] = useState(BUILD_VERSION);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const [startupDone, setStartupDone] = useState(false);
  /** The "game in progress" record kept with the settings (crash recovery). */
  const [inProgress, setInProgress] = useState<InProgress | null>(null);
  const [resumeOffer, setResumeOffer] = useState<ResumeOffer | null>(null);

  // Settings: load once from the platform, then save on every change (with the in-progress record).
  useEffect(() => {
    let live = true;
    void platform
      .appVersion()
      .then((v) => {
        if (live && v) setVersion(v);
      })
      .catch(() => undefined);
    void platform
      .settingsGet()
      .then(async (r) => {
        if (!live) return;
        let record: InProgress | null = null;
        if (r.ok) {
          dispatch({ type: 'settings/set', patch: sanitizeSettings(r.value, stateRef.current.settings) });
          record = readInProgress(r.value);
        } else if (r.error.code !== 'unsupported') platformError(r.error);
        setInProgress(record);
        setSettingsLoaded(true);
        if (!record) {
          setStartupDone(true);
          return;
        }
        // The app did not close cleanly with a game in progress: offer its last autosave.
        const list = await platform.autosaveList();
        const entry = list.ok ? list.value.find((e) => e.id === record.autosaveId) : undefined;
        const text = entry ? await platform.autosaveRead(entry.id) : null;
        if (!live) return;
        if (entry && text?.ok) setResumeOffer({ entry, turn: record.turn, text: text.value });
        else setInProgress(null);
        setStartupDone(true);
      })
      .catch(() => {
        setSettingsLoaded(true);
        setStartupDone(true);
      });
    return () => {
      live = false;
    };
  }, [platform, platformError, dispatch, stateRef]);
  useEffect(() => {
    if (!settingsLoaded) return;
    void platform.settingsSet({ ...settings, [IN_PROGRESS_KEY]: inProgress }).then((r) => {
      if (!r.ok && r.error.code !== 'unsupported') platformError(r.error);
    });
  }, [platform, settings, inProgress, settingsLoaded, platformError]);

  // Closing the desktop app is a clean end: nothing to recover next time. (In a browser, closing or
  // reloading the tab loses the game in memory, so the record stays and the next visit offers it.)
  const inProgressRef = useLatest(inProgress);
  useEffect(() => {
    if (platform.kind !== 'desktop') return;
    const onUnload = () => {
      if (!inProgressRef.current) return;
      void platform.settingsSet({ ...stateRef.current.settings, [IN_PROGRESS_KEY]: null });
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [platform, stateRef, inProgressRef]);

  const resume = useCallback(() => {
    const offer = resumeOffer;
    setResumeOffer(null);
    if (!offer) return;
    const name = autosaveName(t, lang, offer.entry.label);
    const o = loadSaveText(offer.text, name, null, newGameId());
    if (o.kind === 'opened') {
      for (const a of o.actions) if (a.type !== 'toast/push') dispatch(a);
      dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.resumed', values: { name } } });
      setInProgress(resumedRecord(o, offer.entry.id));
    } else {
      setInProgress(null);
      apply(o);
    }
  }, [resumeOffer, apply, dispatch, t, lang]);
  const startFresh = useCallback(() => {
    setResumeOffer(null);
    setInProgress(null);
  }, []);

  return { version, startupDone, inProgress, setInProgress, resumeOffer, resume, startFresh };
}

/** A ref that always holds the latest value (for callbacks that outlive a render). */
export function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
