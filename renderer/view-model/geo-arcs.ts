/**
 * Geometry of trafficking-flow arcs, built once per (flows, canvas size) so the board only moves
 * dots along precomputed points each frame. Pure: no Phaser, no DOM.
 */
import type { XY } from './geo';

export type FlowMode = 'air' | 'sea' | 'river' | 'land';

export interface ArcStyle {
  /** How far the curve bows out from the chord, as a share of the segment length. */
  bulge: number;
  /** Amplitude (px) and wavelength (px) of the river's meander; 0 for none. */
  waveAmp: number;
  waveLength: number;
  /** Dash pattern in px, `[on, off]`; null for a solid line; `on` 0 means round dots. */
  dash: [number, number] | null;
  /** Dot speed along the arc, px per second (at zoom 1). */
  speed: number;
}

export const ARC_STYLES: Readonly<Record<FlowMode, ArcStyle>> = {
  air: { bulge: 0.22, waveAmp: 0, waveLength: 0, dash: [14, 9], speed: 110 },
  river: { bulge: 0.12, waveAmp: 4, waveLength: 26, dash: null, speed: 55 },
  land: { bulge: 0.1, waveAmp: 0, waveLength: 0, dash: null, speed: 45 },
  sea: { bulge: 0.12, waveAmp: 0, waveLength: 0, dash: [0, 9], speed: 70 },
};

export interface ArcGeometry {
  /** Points equally spaced by `step` px along the curve, first and last on the end stops, flattened. */
  points: Float32Array;
  /** Spacing of the points (at most the step asked for). */
  step: number;
  /** Length in px (= (points / 2 − 1) × step). */
  length: number;
}

/** Quadratic Bézier through a bowed control point, sampled densely. */
function bowedSegment(a: XY, b: XY, bulge: number, side: number, out: XY[], skipFirst: boolean): void {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return;
  // Control point: the chord's midpoint pushed sideways (to the left of travel when side = 1).
  const cx = (a[0] + b[0]) / 2 - (dy / len) * len * bulge * side;
  const cy = (a[1] + b[1]) / 2 + (dx / len) * len * bulge * side;
  const n = Math.max(8, Math.ceil(len / 3));
  for (let i = skipFirst ? 1 : 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    out.push([u * u * a[0] + 2 * u * t * cx + t * t * b[0], u * u * a[1] + 2 * u * t * cy + t * t * b[1]]);
  }
}

function resample(poly: XY[], maxStep: number): { points: Float32Array; length: number; step: number } {
  const cum = [0];
  for (let i = 1; i < poly.length; i++) {
    cum.push(cum[i - 1]! + Math.hypot(poly[i]![0] - poly[i - 1]![0], poly[i]![1] - poly[i - 1]![1]));
  }
  const length = cum[cum.length - 1] ?? 0;
  const n = Math.max(2, Math.ceil(length / maxStep) + 1);
  const step = length / (n - 1);
  const points = new Float32Array(n * 2);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const s = Math.min(length, i * step);
    while (j + 1 < cum.length - 1 && cum[j + 1]! < s) j++;
    const segLen = cum[j + 1]! - cum[j]! || 1;
    const t = Math.min(1, Math.max(0, (s - cum[j]!) / segLen));
    const p = poly[j]!;
    const q = poly[Math.min(j + 1, poly.length - 1)]!;
    points[i * 2] = p[0] + (q[0] - p[0]) * t;
    points[i * 2 + 1] = p[1] + (q[1] - p[1]) * t;
  }
  return { points, length, step };
}

/**
 * Build an arc through `stops` (origin, optional gateway, exit) in screen pixels. Each leg bows to
 * the same side; rivers meander. `step` is the spacing of the returned points.
 */
export function buildArc(stops: readonly XY[], mode: FlowMode, step = 2, waveScale = 1): ArcGeometry {
  const style = ARC_STYLES[mode];
  const clean = stops.filter(
    (p, i) =>
      Number.isFinite(p[0]) && Number.isFinite(p[1]) && (i === 0 || Math.hypot(p[0] - stops[i - 1]![0], p[1] - stops[i - 1]![1]) > 0.5),
  );
  if (clean.length < 2) {
    const p = clean[0] ?? [0, 0];
    return { points: new Float32Array([p[0], p[1], p[0], p[1]]), step, length: 0 };
  }
  let poly: XY[] = [];
  for (let i = 0; i + 1 < clean.length; i++) bowedSegment(clean[i]!, clean[i + 1]!, style.bulge, 1, poly, i > 0);
  if (style.waveAmp > 0) {
    const base = resample(poly, 1);
    const amp = style.waveAmp * waveScale;
    const wl = style.waveLength * waveScale;
    const pts = base.points;
    const n = pts.length / 2;
    poly = [];
    for (let i = 0; i < n; i++) {
      const i0 = Math.max(0, i - 1),
        i1 = Math.min(n - 1, i + 1);
      const tx = pts[i1 * 2]! - pts[i0 * 2]!;
      const ty = pts[i1 * 2 + 1]! - pts[i0 * 2 + 1]!;
      const tl = Math.hypot(tx, ty) || 1;
      // Taper the meander to zero at both ends so the arc still starts and ends on its stops.
      const s = i / Math.max(1, n - 1);
      const taper = Math.min(1, s * 6, (1 - s) * 6);
      const off = Math.sin((i / wl) * Math.PI * 2) * amp * taper;
      poly.push([pts[i * 2]! - (ty / tl) * off, pts[i * 2 + 1]! + (tx / tl) * off]);
    }
  }
  return resample(poly, step);
}

/** Position at distance `s` along the arc (clamped), by index into the equally spaced points. */
export function pointAt(arc: ArcGeometry, s: number): XY {
  const n = arc.points.length / 2;
  const i = Math.min(n - 1, Math.max(0, Math.round(s / arc.step)));
  return [arc.points[i * 2]!, arc.points[i * 2 + 1]!];
}

/** Direction of travel at the end of the arc, as a unit vector (for the arrowhead). */
export function endDirection(arc: ArcGeometry): XY {
  const n = arc.points.length / 2;
  const back = Math.min(n - 1, Math.max(1, Math.round(8 / arc.step)));
  const x1 = arc.points[(n - 1) * 2]!,
    y1 = arc.points[(n - 1) * 2 + 1]!;
  const x0 = arc.points[(n - 1 - back) * 2]!,
    y0 = arc.points[(n - 1 - back) * 2 + 1]!;
  const l = Math.hypot(x1 - x0, y1 - y0) || 1;
  return [(x1 - x0) / l, (y1 - y0) / l];
}

/**
 * Split an arc into the visible pieces of its dash pattern: each piece is a run of point indices
 * `[from, to]`. For dotted lines (`on` = 0) each piece is a single index (a dot's centre).
 */
export function dashRuns(arc: ArcGeometry, dash: [number, number] | null, scale = 1): [number, number][] {
  const n = arc.points.length / 2;
  if (!dash) return [[0, n - 1]];
  const on = Math.round((dash[0] * scale) / arc.step);
  const off = Math.max(1, Math.round((dash[1] * scale) / arc.step));
  const runs: [number, number][] = [];
  if (on === 0) {
    for (let i = 0; i < n; i += off) runs.push([i, i]);
    return runs;
  }
  for (let i = 0; i < n - 1; i += on + off) runs.push([i, Math.min(n - 1, i + on)]);
  return runs;
}

/** How many moving dots an arc carries: about one per 90 px, at least 1, at most 8. */
export function dotCount(length: number, scale = 1): number {
  return Math.max(1, Math.min(8, Math.round(length / (90 * scale))));
}
