/**
 * The main window's remembered size, position and maximised state: parsed strictly, then fitted to
 * the displays that exist now (a projector unplugged since last time must not leave the window
 * off-screen). Pure functions plus a small load/save pair; no Electron here.
 */
import { z } from 'zod';
import { ServiceError } from './contract';
import { readJsonFile, writeFileAtomicSync } from './file-service';

/** Smallest useful window: the board and its side panels at 1280x720 (usable from 1366x768 up to 4K). */
export const MIN_WIDTH = 1280;
export const MIN_HEIGHT = 720;
export const DEFAULT_WIDTH = 1600;
export const DEFAULT_HEIGHT = 900;
/** Beyond any real display arrangement; larger numbers are corrupt data, not a monitor. */
const COORD_LIMIT = 100_000;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Where the window goes this time, and how small it may be made on this machine. */
export interface PlacedWindow extends WindowState {
  minWidth: number;
  minHeight: number;
}

const coord = z.number().int().min(-COORD_LIMIT).max(COORD_LIMIT);
const size = z.number().int().min(1).max(COORD_LIMIT);

export const WindowStateSchema = z.strictObject({
  version: z.literal(1),
  bounds: z.strictObject({ x: coord, y: coord, width: size, height: size }),
  maximized: z.boolean(),
});

/** Parse saved state; anything malformed (bad JSON, wrong types, absurd numbers) gives null. */
export function parseWindowState(value: unknown): WindowState | null {
  const parsed = WindowStateSchema.safeParse(value);
  return parsed.success ? { bounds: parsed.data.bounds, maximized: parsed.data.maximized } : null;
}

export function parseWindowStateText(text: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(text));
  } catch {
    return null;
  }
}

export function serializeWindowState(state: WindowState): string {
  return JSON.stringify({ version: 1, bounds: state.bounds, maximized: state.maximized });
}

function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * `value` within [lo, hi], where a window larger than the screen keeps its low edge on screen (lo
 * wins when hi < lo). Not the engine's `clamp`: that one lets hi win, and importing it would load
 * and validate the game's content in the main process for one line of arithmetic.
 */
function clamp(value: number, lo: number, hi: number): number {
  return Math.min(Math.max(value, lo), Math.max(lo, hi));
}

function centredIn(area: Rect, width: number, height: number): Rect {
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Fit saved state to the current displays' work areas (`primary` first choice for new windows).
 * - No or malformed state: default size, centred on the primary display, not maximised.
 * - Saved bounds that overlap no display (unplugged monitor): same size if it fits, centred on primary.
 * - Otherwise: on the display it overlaps most, shrunk to fit and moved fully inside it.
 * The minimum is 1280x720, or the display's work area if that is smaller.
 */
export function placeWindow(saved: WindowState | null, displays: readonly Rect[], primary: Rect): PlacedWindow {
  const areas = displays.length > 0 ? displays : [primary];
  const largest = areas.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const minWidth = Math.min(MIN_WIDTH, largest.width);
  const minHeight = Math.min(MIN_HEIGHT, largest.height);

  const fitSize = (area: Rect, width: number, height: number) => ({
    width: clamp(width, Math.min(minWidth, area.width), area.width),
    height: clamp(height, Math.min(minHeight, area.height), area.height),
  });

  if (!saved) {
    const { width, height } = fitSize(primary, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    return { bounds: centredIn(primary, width, height), maximized: false, minWidth, minHeight };
  }

  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of areas) {
    const overlap = intersectionArea(saved.bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }

  if (!best) {
    const { width, height } = fitSize(primary, saved.bounds.width, saved.bounds.height);
    return { bounds: centredIn(primary, width, height), maximized: saved.maximized, minWidth, minHeight };
  }

  const { width, height } = fitSize(best, saved.bounds.width, saved.bounds.height);
  const x = clamp(saved.bounds.x, best.x, best.x + best.width - width);
  const y = clamp(saved.bounds.y, best.y, best.y + best.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized, minWidth, minHeight };
}

/** Load saved state; a missing, unreadable or malformed file is simply "no saved state". */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(await readJsonFile(file, { maxBytes: 64 * 1024 }));
  } catch (error) {
    if (error instanceof ServiceError) return null;
    throw error;
  }
}

/** Save synchronously (called while the window closes, when an await might never resume). */
export function saveWindowStateSync(file: string, state: WindowState): void {
  writeFileAtomicSync(file, serializeWindowState(state));
}
