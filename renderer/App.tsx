/**
 * The app shell: title and menu bar, the board in the centre, panels around it, dialogs, the
 * hand-over curtain and the message region. React owns the app state (one reducer); the engine is
 * called through the reducer; the platform (desktop or web) handles files, settings and the menu.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { I18nProvider, makeI18n, translate, type Lang } from './i18n';
import { BUILTIN_SCENARIOS, createGame, viewFor, type GameState, type Side } from './app-state/engine';
import { appReducer, humanSides, initialState, type Action } from './app-state/reducer';
import { defaultSettings, preferredLang, sanitizeSettings, ZOOM_STEP } from './app-state/settings';
import { parseSaveFile, saveText, suggestedSaveName } from './app-state/save-file';
import type { AppState, Session } from './app-state/types';
import type { MenuCommand, Platform, PlatformError } from './platform/types';
import { MenuBar, type MenuDef } from './panels/MenuBar';
import { Toasts } from './panels/Toasts';
import { ErrorBoundary } from './panels/ErrorBoundary';
import { BoardArea } from './panels/BoardArea';
import { StartPanel } from './panels/StartPanel';
import { PlanningPanel } from './panels/PlanningPanel';
import { TurnReport } from './panels/TurnReport';
import { GameEndPanel } from './panels/GameEndPanel';
import { SidePanel } from './panels/SidePanel';
import { NewGameDialog } from './dialogs/NewGameDialog';
import { AboutDialog } from './dialogs/AboutDialog';
import { HandoverCurtain } from './dialogs/HandoverCurtain';

declare const __APP_VERSION__: string | undefined;
const BUILD_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
const BASE_FONT_PX = 16;
const PRESENTATION_SCALE = 1.3;

/** Who is looking at the screen now, for `viewFor`. */
export function viewerFor(s: AppState): Side | 'facilitator' {
  if (s.phase.kind === 'planning' || s.phase.kind === 'curtain') return s.phase.side;
  const humans = s.session ? humanSides(s.session.setup) : [];
  return humans.length === 1 && humans[0] ? humans[0] : 'facilitator';
}

function turnLabel(t: (k: string, v?: Record<string, string | number>) => string, g: GameState): string {
  const turn = Math.min(g.turn + 1, g.turnsTotal);
  return t('app.status.turn', { turn, total: g.turnsTotal, date: t('app.time.quarter', { year: String(g.year), q: g.quarter }) });
}

/** The menu commands that need a game in progress. */
const NEEDS_GAME = new Set<MenuCommand>(['save', 'save-as', 'export-log', 'export-csv', 'export-report']);

