/**
 * The desktop bridge: what `main/preload/index.ts` exposes as `window.cordillera` (one method per
 * IPC channel, plus menu commands). Only `electron.ts` should use it; the app uses `Platform`.
 * Types only: nothing here exists at run time.
 */
import type { AutosaveEntry, ExportKind, MenuCommand, OpenedFile, Result } from './types';

export interface CordilleraBridge {
  /** `app:version` */
  appVersion(): Promise<Result<string>>;
  /** `game:open`: Open dialog, then the file's text (≤ 50 MB, UTF-8) and a handle for Save. */
  openGame(): Promise<Result<Required<OpenedFile>>>;
  /** `game:save`: with a handle from this session, overwrite that file; else a Save dialog. */
  saveGame(args: { text: string; suggestedName: string; handle?: string }): Promise<Result<{ handle: string; name: string }>>;
  /** `export:file`: Save dialog, then an atomic write. */
  exportFile(args: { kind: Exclude<ExportKind, 'pdf'>; suggestedName: string; text: string }): Promise<Result<{ name: string }>>;
  /** `export:pdf`: Save dialog, render the HTML in a locked-down hidden window, write the PDF. */
  exportPdf(args: { suggestedName: string; html: string }): Promise<Result<{ name: string }>>;
  /** `autosave:write`: keeps the newest 5 slots. */
  autosaveWrite(args: { id: string; label: string; text: string }): Promise<Result<AutosaveEntry>>;
  /** `autosave:list`: newest first. */
  autosaveList(): Promise<Result<AutosaveEntry[]>>;
  /** `autosave:read` */
  autosaveRead(args: { id: string }): Promise<Result<string>>;
  /** `settings:get` */
  settingsGet(): Promise<Result<Record<string, unknown>>>;
  /** `settings:set`: a JSON object of at most 256 KB. */
  settingsSet(args: { settings: Record<string, unknown> }): Promise<Result<null>>;
  /** `window:set-fullscreen`: resolves to the new state. */
  setFullScreen(args: { on: boolean | 'toggle' }): Promise<Result<boolean>>;
  /** `console:open`: open (or bring forward) the facilitator's console window. */
  openConsole(): Promise<Result<null>>;
  /** `console:post`: a message for the other window (main window ↔ console), relayed by main. */
  consolePost(args: { message: Record<string, unknown> }): Promise<Result<null>>;
  /** `console:message` (main → renderer): a message from the other window. */
  onConsoleMessage(listener: (message: unknown) => void): () => void;
  /** `menu:command` (main → renderer); returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    /** Present only in the desktop app (set by the preload script). */
    readonly cordillera?: CordilleraBridge;
  }
}
