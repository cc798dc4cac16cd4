/**
 * The board's geography: Peru's departments from amCharts' `peruHigh` (ISO 3166-2 ids) and the
 * neighbouring countries from `worldLow`, dissolved to the map content's regions and projected with
 * d3-geo to the canvas. Pure functions, no Phaser and no DOM, so they run in Vitest's node. The two
 * geodata files are copies of amCharts 5 geodata 5.1.6, unmodified but for JSON instead of a module
 * (`assets/map/amcharts-*.json`, with their licence beside them; credited in the About box).
 *
 * Everything here is computed once per (region set, canvas size) and cached by the caller: the
 * board projects once, then only moves a camera transform (`View`) and recolours.
 */
import { geoBounds, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import peruHighJson from '../../assets/map/amcharts-peruHigh.json';
import worldLowJson from '../../assets/map/amcharts-worldLow.json';

const peruHigh = peruHighJson as unknown as FeatureCollection;
const worldLow = worldLowJson as unknown as FeatureCollection;

export type LonLat = readonly [number, number];
export type XY = [number, number];
/** A ring or a line in screen pixels, flattened: `[x0, y0, x1, y1, ...]`. */
export type FlatPath = number[];

/** Boundary features that are not regions of their own: folded into another region unless the map
 * content lists them. amCharts splits Lima Province (`PE-LMA`) from the Lima Region. */
export const FOLD_INTO: Readonly<Record<string, string>> = { 'PE-LMA': 'PE-LIM' };
/** Features drawn as water, never as a region. */
export const WATER_IDS: readonly string[] = ['PE-LKT'];
/** Neighbours named on the board (ISO 3166-1 alpha-2); other countries in view are drawn unlabelled. */
export const NEIGHBOUR_IDS = ['EC', 'CO', 'BR', 'BO', 'CL'] as const;
export type NeighbourId = (typeof NEIGHBOUR_IDS)[number];

/** Where to write each neighbour's name, [lon, lat]: inside the part of the country next to Peru. */
export const COUNTRY_LABEL_AT: Readonly<Record<NeighbourId, LonLat>> = {
  EC: [-78.6, -1.6],
  CO: [-71.6, 0.6],
  BR: [-66.2, -7.2],
  BO: [-66.4, -16.2],
  CL: [-69.4, -19.6],
};

/** The four ports of the seed (real coordinates of the port towns). */
export const PORT_AT: Readonly<Record<string, LonLat>> = {
  callao: [-77.145, -12.05],
  paita: [-81.114, -5.087],
  chimbote: [-78.59, -9.077],
  salaverry: [-78.977, -8.224],
};

export const PACIFIC_LABEL_AT: LonLat = [-83.2, -10.8];
export const TITICACA_LABEL_AT: LonLat = [-69.4, -15.75];

/** Rough area drawn around Peru (neighbours outside it are skipped). */
const CONTEXT_BOX: readonly [LonLat, LonLat] = [
  [-100, -30],
  [-50, 12],
];

export interface GeoRegionShape {
  id: string;
  /** Outer rings in [lon, lat] (the departments have no holes). */
  rings: Position[][];
}

export interface BoardGeography {
  /** One shape per map-content region, in the order of `regionIds`. */
  regions: GeoRegionShape[];
  water: Position[][];
  /** Borders between two regions (each drawn once). */
  internalBorders: Position[][];
  /** Peru's outline: coast, international borders and the lake shore. */
  outline: Position[][];
  /** Other countries in view, neighbours first. */
  countries: { id: string; geometry: Geometry }[];
  /** Feature ids that matched no region and were not folded (a content/geodata mismatch). */
  unmatched: string[];
  /** Region ids that have no boundary (a content/geodata mismatch). */
  missing: string[];
}

const coordKey = (p: Position): string => `${p[0]},${p[1]}`;

function outerRings(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates.slice(0, 1);
  if (g.type === 'MultiPolygon') return g.coordinates.map((poly) => poly[0]).filter((r): r is Position[] => !!r);
  return [];
}

function closed(ring: Position[]): Position[] {
  const a = ring[0];
  const b = ring[ring.length - 1];
  if (a && b && (a[0] !== b[0] || a[1] !== b[1])) return [...ring, a];
  return ring;
}

/**
 * Union of polygons that share borders vertex for vertex (as amCharts' do): every directed edge
 * that also appears reversed in another ring is interior and dropped; the rest chain into rings.
 */
export function dissolve(rings: Position[][]): Position[][] {
  if (rings.length <= 1) return rings.map(closed);
  const edges = new Map<string, { from: Position; to: Position }>();
  const order: string[] = [];
  for (const ring of rings.map(closed)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const fwd = `${coordKey(a)}>${coordKey(b)}`;
      const rev = `${coordKey(b)}>${coordKey(a)}`;
      if (edges.has(rev)) {
        edges.delete(rev);
      } else {
        edges.set(fwd, { from: a, to: b });
        order.push(fwd);
      }
    }
  }
  const next = new Map<string, string[]>();
  for (const [k, e] of edges) {
    const list = next.get(coordKey(e.from)) ?? [];
    list.push(k);
    next.set(coordKey(e.from), list);
  }
  const out: Position[][] = [];
  const used = new Set<string>();
  for (const startKey of order) {
    if (!edges.has(startKey) || used.has(startKey)) continue;
    const start = edges.get(startKey)!;
    const ring: Position[] = [start.from];
    let cur: string | undefined = startKey;
    while (cur && !used.has(cur)) {
      used.add(cur);
      const e: { from: Position; to: Position } = edges.get(cur)!;
      ring.push(e.to);
      cur = (next.get(coordKey(e.to)) ?? []).find((k) => !used.has(k));
    }
    if (ring.length >= 4) out.push(closed(ring));
  }
  return out;
}

