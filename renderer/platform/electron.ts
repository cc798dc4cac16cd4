/**
 * The desktop platform: every call goes through the preload bridge (`window.cordillera`) to main,
 * which owns the dialogs, the files and the window. Main answers `Result`s already; this adapter
 * only turns a broken IPC call (the main process gone, say) into a `Result` too.
 */
import type { CordilleraBridge } from './bridge';
import type { Platform, PlatformError, Result } from './types';

declare const __APP_VERSION__: string | undefined;

function ipcFailed(error: unknown): { ok: false; error: PlatformError } {
  return {
    ok: false,
    error: { code: 'io', messageKey: 'error.ipc.failed', detail: error instanceof Error ? error.message : String(error) },
  };
}

async function call<T>(invoke: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await invoke();
  } catch (error) {
    return ipcFailed(error);
  }
}

export function createElectronPlatform(bridge: CordilleraBridge): Platform {
  return {
    kind: 'desktop',

    async appVersion() {
      const r = await call(() => bridge.appVersion());
      if (r.ok) return r.value;
      return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';
    },

    openGameFile: () => call(() => bridge.openGame()),

    saveGameFile: (text, suggestedName, handle) =>
      call(() => bridge.saveGame(handle === undefined ? { text, suggestedName } : { text, suggestedName, handle })),

    exportFile: (kind, suggestedName, text) => call(() => bridge.exportFile({ kind, suggestedName, text })),

    exportPdf: (suggestedName, html) => call(() => bridge.exportPdf({ suggestedName, html })),

    autosaveWrite: (id, label, text) => call(() => bridge.autosaveWrite({ id, label, text })),
    autosaveList: () => call(() => bridge.autosaveList()),
    autosaveRead: (id) => call(() => bridge.autosaveRead({ id })),

    settingsGet: () => call(() => bridge.settingsGet()),
    settingsSet: (settings) => call(() => bridge.settingsSet({ settings })),

    onMenuCommand: (listener) => bridge.onMenuCommand(listener),

    openConsole: () => call(() => bridge.openConsole()),
    consoleChannel: () => ({
      post: (message) => {
        void call(() => bridge.consolePost({ message }));
      },
      subscribe: (listener) => bridge.onConsoleMessage(listener),
    }),

    async setFullScreen(on) {
      const r = await call(() => bridge.setFullScreen({ on }));
      return r.ok ? r.value : false;
    },
  };
}
