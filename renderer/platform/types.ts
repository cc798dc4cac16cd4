/**
 * What differs between the desktop app and the web build, behind one interface. The renderer
 * talks only to this; `electron.ts` goes through the preload bridge, `web.ts` uses downloads,
 * file inputs and IndexedDB.
 */

/** A file the user opened: its name (for messages) and its text, not yet validated. */
export interface OpenedFile {
  name: string;
  text: string;
  /** Desktop: pass to `saveGameFile` to overwrite this same file without a dialog. */
  handle?: string;
}

export type ExportKind = 'json' | 'csv' | 'html' | 'pdf';

/** Commands from the application menu (desktop) or the in-app menu bar (both). */
export type MenuCommand =
  | 'new-game'
  | 'open'
  | 'open-replay'
  | 'open-autosave'
  | 'save'
  | 'save-as'
  | 'undo-turn'
  | 'export-log'
  | 'export-csv'
  | 'export-report'
  | 'export-pdf'
  | 'toggle-fullscreen'
  | 'toggle-presentation'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset'
  | 'about'
  | 'open-console';

export interface AutosaveEntry {
  /** Stable slot id, e.g. `autosave-3`. */
  id: string;
  /** Human label the app wrote with the save (scenario, turn). */
  label: string;
  /** ISO time written, for display only (never enters the engine). */
  savedAt: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PlatformError };

/** Errors carry a message key from the i18n catalogues plus details, never raw English. */
export interface PlatformError {
  code: 'cancelled' | 'io' | 'invalid' | 'too-large' | 'unsupported';
  /** i18n key, e.g. `error.io.write`. */
  messageKey: string;
  detail?: string;
}

export interface Platform {
  readonly kind: 'desktop' | 'web';
  appVersion(): Promise<string>;
  /** Ask the user for a game file and return its text (validation is the caller's job). */
  openGameFile(): Promise<Result<OpenedFile>>;
  /** Save a game; with `handle` from an earlier save, overwrite that file (atomically on desktop). */
  saveGameFile(text: string, suggestedName: string, handle?: string): Promise<Result<{ handle: string; name: string }>>;
  /** Write an export the user asked for (a log, a CSV, a report). PDF goes through `exportPdf`. */
  exportFile(kind: Exclude<ExportKind, 'pdf'>, suggestedName: string, text: string): Promise<Result<{ name: string }>>;
  /** Render HTML to PDF and save it (desktop: printToPDF; web: the browser's print dialog). */
  exportPdf(suggestedName: string, html: string): Promise<Result<{ name: string }>>;
  autosaveWrite(id: string, label: string, text: string): Promise<Result<AutosaveEntry>>;
  autosaveList(): Promise<Result<AutosaveEntry[]>>;
  autosaveRead(id: string): Promise<Result<string>>;
  settingsGet(): Promise<Result<Record<string, unknown>>>;
  settingsSet(settings: Record<string, unknown>): Promise<Result<null>>;
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Full screen (desktop window or the browser's Fullscreen API). `'toggle'` flips the current
   * state (the menu's Full screen command); resolves to the new state.
   */
  setFullScreen(on: boolean | 'toggle'): Promise<boolean>;
  /** Open the facilitator's console: a second window on the desktop, a second tab on the web. */
  openConsole(): Promise<Result<null>>;
  /** The channel between the main window and the console (messages are checked by the receiver). */
  consoleChannel(): { post(message: Record<string, unknown>): void; subscribe(listener: (message: unknown) => void): () => void };
}
