/**
 * The one bridge between the sandboxed renderer and main: one method per IPC channel, plus menu
 * commands. Imports only 'electron' at run time (a sandboxed preload cannot load anything else);
 * `ipcRenderer` itself is never exposed. The channel names must match `main/contract.ts`
 * (checked by test/main/contract.test.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Types only, erased from the bundle: the shape the renderer expects of `window.cordillera`.
import type { CordilleraBridge } from '../../renderer/platform/bridge';
import type { MenuCommand } from '../../renderer/platform/types';

const MENU_COMMANDS: ReadonlySet<string> = new Set<MenuCommand>([
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
]);

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && MENU_COMMANDS.has(value);
}

const bridge: CordilleraBridge = {
  appVersion: () => ipcRenderer.invoke('app:version'),
  openGame: () => ipcRenderer.invoke('game:open'),
  saveGame: (args) => ipcRenderer.invoke('game:save', args),
  exportFile: (args) => ipcRenderer.invoke('export:file', args),
  exportPdf: (args) => ipcRenderer.invoke('export:pdf', args),
  autosaveWrite: (args) => ipcRenderer.invoke('autosave:write', args),
  autosaveList: () => ipcRenderer.invoke('autosave:list'),
  autosaveRead: (args) => ipcRenderer.invoke('autosave:read', args),
  settingsGet: () => ipcRenderer.invoke('settings:get'),
  settingsSet: (args) => ipcRenderer.invoke('settings:set', args),
  setFullScreen: (args) => ipcRenderer.invoke('window:set-fullscreen', args),
  openConsole: () => ipcRenderer.invoke('console:open'),
  consolePost: (args) => ipcRenderer.invoke('console:post', args),
  onConsoleMessage(listener) {
    if (typeof listener !== 'function') throw new TypeError('onConsoleMessage needs a function');
    const handler = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on('console:message', handler);
    return () => {
      ipcRenderer.removeListener('console:message', handler);
    };
  },
  onMenuCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on('menu:command', handler);
    return () => {
      ipcRenderer.removeListener('menu:command', handler);
    };
  },
};

contextBridge.exposeInMainWorld('cordillera', bridge);
