/**
 * The platform the renderer runs on: the desktop app when the preload bridge is there
 * (`window.cordillera`), else the plain web build. The app calls `getPlatform()` and never asks
 * which one it got, except through `platform.kind` for wording.
 */
import { createElectronPlatform } from './electron';
import type { Platform } from './types';
import { createWebPlatform } from './web';

export type * from './types';
export type { CordilleraBridge } from './bridge';

/** Pick the implementation for a window (exported for tests; the app uses `getPlatform`). */
export function createPlatform(win: Window = window): Platform {
  const bridge = win.cordillera;
  return bridge ? createElectronPlatform(bridge) : createWebPlatform();
}

let current: Platform | undefined;

/** The platform of this window, created on first use. */
export function getPlatform(): Platform {
  current ??= createPlatform();
  return current;
}
