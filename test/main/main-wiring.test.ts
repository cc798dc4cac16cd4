/**
 * main/index.ts's wiring, with a stand-in for the Electron API (Electron cannot run here; the logic
 * it wires is tested on its own in the other files). Checks that startup hardens the session,
 * builds the menu in the system language, registers every channel, creates one secure window
 * and shows it on ready-to-show, blocks navigation, pop-ups, permissions and the network, and
 * saves the window state on close — with a real userData directory.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../main/contract';

type Listener = (...args: unknown[]) => unknown;

const stub = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above, so it imports what it needs itself.
  const { EventEmitter: Emitter } = await import('node:events');
  const calls: unknown[][] = [];
  const userData = { dir: '' };
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    getPath: (name: string) => (name === 'userData' ? userData.dir : '/tmp'),
    setPath: (..._a: unknown[]) => undefined,
    enableSandbox: () => calls.push(['enableSandbox']),
    setAppUserModelId: () => undefined,
    requestSingleInstanceLock: () => true,
    quit: () => calls.push(['quit']),
    getVersion: () => '0.1.0',
    getLocale: () => 'es-419',
    whenReady: () => Promise.resolve(),
  });
  const webRequest: { before?: Listener; headers?: Listener } = {};
  const ses = {
    permission: undefined as Listener | undefined,
    check: undefined as Listener | undefined,
    setPermissionRequestHandler(fn: Listener) {
      this.permission = fn;
    },
    setPermissionCheckHandler(fn: Listener) {
      this.check = fn;
    },
    setDevicePermissionHandler: () => undefined,
    webRequest: {
      onBeforeRequest: (fn: Listener) => {
        webRequest.before = fn;
      },
      onHeadersReceived: (fn: Listener) => {
        webRequest.headers = fn;
      },
    },
  };
  const windows: FakeWindow[] = [];
  let nextId = 1;
  class FakeWindow extends Emitter {
    options: Record<string, unknown>;
    webContents: EventEmitter & { id: number; send: Listener; openHandler?: Listener; setWindowOpenHandler: (fn: Listener) => void };
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      const contents = Object.assign(new Emitter(), {
        id: nextId++,
        send: (...a: unknown[]) => calls.push(['send', ...a]),
        openHandler: undefined as Listener | undefined,
        setWindowOpenHandler(fn: Listener) {
          this.openHandler = fn;
        },
      });
      this.webContents = contents;
      windows.push(this);
      app.emit('web-contents-created', {}, contents);
    }
    static getAllWindows() {
      return windows;
    }
    loadFile(file: string) {
      calls.push(['loadFile', file]);
      setTimeout(() => this.emit('ready-to-show'), 1);
      return Promise.resolve();
    }
    loadURL(url: string) {
      calls.push(['loadURL', url]);
      return Promise.resolve();
    }
    show() {
      calls.push(['show']);
    }
    maximize() {
      calls.push(['maximize']);
    }
    focus() {
      calls.push(['focus']);
    }
    restore() {
      calls.push(['restore']);
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    isFullScreen() {
      return false;
    }
    setFullScreen(on: boolean) {
      calls.push(['setFullScreen', on]);
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1500, height: 800 };
    }
  }
  const handlers = new Map<string, Listener>();
  const menus: { label?: string }[][] = [];
  const electron = {
    app,
    session: { defaultSession: ses, fromPartition: () => ses },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (t: { label?: string }[]) => t, setApplicationMenu: (t: { label?: string }[]) => menus.push(t) },
    ipcMain: { handle: (c: string, fn: Listener) => handlers.set(c, fn), removeHandler: (c: string) => handlers.delete(c) },
    dialog: {
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      showErrorBox: (...a: unknown[]) => calls.push(['showErrorBox', ...a]),
    },
  };
  return { electron, calls, userData, windows, handlers, menus, ses, webRequest };
});

vi.mock('electron', () => ({ ...stub.electron, default: stub.electron }));

const rendererIndex = resolve(import.meta.dirname, '../../renderer/index.html');
const page = pathToFileURL(rendererIndex).href;

beforeAll(async () => {
  stub.userData.dir = mkdtempSync(join(tmpdir(), 'cordillera-wiring-'));
  await import('../../main/index');
  await vi.waitFor(() => expect(stub.calls).toContainEqual(['show']));
});

afterAll(() => {
  rmSync(stub.userData.dir, { recursive: true, force: true });
});

function invoke(channel: string, frameUrl: string, ...args: unknown[]): Promise<unknown> {
  const win = stub.windows[0];
  const handler = stub.handlers.get(channel);
  if (!win || !handler) throw new Error(`no window or no handler for ${channel}`);
  return Promise.resolve(handler({ sender: { id: win.webContents.id }, senderFrame: { url: frameUrl, parent: null } }, ...args));
}

describe('main process wiring', () => {
  it('starts sandboxed, with a Spanish menu for a Spanish system, one secure window shown when ready', () => {
    expect(stub.calls[0]).toEqual(['enableSandbox']);
    expect(stub.menus[0]?.map((m) => m.label)).toEqual(['&Archivo', '&Edición', '&Ver', '&Facilitador', 'A&yuda']);
    expect(stub.windows).toHaveLength(1);
    const options = stub.windows[0]?.options;
    expect(options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false },
    });
    expect(String((options?.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(stub.calls).toContainEqual(['loadFile', rendererIndex]);
  });

  it('registers every channel, serves our page and refuses others', async () => {
    expect([...stub.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(await invoke('app:version', page)).toEqual({ ok: true, value: '0.1.0' });
    expect(await invoke('app:version', 'https://evil.example/')).toMatchObject({ ok: false, error: { messageKey: 'error.ipc.forbidden' } });
    expect(await invoke('autosave:write', page, { id: 'autosave-t1', label: 'T1', text: '{}' })).toMatchObject({ ok: true });
    expect(existsSync(join(stub.userData.dir, 'autosave', 'autosave-t1.autosave'))).toBe(true);
  });

  it('follows the app language setting in the menu', async () => {
    expect(await invoke('settings:set', page, { settings: { lang: 'en' } })).toEqual({ ok: true, value: null });
    expect(stub.menus.at(-1)?.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', 'F&acilitator', '&Help']);
  });

  it('blocks the network, permissions, navigation and pop-ups', async () => {
    const decide = (url: string) => new Promise((done) => stub.webRequest.before?.({ url }, (r: { cancel: boolean }) => done(r.cancel)));
    expect(await decide('https://example.com/')).toBe(true);
    expect(await decide('file:///etc/passwd')).toBe(true);
    expect(await decide(pathToFileURL(join(resolve(import.meta.dirname, '../../renderer'), 'assets', 'x.js')).href)).toBe(false);
    expect(stub.webRequest.headers).toBeUndefined(); // no dev server in a packaged app
    let granted: unknown;
    stub.ses.permission?.({}, 'media', (v: boolean) => {
      granted = v;
    });
    expect(granted).toBe(false);
    expect(stub.ses.check?.()).toBe(false);
    const contents = stub.windows[0]?.webContents;
    const nav = {
      url: 'https://evil.example/',
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents?.emit('will-navigate', nav);
    expect(nav.prevented).toBe(true);
    expect(contents?.openHandler?.({ url: 'https://x.example/' })).toEqual({ action: 'deny' });
    const log = readFileSync(join(stub.userData.dir, 'logs', 'main.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { event: string }).event);
    expect(log).toEqual(
      expect.arrayContaining(['ipc-rejected', 'request-blocked', 'permission-denied', 'navigation-blocked', 'window-open-blocked']),
    );
  });

  it('sends menu commands to the renderer and remembers the window on close', () => {
    const file = stub.menus.at(-1)?.[0] as { submenu: { label?: string; click?: () => void }[] };
    file.submenu.find((i) => i.label === 'Save')?.click?.();
    expect(stub.calls).toContainEqual(['send', 'menu:command', 'save']);
    stub.windows[0]?.emit('close');
    expect(JSON.parse(readFileSync(join(stub.userData.dir, 'window-state.json'), 'utf8'))).toEqual({
      version: 1,
      bounds: { x: 10, y: 20, width: 1500, height: 800 },
      maximized: false,
    });
  });
});
