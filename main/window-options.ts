/**
 * BrowserWindow options, as pure functions so tests can check the security settings without
 * Electron. Follows Electron's security checklist: isolated, sandboxed renderers with no Node.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { PlacedWindow } from './window-state';

/** The board's dark background, so the window does not flash white before the first paint. */
export const BACKGROUND_COLOR = '#11161d';

/** Web preferences every window of ours gets (the main window adds its preload). */
export function secureWebPreferences(): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (`out/preload/index.cjs`). */
  preloadPath: string;
  placement: PlacedWindow;
  title: string;
  /** DevTools only in development. */
  devTools: boolean;
}

export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  const { bounds, minWidth, minHeight } = input.placement;
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth,
    minHeight,
    show: false,
    title: input.title,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: false,
    webPreferences: {
      ...secureWebPreferences(),
      preload: input.preloadPath,
      devTools: input.devTools,
    },
  };
}

/** The facilitator's console: the same secure preferences and preload as the main window. */
export function consoleWindowOptions(input: { preloadPath: string; title: string; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 760,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: input.title,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    webPreferences: {
      ...secureWebPreferences(),
      preload: input.preloadPath,
      devTools: input.devTools,
    },
  };
}

/**
 * The hidden window that renders a report to PDF: sandboxed, no preload, JavaScript off, and its own
 * in-memory session (`partition`) whose network policy allows only the report file itself.
 */
export function pdfWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1240,
    height: 1754,
    webPreferences: {
      ...secureWebPreferences(),
      javascript: false,
      images: true,
      devTools: false,
      partition,
      offscreen: false,
    },
  };
}