export function App(props: { platform: Platform }): ReactNode {
  const { platform } = props;
  const [state, dispatch] = useReducer(appReducer, undefined, () => initialState(defaultSettings(preferredLang(navigator.languages))));
  const [version, setVersion] = useState(BUILD_VERSION);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const { settings, session, phase } = state;
  const lang = settings.lang;
  const setLang = useCallback((l: Lang) => dispatch({ type: 'settings/set', patch: { lang: l } }), []);
  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  const { t } = i18n;

  // Latest state for callbacks that outlive a render (menu commands from the platform).
  const stateRef = useRef(state);
  stateRef.current = state;

  const toastError = useCallback((key: string, values?: Record<string, string | number>) => {
    dispatch({ type: 'toast/push', toast: values ? { kind: 'error', key, values } : { kind: 'error', key } });
  }, []);
  const platformError = useCallback((e: PlatformError) => {
    if (e.code === 'cancelled') return;
    const known = translate(stateRef.current.settings.lang, e.messageKey) !== e.messageKey;
    const detail = e.detail ?? '';
    dispatch({
      type: 'toast/push',
      toast: known
        ? { kind: 'error', key: detail ? 'app.error.withDetail' : e.messageKey, values: { message: `@${e.messageKey}`, detail } }
        : { kind: 'error', key: 'app.error.platform', values: { code: e.code, detail: detail || e.messageKey } },
    });
  }, []);

  // Settings: load once from the platform, then save on every change.
  useEffect(() => {
    let live = true;
    void platform.appVersion().then((v) => { if (live && v) setVersion(v); }).catch(() => undefined);
    void platform.settingsGet().then((r) => {
      if (!live) return;
      if (r.ok) dispatch({ type: 'settings/set', patch: sanitizeSettings(r.value, stateRef.current.settings) });
      else if (r.error.code !== 'unsupported') platformError(r.error);
      setSettingsLoaded(true);
    }).catch(() => setSettingsLoaded(true));
    return () => { live = false; };
  }, [platform, platformError]);
  useEffect(() => {
    if (!settingsLoaded) return;
    void platform.settingsSet({ ...settings }).then((r) => { if (!r.ok && r.error.code !== 'unsupported') platformError(r.error); });
  }, [platform, settings, settingsLoaded, platformError]);

  // The document: language, title, root font size (zoom × presentation), presentation class.
  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.style.fontSize = `${BASE_FONT_PX * settings.zoom * (settings.presentation ? PRESENTATION_SCALE : 1)}px`;
    root.classList.toggle('presentation', settings.presentation);
  }, [lang, settings.zoom, settings.presentation]);
  useEffect(() => {
    document.title = session ? t('app.docTitleGame', { turn: turnLabel(t, session.game) }) : t('app.title');
  }, [t, session]);

  // Autosave after each resolved turn.
  const savedTurn = useRef<number>(-1);
  useEffect(() => {
    if (!session || session.game.turn === 0 || savedTurn.current === session.game.turn) return;
    savedTurn.current = session.game.turn;
    const g = session.game;
    const label = t('app.autosave.label', { scenario: g.scenario.title[lang], turn: g.turn });
    void platform.autosaveWrite(`autosave-t${g.turn}`, label, saveText(session)).then((r) => {
      if (!r.ok && r.error.code !== 'unsupported') platformError(r.error);
    });
  }, [session, platform, platformError, t, lang]);

  const runExport = useCallback(async (kind: 'log' | 'csv' | 'report', s: Session) => {
    const base = `cordillera-${s.game.scenarioId}-seed${s.game.seed}-t${s.game.turn}`;
    const l = stateRef.current.settings.lang;
    // Loaded on first use: the report renders its charts with react-dom/server.
    const { historyCsv, logText, reportHtml } = await import('./app-state/exports');
    const r = kind === 'log'
      ? await platform.exportFile('json', `${base}-log.json`, logText(s))
      : kind === 'csv'
        ? await platform.exportFile('csv', `${base}-turns.csv`, historyCsv(s.game.history))
        : await platform.exportFile('html', `${base}-report.html`, reportHtml(s, l, version));
    if (r.ok) dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.exported', values: { name: r.value.name } } });
    else platformError(r.error);
  }, [platform, platformError, version]);

  const command = useCallback(async (c: MenuCommand) => {
    const s = stateRef.current;
    if (NEEDS_GAME.has(c) && !s.session) {
      toastError('app.error.noGame');
      return;
    }
    switch (c) {
      case 'new-game': dispatch({ type: 'dialog/open', dialog: 'newGame' }); break;
      case 'about': dispatch({ type: 'dialog/open', dialog: 'about' }); break;
      case 'open': {
        const r = await platform.openGameFile();
        if (!r.ok) { platformError(r.error); break; }
        const parsed = parseSaveFile(r.value.text);
        if (!parsed.ok) {
          toastError('app.error.openFailed', { name: r.value.name, reason: `@${parsed.key}`, ...(parsed.values ?? {}) });
          break;
        }
        dispatch({ type: 'game/loaded', session: parsed.session, saveHandle: r.value.handle ?? null, saveName: r.value.name });
        dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.opened', values: { name: r.value.name } } });
        break;
      }
      case 'save':
      case 'save-as': {
        const sess = s.session;
        if (!sess) break;
        if (s.phase.kind === 'planning' || s.phase.kind === 'curtain') {
          // Saves hold resolved turns only: drafts are private to their side.
          dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.saveDraftsNote' } });
        }
        const handle = c === 'save' ? sess.saveHandle ?? undefined : undefined;
        const r = await platform.saveGameFile(saveText(sess), sess.saveName ?? suggestedSaveName(sess), handle);
        if (r.ok) {
          dispatch({ type: 'game/saved', handle: r.value.handle, name: r.value.name });
          dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.saved', values: { name: r.value.name } } });
        } else platformError(r.error);
        break;
      }
      case 'export-log': if (s.session) await runExport('log', s.session); break;
      case 'export-csv': if (s.session) await runExport('csv', s.session); break;
      case 'export-report': if (s.session) await runExport('report', s.session); break;
      case 'toggle-fullscreen': await platform.setFullScreen('toggle').catch(() => toastError('app.error.fullscreen')); break;
      case 'toggle-presentation': dispatch({ type: 'settings/set', patch: { presentation: !s.settings.presentation } }); break;
      case 'zoom-in': dispatch({ type: 'settings/zoom', by: ZOOM_STEP }); break;
      case 'zoom-out': dispatch({ type: 'settings/zoom', by: -ZOOM_STEP }); break;
      case 'zoom-reset': dispatch({ type: 'settings/zoom', by: 'reset' }); break;
    }
  }, [platform, platformError, toastError, runExport]);

  const run = useCallback((c: MenuCommand) => { void command(c); }, [command]);

  // Commands from the desktop menu.
  useEffect(() => platform.onMenuCommand(run), [platform, run]);

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

  const hasGame = Boolean(session);
  const menus: MenuDef[] = [
    {
      id: 'file', label: t('app.menu.file'), items: [
        { id: 'new', label: t('app.menu.newGame'), onSelect: () => run('new-game') },
        { id: 'open', label: t('app.menu.open'), hint: t('app.shortcut.open'), onSelect: () => run('open') },
        { id: 'save', label: t('app.menu.save'), hint: t('app.shortcut.save'), disabled: !hasGame, onSelect: () => run('save'), separatorBefore: true },
        { id: 'saveAs', label: t('app.menu.saveAs'), hint: t('app.shortcut.saveAs'), disabled: !hasGame, onSelect: () => run('save-as') },
        {
          id: 'export', label: t('app.menu.export'), separatorBefore: true, submenu: [
            { id: 'exportLog', label: t('app.menu.exportLog'), disabled: !hasGame, onSelect: () => run('export-log') },
            { id: 'exportCsv', label: t('app.menu.exportCsv'), disabled: !hasGame, onSelect: () => run('export-csv') },
            { id: 'exportReport', label: t('app.menu.exportReport'), disabled: !hasGame, onSelect: () => run('export-report') },
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
  const viewer = viewerFor(state);
  const view = useMemo(() => (session ? viewFor(session.game, viewer) : preview), [session, viewer, preview]);
  const lastEvents = useMemo(() => session?.last?.events ?? [], [session]);
  const select = useCallback((id: string) => dispatch({ type: 'region/select', id }), []);
  const act = useCallback((a: Action) => dispatch(a), []);

  const planningSide = phase.kind === 'planning' ? phase.side : null;

  // A new phase starts at the top of the left panel, with focus on its heading.
  const leftRef = useRef<HTMLDivElement>(null);
  const phaseKey = `${phase.kind}-${planningSide ?? ''}-${session?.game.turn ?? -1}`;
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

  let left: ReactNode;
  if (!session) {
    left = <StartPanel onNewGame={() => run('new-game')} onOpen={() => run('open')} />;
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
        <GameEndPanel game={session.game} onExport={(k) => void runExport(k, session)} onNewGame={() => run('new-game')} />
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
      />
    );
  }

  return (
    <I18nProvider lang={lang} setLang={setLang}>
      <div className={`app phase-${phase.kind}`}>
        <header className="topbar">
          <h1 className="app-title">{t('app.title')}</h1>
          <MenuBar menus={menus} />
          <div className="status" aria-live="polite">
            {session ? (
              <>
                <span className="status-scenario">{session.game.scenario.title[lang]}</span>
                <span className="status-turn">{turnLabel(t, session.game)}</span>
                <span className={`status-phase${planningSide ? ` side-${planningSide}` : ''}`}>
                  {phase.kind === 'planning' ? t('app.status.planning', { side: `@app.side.${phase.side}` })
                    : phase.kind === 'curtain' ? t('app.status.handover')
                      : phase.kind === 'ended' ? t('app.status.ended') : t('app.status.review')}
                </span>
              </>
            ) : <span className="status-turn">{t('app.status.noGame')}</span>}
          </div>
        </header>
        <main className="workspace">
          <div className="col col-left" ref={leftRef}>
            <ErrorBoundary areaKey="app.area.panel" resetKey={`${phase.kind}-${session?.game.turn ?? -1}`}>{left}</ErrorBoundary>
          </div>
          <div className="col col-centre">
            <BoardArea
              view={view}
              events={lastEvents}
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
            <ErrorBoundary areaKey="app.area.side" resetKey={session?.game.turn ?? -1}>
              <SidePanel
                view={phase.kind === 'curtain' ? null : view}
                viewer={viewer}
                session={session}
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
          onStart={(setup, l) => { setLang(l); act({ type: 'game/new', setup }); }}
        />
        <AboutDialog open={state.dialog === 'about'} version={version} onClose={() => act({ type: 'dialog/close' })} />
        {phase.kind === 'curtain' && session ? (
          <HandoverCurtain side={phase.side} turnLabel={turnLabel(t, session.game)} onReveal={() => act({ type: 'curtain/reveal' })} />
        ) : null}
      </div>
    </I18nProvider>
  );
}
