/**
 * The map's fixed symbols, drawn with Phaser graphics: ports (an anchor), border crossings (a
 * diamond in the route's colour), the narco-flights' exit and clandestine airstrips (a plane).
 * Shared by the labels layer (on the map) and the legend (its key to symbols).
 */
import * as Phaser from 'phaser';
import { BOARD_THEME } from '../view-model/board-theme';
import type { XY } from '../view-model/geo';
import { fillPoly, PLANE } from './event-glyphs';

export type MapSymbol = 'port' | 'crossing' | 'air-exit' | 'airstrip';

/** Radius of the airstrip icon's disc, px at scale 1. */
export const AIRSTRIP_R = 9.5;

/** Draw a symbol centred on (x, y) at scale `s`; `color` is the crossing's or the airstrip's colour. */
export function drawMapSymbol(g: Phaser.GameObjects.Graphics, kind: MapSymbol, x: number, y: number, color: number, s: number): void {
  if (kind === 'port') {
    const r = 9 * s;
    g.fillStyle(BOARD_THEME.panel, 0.95);
    g.fillCircle(x, y, r);
    g.lineStyle(2 * s, 0xffffff, 1);
    g.strokeCircle(x, y, r);
    // An anchor: ring, shank, stock and arms.
    g.lineStyle(1.6 * s, 0xffffff, 1);
    g.strokeCircle(x, y - 4.6 * s, 1.4 * s);
    g.lineBetween(x, y - 3.2 * s, x, y + 5 * s);
    g.lineBetween(x - 3 * s, y - 1.5 * s, x + 3 * s, y - 1.5 * s);
    g.beginPath();
    g.arc(x, y + 0.5 * s, 4.6 * s, Phaser.Math.DegToRad(20), Phaser.Math.DegToRad(160), false);
    g.strokePath();
  } else if (kind === 'crossing') {
    const r = 8 * s;
    g.fillStyle(BOARD_THEME.panel, 1);
    const o = r + 2 * s;
    fillPoly(g, [
      [x, y - o],
      [x + o, y],
      [x, y + o],
      [x - o, y],
    ]);
    g.fillStyle(color, 1);
    fillPoly(g, [
      [x, y - r],
      [x + r, y],
      [x, y + r],
      [x - r, y],
    ]);
  } else {
    const r = (kind === 'air-exit' ? 10 : AIRSTRIP_R - 2) * s;
    g.fillStyle(BOARD_THEME.panel, 0.9);
    g.fillCircle(x, y, r + 3 * s);
    g.fillStyle(kind === 'air-exit' ? BOARD_THEME.flow.air : color, 1);
    const rot = kind === 'air-exit' ? Math.PI / 2 : Math.PI / 4;
    const cos = Math.cos(rot),
      sin = Math.sin(rot);
    fillPoly(
      g,
      PLANE.map(([px, py]): XY => [x + (px * cos - py * sin) * r, y + (px * sin + py * cos) * r]),
    );
  }
}

/** Stroke a flattened line (`[x0, y0, x1, y1, …]`), closed if asked. */
export function strokeFlat(g: Phaser.GameObjects.Graphics, line: readonly number[], close = false): void {
  if (line.length < 4) return;
  g.beginPath();
  g.moveTo(line[0]!, line[1]!);
  for (let i = 2; i < line.length; i += 2) g.lineTo(line[i]!, line[i + 1]!);
  if (close) g.closePath();
  g.strokePath();
}
