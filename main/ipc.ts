/**
 * The IPC handlers. Each call: check the sender, validate the arguments, run the service, answer
 * `{ ok: true, value }` or `{ ok: false, error: { code, messageKey, detail } }`. Rejected calls are
 * logged, one line each. Everything Electron-specific (dialogs, PDF, the window) comes in through
 * `IpcServices`, so the dispatch logic runs in tests with real files.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { basename } from 'node:path';
import { CHANNELS, ServiceError, fail, ok, type Channel, type ChannelValues, type ExportTextKind, type Result } from './contract';
import { relayTarget } from './console-relay';
import type { FileHandleRegistry } from './file-handles';
import { MAX_FILE_BYTES, readTextFile, writeFileAtomic, type AutosaveStore, type SettingsStore } from './file-service';
import { checkSender, truncate, validateArgs, type ChannelArgs, type SenderInfo, type TrustPolicy } from './ipc-validation';
import type { LogFn } from './log';

export type SaveKind = 'game' | ExportTextKind | 'pdf';

export interface Dialogs {
  /** The path the user picked in an Open dialog for a game file, or null if they cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** The path the user picked in a Save dialog, or null if they cancelled. */
  chooseSavePath(kind: SaveKind, suggestedName: string): Promise<string | null>;
}

export interface IpcServices {
  appVersion(): string;
  dialogs: Dialogs;
  autosaves: AutosaveStore;
  settings: SettingsStore;
  handles: FileHandleRegistry;
  /** Render HTML to PDF bytes in a locked-down hidden window. */
  renderPdf(html: string): Promise<Uint8Array>;
  /** Set (or toggle) the main window's full screen; returns the new state. */
  setFullScreen(on: boolean | 'toggle'): boolean;
  /** Called after settings are saved (main follows the UI language in its menus). */
  onSettingsChanged?(settings: Record<string, unknown>): void;
  /** Open (or bring forward) the facilitator's console window. */
  openConsole(): void;
  /** Send a checked console message to a window (its webContents id; see `console-relay.ts`). */
  relayConsole(toWebContentsId: number, message: Record<string, unknown>): void;
  trust(): TrustPolicy;
  log: LogFn;
}

type Handler<C extends Channel> = (...args: ChannelArgs[C]) => Promise<ChannelValues[C]>;
export type Handlers = { [C in Channel]: Handler<C> };

function cancelled(): ServiceError {
  return new ServiceError('cancelled', 'error.dialog.cancelled');
}

function checkBytes(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > MAX_FILE_BYTES)
    throw new ServiceError('too-large', 'error.file.tooLarge', `${bytes.length} > ${MAX_FILE_BYTES} bytes`);
  return bytes;
}

