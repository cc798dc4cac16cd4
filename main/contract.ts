/**
 * The IPC contract as the main process sees it: channel names, what each returns, menu commands and
 * the error shape. main/ may not import renderer/, so these mirror `renderer/platform/types.ts` and
 * `renderer/platform/bridge.ts`; `test/main/contract.test.ts` proves at compile time that both
 * sides agree, and that the preload uses exactly these channel names.
 */

/** Renderer → main request channels (`ipcMain.handle`), one preload method each. */
export const CHANNELS = [
  'app:version',
  'game:open',
  'game:save',
  'export:file',
  'export:pdf',
  'autosave:write',
  'autosave:list',
  'autosave:read',
  'settings:get',
  'settings:set',
  'window:set-fullscreen',
  'console:open',
  'console:post',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Main → renderer: the one channel for application-menu commands. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** Main → renderer: a message between the main window and the facilitator's console, relayed. */
export const CONSOLE_MESSAGE_CHANNEL = 'console:message';

/** Channels the facilitator's console window may call too (every other one: the main window only). */
export const CONSOLE_WINDOW_CHANNELS: readonly Channel[] = ['console:post'];

export const MENU_COMMANDS = [
  'new-game',
  'open',
  'save',
  'save-as',
  'export-log',
  'export-csv',
  'export-report',
  'open-replay',
  'open-autosave',
  'undo-turn',
  'export-pdf',
  'toggle-fullscreen',
  'toggle-presentation',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'about',
  'open-console',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type ErrorCode = 'cancelled' | 'io' | 'invalid' | 'too-large' | 'unsupported';

/** An error as the renderer receives it: an i18n message key plus optional detail, never prose. */
export interface AppError {
  code: ErrorCode;
  messageKey: string;
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export interface AutosaveEntry {
  id: string;
  label: string;
  savedAt: string;
}

export type ExportTextKind = 'json' | 'csv' | 'html';

/** What each channel's handler returns inside `Result`. */
export interface ChannelValues {
  'app:version': string;
  'game:open': { name: string; text: string; handle: string };
  'game:save': { handle: string; name: string };
  'export:file': { name: string };
  'export:pdf': { name: string };
  'autosave:write': AutosaveEntry;
  'autosave:list': AutosaveEntry[];
  'autosave:read': string;
  'settings:get': Record<string, unknown>;
  'settings:set': null;
  'window:set-fullscreen': boolean;
  'console:open': null;
  'console:post': null;
}

/** Thrown by services; `ipc.ts` turns it into `{ ok: false, error }`. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, messageKey: string, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${messageKey}: ${detail}` : messageKey, options);
    this.name = 'ServiceError';
    this.code = code;
    this.messageKey = messageKey;
    this.detail = detail;
  }

  toAppError(): AppError {
    return this.detail === undefined
      ? { code: this.code, messageKey: this.messageKey }
      : { code: this.code, messageKey: this.messageKey, detail: this.detail };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, messageKey: string, detail?: string): { ok: false; error: AppError } {
  return { ok: false, error: detail === undefined ? { code, messageKey } : { code, messageKey, detail } };
}
