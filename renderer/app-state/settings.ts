/** Settings: defaults, and reading them back from storage without trusting what is there. */
import { z } from 'zod';
import { LANGS, isLang, type Lang } from '../i18n';
import { clamp } from './engine';
import { OVERLAYS } from '../view-model/board-theme';
import { PALETTES, type Palette, type Settings } from './types';

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

/**
 * Stored settings, field by field: a field that is missing or not valid reads as `undefined` (and
 * the current value is kept), so one bad field never loses the others. A zoom out of range is
 * brought into range rather than dropped.
 */
export const StoredSettingsSchema = z.object({
  lang: z.enum(LANGS).optional().catch(undefined),
  presentation: z.boolean().optional().catch(undefined),
  zoom: z.number().refine(Number.isFinite).transform(clampZoom).optional().catch(undefined),
  palette: z
    .enum(PALETTES as [Palette, ...Palette[]])
    .optional()
    .catch(undefined),
  overlay: z.enum(OVERLAYS).optional().catch(undefined),
  flows: z.boolean().optional().catch(undefined),
});

/** Keep what is valid in stored settings, drop the rest. */
export function sanitizeSettings(raw: Record<string, unknown>, base: Settings): Settings {
  const stored = StoredSettingsSchema.safeParse(raw);
  const valid = Object.entries(stored.success ? stored.data : {}).filter(([, v]) => v !== undefined);
  return { ...base, ...(Object.fromEntries(valid) as Partial<Settings>) };
}
