/**
 * The app shell: title and menu bar, the board in the centre, panels around it, dialogs, the
 * hand-over curtain and the message region. React owns the app state (one reducer); the engine is
 * called through the reducer; the platform (desktop or web) handles files, settings and the menu.
 * Files go through `app-state/files.ts` (reading, checking, recomputing) and `app-state/exports.ts`.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { I18nProvider, hasKey, makeI18n, type Lang } from './i18n';
import { BUILTIN_SCENARIOS, createGame, viewFor, type GameState, type Side } from './app-state/engine';
import { appReducer, humanSides, initialState, type Action } from './app-state/reducer';
import { defaultSettings, preferredLang, sanitizeSettings, ZOOM_STEP } from './app-state/settings';
import { saveText, suggestedSaveName } from './app-state/save-file';
import { loadSaveText, openAutosave, openReplayFile, openSavedGame, platformToast, resumedRecord, type OpenOutcome } from './app-state/files';
import { IN_PROGRESS_KEY, autosaveDue, autosaveId, inProgressFor, readInProgress, type InProgress } from './app-state/autosave';
import { newGameId } from './app-state/session';
import { replayFrame, replayKey } from './app-state/replay';
import type { ExportSource, TableId } from './app-state/exports';
import type { AppState, Session } from './app-state/types';
import type { AutosaveEntry, MenuCommand, Platform, PlatformError } from './platform/types';
import { MenuBar, type MenuDef } from './panels/MenuBar';
import { Toasts } from './panels/Toasts';
import { ErrorBoundary } from './panels/ErrorBoundary';
import { BoardArea } from './panels/BoardArea';
import { StartPanel } from './panels/StartPanel';
import { PlanningPanel } from './panels/PlanningPanel';
import { TurnReport } from './panels/TurnReport';
import { GameEndPanel } from './panels/GameEndPanel';
import { SidePanel } from './panels/SidePanel';
import { ReplayPanel } from './panels/ReplayPanel';
import { NewGameDialog } from './dialogs/NewGameDialog';
import { AboutDialog } from './dialogs/AboutDialog';
import { HandoverCurtain } from './dialogs/HandoverCurtain';
import { ConfirmDialog } from './dialogs/ConfirmDialog';
import { AutosaveDialog } from './dialogs/AutosaveDialog';
import { ResumeDialog } from './dialogs/ResumeDialog';

declare const __APP_VERSION__: string | undefined;
const BUILD_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
const BASE_FONT_PX = 16;
const PRESENTATION_SCALE = 1.3;

/** Who is looking at the screen now, for `viewFor`. */
export function viewerFor(s: AppState): Side | 'facilitator' {
  if (s.phase.kind === 'replay') return s.replay?.viewer ?? 'facilitator';
  if (s.phase.kind === 'planning' || s.phase.kind === 'curtain') return s.phase.side;
  const humans = s.session ? humanSides(s.session.setup) : [];
  return humans.length === 1 && humans[0] ? humans[0] : 'facilitator';
}

function turnLabel(t: (k: string, v?: Record<string, string | number>) => string, g: GameState): string {
  const turn = Math.min(g.turn + 1, g.turnsTotal);
  return t('app.status.turn', { turn, total: g.turnsTotal, date: t('app.time.quarter', { year: String(g.year), q: g.quarter }) });
}

/** Commands of the in-app menu beyond the desktop menu's. */
type AppCommand =
  | MenuCommand
  | 'open-replay' | 'open-autosave' | 'undo-turn'
  | 'export-national' | 'export-regions' | 'export-events' | 'export-decisions' | 'export-pdf';

type ExportKind = 'log' | 'csv' | 'report' | 'pdf' | TableId;

/** The commands that need a game (or a replay, for exports). */
const NEEDS_GAME = new Set<AppCommand>(['save', 'save-as', 'undo-turn']);
const EXPORTS: Partial<Record<AppCommand, ExportKind>> = {
  'export-log': 'log', 'export-csv': 'csv', 'export-report': 'report', 'export-pdf': 'pdf',
  'export-national': 'national', 'export-regions': 'regions', 'export-events': 'events', 'export-decisions': 'decisions',
};

