/**
 * The app's commands (from the in-app menu bar, the desktop menu and the panels): new game, open,
 * save, exports, undo a turn, full screen, presentation and zoom. Each reads the latest state, asks
 * the platform for files, and dispatches actions or messages.
 */
import { useCallback, useEffect, useState, type Dispatch, type MutableRefObject } from 'react';
import type { InProgress } from '../app-state/autosave';
import type { TableId } from '../app-state/exports';
import { openAutosave, openReplayFile, openSavedGame, resumedRecord } from '../app-state/files';
import type { Action } from '../app-state/reducer';
import { saveText, suggestedSaveName } from '../app-state/save-file';
import { exportSource } from '../app-state/screen';
import { newGameId } from '../app-state/session';
import { ZOOM_STEP } from '../app-state/settings';
import type { AppState } from '../app-state/types';
import type { AutosaveEntry, MenuCommand, Platform } from '../platform/types';
import type { Notify } from './use-notify';

/** Commands of the in-app menu beyond the desktop menu's. */
export type AppCommand =
  | MenuCommand
  | 'open-replay'
  | 'open-autosave'
  | 'undo-turn'
  | 'export-national'
  | 'export-regions'
  | 'export-events'
  | 'export-decisions'
  | 'export-pdf'
  | 'help-rules'
  | 'help-glossary'
  | 'help-scores'
  | 'new-game-confirmed';

export type ExportKind = 'log' | 'csv' | 'report' | 'pdf' | TableId;

/** The commands that need a game (or a replay, for exports). */
const NEEDS_GAME = new Set<AppCommand>(['save', 'save-as', 'undo-turn']);
const EXPORTS: Partial<Record<AppCommand, ExportKind>> = {
  'export-log': 'log',
  'export-csv': 'csv',
  'export-report': 'report',
  'export-pdf': 'pdf',
  'export-national': 'national',
  'export-regions': 'regions',
  'export-events': 'events',
  'export-decisions': 'decisions',
};

export interface Commands {
  run: (c: AppCommand) => void;
  runExport: (kind: ExportKind) => Promise<void>;
  /** The autosaves listed by File ▸ Open autosave (null while they are being read). */
  autosaves: AutosaveEntry[] | null;
  openAutosaveEntry: (entry: AutosaveEntry) => Promise<void>;
}