export function createHandlers(s: IpcServices): Handlers {
  return {
    'app:version': () => Promise.resolve(s.appVersion()),

    'game:open': async () => {
      const path = await s.dialogs.chooseOpenPath();
      if (path === null) throw cancelled();
      const text = await readTextFile(path);
      return { name: basename(path), text, handle: s.handles.issue(path) };
    },

    'game:save': async ({ text, suggestedName, handle }) => {
      const bytes = checkBytes(text);
      let path: string | null;
      if (handle !== undefined) {
        path = s.handles.resolve(handle) ?? null;
        if (path === null) throw new ServiceError('invalid', 'error.file.unknownHandle');
      } else {
        path = await s.dialogs.chooseSavePath('game', suggestedName);
        if (path === null) throw cancelled();
      }
      await writeFileAtomic(path, bytes);
      return { handle: s.handles.issue(path), name: basename(path) };
    },

    'export:file': async ({ kind, suggestedName, text }) => {
      const bytes = checkBytes(text);
      const path = await s.dialogs.chooseSavePath(kind, suggestedName);
      if (path === null) throw cancelled();
      await writeFileAtomic(path, bytes);
      return { name: basename(path) };
    },

    'export:pdf': async ({ suggestedName, html }) => {
      checkBytes(html);
      // Ask first: a cancelled dialog costs no rendering.
      const path = await s.dialogs.chooseSavePath('pdf', suggestedName);
      if (path === null) throw cancelled();
      let pdf: Uint8Array;
      try {
        pdf = await s.renderPdf(html);
      } catch (error) {
        if (error instanceof ServiceError) throw error;
        throw new ServiceError('io', 'error.pdf.failed', error instanceof Error ? truncate(error.message, 200) : undefined, {
          cause: error,
        });
      }
      await writeFileAtomic(path, pdf);
      return { name: basename(path) };
    },

    'autosave:write': ({ id, label, text }) => s.autosaves.write(id, label, text),
    'autosave:list': () => s.autosaves.list(),
    'autosave:read': ({ id }) => s.autosaves.read(id),

    'settings:get': () => s.settings.get(),
    'settings:set': async ({ settings }) => {
      await s.settings.set(settings);
      s.onSettingsChanged?.(settings);
      return null;
    },

    'window:set-fullscreen': ({ on }) => Promise.resolve(s.setFullScreen(on)),

    'console:open': () => {
      s.openConsole();
      return Promise.resolve(null);
    },
    'console:post': ({ message }, sender?: SenderInfo) => {
      // The sender is one of the two windows (checked by `dispatch`); the message must also go the
      // right way: the console asks, the main window answers. Anything else is refused and logged.
      const trust = s.trust();
      const target = sender
        ? relayTarget(message.type, sender.webContentsId, { main: trust.mainWebContentsId, console: trust.consoleWebContentsId ?? null })
        : { to: null, reason: 'no sender' };
      if (target.to === null) return Promise.reject(new ServiceError('invalid', 'error.ipc.forbidden', target.reason));
      s.relayConsole(target.to, message);
      return Promise.resolve(null);
    },
  };
}

/** Check, validate, run: the whole life of one IPC call, minus Electron. */
export async function dispatch(
  handlers: Handlers,
  s: Pick<IpcServices, 'trust' | 'log'>,
  channel: string,
  sender: SenderInfo,
  args: unknown,
): Promise<Result<unknown>> {
  const who = { channel: truncate(channel, 64), sender: sender.webContentsId, url: truncate(sender.frameUrl ?? '', 200) };
  const trusted = checkSender(sender, s.trust(), channel);
  if (!trusted.ok) {
    s.log('ipc-rejected', { ...who, reason: trusted.reason });
    return fail('invalid', 'error.ipc.forbidden');
  }
  const valid = validateArgs(channel, args);
  if (!valid.ok) {
    s.log('ipc-rejected', { ...who, reason: valid.reason });
    return { ok: false, error: valid.error };
  }
  const handler = handlers[channel as Channel] as (...a: unknown[]) => Promise<unknown>;
  try {
    return ok(await handler(...(valid.args as unknown[]), sender));
  } catch (error) {
    if (error instanceof ServiceError) {
      if (error.code !== 'cancelled') s.log('ipc-failed', { ...who, key: error.messageKey, detail: error.detail ?? null });
      return { ok: false, error: error.toAppError() };
    }
    s.log('ipc-error', { ...who, detail: error instanceof Error ? truncate(`${error.name}: ${error.message}`, 300) : 'unknown' });
    return fail('io', 'error.unexpected');
  }
}

export function senderInfoOf(event: IpcMainInvokeEvent): SenderInfo {
  try {
    const frame = event.senderFrame;
    return { webContentsId: event.sender.id, frameUrl: frame ? frame.url : null, isMainFrame: frame !== null && frame.parent === null };
  } catch {
    // The frame was disposed (navigated away or closed) while the message was in flight.
    return { webContentsId: event.sender.id, frameUrl: null, isMainFrame: false };
  }
}

/** Register one `ipcMain.handle` per channel; returns a function that removes them all. */
export function registerIpc(ipcMain: IpcMain, s: IpcServices): () => void {
  const handlers = createHandlers(s);
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(handlers, s, channel, senderInfoOf(event), args));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
