/**
 * The IPC handlers end to end, minus Electron: real files in a temp dir, real autosave and settings
 * stores, a real log file. Only the native dialogs, PDF rendering and the window are stand-ins.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Result } from '../../main/contract';
import { FileHandleRegistry } from '../../main/file-handles';
import { AutosaveStore, SettingsStore } from '../../main/file-service';
import { createHandlers, dispatch, registerIpc, type IpcServices, type SaveKind } from '../../main/ipc';
import type { SenderInfo } from '../../main/ipc-validation';
import { createLineLog } from '../../main/log';
import { tempDir } from './helpers';

interface Rig {
  dir: string;
  logFile: string;
  services: IpcServices;
  /** Paths the stand-in dialogs will return next (null = the user cancels). */
  nextOpen: (string | null)[];
  nextSave: (string | null)[];
  saveDialogs: { kind: SaveKind; suggestedName: string }[];
  settingsChanged: Record<string, unknown>[];
  relayed: { to: number; message: Record<string, unknown> }[];
  consoleOpens(): number;
  call(channel: string, ...args: unknown[]): Promise<Result<unknown>>;
  callAs(sender: SenderInfo, channel: string, ...args: unknown[]): Promise<Result<unknown>>;
}

function rig(renderPdf: (html: string) => Promise<Uint8Array> = (html) => Promise.resolve(Buffer.from(`%PDF-1.7 ${html.length}`))): Rig {
  const dir = tempDir();
  const rendererDir = join(dir, 'app', 'out', 'renderer');
  const rendererIndex = join(rendererDir, 'index.html');
  const logFile = join(dir, 'userData', 'logs', 'main.log');
  const nextOpen: (string | null)[] = [];
  const nextSave: (string | null)[] = [];
  const saveDialogs: { kind: SaveKind; suggestedName: string }[] = [];
  const settingsChanged: Record<string, unknown>[] = [];
  let fullScreen = false;
  let consoleOpened = 0;
  const relayed: { to: number; message: Record<string, unknown> }[] = [];
  const services: IpcServices = {
    appVersion: () => '0.1.0',
    dialogs: {
      chooseOpenPath: () => Promise.resolve(nextOpen.shift() ?? null),
      chooseSavePath: (kind, suggestedName) => {
        saveDialogs.push({ kind, suggestedName });
        return Promise.resolve(nextSave.shift() ?? null);
      },
    },
    autosaves: new AutosaveStore(join(dir, 'userData', 'autosave')),
    settings: new SettingsStore(join(dir, 'userData', 'settings.json')),
    handles: new FileHandleRegistry(),
    renderPdf,
    setFullScreen: (on) => (fullScreen = on === 'toggle' ? !fullScreen : on),
    onSettingsChanged: (s) => settingsChanged.push(s),
    openConsole: () => {
      consoleOpened += 1;
    },
    relayConsole: (to, message) => relayed.push({ to, message }),
    trust: () => ({ mainWebContentsId: 7, consoleWebContentsId: 9, origin: { rendererIndex, rendererDir } }),
    log: createLineLog(logFile),
  };
  const handlers = createHandlers(services);
  const me: SenderInfo = { webContentsId: 7, frameUrl: pathToFileURL(rendererIndex).href, isMainFrame: true };
  return {
    dir,
    logFile,
    services,
    nextOpen,
    nextSave,
    saveDialogs,
    settingsChanged,
    relayed,
    consoleOpens: () => consoleOpened,
    call: (channel, ...args) => dispatch(handlers, services, channel, me, args),
    callAs: (sender, channel, ...args) => dispatch(handlers, services, channel, sender, args),
  };
}

function logLines(file: string): Record<string, unknown>[] {
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
}

