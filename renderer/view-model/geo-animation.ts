/**
 * Where the resolution animation's pieces go on the canvas, computed once per (animation, canvas
 * size) so the board only moves, scales and fades prebuilt objects each frame. Pure: no Phaser.
 *
 * Markers are drawn in screen space (crisp at any zoom) at a world anchor (the region's marker
 * point, projected) plus a screen offset: the markers of one region sit in a row, and rows of
 * neighbouring regions are pushed apart so no two markers overlap at the initial view (zooming in
 * only spreads them further). Arrows are arcs in world space, trimmed at both ends so their heads
 * and tails stay clear of the markers.
 */
import type { LonLat, XY } from './geo';
import { buildArc, type ArcGeometry } from './geo-arcs';
import type { Rect } from './geo-labels';

export interface MarkerInput {
  id: string;
  region: string;
  at: LonLat;
  radiusPx: number;
  /** Size of the marker's value text, screen px (drawn under the marker; 0 or absent if none). */
  labelW?: number;
  labelH?: number;
}

export interface MoveInput {
  id: string;
  fromAt: LonLat;
  toAt: LonLat;
}

export interface MarkerPlacement {
  id: string;
  region: string;
  /** World anchor (board px at zoom 1). */
  anchor: XY;
  /** Screen offset of the marker's centre from the anchor, px. */
  offset: XY;
  /** Radius on screen, px. */
  r: number;
  /** The marker and its value text, relative to the marker's centre (px): what nothing else may cover. */
  box: Rect;
}

export interface MovePlacement {
  id: string;
  /** The arrow's curve in world px, trimmed at both ends. */
  geom: ArcGeometry;
  /** Where its value label goes (world px): the middle of the curve. */
  mid: XY;
}

export interface AnimationLayout {
  markers: MarkerPlacement[];
  moves: MovePlacement[];
}

/** Space between markers, px at scale 1. */
export const MARKER_GAP = 3;
/** How far an arrow stops short of the region points, px at scale 1. */
export const ARROW_TRIM = { start: 8, end: 12 } as const;

interface Placed {
  id: string;
  region: string;
  anchor: XY;
  r: number;
  box: Rect;
  cx: number;
  cy: number;
}

const boundsOf = (row: readonly Placed[]): { x0: number; y0: number; x1: number; y1: number } => ({
  x0: Math.min(...row.map((p) => p.cx + p.box.x)),
  y0: Math.min(...row.map((p) => p.cy + p.box.y)),
  x1: Math.max(...row.map((p) => p.cx + p.box.x + p.box.w)),
  y1: Math.max(...row.map((p) => p.cy + p.box.y + p.box.h)),
});

/** The smallest move of box `a` that clears box `b` (with a gap), or null if they do not overlap. */
function separation(a: Rect, b: Rect, gap: number): XY | null {
  if (a.x + a.w + gap <= b.x || b.x + b.w + gap <= a.x || a.y + a.h + gap <= b.y || b.y + b.h + gap <= a.y) return null;
  const options: XY[] = [
    [b.x - gap - (a.x + a.w), 0],
    [b.x + b.w + gap - a.x, 0],
    [0, b.y - gap - (a.y + a.h)],
    [0, b.y + b.h + gap - a.y],
  ];
  return options.reduce((m, o) => (Math.abs(o[0]) + Math.abs(o[1]) < Math.abs(m[0]) + Math.abs(m[1]) ? o : m));
}

/**
 * Lay out markers and arrows. `project` maps [lon, lat] to world px; `s` is the board's UI scale
 * (markers are `radiusPx × s` on screen). Each marker's box is its disc and its value text under
 * it; a region's markers sit in a row centred on its point; overlapping rows of different regions
 * are pushed apart, and rows are moved out of the `avoid` rectangles (the legends, in px at the
 * initial view) where they fall under them. With `onLand` (is a marker at this anchor and screen
 * offset on Peru's land?), a row is not pushed off land: the other row of a colliding pair moves instead.
 */
