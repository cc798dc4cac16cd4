import { describe, expect, it } from 'vitest';
import { consoleWindowOptions, mainWindowOptions, pdfWindowOptions, secureWebPreferences } from '../../main/window-options';
import { placeWindow } from '../../main/window-state';

const display = { x: 0, y: 0, width: 1920, height: 1040 };

describe('main window options', () => {
  const options = mainWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    placement: placeWindow(null, [display], display),
    title: 'Cordillera',
    devTools: false,
  });

  it('isolates and sandboxes the renderer, with no Node', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: '/app/out/preload/index.cjs',
      devTools: false,
    });
  });

  it('starts hidden (shown on ready-to-show) at the placed size, never below 1280x720', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Cordillera');
    expect([options.width, options.height, options.minWidth, options.minHeight]).toEqual([1600, 900, 1280, 720]);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('PDF window options', () => {
  const options = pdfWindowOptions('cordillera-pdf');
  it('is hidden, sandboxed, without JavaScript or preload, in an in-memory session', () => {
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      ...secureWebPreferences(),
      javascript: false,
      devTools: false,
      partition: 'cordillera-pdf',
    });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.partition?.startsWith('persist:')).toBe(false);
  });
});

describe("the facilitator's console window options", () => {
  const options = consoleWindowOptions({ preloadPath: '/app/out/preload/index.cjs', title: 'Console', devTools: false });

  it('is as locked down as the main window, with the same one bridge and no DevTools when packaged', () => {
    expect(options.webPreferences).toEqual({ ...secureWebPreferences(), preload: '/app/out/preload/index.cjs', devTools: false });
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });

  it('shows only when painted, and fits a 1366×768 laptop', () => {
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(768);
    expect(options.width).toBeLessThanOrEqual(1366);
    expect(options.height).toBeLessThanOrEqual(768);
  });
});
