/**
 * The desktop app, end to end: launch the built app with Electron, check the window and that the
 * renderer is sandboxed (no Node) with only the bridge exposed. Needs an Electron binary, `npm run
 * build` first, and a display on Linux (xvfb-run); where any of them is missing it is skipped and
 * says why.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CordilleraBridge } from '../../renderer/platform/bridge';

const root = resolve(import.meta.dirname, '../..');
const mainEntry = join(root, 'out', 'main', 'index.js');

/**
 * The Electron binary path, or why there is none. `require('electron')` downloads the binary when
 * it is missing, so look first and only require it when it is there (or overridden).
 */
function findElectron(): { path: string } | { reason: string } {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (npm ci)' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    if (!existsSync(pathFile)) {
      return {
        reason:
          'the Electron binary is not installed (node_modules/electron/path.txt is missing): it is downloaded from outside the npm registry on first install, which this machine cannot reach; set ELECTRON_MIRROR or ELECTRON_OVERRIDE_DIST_PATH',
      };
    }
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (!existsSync(binary)) return { reason: `the Electron binary is not installed (${binary} does not exist)` };
  }
  try {
    const path = require('electron') as unknown;
    if (typeof path !== 'string') return { reason: 'require("electron") did not return a path' };
    return existsSync(path) ? { path } : { reason: `the Electron binary is not installed (${path} does not exist)` };
  } catch (error) {
    return { reason: `the Electron binary is not usable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

const electronBinary = findElectron();

/** Everything the preload may expose: one method per IPC channel plus menu commands (no ipcRenderer). */
const BRIDGE_METHODS: (keyof CordilleraBridge)[] = [
  'appVersion',
  'openGame',
  'saveGame',
  'exportFile',
  'exportPdf',
  'autosaveWrite',
  'autosaveList',
  'autosaveRead',
  'settingsGet',
  'settingsSet',
  'setFullScreen',
  'onMenuCommand',
  'openConsole',
  'consolePost',
  'onConsoleMessage',
];

function skipReason(): string | null {
  if ('reason' in electronBinary) return electronBinary.reason;
  if (!existsSync(mainEntry)) return `${mainEntry} is missing: run \`npm run build\` first`;
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) return 'out/renderer/index.html is missing: run `npm run build` first';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display: run under xvfb-run on Linux';
  }
  return null;
}

test.describe('desktop app (Electron)', () => {
  const reason = skipReason();
  if (reason) console.log(`[electron.spec] skipped: ${reason}`);
  test.skip(reason !== null, reason ?? '');

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'cordillera-e2e-'));
    app = await electron.launch({
      ...('path' in electronBinary ? { executablePath: electronBinary.path } : {}),
      args: [root],
      cwd: root,
      env: { ...process.env, CORDILLERA_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '' },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window titled Cordillera, sandboxed, without Node in the page', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await expect(page).toHaveTitle(/Cordillera/);

    const inPage = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: typeof window.cordillera,
      bridgeKeys: Object.keys(window.cordillera ?? {}).sort(),
    }));
    expect(inPage).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object', bridgeKeys: [...BRIDGE_METHODS].sort() });

    const version = await page.evaluate(() => window.cordillera?.appVersion());
    expect(version).toMatchObject({ ok: true });

    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
    expect(windows).toHaveLength(1);
  });

  test('refuses to open new windows or reach the network', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => window.open('https://example.com/', '_blank'));
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test("opens the facilitator's console in a second window, as locked down as the first, talking only through main", async () => {
    const page = await app.firstWindow();
    const opening = app.waitForEvent('window');
    // The Facilitator menu's command, as the menu sends it to the main window.
    await app.evaluate(({ BrowserWindow }) => {
      const main = BrowserWindow.getAllWindows()[0];
      main?.webContents.send('menu:command', 'open-console');
    });
    const con = await opening;
    await con.waitForLoadState('domcontentloaded');
    expect(con.url()).toMatch(/#console$/);
    await expect(con.getByRole('heading', { name: "Facilitator's console" })).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
    const inConsole = await con.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    // No Node in the console's page either: only the bridge (its preferences are checked in test/main/window-options.test.ts).
    expect(inConsole).toEqual({ require: 'undefined', process: 'undefined' });
    // The console may post (main relays it) but may not call the main window's channels.
    expect(await con.evaluate(() => window.cordillera?.settingsGet())).toMatchObject({
      ok: false,
      error: { messageKey: 'error.ipc.forbidden' },
    });
    expect(
      await con.evaluate(() => window.cordillera?.consolePost({ message: { type: 'snapshot', to: ['c1'], snapshot: {} } })),
    ).toMatchObject({ ok: false });
    // Closing the main window closes the console with it.
    await page.close();
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
  });
});
