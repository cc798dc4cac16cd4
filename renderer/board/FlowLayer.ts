/**
 * The trafficking flows, in world space: each route's line (casing and core, dashed by mode, an
 * arrowhead at the exit) and its dots, which travel along it every frame. Lines are drawn once per
 * model and zoom; a frame only moves the dots (taken from a pool, one texture per mode).
 */
import type * as Phaser from 'phaser';
import type { BoardFlow, BoardModel, FlowMode } from '../view-model/board-model';
import { BOARD_THEME } from '../view-model/board-theme';
import { ARC_STYLES, buildArc, dashRuns, dotCount, endDirection, type ArcGeometry } from '../view-model/geo-arcs';
import type { LayerHost } from './layer-host';

const DOT_TEXTURE = 'board-dot';
export const dotTexture = (mode: FlowMode): string => `${DOT_TEXTURE}-${mode}`;
const DOT_TEXTURE_SIZE = 32;

interface ArcRuntime {
  flow: BoardFlow;
  geom: ArcGeometry;
  dots: Phaser.GameObjects.Image[];
  speed: number;
  phase: number;
}

/** One dot texture per mode, colours baked in (the Canvas renderer cannot tint). */
export function makeDotTextures(scene: Phaser.Scene): void {
  const c = DOT_TEXTURE_SIZE / 2;
  for (const mode of ['air', 'sea', 'river', 'land'] as const) {
    if (scene.textures.exists(dotTexture(mode))) continue;
    const g = scene.add.graphics();
    g.fillStyle(0x0a1420, 0.9);
    g.fillCircle(c, c, c - 1);
    g.fillStyle(BOARD_THEME.flow[mode], 1);
    g.fillCircle(c, c, c - 6);
    g.generateTexture(dotTexture(mode), DOT_TEXTURE_SIZE, DOT_TEXTURE_SIZE);
    g.destroy();
  }
}

export class FlowLayer {
  private arcs: ArcRuntime[] = [];
  private dotPool: Phaser.GameObjects.Image[] = [];

  constructor(
    private readonly host: LayerHost,
    private readonly gfx: Phaser.GameObjects.Graphics,
    private readonly dotLayer: Phaser.GameObjects.Container,
  ) {}

  /** Each flow's geometry on the board, by flow id (the resolution's pulses follow them). */
  geometries(): Map<string, ArcGeometry> {
    return new Map(this.arcs.map((a) => [a.flow.id, a.geom]));
  }

  build(model: BoardModel): void {
    const { board, s, metrics } = this.host;
    for (const a of this.arcs) for (const d of a.dots) this.releaseDot(d);
    this.arcs = [];
    if (!board) return;
    const wave = Math.max(0.8, s);
    // Draw thin flows last so they stay visible on top of thick ones.
    const ordered = [...model.flows].sort((a, b) => b.widthPx - a.widthPx);
    ordered.forEach((flow, idx) => {
      const stops = flow.stops.map((p) => board.project(p));
      const geom = buildArc(stops, flow.mode, 2, wave);
      const style = ARC_STYLES[flow.mode];
      const n = dotCount(geom.length, s);
      const dots: Phaser.GameObjects.Image[] = [];
      for (let j = 0; j < n; j++) {
        dots.push(this.takeDot(flow.mode));
      }
      this.arcs.push({ flow, geom, dots, speed: style.speed * s, phase: (idx * 37) % Math.max(1, geom.length) });
    });
    if (metrics) {
      metrics.flows = this.arcs.length;
      metrics.dots = this.arcs.reduce((sum, a) => sum + a.dots.length, 0);
    }
    this.moveDots(this.host.phaser.time.now / 1000);
    this.draw();
    this.sizeDots();
  }

  /** Put each flow's dots where they are at `sec` seconds. */
  moveDots(sec: number): void {
    for (const a of this.arcs) {
      const n = a.dots.length;
      const len = a.geom.length;
      if (len <= 0) continue;
      const pts = a.geom.points;
      const last = pts.length / 2 - 1;
      for (let j = 0; j < n; j++) {
        let d = (sec * a.speed + a.phase + (j * len) / n) % len;
        if (d < 0) d += len;
        const i = Math.min(last, (d / a.geom.step) | 0);
        a.dots[j]!.setPosition(pts[i * 2], pts[i * 2 + 1]);
      }
    }
  }