export function layoutAnimation(
  anim: { markers: readonly MarkerInput[]; moves: readonly MoveInput[] },
  project: (p: LonLat) => XY,
  s: number,
  avoid: readonly Rect[] = [],
  onLand?: (anchor: XY, offset: XY) => boolean,
): AnimationLayout {
  const gap = MARKER_GAP * s;

  // A row per region, in the animation's order, centred on the region's point.
  const rows = new Map<string, MarkerInput[]>();
  for (const m of anim.markers) rows.set(m.region, [...(rows.get(m.region) ?? []), m]);
  const byRegion = new Map<string, Placed[]>();
  for (const [region, list] of rows) {
    const anchor = project(list[0]!.at);
    if (!Number.isFinite(anchor[0]) || !Number.isFinite(anchor[1])) continue;
    const boxes = list.map((m): Rect => {
      const r = m.radiusPx * s;
      const lw = m.labelW ?? 0,
        lh = lw > 0 ? (m.labelH ?? 0) : 0;
      const w = Math.max(2 * r, lw);
      return { x: -w / 2, y: -r, w, h: 2 * r + lh };
    });
    const total = boxes.reduce((a, b) => a + b.w, 0) + gap * (list.length - 1);
    let x = -total / 2;
    byRegion.set(
      region,
      list.map((m, i) => {
        const box = boxes[i]!;
        const ox = x + box.w / 2;
        x += box.w + gap;
        return { id: m.id, region, anchor, r: m.radiusPx * s, box, cx: anchor[0] + ox, cy: anchor[1] };
      }),
    );
  }

  const rowsList = [...byRegion.values()];
  const clearOfAvoid = (): void => {
    for (const row of rowsList) {
      for (const rect of avoid) {
        const b = boundsOf(row);
        const d = separation({ x: b.x0, y: b.y0, w: b.x1 - b.x0, h: b.y1 - b.y0 }, rect, gap);
        if (!d) continue;
        // Out of the rectangle on the side nearer to the row's centre.
        for (const p of row) {
          p.cx += d[0];
          p.cy += d[1];
        }
      }
    }
  };
  clearOfAvoid();
  // Push apart overlapping rows of different regions (a row moves as one), half each.
  for (let iter = 0; iter < 60; iter++) {
    let moved = false;
    for (let i = 0; i < rowsList.length; i++) {
      for (let j = i + 1; j < rowsList.length; j++) {
        const A = rowsList[i]!,
          B = rowsList[j]!;
        let worst: XY | null = null;
        for (const a of A) {
          for (const b of B) {
            const d = separation(
              { ...a.box, x: a.cx + a.box.x, y: a.cy + a.box.y },
              { ...b.box, x: b.cx + b.box.x, y: b.cy + b.box.y },
              gap,
            );
            if (d && (!worst || Math.hypot(d[0], d[1]) > Math.hypot(worst[0], worst[1]))) worst = d;
          }
        }
        if (!worst) continue;
        const hx = worst[0] / 2 + Math.sign(worst[0]) * 0.01,
          hy = worst[1] / 2 + Math.sign(worst[1]) * 0.01;
        // Keep rows on land: a row whose half of the move would take a marker off land stays, and the
        // other row moves the whole way (if that keeps it on land; else the pair is left as it is).
        const stays = (row: Placed[], f: number) =>
          !onLand ||
          row.every(
            (p) =>
              !onLand(p.anchor, [p.cx - p.anchor[0], p.cy - p.anchor[1]]) ||
              onLand(p.anchor, [p.cx - p.anchor[0] + hx * f, p.cy - p.anchor[1] + hy * f]),
          );
        let fa = 1,
          fb = 1;
        if (!stays(A, 1)) {
          fa = 0;
          fb = stays(B, -2) ? 2 : 0;
        } else if (!stays(B, -1)) {
          fb = 0;
          fa = stays(A, 2) ? 2 : 0;
        }
        if (fa === 0 && fb === 0) continue;
        moved = true;
        for (const a of A) {
          a.cx += hx * fa;
          a.cy += hy * fa;
        }
        for (const b of B) {
          b.cx -= hx * fb;
          b.cy -= hy * fb;
        }
      }
    }
    if (!moved) break;
  }
  clearOfAvoid();
  if (onLand) {
    // A row with a marker at sea or on a lake (a long row at a coastal point) moves, by the
    // smallest step that puts all its markers on land and clear of the other rows.
    const boxAt = (p: Placed, dx: number, dy: number): Rect => ({ ...p.box, x: p.cx + dx + p.box.x, y: p.cy + dy + p.box.y });
    const wet = (row: Placed[], dx: number, dy: number) =>
      row.some((p) => !onLand(p.anchor, [p.cx + dx - p.anchor[0], p.cy + dy - p.anchor[1]]));
    for (const row of rowsList) {
      if (!wet(row, 0, 0)) continue;
      const step = Math.max(...row.map((p) => p.box.h)) / 2 + gap;
      search: for (let k = 1; k <= 8; k++) {
        for (const [ux, uy] of [
          [0, -1],
          [0, 1],
          [1, 0],
          [-1, 0],
          [1, -1],
          [-1, -1],
          [1, 1],
          [-1, 1],
        ] as const) {
          const dx = ux * step * k,
            dy = uy * step * k;
          if (wet(row, dx, dy)) continue;
          const clash = rowsList.some(
            (other) => other !== row && other.some((o) => row.some((p) => separation(boxAt(p, dx, dy), boxAt(o, 0, 0), gap) !== null)),
          );
          if (clash) continue;
          for (const p of row) {
            p.cx += dx;
            p.cy += dy;
          }
          break search;
        }
      }
    }
  }
  const markers: MarkerPlacement[] = rowsList.flat().map((p) => ({
    id: p.id,
    region: p.region,
    anchor: p.anchor,
    offset: [p.cx - p.anchor[0], p.cy - p.anchor[1]],
    r: p.r,
    box: p.box,
  }));
  // In the animation's order.
  const order = new Map(anim.markers.map((m, i) => [m.id, i]));
  markers.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));

  // Arrows: a bowed arc between the two region points, trimmed.
  const moves: MovePlacement[] = [];
  for (const m of anim.moves) {
    const a = project(m.fromAt);
    const b = project(m.toAt);
    if (![a[0], a[1], b[0], b[1]].every(Number.isFinite)) continue;
    const full = buildArc([a, b], 'air', 2);
    const geom = trimArc(full, ARROW_TRIM.start * s, ARROW_TRIM.end * s);
    const n = geom.points.length / 2;
    const k = Math.floor((n - 1) / 2);
    moves.push({ id: m.id, geom, mid: [geom.points[k * 2]!, geom.points[k * 2 + 1]!] });
  }
  return { markers, moves };
}

