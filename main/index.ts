/**
 * Electron main process: one window, the application menu, security hooks and the IPC handlers.
 * The logic lives in plain modules (window-state, window-options, file-service, ipc-validation,
 * security-policy, menu); this file wires them to Electron.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, screen, session } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_MESSAGE_CHANNEL, MENU_COMMAND_CHANNEL, ServiceError, type MenuCommand } from './contract';
import { openGameDialogOptions, saveDialogOptions } from './dialog-options';
import { FileHandleRegistry } from './file-handles';
import { AutosaveStore, DEFAULT_AUTOSAVE_KEEP, SettingsStore, removeStaleTempFiles } from './file-service';
import { registerIpc, type SaveKind } from './ipc';
import { createLineLog, type LogFn } from './log';
import { buildMenuTemplate } from './menu';
import { menuLabels, pickMenuLocale, type MenuLabels, type MenuLocale } from './menu-labels';
import { renderPdf } from './pdf';
import { devContentSecurityPolicy, isAllowedRequest, isAppPageUrl, isDevServerResponse, type AppOrigin } from './security-policy';
import { consoleWindowOptions, mainWindowOptions } from './window-options';
import { loadWindowState, placeWindow, saveWindowStateSync } from './window-state';

const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const origin: AppOrigin = {
  rendererIndex: join(here, '../renderer/index.html'),
  rendererDir: join(here, '../renderer'),
  devServerUrl,
};
const preloadPath = join(here, '../preload/index.cjs');

// A separate profile for tests, or for a portable copy on a seminar laptop.
const userDataOverride = process.env.CORDILLERA_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', resolve(userDataOverride));

app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId('org.cordillera.wargame');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  /** The facilitator's console: a second window, for the facilitator's laptop (the main one is public). */
  let consoleWindow: BrowserWindow | null = null;
  let locale: MenuLocale = 'en';
  let labels: MenuLabels = menuLabels(locale);
  let log: LogFn = () => undefined;

  const userData = () => app.getPath('userData');
  const windowStateFile = () => join(userData(), 'window-state.json');

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  // Every web contents we ever create: no navigation away from our page, no new windows, no webviews.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!isAppPageUrl(event.url, origin)) {
        event.preventDefault();
        log('navigation-blocked', { url: event.url.slice(0, 200) });
      }
    });
    contents.on('will-redirect', (event) => {
      if (!isAppPageUrl(event.url, origin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      log('window-open-blocked', { url: url.slice(0, 200) });
      return { action: 'deny' };
    });
  });

  function sendMenuCommand(command: MenuCommand): void {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command);
  }

  function installMenu(next: MenuLocale): void {
    locale = next;
    labels = menuLabels(next);
    const template = buildMenuTemplate({ labels, platform: process.platform, isDev: !app.isPackaged, send: sendMenuCommand });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function hardenSession(): void {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_contents, permission, callback) => {
      log('permission-denied', { permission });
      callback(false);
    });
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
    // The app never touches the network: only our files (and the dev server in development).
    ses.webRequest.onBeforeRequest((details, callback) => {
      const allowed = isAllowedRequest(details.url, origin);
      if (!allowed) log('request-blocked', { url: details.url.slice(0, 200) });
      callback({ cancel: !allowed });
    });
    if (devServerUrl) {
      const csp = devContentSecurityPolicy();
      ses.webRequest.onHeadersReceived((details, callback) => {
        if (!isDevServerResponse(details.url, origin)) {
          callback({});
          return;
        }
        const headers = Object.fromEntries(
          Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
        );
        callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
      });
    }
  }

  async function chooseOpenPath(): Promise<string | null> {
    const options = openGameDialogOptions(labels, app.getPath('documents'));
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  async function chooseSavePath(kind: SaveKind, suggestedName: string): Promise<string | null> {
    const options = saveDialogOptions(kind, suggestedName, labels, app.getPath('documents'));
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  async function createMainWindow(): Promise<void> {
    const saved = await loadWindowState(windowStateFile());
    const placement = placeWindow(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
      screen.getPrimaryDisplay().workArea,
    );
    const win = new BrowserWindow(mainWindowOptions({ preloadPath, placement, title: labels.appName, devTools: !app.isPackaged }));
    mainWindow = win;

    win.once('ready-to-show', () => {
      if (placement.maximized) win.maximize();
      win.show();
    });

    const remember = () => {
      if (win.isDestroyed()) return;
      try {
        saveWindowStateSync(windowStateFile(), { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
      } catch (error) {
        log('window-state-not-saved', { detail: error instanceof ServiceError ? (error.detail ?? error.messageKey) : String(error) });
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const rememberSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(remember, 1000);
    };
    win.on('resize', rememberSoon);
    win.on('move', rememberSoon);
    win.on('maximize', rememberSoon);
    win.on('unmaximize', rememberSoon);
    win.on('close', () => {
      clearTimeout(timer);
      remember();
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
      // The console serves the game in this window: without it, it closes too (and the app can quit).
      if (consoleWindow && !consoleWindow.isDestroyed()) consoleWindow.close();
    });

    const loaded = devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(origin.rendererIndex);
    loaded.catch((error: unknown) => {
      log('renderer-load-failed', { detail: error instanceof Error ? error.message.slice(0, 300) : String(error) });
      dialog.showErrorBox(labels.loadFailedTitle, labels.loadFailed);
      win.show();
    });
  }

  function openConsoleWindow(): void {
    if (consoleWindow && !consoleWindow.isDestroyed()) {
      consoleWindow.show();
      consoleWindow.focus();
      return;
    }
    const win = new BrowserWindow(consoleWindowOptions({ preloadPath, title: labels.openConsole, devTools: !app.isPackaged }));
    consoleWindow = win;
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (consoleWindow === win) consoleWindow = null;
    });
    const loaded = devServerUrl ? win.loadURL(`${devServerUrl}#console`) : win.loadFile(origin.rendererIndex, { hash: 'console' });
    loaded.catch((error: unknown) => {
      log('console-load-failed', { detail: error instanceof Error ? error.message.slice(0, 300) : String(error) });
    });
  }

  /** A checked message (see `console-relay.ts`) to the window it is for, if it is still open. */
  function relayConsole(toId: number, message: Record<string, unknown>): void {
    for (const w of [mainWindow, consoleWindow]) {
      if (w && !w.isDestroyed() && w.webContents.id === toId) w.webContents.send(CONSOLE_MESSAGE_CHANNEL, message);
    }
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    log = createLineLog(join(userData(), 'logs', 'main.log'));
    hardenSession();

    const settings = new SettingsStore(join(userData(), 'settings.json'));
    let savedLocale: unknown;
    try {
      savedLocale = (await settings.get()).lang;
    } catch {
      savedLocale = undefined;
    }
    installMenu(pickMenuLocale(savedLocale, app.getLocale()));

    const autosaveDir = join(userData(), 'autosave');
    await removeStaleTempFiles(userData());
    await removeStaleTempFiles(autosaveDir);

    registerIpc(ipcMain, {
      appVersion: () => app.getVersion(),
      dialogs: { chooseOpenPath, chooseSavePath },
      autosaves: new AutosaveStore(autosaveDir, DEFAULT_AUTOSAVE_KEEP),
      settings,
      handles: new FileHandleRegistry(),
      renderPdf: (html) => renderPdf(html, app.getPath('temp')),
      setFullScreen: (on) => {
        if (!mainWindow || mainWindow.isDestroyed()) return false;
        const next = on === 'toggle' ? !mainWindow.isFullScreen() : on;
        mainWindow.setFullScreen(next);
        return next;
      },
      onSettingsChanged: (next) => {
        const wanted = pickMenuLocale(next.lang, app.getLocale());
        if (wanted !== locale) installMenu(wanted);
      },
      openConsole: openConsoleWindow,
      relayConsole,
      trust: () => ({
        mainWebContentsId: mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null,
        consoleWebContentsId: consoleWindow && !consoleWindow.isDestroyed() ? consoleWindow.webContents.id : null,
        origin,
      }),
      log: (event, fields) => log(event, fields),
    });

    await createMainWindow();

    app.on('activate', () => {
      if (!mainWindow) void createMainWindow();
    });
  });
}