/** Split the edges of a set of rings into those shared by two rings and those used once, chained into lines. */
export function borderNetwork(rings: Position[][]): { shared: Position[][]; single: Position[][] } {
  const count = new Map<string, { a: Position; b: Position; n: number }>();
  for (const ring of rings.map(closed)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const ka = coordKey(a);
      const kb = coordKey(b);
      if (ka === kb) continue;
      const k = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
      const e = count.get(k);
      if (e) e.n++;
      else count.set(k, { a, b, n: 1 });
    }
  }
  const shared: { a: Position; b: Position }[] = [];
  const single: { a: Position; b: Position }[] = [];
  for (const e of count.values()) (e.n >= 2 ? shared : single).push(e);
  return { shared: chain(shared), single: chain(single) };
}

/** Chain undirected edges into as few polylines as possible (deterministic: insertion order). */
function chain(edges: { a: Position; b: Position }[]): Position[][] {
  const adj = new Map<string, number[]>();
  const add = (p: Position, i: number): void => {
    const k = coordKey(p);
    const l = adj.get(k);
    if (l) l.push(i);
    else adj.set(k, [i]);
  };
  edges.forEach((e, i) => {
    add(e.a, i);
    add(e.b, i);
  });
  const used = new Uint8Array(edges.length);
  const lines: Position[][] = [];
  const walk = (start: Position): Position[] => {
    const line: Position[] = [start];
    let at = start;
    for (;;) {
      const i = (adj.get(coordKey(at)) ?? []).find((j) => !used[j]);
      if (i === undefined) break;
      used[i] = 1;
      const e = edges[i]!;
      at = coordKey(e.a) === coordKey(at) ? e.b : e.a;
      line.push(at);
    }
    return line;
  };
  // Open chains start at nodes whose degree is not 2; what remains are closed loops.
  for (const e of edges) {
    for (const p of [e.a, e.b]) {
      if ((adj.get(coordKey(p)) ?? []).length !== 2) {
        while ((adj.get(coordKey(p)) ?? []).some((j) => !used[j])) lines.push(walk(p));
      }
    }
  }
  edges.forEach((e, i) => {
    if (!used[i]) lines.push(walk(e.a));
  });
  return lines.filter((l) => l.length >= 2);
}

/** Drop polygons entirely west of 85°W (the Galápagos): far from the board, they read as noise. */
function dropFarIslands(g: Geometry): Geometry {
  if (g.type !== 'MultiPolygon') return g;
  const keep = g.coordinates.filter((poly) => (poly[0] ?? []).some((p) => (p[0] as number) > -85));
  return { type: 'MultiPolygon', coordinates: keep };
}