describe('IPC handlers', () => {
  it('answers the version', async () => {
    expect(await rig().call('app:version')).toEqual({ ok: true, value: '0.1.0' });
  });

  it('save: dialog the first time, then the handle overwrites the same file without a dialog', async () => {
    const r = rig();
    const target = join(r.dir, 'Partida.json');
    r.nextSave.push(target);
    const first = await r.call('game:save', { text: '{"turn":1}', suggestedName: 'Partida.json' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const { handle, name } = first.value as { handle: string; name: string };
    expect(name).toBe('Partida.json');
    expect(handle).toMatch(/^h-[0-9a-f]{32}$/);
    expect(handle).not.toContain(r.dir);
    expect(readFileSync(target, 'utf8')).toBe('{"turn":1}');

    const second = await r.call('game:save', { text: '{"turn":2}', suggestedName: 'ignored.json', handle });
    expect(second).toEqual({ ok: true, value: { handle, name: 'Partida.json' } });
    expect(readFileSync(target, 'utf8')).toBe('{"turn":2}');
    expect(r.saveDialogs).toHaveLength(1);
    expect(readdirSync(r.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('save: a handle main never handed out is refused and nothing is written', async () => {
    const r = rig();
    const forged = `h-${'a'.repeat(32)}`;
    const result = await r.call('game:save', { text: 'x', suggestedName: 'a.json', handle: forged });
    expect(result).toEqual({ ok: false, error: { code: 'invalid', messageKey: 'error.file.unknownHandle' } });
    expect(r.saveDialogs).toHaveLength(0);
    const raw = await r.call('game:save', { text: 'x', suggestedName: 'a.json', handle: join(r.dir, 'a.json') });
    expect(raw.ok ? null : raw.error.messageKey).toBe('error.ipc.invalidArguments');
    expect(existsSync(join(r.dir, 'a.json'))).toBe(false);
  });

  it('open: reads the chosen file and returns a handle that Save accepts', async () => {
    const r = rig();
    const file = join(r.dir, 'game.json');
    writeFileSync(file, '{"turn":5}');
    r.nextOpen.push(file);
    const opened = await r.call('game:open');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const value = opened.value as { name: string; text: string; handle: string };
    expect(value).toMatchObject({ name: 'game.json', text: '{"turn":5}' });
    expect((await r.call('game:save', { text: '{"turn":6}', suggestedName: 'x.json', handle: value.handle })).ok).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('{"turn":6}');
  });

  it('open: a damaged file gives its error key', async () => {
    const r = rig();
    const file = join(r.dir, 'bad.json');
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00]));
    r.nextOpen.push(file);
    expect(await r.call('game:open')).toMatchObject({ ok: false, error: { code: 'invalid', messageKey: 'error.file.notText' } });
  });

  it('a cancelled dialog is a "cancelled" result, not an error in the log', async () => {
    const r = rig();
    const cancelled = { ok: false, error: { code: 'cancelled', messageKey: 'error.dialog.cancelled' } };
    expect(await r.call('game:open')).toEqual(cancelled);
    expect(await r.call('game:save', { text: 'x', suggestedName: 'a.json' })).toEqual(cancelled);
    expect(await r.call('export:file', { kind: 'csv', suggestedName: 't.csv', text: 'a,b' })).toEqual(cancelled);
    expect(await r.call('export:pdf', { suggestedName: 'aar.pdf', html: '<p>x</p>' })).toEqual(cancelled);
    expect(logLines(r.logFile)).toEqual([]);
  });

  it('exports text and PDF through the save dialog', async () => {
    const r = rig();
    r.nextSave.push(join(r.dir, 'turns.csv'), join(r.dir, 'aar.pdf'));
    expect(await r.call('export:file', { kind: 'csv', suggestedName: 'turns.csv', text: 'turn,region\n1,PE-AYA\n' })).toEqual({
      ok: true,
      value: { name: 'turns.csv' },
    });
    expect(await r.call('export:pdf', { suggestedName: 'aar.pdf', html: '<h1>AAR</h1>' })).toEqual({
      ok: true,
      value: { name: 'aar.pdf' },
    });
    expect(readFileSync(join(r.dir, 'turns.csv'), 'utf8')).toBe('turn,region\n1,PE-AYA\n');
    expect(readFileSync(join(r.dir, 'aar.pdf'), 'utf8')).toBe('%PDF-1.7 12');
    expect(r.saveDialogs.map((d) => d.kind)).toEqual(['csv', 'pdf']);
  });

  it('a PDF that fails to render writes nothing and says so', async () => {
    const r = rig(() => Promise.reject(new Error('render process gone')));
    const target = join(r.dir, 'aar.pdf');
    r.nextSave.push(target);
    expect(await r.call('export:pdf', { suggestedName: 'aar.pdf', html: '<p/>' })).toEqual({
      ok: false,
      error: { code: 'io', messageKey: 'error.pdf.failed', detail: 'render process gone' },
    });
    expect(existsSync(target)).toBe(false);
  });

  it('autosaves and settings go to userData', async () => {
    const r = rig();
    for (let i = 1; i <= 6; i++)
      expect((await r.call('autosave:write', { id: `turn-${i}`, label: `Turn ${i}`, text: `{"turn":${i}}` })).ok).toBe(true);
    const list = await r.call('autosave:list');
    expect(list.ok && (list.value as { id: string }[]).map((e) => e.id)).toEqual(['turn-6', 'turn-5', 'turn-4', 'turn-3', 'turn-2']);
    expect(await r.call('autosave:read', { id: 'turn-4' })).toEqual({ ok: true, value: '{"turn":4}' });
    expect(await r.call('settings:get')).toEqual({ ok: true, value: {} });
    expect(await r.call('settings:set', { settings: { lang: 'es' } })).toEqual({ ok: true, value: null });
    expect(await r.call('settings:get')).toEqual({ ok: true, value: { lang: 'es' } });
    expect(r.settingsChanged).toEqual([{ lang: 'es' }]);
  });

  it('full screen: set and toggle, answering the new state', async () => {
    const r = rig();
    expect(await r.call('window:set-fullscreen', { on: true })).toEqual({ ok: true, value: true });
    expect(await r.call('window:set-fullscreen', { on: 'toggle' })).toEqual({ ok: true, value: false });
  });

  it('console: the main window opens it; only the main and console windows may post, and only console messages', async () => {
    const r = rig();
    const page = pathToFileURL(join(r.dir, 'app', 'out', 'renderer', 'index.html')).href;
    expect(await r.call('console:open')).toEqual({ ok: true, value: null });
    expect(r.consoleOpens()).toBe(1);
    const fromConsole = { webContentsId: 9, frameUrl: `${page}#console`, isMainFrame: true };
    // The console window may post, but not open itself again or reach any other channel.
    expect(await r.callAs(fromConsole, 'console:post', { message: { type: 'hello', consoleId: 'c1' } })).toEqual({ ok: true, value: null });
    expect((await r.callAs(fromConsole, 'console:open')).ok).toBe(false);
    expect((await r.callAs(fromConsole, 'settings:get')).ok).toBe(false);
    expect(await r.call('console:post', { message: { type: 'snapshot', to: ['c1'], snapshot: {} } })).toEqual({ ok: true, value: null });
    // Each goes to the other window: the console's hello to the main window (7), the snapshot to the console (9).
    expect(r.relayed.map((x) => [x.to, x.message.type])).toEqual([
      [7, 'hello'],
      [9, 'snapshot'],
    ]);
    // Another window, or a message of another kind, is refused and never relayed.
    expect(
      (
        await r.callAs({ webContentsId: 8, frameUrl: page, isMainFrame: true }, 'console:post', {
          message: { type: 'hello', consoleId: 'c1' },
        })
      ).ok,
    ).toBe(false);
    expect((await r.call('console:post', { message: { type: 'eval', code: 'x' } })).ok).toBe(false);
    expect((await r.call('console:post', 'hello')).ok).toBe(false);
    expect(r.relayed).toHaveLength(2);
  });

  it('console: a message in the wrong direction, or with a bad envelope, is refused, logged and not relayed', async () => {
    const r = rig();
    const page = pathToFileURL(join(r.dir, 'app', 'out', 'renderer', 'index.html')).href;
    const fromConsole = { webContentsId: 9, frameUrl: `${page}#console`, isMainFrame: true };
    const refused = async (p: Promise<Result<unknown>>) => expect((await p).ok).toBe(false);
    // The console cannot pose as the game (a forged snapshot or lock for another console) …
    await refused(r.callAs(fromConsole, 'console:post', { message: { type: 'snapshot', to: ['c2'], snapshot: { game: null } } }));
    await refused(r.callAs(fromConsole, 'console:post', { message: { type: 'locked', to: 'c2', wrong: false } }));
    // … nor the main window send commands or guesses at the passphrase to the console.
    await refused(r.call('console:post', { message: { type: 'command', consoleId: 'c1', command: { type: 'release' } } }));
    await refused(r.call('console:post', { message: { type: 'unlock', consoleId: 'c1', passphrase: 'x' } }));
    // Envelopes: ids, the passphrase's length, a command's type, no extra fields.
    await refused(r.callAs(fromConsole, 'console:post', { message: { type: 'hello' } }));
    await refused(r.callAs(fromConsole, 'console:post', { message: { type: 'hello', consoleId: '../main' } }));
    await refused(r.callAs(fromConsole, 'console:post', { message: { type: 'unlock', consoleId: 'c1', passphrase: 'p'.repeat(201) } }));
    await refused(r.callAs(fromConsole, 'console:post', { message: { type: 'command', consoleId: 'c1', command: 'release' } }));
    await refused(r.callAs(fromConsole, 'console:post', { message: { type: 'command', consoleId: 'c1', command: { type: '<script>' } } }));
    await refused(r.callAs(fromConsole, 'console:post', { message: { type: 'hello', consoleId: 'c1', extra: 1 } }));
    await refused(r.callAs(fromConsole, 'console:post', { message: { type: 'hello', consoleId: 'c1' } }, 'second argument'));
    // A console page shown in a frame of the console window, or an outside page in it, is not the console.
    await refused(r.callAs({ ...fromConsole, isMainFrame: false }, 'console:post', { message: { type: 'hello', consoleId: 'c1' } }));
    await refused(
      r.callAs({ ...fromConsole, frameUrl: 'https://evil.example/#console' }, 'console:post', {
        message: { type: 'hello', consoleId: 'c1' },
      }),
    );
    expect(r.relayed).toEqual([]);
    const lines = logLines(r.logFile);
    expect(lines).toHaveLength(13);
    expect(lines.slice(0, 4).map((l) => [l.event, l.key])).toEqual(Array(4).fill(['ipc-failed', 'error.ipc.forbidden']));
    expect(lines[0]!.detail).toBe('the console does not send "snapshot"');
    expect(lines[2]!.detail).toBe('the main window does not send "command"');
    expect(lines.slice(4).every((l) => l.event === 'ipc-rejected')).toBe(true);
  });

  it('rejects foreign senders and malformed calls, logging one line each', async () => {
    const r = rig();
    const page = pathToFileURL(join(r.dir, 'app', 'out', 'renderer', 'index.html')).href;
    const forbidden = { ok: false, error: { code: 'invalid', messageKey: 'error.ipc.forbidden' } };
    expect(await r.callAs({ webContentsId: 8, frameUrl: page, isMainFrame: true }, 'settings:get')).toEqual(forbidden);
    expect(await r.callAs({ webContentsId: 7, frameUrl: 'https://evil.example/', isMainFrame: true }, 'settings:get')).toEqual(forbidden);
    expect(await r.callAs({ webContentsId: 7, frameUrl: page, isMainFrame: false }, 'autosave:list')).toEqual(forbidden);
    expect((await r.call('autosave:read', { id: '../settings' })).ok).toBe(false);
    expect((await r.call('fs:write', '/etc/passwd')).ok).toBe(false);
    const lines = logLines(r.logFile);
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.event)).toEqual(Array(5).fill('ipc-rejected'));
    expect(lines[1]).toMatchObject({ channel: 'settings:get', sender: 7, url: 'https://evil.example/' });
    expect(String(lines[3]?.reason)).toContain('id');
  });

  it('an unexpected exception becomes error.unexpected and is logged', async () => {
    const r = rig();
    r.services.appVersion = () => {
      throw new TypeError('boom');
    };
    const handlers = createHandlers(r.services);
    const me: SenderInfo = {
      webContentsId: 7,
      frameUrl: pathToFileURL(join(r.dir, 'app', 'out', 'renderer', 'index.html')).href,
      isMainFrame: true,
    };
    expect(await dispatch(handlers, r.services, 'app:version', me, [])).toEqual({
      ok: false,
      error: { code: 'io', messageKey: 'error.unexpected' },
    });
    expect(logLines(r.logFile)).toMatchObject([{ event: 'ipc-error', detail: 'TypeError: boom' }]);
  });
});

describe('registerIpc', () => {
  it('registers one handler per channel and checks the real event shape', async () => {
    const r = rig();
    const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const fakeIpcMain = {
      handle: (channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => registered.set(channel, listener),
      removeHandler: (channel: string) => registered.delete(channel),
    } as unknown as IpcMain;
    const unregister = registerIpc(fakeIpcMain, r.services);
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());

    const page = pathToFileURL(join(r.dir, 'app', 'out', 'renderer', 'index.html')).href;
    const event = (id: number, url: string, parent: object | null) =>
      ({ sender: { id }, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;
    const version = registered.get('app:version');
    expect(await version?.(event(7, page, null))).toEqual({ ok: true, value: '0.1.0' });
    expect(await version?.(event(7, page, {}))).toMatchObject({ ok: false, error: { messageKey: 'error.ipc.forbidden' } });
    expect(await version?.(event(9, page, null))).toMatchObject({ ok: false, error: { messageKey: 'error.ipc.forbidden' } });
    const disposed = {
      sender: { id: 7 },
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    } as unknown as IpcMainInvokeEvent;
    expect(await version?.(disposed)).toMatchObject({ ok: false, error: { messageKey: 'error.ipc.forbidden' } });

    unregister();
    expect(registered.size).toBe(0);
  });
});
