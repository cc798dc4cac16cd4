/**
 * The symbols of the turn's events, drawn with Phaser graphics at any radius: a dark disc with a
 * coloured ring and a glyph whose shape tells the kind (so colour is never the only cue). Shared by
 * the markers on the map and the legend.
 */
import type * as Phaser from 'phaser';
import type { AnimMarkerKind } from '../view-model/board-animation';
import { BOARD_THEME } from '../view-model/board-theme';
import type { XY } from '../view-model/geo';

/** A small aircraft, nose up, in a unit box (as the airstrip symbol). */
export const PLANE: readonly XY[] = [
  [0, -1],
  [0.13, -0.72],
  [0.13, -0.28],
  [1, 0.18],
  [1, 0.36],
  [0.13, 0.16],
  [0.1, 0.62],
  [0.38, 0.84],
  [0.38, 0.98],
  [0, 0.9],
  [-0.38, 0.98],
  [-0.38, 0.84],
  [-0.1, 0.62],
  [-0.13, 0.16],
  [-1, 0.36],
  [-1, 0.18],
  [-0.13, -0.28],
  [-0.13, -0.72],
];

export function fillPoly(g: Phaser.GameObjects.Graphics, pts: readonly XY[]): void {
  if (pts.length < 3) return;
  g.beginPath();
  g.moveTo(pts[0]![0], pts[0]![1]);
  for (let i = 1; i < pts.length; i++) g.lineTo(pts[i]![0], pts[i]![1]);
  g.closePath();
  g.fillPath();
}

const at = (x: number, y: number, r: number, pts: readonly XY[], rot = 0): XY[] => {
  const c = Math.cos(rot),
    s = Math.sin(rot);
  return pts.map(([px, py]): XY => [x + (px * c - py * s) * r, y + (px * s + py * c) * r]);
};

function star(points: number, outer: number, inner: number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < points * 2; i++) {
    const a = (Math.PI * i) / points - Math.PI / 2;
    const r = i % 2 === 0 ? outer : inner;
    out.push([Math.cos(a) * r, Math.sin(a) * r]);
  }
  return out;
}
const BURST = star(8, 0.78, 0.38);
const FLASK: XY[] = [
  [-0.14, -0.62],
  [0.14, -0.62],
  [0.14, -0.16],
  [0.52, 0.52],
  [-0.52, 0.52],
  [-0.14, -0.16],
];
const TRIANGLE: XY[] = [
  [0, -0.66],
  [0.62, 0.5],
  [-0.62, 0.5],
];
const HOUSE: XY[] = [
  [0, -0.6],
  [0.55, -0.08],
  [0.42, -0.08],
  [0.42, 0.5],
  [-0.42, 0.5],
  [-0.42, -0.08],
  [-0.55, -0.08],
];

/**
 * Draw one event symbol centred on (x, y) with radius r (px, already scaled); `s` scales line
 * widths. `color` is the kind's colour (for a change of control, the new holder's).
 */
export function drawEventGlyph(
  g: Phaser.GameObjects.Graphics,
  kind: AnimMarkerKind,
  x: number,
  y: number,
  r: number,
  color: number,
  s: number,
): void {
  const dark = BOARD_THEME.panel;
  const disc = kind === 'shootdown' ? color : dark;
  g.fillStyle(disc, 0.94);
  g.fillCircle(x, y, r);
  g.lineStyle(Math.max(1.5, 2 * s), kind === 'shootdown' ? 0xffffff : color, 1);
  g.strokeCircle(x, y, r);
  const lw = Math.max(1.5, r * 0.2);
  switch (kind) {
    case 'seizure':
      g.fillStyle(color, 1);
      fillPoly(g, at(x, y, r, BURST));
      break;
    case 'labsDestroyed':
      g.fillStyle(color, 1);
      fillPoly(g, at(x, y, r, FLASK));
      break;
    case 'flightsInterdicted':
      g.fillStyle(color, 1);
      fillPoly(g, at(x, y, r * 0.62, PLANE, Math.PI / 4));
      break;
    case 'shootdown':
      g.fillStyle(0xffffff, 1);
      fillPoly(g, at(x, y, r * 0.6, PLANE, Math.PI / 4));
      g.lineStyle(lw, dark, 1);
      g.lineBetween(x - r * 0.62, y + r * 0.62, x + r * 0.62, y - r * 0.62);
      break;
    case 'clash':
      g.lineStyle(lw * 1.2, color, 1);
      g.lineBetween(x - r * 0.45, y - r * 0.45, x + r * 0.45, y + r * 0.45);
      g.lineBetween(x - r * 0.45, y + r * 0.45, x + r * 0.45, y - r * 0.45);
      break;
    case 'ambush':
      g.fillStyle(color, 1);
      fillPoly(g, at(x, y, r, TRIANGLE));
      g.fillStyle(dark, 1);
      g.fillRect(x - lw * 0.35, y - r * 0.28, lw * 0.7, r * 0.42);
      g.fillRect(x - lw * 0.35, y + r * 0.22, lw * 0.7, lw * 0.7);
      break;
    case 'attack':
      g.fillStyle(color, 1);
      fillPoly(g, at(x, y, r, HOUSE));
      break;
    case 'leaderKilled':
    case 'leaderCaptured':
      // Crosshairs; a capture also has a closed square in the middle.
      g.lineStyle(lw * 0.8, color, 1);
      g.strokeCircle(x, y, r * 0.48);
      g.lineBetween(x - r * 0.78, y, x - r * 0.22, y);
      g.lineBetween(x + r * 0.22, y, x + r * 0.78, y);
      g.lineBetween(x, y - r * 0.78, x, y - r * 0.22);
      g.lineBetween(x, y + r * 0.22, x, y + r * 0.78);
      g.fillStyle(color, 1);
      if (kind === 'leaderKilled') g.fillCircle(x, y, Math.max(1.5, r * 0.14));
      else g.fillRect(x - r * 0.16, y - r * 0.16, r * 0.32, r * 0.32);
      break;
    case 'controlChanged':
      // A flag in the new holder's colour.
      g.lineStyle(Math.max(1.2, r * 0.14), 0xffffff, 1);
      g.lineBetween(x - r * 0.4, y - r * 0.6, x - r * 0.4, y + r * 0.62);
      g.fillStyle(color, 1);
      fillPoly(g, [
        [x - r * 0.34, y - r * 0.6],
        [x + r * 0.6, y - r * 0.3],
        [x - r * 0.34, y],
      ]);
      break;
  }
}

/** An arrow sample for the legend: a short straight line with a head. */
export function drawLegendArrow(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  len: number,
  width: number,
  color: number,
  dashed: boolean,
  s: number,
): void {
  const head = Math.max(6 * s, width * 2.2);
  const x1 = x + len - head * 0.8;
  for (const pass of ['casing', 'core'] as const) {
    const c = pass === 'casing' ? BOARD_THEME.flowCasing : color;
    const w = pass === 'casing' ? width + 2.5 * s : width;
    g.lineStyle(w, c, pass === 'casing' ? 0.7 : 1);
    if (dashed) {
      const dash = 7 * s,
        gap = 4 * s;
      for (let p = x; p < x1; p += dash + gap) g.lineBetween(p, y, Math.min(x1, p + dash), y);
    } else {
      g.lineBetween(x, y, x1, y);
    }
    const e = pass === 'casing' ? 1.5 * s : 0;
    g.fillStyle(c, 1);
    g.fillTriangle(x + len + e, y, x1 - e, y - head * 0.6 - e, x1 - e, y + head * 0.6 + e);
  }
}
