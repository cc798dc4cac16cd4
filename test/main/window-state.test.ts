import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  MIN_HEIGHT,
  MIN_WIDTH,
  loadWindowState,
  parseWindowState,
  parseWindowStateText,
  placeWindow,
  saveWindowStateSync,
  serializeWindowState,
  type Rect,
  type WindowState,
} from '../../main/window-state';
import { tempDir } from './helpers';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 }; // 1366x768 minus a taskbar
const fullHd: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const projector: Rect = { x: 1920, y: 0, width: 1280, height: 800 };
const uhd: Rect = { x: 0, y: 0, width: 3840, height: 2110 };

function state(x: number, y: number, width: number, height: number, maximized = false): WindowState {
  return { bounds: { x, y, width, height }, maximized };
}

function inside(b: Rect, area: Rect): boolean {
  return b.x >= area.x && b.y >= area.y && b.x + b.width <= area.x + area.width && b.y + b.height <= area.y + area.height;
}

describe('parsing saved window state', () => {
  it('accepts what it wrote', () => {
    const s = state(100, 50, 1600, 900, true);
    expect(parseWindowStateText(serializeWindowState(s))).toEqual(s);
  });

  it('rejects malformed JSON and wrong shapes', () => {
    for (const text of ['', '{', 'null', '[]', '"x"', '{"version":1}', '{"bounds":{"x":0,"y":0,"width":1,"height":1},"maximized":false}']) {
      expect(parseWindowStateText(text), text).toBeNull();
    }
    const good = { version: 1, bounds: { x: 0, y: 0, width: 1600, height: 900 }, maximized: false };
    expect(parseWindowState(good)).not.toBeNull();
    const bad: unknown[] = [
      { ...good, version: 2 },
      { ...good, maximized: 'yes' },
      { ...good, extra: 1 },
      { ...good, bounds: { ...good.bounds, width: '1600' } },
      { ...good, bounds: { ...good.bounds, width: 0 } },
      { ...good, bounds: { ...good.bounds, height: -5 } },
      { ...good, bounds: { ...good.bounds, x: 1.5 } },
      { ...good, bounds: { ...good.bounds, x: Number.NaN } },
      { ...good, bounds: { ...good.bounds, y: 1e12 } },
      { ...good, bounds: { x: 0, y: 0, width: 1600 } },
    ];
    for (const value of bad) expect(parseWindowState(value), JSON.stringify(value)).toBeNull();
  });
});

describe('placing the window on the displays there are now', () => {
  it('with no saved state: default size centred on the primary display', () => {
    const p = placeWindow(null, [fullHd], fullHd);
    expect(p.bounds).toEqual({ x: 160, y: 70, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT });
    expect(p.maximized).toBe(false);
    expect([p.minWidth, p.minHeight]).toEqual([MIN_WIDTH, MIN_HEIGHT]);
  });

  it('keeps a sensible saved window where it was', () => {
    expect(placeWindow(state(100, 40, 1500, 850), [fullHd], fullHd).bounds).toEqual({ x: 100, y: 40, width: 1500, height: 850 });
  });

  it('moves a window on an unplugged monitor back to the primary display', () => {
    const p = placeWindow(state(1950, 100, 1280, 720, true), [fullHd], fullHd);
    expect(inside(p.bounds, fullHd)).toBe(true);
    expect(p.bounds).toEqual({ x: 320, y: 160, width: 1280, height: 720 });
    expect(p.maximized).toBe(true);
    const far = placeWindow(state(-50_000, 90_000, 1600, 900), [laptop], laptop);
    expect(inside(far.bounds, laptop)).toBe(true);
  });

  it('pulls a half-off-screen window fully onto the display it overlaps most', () => {
    const p = placeWindow(state(1000, -200, 1400, 800), [fullHd, projector], fullHd);
    expect(inside(p.bounds, fullHd)).toBe(true);
    expect(p.bounds).toEqual({ x: 520, y: 0, width: 1400, height: 800 });
    const onProjector = placeWindow(state(2000, 50, 1280, 720), [fullHd, projector], fullHd);
    expect(inside(onProjector.bounds, projector)).toBe(true);
  });

  it('shrinks a window larger than the display, and grows one below the minimum', () => {
    expect(placeWindow(state(0, 0, 3840, 2160), [laptop], laptop).bounds).toEqual({ ...laptop });
    expect(placeWindow(state(10, 10, 400, 300), [fullHd], fullHd).bounds).toEqual({ x: 10, y: 10, width: MIN_WIDTH, height: MIN_HEIGHT });
  });

  it('works from 1366x768 up to 4K', () => {
    const small = placeWindow(null, [laptop], laptop);
    expect(inside(small.bounds, laptop)).toBe(true);
    expect(small.bounds.width).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(small.bounds.height).toBeGreaterThanOrEqual(MIN_HEIGHT);
    expect(placeWindow(state(200, 100, 3000, 1800), [uhd], uhd).bounds).toEqual({ x: 200, y: 100, width: 3000, height: 1800 });
  });

  it('on a display smaller than the minimum, fits the display', () => {
    const tiny: Rect = { x: 0, y: 0, width: 1024, height: 600 };
    const p = placeWindow(state(0, 0, 1600, 900), [tiny], tiny);
    expect(p.bounds).toEqual(tiny);
    expect([p.minWidth, p.minHeight]).toEqual([1024, 600]);
  });
});

describe('window state file', () => {
  it('round-trips through a real file, atomically', async () => {
    const dir = tempDir();
    const file = join(dir, 'window-state.json');
    expect(await loadWindowState(file)).toBeNull();
    saveWindowStateSync(file, state(10, 20, 1400, 800, true));
    expect(await loadWindowState(file)).toEqual(state(10, 20, 1400, 800, true));
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('treats a damaged file as no saved state', async () => {
    const file = join(tempDir(), 'window-state.json');
    for (const text of [
      '{"version":1,"bounds":',
      '\u0000\u0001',
      '{"version":1,"bounds":{"x":0,"y":0,"width":"wide","height":1},"maximized":false}',
    ]) {
      writeFileSync(file, text);
      expect(await loadWindowState(file)).toBeNull();
    }
  });
});