/**
 * Markers that crowd (the VRAEM's departments lie close together): one aggregate marker.
 * `members` are marker ids, `anchor` the mean of their regions' points (world px), and `splitK`
 * the zoom from which the regions' rows, each centred on its own point, no longer overlap: below
 * it the board draws one marker with the count, which spreads out on hover or click.
 */
export interface MarkerCluster {
  id: string;
  members: string[];
  regions: string[];
  anchor: XY;
  splitK: number;
}

/**
 * Group the laid-out markers of regions whose rows would overlap at the initial view if each
 * stayed on its own region's point (the layout then pushes them far from where they belong).
 * Groups of at least `minMarkers` markers in two or more regions become clusters. `s`: UI scale.
 */
export function clusterMarkers(layout: AnimationLayout, s: number, minMarkers = 3): MarkerCluster[] {
  const gap = MARKER_GAP * s;
  const rows = new Map<string, { anchor: XY; w: number; h: number; ids: string[] }>();
  for (const m of layout.markers) {
    const row = rows.get(m.region) ?? { anchor: m.anchor, w: -gap, h: 0, ids: [] };
    row.w += m.box.w + gap;
    row.h = Math.max(row.h, m.box.h);
    row.ids.push(m.id);
    rows.set(m.region, row);
  }
  const regions = [...rows.keys()];
  const parent = regions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const edges: { i: number; j: number; k: number }[] = [];
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const a = rows.get(regions[i]!)!,
        b = rows.get(regions[j]!)!;
      const dx = Math.abs(a.anchor[0] - b.anchor[0]),
        dy = Math.abs(a.anchor[1] - b.anchor[1]);
      const needX = (a.w + b.w) / 2 + gap,
        needY = (a.h + b.h) / 2 + gap;
      if (dx >= needX || dy >= needY) continue;
      // Zooming in by k multiplies the distance between the points: apart on either axis is apart.
      edges.push({ i, j, k: Math.min(dx > 0 ? needX / dx : Infinity, dy > 0 ? needY / dy : Infinity) });
      parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  regions.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const out: MarkerCluster[] = [];
  for (const [root, idx] of groups) {
    if (idx.length < 2) continue;
    const members = idx.flatMap((i) => rows.get(regions[i]!)!.ids);
    if (members.length < minMarkers) continue;
    const names = idx.map((i) => regions[i]!).sort();
    const anchor: XY = [
      idx.reduce((a, i) => a + rows.get(regions[i]!)!.anchor[0], 0) / idx.length,
      idx.reduce((a, i) => a + rows.get(regions[i]!)!.anchor[1], 0) / idx.length,
    ];
    const splitK = Math.max(...edges.filter((e) => find(e.i) === root).map((e) => e.k));
    out.push({ id: `cluster:${names.join('+')}`, members, regions: names, anchor, splitK });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The part of an arc from `start` px after its beginning to `end` px before its end (at least 2 points). */
export function trimArc(arc: ArcGeometry, start: number, end: number): ArcGeometry {
  const n = arc.points.length / 2;
  if (n <= 2 || arc.length <= start + end + arc.step) return arc;
  const i0 = Math.min(n - 2, Math.max(0, Math.round(start / arc.step)));
  const i1 = Math.max(i0 + 1, Math.min(n - 1, n - 1 - Math.round(end / arc.step)));
  const points = arc.points.slice(i0 * 2, i1 * 2 + 2);
  return { points, step: arc.step, length: (i1 - i0) * arc.step };
}

/** Distance from a point to an arc's polyline (for hit testing arrows). */
export function distanceToArc(arc: ArcGeometry, x: number, y: number): number {
  const p = arc.points;
  let best = Infinity;
  for (let i = 0; i + 3 < p.length; i += 2) {
    const ax = p[i]!,
      ay = p[i + 1]!,
      bx = p[i + 2]!,
      by = p[i + 3]!;
    const dx = bx - ax,
      dy = by - ay;
    const l2 = dx * dx + dy * dy;
    const t = l2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
    const d = Math.hypot(ax + dx * t - x, ay + dy * t - y);
    if (d < best) best = d;
  }
  return best;
}

/** Easing for a marker's pop: overshoots a little, settles at 1. */
export function easeOutBack(p: number): number {
  const c1 = 1.70158;
  const c3 = c1 + 1;
  const x = Math.min(1, Math.max(0, p)) - 1;
  return 1 + c3 * x * x * x + c1 * x * x;
}

/** Progress (0–1) of an item that starts at `startMs` and lasts `durationMs`, at time `t`. */
export function progress(t: number, startMs: number, durationMs: number): number {
  if (t < startMs) return 0;
  if (durationMs <= 0) return 1;
  return Math.min(1, (t - startMs) / durationMs);
}
