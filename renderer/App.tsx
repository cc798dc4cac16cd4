/**
 * The app shell: title and menu bar, the board in the centre, panels around it, dialogs, the
 * hand-over curtain and the message region. React owns the app state (one reducer); the engine is
 * called through the reducer; the platform (desktop or web) handles files, settings and the menu.
 * The shell's effects and commands live in hooks (`hooks/`): persistence and crash recovery,
 * autosave, the document, commands and exports, keyboard shortcuts; the menus in `app-menus.ts`.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { I18nProvider, makeI18n, type Lang } from './i18n';
import { BUILTIN_SCENARIOS, createGame, viewFor } from './app-state/engine';
import { appReducer, humanSides, initialState, type Action } from './app-state/reducer';
import { defaultSettings, preferredLang } from './app-state/settings';
import { newGameId } from './app-state/session';
import { replayFrame } from './app-state/replay';
import { screenTurnLabel, turnLabel, viewerFor } from './app-state/screen';
import type { Platform } from './platform/types';
import { appMenus } from './app-menus';
import { useAutosave } from './hooks/use-autosave';
import { useCommands } from './hooks/use-commands';
import { useDocument } from './hooks/use-document';
import { useNotify } from './hooks/use-notify';
import { useLatest, usePersistence } from './hooks/use-persistence';
import { useShortcuts } from './hooks/use-shortcuts';
import { useComputer } from './hooks/use-computer';
import { AdvisorBox } from './panels/AdvisorBox';
import { ThinkingIndicator, WaitingPanel } from './panels/ComputerThinking';
import { MenuBar } from './panels/MenuBar';
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
import { HelpDialog, type HelpTopic } from './dialogs/HelpDialog';
import { HandoverCurtain } from './dialogs/HandoverCurtain';
import { ConfirmDialog } from './dialogs/ConfirmDialog';
import { AutosaveDialog } from './dialogs/AutosaveDialog';
import { ResumeDialog } from './dialogs/ResumeDialog';
import { FacilitatorHost, PublicClock } from './console/FacilitatorHost';
import { HeldCurtain } from './console/HeldCurtain';

export function App(props: { platform: Platform }): ReactNode {
  const { platform } = props;
  const [state, dispatch] = useReducer(appReducer, undefined, () => initialState(defaultSettings(preferredLang(navigator.languages))));
  const { settings, session, phase } = state;
  const lang = settings.lang;
  const setLang = useCallback((l: Lang) => dispatch({ type: 'settings/set', patch: { lang: l } }), []);
  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  const { t } = i18n;
  const replay = phase.kind === 'replay' ? state.replay : null;

  // Latest state for callbacks that outlive a render (menu commands from the platform).
  const stateRef = useLatest(state);
  const notify = useNotify(dispatch);
  const { version, startupDone, setInProgress, resumeOffer, resume, startFresh } = usePersistence(
    platform,
    settings,
    dispatch,
    stateRef,
    notify,
    { t, lang },
  );
  useDocument(settings, t, session?.game ?? null, replay);
  useAutosave({ session, platform, notify, t, lang, version, stateRef, setInProgress });
  const { run, runExport, autosaves, openAutosaveEntry } = useCommands({ platform, dispatch, stateRef, notify, version, setInProgress });
  useShortcuts(dispatch, stateRef, replay);
  const { progress: aiProgress, boardPlaying } = useComputer(state, dispatch);
  const thinking = session && session.aiFor === session.game ? (session.thinking ?? []) : [];

  const hasGame = Boolean(session);
  const canUndo = Boolean(session && session.game.turn > 0 && phase.kind !== 'curtain' && phase.kind !== 'held');
  const menus = appMenus({
    t,
    lang,
    setLang,
    run,
    hasGame,
    canExport: hasGame || Boolean(replay),
    canUndo,
    presentation: settings.presentation,
  });

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
  const boardEvents = useMemo(() => (frame ? frame.events : (session?.last?.events ?? [])), [frame, session]);
  const sideStates = useMemo(
    () => (frame ? (replay?.states.slice(0, frame.turn + 1) ?? null) : (session?.states ?? null)),
    [frame, replay, session],
  );
  const select = useCallback((id: string) => dispatch({ type: 'region/select', id }), []);
  const act = useCallback((a: Action) => dispatch(a), []);

  const planningSide = phase.kind === 'planning' ? phase.side : null;

  // A new phase starts at the top of the left panel, with focus on its heading.
  const leftRef = useRef<HTMLDivElement>(null);
  const phaseKey = `${phase.kind}-${planningSide ?? ''}-${phase.kind === 'replay' ? (replay?.name ?? '') : (session?.game.turn ?? -1)}`;
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
    left = (
      <StartPanel
        onNewGame={() => run('new-game')}
        onOpen={() => run('open')}
        onOpenReplay={() => run('open-replay')}
        onOpenAutosave={() => run('open-autosave')}
      />
    );
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
        advisor={
          <AdvisorBox
            side={phase.side}
            advice={session.advice?.[phase.side]?.game === session.game ? session.advice[phase.side] : undefined}
            progress={aiProgress[`advise:${phase.side}`]}
            onAsk={() => act({ type: 'advice/ask' })}
            onApply={() => act({ type: 'advice/apply' })}
          />
        }
      />
    );
  } else if (phase.kind === 'curtain' || phase.kind === 'held') {
    left = <div className="panel panel-hidden" />;
  } else if (phase.kind === 'ended') {
    left = (
      <div className="stack">
        <GameEndPanel
          game={session.game}
          onExport={(k) => void runExport(k)}
          onNewGame={() => run('new-game')}
          {...(askUndo ? { onUndo: askUndo } : {})}
        />
        <TurnReport
          game={viewFor(session.game, viewer)}
          outcome={session.last}
          setup={session.setup}
          turnLabel={turnLabel(t, session.game, session.game.turn)}
        />
      </div>
    );
  } else if (session.awaiting) {
    left = <WaitingPanel sides={thinking} progress={aiProgress} turnLabel={turnLabel(t, session.game)} />;
  } else {
    const humans = humanSides(session.setup).length;
    left = (
      <TurnReport
        game={viewFor(session.game, viewer)}
        outcome={session.last}
        setup={session.setup}
        turnLabel={turnLabel(t, session.game, session.game.turn)}
        onContinue={() => act({ type: 'turn/continue' })}
        continueLabel={humans === 0 ? t('app.report.playComputers') : t('app.report.nextTurn', { turn: session.game.turn + 1 })}
        {...(askUndo ? { onUndo: askUndo } : {})}
      />
    );
  }

  const statusGame = frame ? frame.state : (session?.game ?? null);
  const undoTurn = session?.game.turn ?? 0;

  return (
    <I18nProvider lang={lang} setLang={setLang}>
      <div className={`app phase-${phase.kind}`} aria-busy={!startupDone}>
        <header className="topbar">
          <h1 className="app-title">{t('app.title')}</h1>
          <MenuBar menus={menus} />
          <PublicClock state={state} />
          <div className="status" aria-live="polite">
            {statusGame ? (
              <>
                <span className="status-scenario">{statusGame.scenario.title[lang]}</span>
                <span className="status-turn">
                  {frame
                    ? frame.turn === 0
                      ? t('app.replay.positionStart', { total: frame.lastTurn })
                      : t('app.replay.position', { turn: frame.turn, total: frame.lastTurn })
                    : screenTurnLabel(t, statusGame, phase.kind)}
                </span>
                <span className={`status-phase${planningSide ? ` side-${planningSide}` : ''}`}>
                  {phase.kind === 'replay'
                    ? t('app.status.replay')
                    : phase.kind === 'planning'
                      ? t('app.status.planning', { side: `@app.side.${phase.side}` })
                      : phase.kind === 'curtain'
                        ? t('app.status.handover')
                        : phase.kind === 'held'
                          ? t('console.public.heldStatus')
                          : phase.kind === 'ended'
                            ? t('app.status.ended')
                            : session?.awaiting
                              ? t('advisor.waiting.title')
                              : t('app.status.review')}
                </span>
              </>
            ) : (
              <span className="status-turn">{t('app.status.noGame')}</span>
            )}
            {phase.kind !== 'replay' ? <ThinkingIndicator sides={thinking} progress={aiProgress} /> : null}
          </div>
        </header>
        <main className="workspace">
          <div className="col col-left" ref={leftRef}>
            <ErrorBoundary areaKey="app.area.panel" resetKey={`${phase.kind}-${session?.game.turn ?? -1}-${frame?.turn ?? -1}`}>
              {left}
            </ErrorBoundary>
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
              onPlaying={boardPlaying}
            />
          </div>
          <div className="col col-right">
            <ErrorBoundary areaKey="app.area.side" resetKey={frame ? `r${frame.turn}` : (session?.game.turn ?? -1)}>
              <SidePanel
                view={phase.kind === 'curtain' || phase.kind === 'held' ? null : view}
                viewer={viewer}
                states={sideStates}
                events={frame ? frame.eventsSoFar : (session?.events ?? [])}
                resolvedTurn={frame ? frame.turn : (session?.last?.turn ?? 0)}
                {...(frame ? { followTurn: frame.turn } : {})}
                selected={state.selectedRegion}
                onSelect={select}
              />
            </ErrorBoundary>
          </div>
        </main>
        <Toasts toasts={state.toasts} onDismiss={(id) => act({ type: 'toast/dismiss', id })} />
        <FacilitatorHost state={state} dispatch={dispatch} platform={platform} />
        <NewGameDialog
          open={state.dialog === 'newGame'}
          onClose={() => act({ type: 'dialog/close' })}
          onStart={(setup, l) => {
            setLang(l);
            act({ type: 'game/new', setup: { ...setup, language: l }, gameId: newGameId() });
          }}
        />
        <AboutDialog open={state.dialog === 'about'} version={version} onClose={() => act({ type: 'dialog/close' })} />
        <HelpDialog
          topic={state.dialog?.startsWith('help:') ? (state.dialog.slice('help:'.length) as HelpTopic) : null}
          scenario={session?.game.scenario}
          onTopic={(h) => act({ type: 'dialog/open', dialog: `help:${h}` })}
          onClose={() => act({ type: 'dialog/close' })}
        />
        <ConfirmDialog
          open={state.dialog === 'discardGame' && Boolean(session)}
          title={t('help.discard.title')}
          text={t('help.discard.text', {
            turn: Math.min((session?.game.turn ?? 0) + 1, session?.game.turnsTotal ?? 0),
            total: session?.game.turnsTotal ?? 0,
          })}
          confirmLabel={t('help.discard.confirm')}
          onConfirm={() => run('new-game-confirmed')}
          onCancel={() => act({ type: 'dialog/close' })}
        />
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
          <ResumeDialog
            label={resumeOffer.entry.label}
            turn={resumeOffer.turn}
            savedAt={resumeOffer.entry.savedAt}
            onResume={resume}
            onFresh={startFresh}
          />
        ) : null}
        {phase.kind === 'held' && session ? <HeldCurtain turnLabel={turnLabel(t, session.game)} /> : null}
        {phase.kind === 'curtain' && session ? (
          <HandoverCurtain side={phase.side} turnLabel={turnLabel(t, session.game)} onReveal={() => act({ type: 'curtain/reveal' })} />
        ) : null}
      </div>
    </I18nProvider>
  );
}