export function useCommands(a: {
  platform: Platform;
  dispatch: Dispatch<Action>;
  stateRef: MutableRefObject<AppState>;
  notify: Notify;
  version: string;
  setInProgress: (record: InProgress | null) => void;
}): Commands {
  const { platform, dispatch, stateRef, version, setInProgress } = a;
  const { known, error: toastError, platformError, apply } = a.notify;
  const [autosaves, setAutosaves] = useState<AutosaveEntry[] | null>(null);

  const runExport = useCallback(
    async (kind: ExportKind) => {
      const src = exportSource(stateRef.current);
      if (!src) {
        toastError('app.error.noGame');
        return;
      }
      const l = stateRef.current.settings.lang;
      // Loaded on first use: the report and the CSV tables are not needed to play.
      const ex = await import('../app-state/exports');
      const stem = ex.exportStem(src);
      const done = (name: string) => dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.exported', values: { name } } });
      if (kind === 'log') {
        const r = await platform.exportFile('json', `${stem}-log.json`, ex.logText(src));
        if (r.ok) done(r.value.name);
        else platformError(r.error);
      } else if (kind === 'report' || kind === 'pdf') {
        const html = ex.reportHtml(src, l, version);
        if (kind === 'report') {
          const r = await platform.exportFile('html', `${stem}-report.html`, html);
          if (r.ok) done(r.value.name);
          else platformError(r.error);
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
          if (!r.ok) {
            platformError(r.error);
            break;
          }
          names.push(r.value.name);
        }
        if (names.length === 1) done(names[0]!);
        else if (names.length > 1)
          dispatch({
            type: 'toast/push',
            toast: { kind: 'info', key: 'app.toast.exportedMany', values: { n: names.length, names: names.join(', ') } },
          });
      }
    },
    [platform, platformError, toastError, version, dispatch, stateRef],
  );

  const command = useCallback(
    async (c: AppCommand) => {
      const s = stateRef.current;
      if (NEEDS_GAME.has(c) && !s.session) {
        toastError('app.error.noGame');
        return;
      }
      const exportKind = EXPORTS[c];
      if (exportKind) {
        await runExport(exportKind);
        return;
      }
      switch (c) {
        // A game in progress is not closed without asking (issue 10).
        case 'new-game':
          dispatch({
            type: 'dialog/open',
            dialog: s.session && s.session.game.status !== 'ended' && s.phase.kind !== 'replay' ? 'discardGame' : 'newGame',
          });
          break;
        case 'new-game-confirmed':
          dispatch({ type: 'dialog/open', dialog: 'newGame' });
          break;
        case 'help-rules':
          dispatch({ type: 'dialog/open', dialog: 'help:rules' });
          break;
        case 'help-glossary':
          dispatch({ type: 'dialog/open', dialog: 'help:glossary' });
          break;
        case 'help-scores':
          dispatch({ type: 'dialog/open', dialog: 'help:scores' });
          break;
        case 'about':
          dispatch({ type: 'dialog/open', dialog: 'about' });
          break;
        case 'open': {
          const o = await openSavedGame(platform, newGameId(), known);
          apply(o);
          // The game is in a file now: nothing to recover from an autosave.
          if (o.kind === 'opened') setInProgress(null);
          break;
        }
        case 'open-replay':
          apply(await openReplayFile(platform, known));
          break;
        case 'open-autosave': {
          setAutosaves(null);
          dispatch({ type: 'dialog/open', dialog: 'autosaves' });
          const r = await platform.autosaveList();
          if (r.ok) setAutosaves(r.value);
          else {
            setAutosaves([]);
            platformError(r.error);
          }
          break;
        }
        case 'undo-turn':
          if (s.session && s.session.game.turn > 0 && s.phase.kind !== 'curtain' && s.phase.kind !== 'held')
            dispatch({ type: 'dialog/open', dialog: 'undoTurn' });
          break;
        case 'save':
        case 'save-as': {
          const sess = s.session;
          if (!sess) break;
          if (s.phase.kind === 'planning' || s.phase.kind === 'curtain' || s.phase.kind === 'held') {
            // Saves hold resolved turns only: drafts are private to their side.
            dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.saveDraftsNote' } });
          }
          const handle = c === 'save' ? (sess.saveHandle ?? undefined) : undefined;
          const text = saveText(sess, { app: version, savedAt: new Date().toISOString(), selectedRegion: s.selectedRegion });
          const r = await platform.saveGameFile(text, sess.saveName ?? suggestedSaveName(sess), handle);
          if (r.ok) {
            dispatch({ type: 'game/saved', handle: r.value.handle, name: r.value.name });
            dispatch({ type: 'toast/push', toast: { kind: 'info', key: 'app.toast.saved', values: { name: r.value.name } } });
          } else platformError(r.error);
          break;
        }
        case 'toggle-fullscreen':
          await platform.setFullScreen('toggle').catch(() => toastError('app.error.fullscreen'));
          break;
        case 'toggle-presentation':
          dispatch({ type: 'settings/set', patch: { presentation: !s.settings.presentation } });
          break;
        case 'zoom-in':
          dispatch({ type: 'settings/zoom', by: ZOOM_STEP });
          break;
        case 'zoom-out':
          dispatch({ type: 'settings/zoom', by: -ZOOM_STEP });
          break;
        case 'zoom-reset':
          dispatch({ type: 'settings/zoom', by: 'reset' });
          break;
        case 'open-console': {
          const r = await platform.openConsole();
          if (!r.ok) platformError(r.error);
          break;
        }
        default:
      }
    },
    [platform, platformError, toastError, runExport, apply, known, version, dispatch, stateRef, setInProgress],
  );

  const run = useCallback(
    (c: AppCommand) => {
      void command(c);
    },
    [command],
  );

  // Commands from the desktop menu.
  useEffect(() => platform.onMenuCommand(run), [platform, run]);

  // A game from an autosave is still "in progress" from that autosave until its next turn is written.
  const openAutosaveEntry = useCallback(
    async (entry: AutosaveEntry) => {
      dispatch({ type: 'dialog/close' });
      const o = await openAutosave(platform, entry.id, entry.label, newGameId(), known);
      apply(o);
      if (o.kind === 'opened') setInProgress(resumedRecord(o, entry.id));
    },
    [platform, apply, known, dispatch, setInProgress],
  );

  return { run, runExport, autosaves, openAutosaveEntry };
}
