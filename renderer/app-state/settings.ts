/** Settings: defaults, and reading them back from storage without trusting what is there. */
import { isLang, type Lang } from '../i18n';
import { clamp } from './engine';
import { OVERLAYS } from '../view-model/board-model';
import { PALETTES, type Overlay, type Palette, type Settings } from './types';

export const ZOOM_MIN = 0.7;
export const ZOOM_MAX = 2;
export const ZOOM_STEP = 0.1;

export function defaultSettings(lang: Lang = 'en'): Settings {
  return { lang, presentation: false, zoom: 1, palette: 'default', overlay: 'coca', flows: true };
}

/** The browser's preferred language, if we have it. */
export function preferredLang(languages: readonly string[] | undefined): Lang {
  for (const l of languages ?? []) {
    const short = l.slice(0, 2).toLowerCase();
    if (isLang(short)) return short;
  }
  return 'en';
}

export const clampZoom = (z: number): number => Math.round(clamp(z, ZOOM_MIN, ZOOM_MAX) * 100) / 100;

/** Keep what is valid in stored settings, drop the rest. */
export function sanitizeSettings(raw: Record<string, unknown>, base: Settings): Settings {
  const out: Settings = { ...base };
  if (isLang(raw.lang)) out.lang = raw.lang;
  if (typeof raw.presentation === 'boolean') out.presentation = raw.presentation;
  if (typeof raw.zoom === 'number' && Number.isFinite(raw.zoom)) out.zoom = clampZoom(raw.zoom);
  if (PALETTES.includes(raw.palette as Palette)) out.palette = raw.palette as Palette;
  if ((OVERLAYS as readonly string[]).includes(raw.overlay as string)) out.overlay = raw.overlay as Overlay;
  if (typeof raw.flows === 'boolean') out.flows = raw.flows;
  return out;
}