/** What can be exported now: the game in progress, or the log in the replay viewer. */
function exportSource(s: AppState): ExportSource | null {
  if (s.phase.kind === 'replay' && s.replay) {
    const r = s.replay;
    return { log: r.log, states: r.states, turnEvents: r.turnEvents, setup: r.seats ? { seats: r.seats } : null };
  }
  const sess = s.session;
  return sess ? { log: sess.log, states: sess.states, turnEvents: sess.turnEvents, setup: sess.setup } : null;
}

interface ResumeOffer {
  entry: AutosaveEntry;
  turn: number;
  text: string;
}

export function App(props: { platform: Platform }): ReactNode {
  const { platform } = props;
  const [state, dispatch] = useReducer(appReducer, undefined, () => initialState(defaultSettings(preferredLang(navigator.languages))));
  const [version, setVersion] = useState(BUILD_VERSION);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  /** The "game in progress" record kept with the settings (crash recovery). */
  const [inProgress, setInProgress] = useState<InProgress | null>(null);
  const [resumeOffer, setResumeOffer] = useState<ResumeOffer | null>(null);
  const [autosaves, setAutosaves] = useState<AutosaveEntry[] | null>(null);
  const { settings, session, phase } = state;
  const lang = settings.lang;
  const setLang = useCallback((l: Lang) => dispatch({ type: 'settings/set', patch: { lang: l } }), []);
  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  const { t } = i18n;

  // Latest state for callbacks that outlive a render (menu commands from the platform).
  const stateRef = useRef(state);
  stateRef.current = state;
  const inProgressRef = useRef(inProgress);
  inProgressRef.current = inProgress;

  const known = useCallback((k: string) => hasKey(k), []);
  const toastError = useCallback((key: string, values?: Record<string, string | number>) => {
    dispatch({ type: 'toast/push', toast: values ? { kind: 'error', key, values } : { kind: 'error', key } });
  }, []);
  const platformError = useCallback((e: PlatformError) => {
    const toast = platformToast(e, known);
    if (toast) dispatch({ type: 'toast/push', toast });
  }, [known]);
  const apply = useCallback((o: OpenOutcome) => {
    if (o.kind === 'failed') dispatch({ type: 'toast/push', toast: o.toast });
    else if (o.kind === 'opened') for (const a of o.actions) dispatch(a);
  }, []);

  // Settings: load once from the platform, then save on every change (with the in-progress record).
  useEffect(() => {
    let live = true;
    void platform.appVersion().then((v) => { if (live && v) setVersion(v); }).catch(() => undefined);
    void platform.settingsGet().then(async (r) => {
      if (!live) return;
      let record: InProgress | null = null;
      if (r.ok) {
        dispatch({ type: 'settings/set', patch: sanitizeSettings(r.value, stateRef.current.settings) });
        record = readInProgress(r.value);
      } else if (r.error.code !== 'unsupported') platformError(r.error);
      setInProgress(record);
      setSettingsLoaded(true);
      if (!record) return;
      // The app did not close cleanly with a game in progress: offer its last autosave.
      const list = await platform.autosaveList();
      const entry = list.ok ? list.value.find((e) => e.id === record.autosaveId) : undefined;
      const text = entry ? await platform.autosaveRead(entry.id) : null;
      if (!live) return;
      if (entry && text?.ok) setResumeOffer({ entry, turn: record.turn, text: text.value });
      else setInProgress(null);
    }).catch(() => setSettingsLoaded(true));
    return () => { live = false; };
  }, [platform, platformError]);
  useEffect(() => {
    if (!settingsLoaded) return;
    void platform.settingsSet({ ...settings, [IN_PROGRESS_KEY]: inProgress }).then((r) => {
      if (!r.ok && r.error.code !== 'unsupported') platformError(r.error);
    });
  }, [platform, settings, inProgress, settingsLoaded, platformError]);

  // Closing the desktop app is a clean end: nothing to recover next time. (In a browser, closing or
  // reloading the tab loses the game in memory, so the record stays and the next visit offers it.)
  useEffect(() => {
    if (platform.kind !== 'desktop') return;
    const onUnload = () => {
      if (!inProgressRef.current) return;
      void platform.settingsSet({ ...stateRef.current.settings, [IN_PROGRESS_KEY]: null });
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [platform]);

  // The document: language, title, root font size (zoom × presentation), presentation class.
  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.style.fontSize = `${BASE_FONT_PX * settings.zoom * (settings.presentation ? PRESENTATION_SCALE : 1)}px`;
    root.classList.toggle('presentation', settings.presentation);
  }, [lang, settings.zoom, settings.presentation]);
  const replay = phase.kind === 'replay' ? state.replay : null;
  useEffect(() => {
    document.title = replay ? t('app.docTitleGame', { turn: `${t('app.replay.title')} · ${t('app.replay.position', { turn: replay.turn, total: replay.states.length - 1 })}` })
      : session ? t('app.docTitleGame', { turn: turnLabel(t, session.game) }) : t('app.title');
  }, [t, session, replay]);

  // Autosave after each resolved (or undone) turn of the game in progress, and keep the
  // in-progress record pointing at it. A game just started, opened or resumed is not written.
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
    const label = t('app.autosave.label', { scenario: g.scenario.title[lang], seed: String(g.seed), turn: g.turn });
    const text = saveText(session, { app: version, savedAt: new Date().toISOString(), selectedRegion: stateRef.current.selectedRegion });
    void platform.autosaveWrite(id, label.slice(0, 200), text).then((r) => {
      if (r.ok) {
        // Only if this is still the game on screen.
        if (stateRef.current.session?.gameId === session.gameId) setInProgress(inProgressFor(session, id));
      } else if (r.error.code !== 'unsupported') platformError(r.error);
    });
  }, [session, platform, platformError, t, lang, version]);

  const runExport = useCallback(async (kind: ExportKind) => {
    const src = exportSource(stateRef.current);
    if (!src) { toastError('app.error.noGame'); return; }
    const l = stateRef.current.settings.lang;
    // Loaded on first use: the report renders its charts with react-dom/server.
    const ex = await import('./app-state/exports');
    const stem = ex.exportStem(src);
    const done = (name: string) => dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.exported', values: { name } } });
    if (kind === 'log') {
      const r = await platform.exportFile('json', `${stem}-log.json`, ex.logText(src));
      if (r.ok) done(r.value.name); else platformError(r.error);
    } else if (kind === 'report' || kind === 'pdf') {
      const html = ex.reportHtml(src, l, version);
      if (kind === 'report') {
        const r = await platform.exportFile('html', `${stem}-report.html`, html);
        if (r.ok) done(r.value.name); else platformError(r.error);
      } else {
        const r = await platform.exportPdf(`${stem}-report.pdf`, html);
        if (!r.ok) platformError(r.error);
        else if (platform.kind === 'web') dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.printOpened' } });
        else done(r.value.name);
      }
    } else {
      // One table, or all four (each its own file; a cancelled dialog stops the rest).
      const ids: TableId[] = kind === 'csv' ? [...ex.TABLES] : [kind];
      const names: string[] = [];
      for (const id of ids) {
        const r = await platform.exportFile('csv', ex.tableFileName(src, id), ex.tableCsv(id, src, l, { bom: true }));
        if (!r.ok) { platformError(r.error); break; }
        names.push(r.value.name);
      }
      if (names.length === 1) done(names[0]!);
      else if (names.length > 1) dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.exportedMany', values: { n: names.length, names: names.join(', ') } } });
    }
  }, [platform, platformError, toastError, version]);

  const command = useCallback(async (c: AppCommand) => {
    const s = stateRef.current;
    if (NEEDS_GAME.has(c) && !s.session) {
      toastError('app.error.noGame');
      return;
    }
    const exportKind = EXPORTS[c];
    if (exportKind) { await runExport(exportKind); return; }
    switch (c) {
      case 'new-game': dispatch({ type: 'dialog/open', dialog: 'newGame' }); break;
      case 'about': dispatch({ type: 'dialog/open', dialog: 'about' }); break;
      case 'open': {
        const o = await openSavedGame(platform, newGameId(), known);
        apply(o);
        // The game is in a file now: nothing to recover from an autosave.
        if (o.kind === 'opened') setInProgress(null);
        break;
      }
      case 'open-replay': apply(await openReplayFile(platform, known)); break;
      case 'open-autosave': {
        setAutosaves(null);
        dispatch({ type: 'dialog/open', dialog: 'autosaves' });
        const r = await platform.autosaveList();
        if (r.ok) setAutosaves(r.value);
        else { setAutosaves([]); platformError(r.error); }
        break;
      }
      case 'undo-turn':
        if (s.session && s.session.game.turn > 0 && s.phase.kind !== 'curtain') dispatch({ type: 'dialog/open', dialog: 'undoTurn' });
        break;
      case 'save':
      case 'save-as': {
        const sess = s.session;
        if (!sess) break;
        if (s.phase.kind === 'planning' || s.phase.kind === 'curtain') {
          // Saves hold resolved turns only: drafts are private to their side.
          dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.saveDraftsNote' } });
        }
        const handle = c === 'save' ? sess.saveHandle ?? undefined : undefined;
        const text = saveText(sess, { app: version, savedAt: new Date().toISOString(), selectedRegion: s.selectedRegion });
        const r = await platform.saveGameFile(text, sess.saveName ?? suggestedSaveName(sess), handle);
        if (r.ok) {
          dispatch({ type: 'game/saved', handle: r.value.handle, name: r.value.name });
          dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.saved', values: { name: r.value.name } } });
        } else platformError(r.error);
        break;
      }
      case 'toggle-fullscreen': await platform.setFullScreen('toggle').catch(() => toastError('app.error.fullscreen')); break;
      case 'toggle-presentation': dispatch({ type: 'settings/set', patch: { presentation: !s.settings.presentation } }); break;
      case 'zoom-in': dispatch({ type: 'settings/zoom', by: ZOOM_STEP }); break;
      case 'zoom-out': dispatch({ type: 'settings/zoom', by: -ZOOM_STEP }); break;
      case 'zoom-reset': dispatch({ type: 'settings/zoom', by: 'reset' }); break;
      default:
    }
  }, [platform, platformError, toastError, runExport, apply, known, version]);

  const run = useCallback((c: AppCommand) => { void command(c); }, [command]);

  // Commands from the desktop menu.
  useEffect(() => platform.onMenuCommand(run), [platform, run]);

  // A game from an autosave is still "in progress" from that autosave until its next turn is written.
  const openAutosaveEntry = useCallback(async (entry: AutosaveEntry) => {
    dispatch({ type: 'dialog/close' });
    const o = await openAutosave(platform, entry.id, entry.label, newGameId(), known);
    apply(o);
    if (o.kind === 'opened') setInProgress(resumedRecord(o, entry.id));
  }, [platform, apply, known]);

  const resume = useCallback(() => {
    const offer = resumeOffer;
    setResumeOffer(null);
    if (!offer) return;
    const o = loadSaveText(offer.text, offer.entry.label, null, newGameId());
    if (o.kind === 'opened') {
      for (const a of o.actions) if (a.type !== 'toast/push') dispatch(a);
      dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.resumed', values: { name: offer.entry.label } } });
      setInProgress(resumedRecord(o, offer.entry.id));
    } else {
      setInProgress(null);
      apply(o);
    }
  }, [resumeOffer, apply]);
  const startFresh = useCallback(() => {
    setResumeOffer(null);
    setInProgress(null);
  }, []);

  // Undo and redo of planning edits from the keyboard (outside text fields, which have their own).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || stateRef.current.phase.kind !== 'planning') return;
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'range' && (el as HTMLInputElement).type !== 'checkbox' && (el as HTMLInputElement).type !== 'radio'))) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) { e.preventDefault(); dispatch({ type: 'plan/undo' }); }
      else if ((k === 'z' && e.shiftKey) || k === 'y') { e.preventDefault(); dispatch({ type: 'plan/redo' }); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The replay viewer's keys: ←/→ step, Home/End, Space — unless a control or the map has the key.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = stateRef.current;
      if (s.phase.kind !== 'replay' || s.dialog || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, select, textarea, [role="menu"], [role="menubar"], [role="tablist"], .board-frame, dialog')) return;
      // Space on a button presses the button.
      if (e.key === ' ' && el?.closest('button')) return;
      const k = replayKey(e.key);
      if (!k) return;
      e.preventDefault();
      if (k.type === 'step') dispatch({ type: 'replay/step', by: k.by });
      else dispatch({ type: k.type === 'toggle' ? 'replay/toggle' : k.type === 'first' ? 'replay/first' : 'replay/last' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Auto-play: the next turn after the chosen delay, until the last turn.
  useEffect(() => {
    if (!replay?.playing) return;
    const timer = window.setTimeout(() => dispatch({ type: 'replay/tick' }), replay.speedMs);
    return () => window.clearTimeout(timer);
  }, [replay?.playing, replay?.turn, replay?.speedMs]);

  const hasGame = Boolean(session);
  const canExport = hasGame || Boolean(replay);
  const canUndo = Boolean(session && session.game.turn > 0 && phase.kind !== 'curtain');
  const menus: MenuDef[] = [
    {
      id: 'file', label: t('app.menu.file'), items: [
        { id: 'new', label: t('app.menu.newGame'), onSelect: () => run('new-game') },
        { id: 'open', label: t('app.menu.open'), hint: t('app.shortcut.open'), onSelect: () => run('open') },
        { id: 'openReplay', label: t('app.menu.openReplay'), onSelect: () => run('open-replay') },
        { id: 'openAutosave', label: t('app.menu.openAutosave'), onSelect: () => run('open-autosave') },
        { id: 'save', label: t('app.menu.save'), hint: t('app.shortcut.save'), disabled: !hasGame, onSelect: () => run('save'), separatorBefore: true },
        { id: 'saveAs', label: t('app.menu.saveAs'), hint: t('app.shortcut.saveAs'), disabled: !hasGame, onSelect: () => run('save-as') },
        { id: 'undoTurn', label: t('app.menu.undoTurn'), disabled: !canUndo, onSelect: () => run('undo-turn') },
        {
          id: 'export', label: t('app.menu.export'), separatorBefore: true, submenu: [
            { id: 'exportLog', label: t('app.menu.exportLog'), disabled: !canExport, onSelect: () => run('export-log') },
            { id: 'exportCsv', label: t('app.menu.exportCsv'), disabled: !canExport, onSelect: () => run('export-csv'), separatorBefore: true },
            { id: 'exportNational', label: t('app.menu.exportNational'), disabled: !canExport, onSelect: () => run('export-national') },
            { id: 'exportRegions', label: t('app.menu.exportRegions'), disabled: !canExport, onSelect: () => run('export-regions') },
            { id: 'exportEvents', label: t('app.menu.exportEvents'), disabled: !canExport, onSelect: () => run('export-events') },
            { id: 'exportDecisions', label: t('app.menu.exportDecisions'), disabled: !canExport, onSelect: () => run('export-decisions') },
            { id: 'exportReport', label: t('app.menu.exportReport'), disabled: !canExport, onSelect: () => run('export-report'), separatorBefore: true },
            { id: 'exportPdf', label: t('app.menu.exportPdf'), disabled: !canExport, onSelect: () => run('export-pdf') },
          ],
        },
      ],
    },
    {
      id: 'view', label: t('app.menu.view'), items: [
        { id: 'full', label: t('app.menu.fullScreen'), onSelect: () => run('toggle-fullscreen') },
        { id: 'pres', label: t('app.menu.presentation'), role: 'menuitemcheckbox', checked: settings.presentation, onSelect: () => run('toggle-presentation') },
        { id: 'zin', label: t('app.menu.zoomIn'), hint: t('app.shortcut.zoomIn'), onSelect: () => run('zoom-in'), separatorBefore: true },
        { id: 'zout', label: t('app.menu.zoomOut'), hint: t('app.shortcut.zoomOut'), onSelect: () => run('zoom-out') },
        { id: 'zreset', label: t('app.menu.zoomReset'), hint: t('app.shortcut.zoomReset'), onSelect: () => run('zoom-reset') },
        {
          id: 'lang', label: t('app.menu.language'), separatorBefore: true, submenu: (['en', 'es'] as const).map((l) => ({
            id: `lang-${l}`, label: t(`app.lang.${l}`), role: 'menuitemradio' as const, checked: lang === l, onSelect: () => setLang(l),
          })),
        },
      ],
    },
    {
      id: 'help', label: t('app.menu.help'), items: [
        { id: 'about', label: t('app.menu.about'), onSelect: () => run('about') },
      ],
    },
  ];

  // What the board and panels show: the state as the viewer may see it.
  const preview = useMemo(() => {
    const sc = BUILTIN_SCENARIOS[0];
    try {
      return sc ? createGame(sc, 1) : null;
    } catch {
      return null;
    }
  }, []);
  const frame = useMemo(() => (replay ? replayFrame(replay) : null), [replay]);
  const viewer = viewerFor(state);
  const view = useMemo(() => (frame ? frame.view : session ? viewFor(session.game, viewer) : preview), [frame, session, viewer, preview]);
  const boardEvents = useMemo(() => (frame ? frame.events : session?.last?.events ?? []), [frame, session]);
  const sideStates = useMemo(() => (frame ? replay?.states.slice(0, frame.turn + 1) ?? null : session?.states ?? null), [frame, replay, session]);
  const select = useCallback((id: string) => dispatch({ type: 'region/select', id }), []);
  const act = useCallback((a: Action) => dispatch(a), []);

  const planningSide = phase.kind === 'planning' ? phase.side : null;

  // A new phase starts at the top of the left panel, with focus on its heading.
  const leftRef = useRef<HTMLDivElement>(null);
  const phaseKey = `${phase.kind}-${planningSide ?? ''}-${phase.kind === 'replay' ? replay?.name ?? '' : session?.game.turn ?? -1}`;
  useEffect(() => {
    const col = leftRef.current;
    if (!col) return;
    col.scrollTop = 0;
    const heading = col.querySelector<HTMLElement>('h2');
    if (heading && phaseKey !== 'idle--1') {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [phaseKey]);
  const history = planningSide && session ? session.history[planningSide] : undefined;
  const askUndo = canUndo ? () => run('undo-turn') : undefined;

  let left: ReactNode;
  if (replay && frame) {
    left = (
      <ReplayPanel
        replay={replay}
        frame={frame}
        onSeek={(turn) => act({ type: 'replay/seek', turn })}
        onStep={(by) => act({ type: 'replay/step', by })}
        onFirst={() => act({ type: 'replay/first' })}
        onLast={() => act({ type: 'replay/last' })}
        onToggle={() => act({ type: 'replay/toggle' })}
        onSpeed={(speedMs) => act({ type: 'replay/speed', speedMs })}
        onViewer={(v) => act({ type: 'replay/viewer', viewer: v })}
        onExit={() => act({ type: 'app/home' })}
      />
    );
  } else if (!session) {
    left = <StartPanel onNewGame={() => run('new-game')} onOpen={() => run('open')} onOpenReplay={() => run('open-replay')} onOpenAutosave={() => run('open-autosave')} />;
  } else if (phase.kind === 'planning') {
    left = (
      <PlanningPanel
        key={`${phase.side}-${session.game.turn}`}
        game={session.game}
        side={phase.side}
        draft={session.drafts[phase.side]}
        canUndo={Boolean(history?.past.length)}
        canRedo={Boolean(history?.future.length)}
        selectedRegion={state.selectedRegion}
        turnLabel={turnLabel(t, session.game)}
        onSet={(key, value) => act({ type: 'plan/set', key, value })}
        onNote={(note) => act({ type: 'plan/note', note })}
        onUndo={() => act({ type: 'plan/undo' })}
        onRedo={() => act({ type: 'plan/redo' })}
        onReset={() => act({ type: 'plan/reset' })}
        onCommit={() => act({ type: 'plan/commit' })}
        onSelectRegion={select}
      />
    );
  } else if (phase.kind === 'curtain') {
    left = <div className="panel panel-hidden" />;
  } else if (phase.kind === 'ended') {
    left = (
      <div className="stack">
        <GameEndPanel game={session.game} onExport={(k) => void runExport(k)} onNewGame={() => run('new-game')} {...(askUndo ? { onUndo: askUndo } : {})} />
        <TurnReport game={viewFor(session.game, viewer)} outcome={session.last} setup={session.setup} turnLabel={turnLabel(t, session.game)} />
      </div>
    );
  } else {
    const humans = humanSides(session.setup).length;
    left = (
      <TurnReport
        game={viewFor(session.game, viewer)}
        outcome={session.last}
        setup={session.setup}
        turnLabel={turnLabel(t, session.game)}
        onContinue={() => act({ type: 'turn/continue' })}
        continueLabel={humans === 0 ? t('app.report.playComputers') : t('app.report.nextTurn', { turn: session.game.turn + 1 })}
        {...(askUndo ? { onUndo: askUndo } : {})}
      />
    );
  }

  const statusGame = frame ? frame.state : session?.game ?? null;
  const undoTurn = session?.game.turn ?? 0;

  return (
    <I18nProvider lang={lang} setLang={setLang}>
      <div className={`app phase-${phase.kind}`}>
        <header className="topbar">
          <h1 className="app-title">{t('app.title')}</h1>
          <MenuBar menus={menus} />
          <div className="status" aria-live="polite">
            {statusGame ? (
              <>
                <span className="status-scenario">{statusGame.scenario.title[lang]}</span>
                <span className="status-turn">{frame
                  ? (frame.turn === 0 ? t('app.replay.positionStart', { total: frame.lastTurn }) : t('app.replay.position', { turn: frame.turn, total: frame.lastTurn }))
                  : turnLabel(t, statusGame)}</span>
                <span className={`status-phase${planningSide ? ` side-${planningSide}` : ''}`}>
                  {phase.kind === 'replay' ? t('app.status.replay')
                    : phase.kind === 'planning' ? t('app.status.planning', { side: `@app.side.${phase.side}` })
                      : phase.kind === 'curtain' ? t('app.status.handover')
                        : phase.kind === 'ended' ? t('app.status.ended') : t('app.status.review')}
                </span>
              </>
            ) : <span className="status-turn">{t('app.status.noGame')}</span>}
          </div>
        </header>
        <main className="workspace">
          <div className="col col-left" ref={leftRef}>
            <ErrorBoundary areaKey="app.area.panel" resetKey={`${phase.kind}-${session?.game.turn ?? -1}-${frame?.turn ?? -1}`}>{left}</ErrorBoundary>
          </div>
          <div className="col col-centre">
            <BoardArea
              view={view}
              events={boardEvents}
              overlay={settings.overlay}
              flows={settings.flows}
              presentation={settings.presentation}
              selected={state.selectedRegion}
              onOverlay={(o) => act({ type: 'settings/set', patch: { overlay: o } })}
              onFlows={(on) => act({ type: 'settings/set', patch: { flows: on } })}
              onSelect={select}
            />
          </div>
          <div className="col col-right">
            <ErrorBoundary areaKey="app.area.side" resetKey={frame ? `r${frame.turn}` : session?.game.turn ?? -1}>
              <SidePanel
                view={phase.kind === 'curtain' ? null : view}
                viewer={viewer}
                states={sideStates}
                events={frame ? frame.eventsSoFar : session?.events ?? []}
                resolvedTurn={frame ? frame.turn : session?.last?.turn ?? 0}
                {...(frame ? { followTurn: frame.turn } : {})}
                selected={state.selectedRegion}
                onSelect={select}
              />
            </ErrorBoundary>
          </div>
        </main>
        <Toasts toasts={state.toasts} onDismiss={(id) => act({ type: 'toast/dismiss', id })} />
        <NewGameDialog
          open={state.dialog === 'newGame'}
          onClose={() => act({ type: 'dialog/close' })}
          onStart={(setup, l) => { setLang(l); act({ type: 'game/new', setup: { ...setup, language: l }, gameId: newGameId() }); }}
        />
        <AboutDialog open={state.dialog === 'about'} version={version} onClose={() => act({ type: 'dialog/close' })} />
        <AutosaveDialog
          open={state.dialog === 'autosaves'}
          entries={autosaves}
          onOpen={(e) => void openAutosaveEntry(e)}
          onClose={() => act({ type: 'dialog/close' })}
        />
        <ConfirmDialog
          open={state.dialog === 'undoTurn' && undoTurn > 0}
          title={t('app.undo.title', { turn: undoTurn })}
          text={t('app.undo.text', { turn: undoTurn })}
          confirmLabel={t('app.undo.confirm', { turn: undoTurn })}
          onConfirm={() => act({ type: 'turn/undo' })}
          onCancel={() => act({ type: 'dialog/close' })}
        />
        {resumeOffer && !session && !replay ? (
          <ResumeDialog label={resumeOffer.entry.label} turn={resumeOffer.turn} savedAt={resumeOffer.entry.savedAt} onResume={resume} onFresh={startFresh} />
        ) : null}
        {phase.kind === 'curtain' && session ? (
          <HandoverCurtain side={phase.side} turnLabel={turnLabel(t, session.game)} onReveal={() => act({ type: 'curtain/reveal' })} />
        ) : null}
      </div>
    </I18nProvider>
  );
}