const geographyCache = new Map<string, BoardGeography>();

/**
 * The geography for a list of region ids (the map content's, in its order). Boundary features are
 * matched by id; `PE-LMA` is folded into `PE-LIM` unless the content has a `PE-LMA` region of its
 * own; Lake Titicaca is water. Cached by the id list.
 */
export function buildGeography(regionIds: readonly string[]): BoardGeography {
  const key = regionIds.join(',');
  const hit = geographyCache.get(key);
  if (hit) return hit;

  const wanted = new Set(regionIds);
  const parts = new Map<string, Position[][]>(regionIds.map((id) => [id, []]));
  const water: Position[][] = [];
  const unmatched: string[] = [];
  for (const f of peruHigh.features) {
    const id = String(f.id ?? '');
    const rings = outerRings(f.geometry).map(closed);
    if (WATER_IDS.includes(id)) water.push(...rings);
    else if (wanted.has(id)) parts.get(id)!.push(...rings);
    else if (FOLD_INTO[id] && wanted.has(FOLD_INTO[id])) parts.get(FOLD_INTO[id])!.push(...rings);
    else unmatched.push(id);
  }
  const regions = regionIds.map((id) => ({ id, rings: dissolve(parts.get(id) ?? []) }));
  const missing = regions.filter((r) => r.rings.length === 0).map((r) => r.id);
  const net = borderNetwork(regions.flatMap((r) => r.rings));

  const [[x0, y0], [x1, y1]] = CONTEXT_BOX;
  const countries: { id: string; geometry: Geometry }[] = [];
  for (const f of worldLow.features) {
    const id = String(f.id ?? '');
    if (id === 'PE') continue;
    const [[bx0, by0], [bx1, by1]] = geoBounds(f);
    if (bx1 < x0 || bx0 > x1 || by1 < y0 || by0 > y1) continue;
    countries.push({ id, geometry: dropFarIslands(f.geometry) });
  }
  const rank = (id: string): number => {
    const i = (NEIGHBOUR_IDS as readonly string[]).indexOf(id);
    return i < 0 ? 99 : i;
  };
  countries.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

  const geo: BoardGeography = {
    regions,
    water,
    internalBorders: net.shared,
    outline: net.single,
    countries,
    unmatched,
    missing,
  };
  geographyCache.set(key, geo);
  return geo;
}

export interface ProjectedRegion {
  id: string;
  rings: FlatPath[];
  /** [x0, y0, x1, y1] in pixels. */
  bbox: [number, number, number, number];
}