  /** The lines, at constant width on screen for the current zoom. */
  draw(): void {
    const g = this.gfx;
    g.clear();
    const k = this.host.view.k;
    const s = this.host.s;
    for (const pass of ['casing', 'core'] as const) {
      for (const a of this.arcs) {
        const mode = a.flow.mode;
        const style = ARC_STYLES[mode];
        const w = a.flow.widthPx * s;
        const color = pass === 'casing' ? BOARD_THEME.flowCasing : BOARD_THEME.flow[mode];
        const width = (pass === 'casing' ? w + 2.5 * s : w) / k;
        const alpha = pass === 'casing' ? 0.55 : 0.92;
        const pts = a.geom.points;
        if (style.dash && style.dash[0] === 0) {
          // Dotted (sea): squares along the route.
          const core = Math.max(2.5 * s, w * 0.9);
          const size = core + (pass === 'casing' ? 2 * s : 0);
          g.fillStyle(color, pass === 'casing' ? 0.6 : 0.95);
          const gap = Math.max(style.dash[1], core / s + 5);
          for (const [i] of dashRuns(a.geom, [0, gap], s)) {
            g.fillRect(pts[i * 2]! - size / k / 2, pts[i * 2 + 1]! - size / k / 2, size / k, size / k);
          }
        } else {
          g.lineStyle(width, color, alpha);
          for (const [i0, i1] of dashRuns(a.geom, style.dash, s)) {
            g.beginPath();
            g.moveTo(pts[i0 * 2]!, pts[i0 * 2 + 1]!);
            for (let i = i0 + 2; i <= i1; i += 2) g.lineTo(pts[i * 2]!, pts[i * 2 + 1]!);
            if ((i1 - i0) % 2 === 1) g.lineTo(pts[i1 * 2]!, pts[i1 * 2 + 1]!);
            g.strokePath();
          }
        }
        // Arrowhead at the exit.
        const n = pts.length / 2;
        const [ux, uy] = endDirection(a.geom);
        const ex = pts[(n - 1) * 2]!,
          ey = pts[(n - 1) * 2 + 1]!;
        const size = (Math.max(7 * s, w * 1.6) + (pass === 'casing' ? 2.5 * s : 0)) / k;
        g.fillStyle(color, pass === 'casing' ? 0.7 : 1);
        g.fillTriangle(
          ex + ux * size * 0.6,
          ey + uy * size * 0.6,
          ex - ux * size * 0.7 - uy * size * 0.6,
          ey - uy * size * 0.7 + ux * size * 0.6,
          ex - ux * size * 0.7 + uy * size * 0.6,
          ey - uy * size * 0.7 - ux * size * 0.6,
        );
      }
    }
  }

  /** The dots, at constant size on screen for the current zoom. */
  sizeDots(): void {
    const k = this.host.view.k;
    const s = this.host.s;
    for (const a of this.arcs) {
      const px = Math.max(7 * s, a.flow.widthPx * s * 0.9 + 5 * s);
      for (const d of a.dots) d.setScale(px / DOT_TEXTURE_SIZE / k);
    }
  }

  private takeDot(mode: FlowMode): Phaser.GameObjects.Image {
    const d = this.dotPool.pop() ?? this.host.phaser.add.image(0, 0, dotTexture(mode));
    d.setTexture(dotTexture(mode));
    d.setVisible(true);
    this.dotLayer.add(d);
    return d;
  }

  private releaseDot(d: Phaser.GameObjects.Image): void {
    d.setVisible(false);
    this.dotLayer.remove(d);
    this.dotPool.push(d);
  }
}

/** A short sample of a flow line for the legend, in the same style as on the map. */
export function drawFlowSample(
  g: Phaser.GameObjects.Graphics,
  mode: FlowMode,
  x: number,
  y: number,
  len: number,
  w: number,
  ls: number,
): void {
  const s = ls;
  const geom = buildArc(
    [
      [x, y],
      [x + len, y],
    ],
    mode === 'river' ? 'river' : 'land',
    1,
    s * 0.6,
  );
  const style = ARC_STYLES[mode];
  const pts = geom.points;
  for (const pass of ['casing', 'core'] as const) {
    const color = pass === 'casing' ? BOARD_THEME.flowCasing : BOARD_THEME.flow[mode];
    if (style.dash && style.dash[0] === 0) {
      const core = Math.max(2.5 * s, w * 0.9);
      const size = core + (pass === 'casing' ? 2 * s : 0);
      g.fillStyle(color, 1);
      for (const [i] of dashRuns(geom, [0, Math.max(style.dash[1], core / s + 5)], s)) {
        g.fillRect(pts[i * 2]! - size / 2, pts[i * 2 + 1]! - size / 2, size, size);
      }
      continue;
    }
    g.lineStyle(pass === 'casing' ? w + 2.5 * s : w, color, 1);
    for (const [i0, i1] of dashRuns(geom, style.dash, s)) {
      g.beginPath();
      g.moveTo(pts[i0 * 2]!, pts[i0 * 2 + 1]!);
      for (let i = i0 + 1; i <= i1; i++) g.lineTo(pts[i * 2]!, pts[i * 2 + 1]!);
      g.strokePath();
    }
  }
}