export interface ProjectedBoard {
  width: number;
  height: number;
  /** Pixels per degree of longitude at the equator (how big the map is drawn). */
  pxPerDegree: number;
  project(p: LonLat): XY;
  regions: ProjectedRegion[];
  water: FlatPath[];
  internalBorders: FlatPath[];
  outline: FlatPath[];
  countries: { id: string; rings: FlatPath[] }[];
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Peru's bounding box from the boundary data (lon/lat). */
export function peruBounds(geo: BoardGeography): [LonLat, LonLat] {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const r of geo.regions) {
    for (const ring of r.rings) {
      for (const [x, y] of ring as [number, number][]) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return [
    [x0, y0],
    [x1, y1],
  ];
}

/** A d3 Mercator fitted so that Peru and `extraPoints` (exits, labels) fill the padded canvas. */
export function fitProjection(
  geo: BoardGeography,
  width: number,
  height: number,
  pad: Padding,
  extraPoints: readonly LonLat[] = [],
): GeoProjection {
  const [[x0, y0], [x1, y1]] = peruBounds(geo);
  const pts: Position[] = [[x0, y0], [x1, y1], [x0, y1], [x1, y0], ...extraPoints.map((p) => [p[0], p[1]])];
  const w = Math.max(1, width - pad.left - pad.right);
  const h = Math.max(1, height - pad.top - pad.bottom);
  return geoMercator()
    .precision(0.2)
    .fitExtent(
      [
        [pad.left, pad.top],
        [pad.left + w, pad.top + h],
      ],
      { type: 'MultiPoint', coordinates: pts },
    );
}

function projectLine(projection: GeoProjection, line: Position[]): FlatPath {
  const out: FlatPath = [];
  for (const p of line) {
    const xy = projection([p[0] as number, p[1] as number]);
    if (xy) out.push(xy[0], xy[1]);
  }
  return out;
}

/** Collect rings from d3's path stream (already clipped to the extent). */
function ringsOf(projection: GeoProjection, g: Geometry): FlatPath[] {
  const rings: FlatPath[] = [];
  let cur: FlatPath | null = null;
  const ctx = {
    moveTo(x: number, y: number): void {
      cur = [x, y];
      rings.push(cur);
    },
    lineTo(x: number, y: number): void {
      cur?.push(x, y);
    },
    closePath(): void {
      cur = null;
    },
    arc(): void {},
    beginPath(): void {},
  };
  geoPath(projection, ctx).pointRadius(0)(g);
  return rings.filter((r) => r.length >= 6);
}

/**
 * Project the geography to a `width` × `height` canvas. Peru (and `extraPoints`) is fitted inside
 * the padding; neighbours are clipped to the canvas (plus a small margin).
 */
export function projectBoard(
  geo: BoardGeography,
  width: number,
  height: number,
  pad: Padding,
  extraPoints: readonly LonLat[] = [],
): ProjectedBoard {
  const projection = fitProjection(geo, width, height, pad, extraPoints);
  const m = 8;
  projection.clipExtent([
    [-m, -m],
    [width + m, height + m],
  ]);
  const project = (p: LonLat): XY => {
    const xy = projection([p[0], p[1]]);
    return xy ? [xy[0], xy[1]] : [NaN, NaN];
  };
  const regions = geo.regions.map((r) => {
    const rings = r.rings.map((ring) => projectLine(projection, ring));
    let bx0 = Infinity,
      by0 = Infinity,
      bx1 = -Infinity,
      by1 = -Infinity;
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i += 2) {
        const x = ring[i]!,
          y = ring[i + 1]!;
        if (x < bx0) bx0 = x;
        if (x > bx1) bx1 = x;
        if (y < by0) by0 = y;
        if (y > by1) by1 = y;
      }
    }
    return { id: r.id, rings, bbox: [bx0, by0, bx1, by1] as [number, number, number, number] };
  });
  const a = project([0, 0]);
  const b = project([1, 0]);
  return {
    width,
    height,
    pxPerDegree: Math.abs(b[0] - a[0]),
    project,
    regions,
    water: geo.water.map((ring) => projectLine(projection, ring)),
    internalBorders: geo.internalBorders.map((l) => projectLine(projection, l)),
    outline: geo.outline.map((l) => projectLine(projection, l)),
    countries: geo.countries.map((c) => ({ id: c.id, rings: ringsOf(projection, c.geometry) })).filter((c) => c.rings.length > 0),
  };
}

/** Even-odd point in polygon on a flat ring. */
export function pointInRing(ring: FlatPath, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i]!,
      yi = ring[i + 1]!,
      xj = ring[j]!,
      yj = ring[j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The region under a point in board pixels (world coordinates), or null (ocean, lake, abroad). */
export function regionAt(board: Pick<ProjectedBoard, 'regions' | 'water'>, x: number, y: number): string | null {
  for (const ring of board.water) if (pointInRing(ring, x, y)) return null;
  for (const r of board.regions) {
    const [x0, y0, x1, y1] = r.bbox;
    if (x < x0 || x > x1 || y < y0 || y > y1) continue;
    let inside = false;
    for (const ring of r.rings) if (pointInRing(ring, x, y)) inside = !inside;
    if (inside) return r.id;
  }
  return null;
}

/**
 * Diagonal hatching inside rings (even-odd): segments of the lines x − y = c, `spacing` px apart,
 * flattened as `[x0, y0, x1, y1, …]` (two points per segment). Marks "not applicable" areas
 * without relying on colour.
 */
export function hatchSegments(rings: readonly FlatPath[], spacing: number): number[] {
  const out: number[] = [];
  if (!(spacing > 0)) return out;
  const R = Math.SQRT1_2;
  let uMin = Infinity,
    uMax = -Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 2) {
      const u = (ring[i]! - ring[i + 1]!) * R;
      if (u < uMin) uMin = u;
      if (u > uMax) uMax = u;
    }
  }
  const vs: number[] = [];
  for (let u = Math.ceil(uMin / spacing) * spacing; u <= uMax; u += spacing) {
    vs.length = 0;
    for (const ring of rings) {
      const n = ring.length;
      for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
        const ua = (ring[j]! - ring[j + 1]!) * R,
          ub = (ring[i]! - ring[i + 1]!) * R;
        if ((ua <= u && u < ub) || (ub <= u && u < ua)) {
          const va = (ring[j]! + ring[j + 1]!) * R,
            vb = (ring[i]! + ring[i + 1]!) * R;
          vs.push(va + ((u - ua) / (ub - ua)) * (vb - va));
        }
      }
    }
    vs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < vs.length; k += 2) {
      const v0 = vs[k]!,
        v1 = vs[k + 1]!;
      out.push((u + v0) * R, (v0 - u) * R, (u + v1) * R, (v1 - u) * R);
    }
  }
  return out;
}

/** Area-weighted centroid of a region's largest ring (a fallback anchor). */
export function ringCentroid(ring: FlatPath): XY {
  let a = 0,
    cx = 0,
    cy = 0;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const f = ring[j]! * ring[i + 1]! - ring[i]! * ring[j + 1]!;
    a += f;
    cx += (ring[j]! + ring[i]!) * f;
    cy += (ring[j + 1]! + ring[i + 1]!) * f;
  }
  if (a === 0) return [ring[0] ?? 0, ring[1] ?? 0];
  return [cx / (3 * a), cy / (3 * a)];
}

// ---------------------------------------------------------------------------------------------
// The camera: screen = world × k + t. The world is the projected board at zoom 1 (the canvas).

export interface View {
  k: number;
  tx: number;
  ty: number;
}

export const IDENTITY_VIEW: View = { k: 1, tx: 0, ty: 0 };
export const ZOOM_LIMITS = { min: 1, max: 8 } as const;

export const toScreen = (v: View, x: number, y: number): XY => [x * v.k + v.tx, y * v.k + v.ty];
export const toWorld = (v: View, sx: number, sy: number): XY => [(sx - v.tx) / v.k, (sy - v.ty) / v.k];

/** Keep the world covering the whole canvas (no empty margins when zoomed in). */
export function clampView(v: View, width: number, height: number): View {
  const k = Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, v.k));
  const minTx = width - width * k;
  const minTy = height - height * k;
  return {
    k,
    tx: Math.min(0, Math.max(minTx, v.tx)),
    ty: Math.min(0, Math.max(minTy, v.ty)),
  };
}

/** Zoom by `factor` keeping the screen point (sx, sy) fixed. */
export function zoomAt(v: View, factor: number, sx: number, sy: number, width: number, height: number): View {
  const k = Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, v.k * factor));
  const [wx, wy] = toWorld(v, sx, sy);
  return clampView({ k, tx: sx - wx * k, ty: sy - wy * k }, width, height);
}

export function panBy(v: View, dx: number, dy: number, width: number, height: number): View {
  return clampView({ k: v.k, tx: v.tx + dx, ty: v.ty + dy }, width, height);
}

/** Pan so that a world point is at least `margin` pixels inside the screen. */
export function ensureVisible(v: View, x: number, y: number, width: number, height: number, margin: number): View {
  const [sx, sy] = toScreen(v, x, y);
  let dx = 0,
    dy = 0;
  if (sx < margin) dx = margin - sx;
  else if (sx > width - margin) dx = width - margin - sx;
  if (sy < margin) dy = margin - sy;
  else if (sy > height - margin) dy = height - margin - sy;
  return dx || dy ? panBy(v, dx, dy, width, height) : v;
}

/**
 * The share of a screen rectangle (at the initial view) that lies over the regions: `n` × `n`
 * sample points, the share that hit a region. Used to decide whether a legend would cover the map.
 */
export function regionCover(
  board: Pick<ProjectedBoard, 'regions' | 'water'>,
  rect: { x: number; y: number; w: number; h: number },
  n = 12,
): number {
  if (!(rect.w > 0) || !(rect.h > 0)) return 0;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (regionAt(board, rect.x + ((i + 0.5) * rect.w) / n, rect.y + ((j + 0.5) * rect.h) / n) !== null) hits++;
    }
  }
  return hits / (n * n);
}
