/**
 * The turn's resolution on the board: plays a `BoardAnimation` (flow pulses, arrows of displaced
 * coca and moving fighters, seizure bursts, clash markers, control outlines) once, then leaves the
 * markers, arrows and outlines static until the next turn's animation replaces them.
 *
 * Cost model: every object is built once per (animation, canvas size): marker symbols are drawn
 * into their own graphics at the origin and only moved, scaled and faded; arrows and outlines are
 * drawn once per zoom level; pulses and arrow heads are images moved along precomputed points. A
 * frame touches at most a few hundred properties and redraws nothing.
 *
 * Where markers crowd (`clusterMarkers`: the VRAEM's departments), one aggregate marker with the
 * count stands for them until the view is zoomed in enough for them to sit by their own regions,
 * or the pointer is on it (hover or click spreads them; they gather again when it leaves).
 */
import * as Phaser from 'phaser';
import type { AnimMarker, AnimMove, AnimOutline, AnimPulse, AnimStageId, BoardAnimation } from '../view-model/board-animation';
import type { FlowMode } from '../view-model/board-model';
import { BOARD_THEME } from '../view-model/board-theme';
import { regionAt, toScreen, toWorld, type FlatPath, type LonLat, type ProjectedBoard, type View, type XY } from '../view-model/geo';
import { dashRuns, endDirection, type ArcGeometry } from '../view-model/geo-arcs';
import {
  clusterMarkers,
  distanceToArc,
  easeOutBack,
  layoutAnimation,
  progress,
  type MarkerCluster,
  type MarkerPlacement,
  type MovePlacement,
} from '../view-model/geo-animation';
import type { LabelRequest, PlacedLabel, Rect } from '../view-model/geo-labels';
import { drawEventGlyph } from './event-glyphs';

export type ResolutionState = 'idle' | 'playing' | 'done';

export interface ResolutionHit {
  kind: 'marker' | 'move';
  id: string;
  region: string;
}

export interface ResolutionHooks {
  /** The scene's text factory (font, stroke and resolution as the other labels). */
  text(str: string, size: number, scale: number): Phaser.GameObjects.Text;
  dotTexture(mode: FlowMode): string;
  onState(state: ResolutionState, stage: AnimStageId | null, key: string | null): void;
}

/** What the layer needs from the projected board. */
export interface ResolutionBoard extends Pick<ProjectedBoard, 'regions' | 'water'> {
  project(p: LonLat): XY;
}

interface MarkerObj {
  m: AnimMarker;
  place: MarkerPlacement;
  g: Phaser.GameObjects.Graphics;
  text: Phaser.GameObjects.Text | null;
  ring: Phaser.GameObjects.Image;
  sx: number;
  sy: number;
  /** Hidden in its cluster's aggregate marker. */
  hidden: boolean;
}

interface ClusterObj {
  c: MarkerCluster;
  members: MarkerObj[];
  g: Phaser.GameObjects.Graphics;
  text: Phaser.GameObjects.Text;
  r: number;
  startMs: number;
  collapsed: boolean;
  sx: number;
  sy: number;
}

interface MoveObj {
  m: AnimMove;
  place: MovePlacement;
  g: Phaser.GameObjects.Graphics;
  head: Phaser.GameObjects.Image;
  text: Phaser.GameObjects.Text;
  textPlaced: boolean;
}

interface PulseObj {
  p: AnimPulse;
  geom: ArcGeometry;
  img: Phaser.GameObjects.Image;
}

interface OutlineObj {
  o: AnimOutline;
  rings: FlatPath[];
  g: Phaser.GameObjects.Graphics;
}

const TEX = 64;
/** Label priority of the arrows' values (see LabelLayer's priorities): low, shown where there is room. */
const MOVE_VALUE_PRIORITY = 60;
const RING_R = 28;
/** A gathered marker is this much larger than the largest of its markers. */
const CLUSTER_SCALE = 1.35;
/** How far (px at scale 1) the pointer may stray from a spread cluster's markers before they gather again. */
const CLUSTER_MARGIN = 14;
const hex = (c: number): string => c.toString(16).padStart(6, '0');

export class ResolutionLayer {
  private anim: BoardAnimation | null = null;
  private markers: MarkerObj[] = [];
  private moves: MoveObj[] = [];
  private pulses: PulseObj[] = [];
  private outlines: OutlineObj[] = [];
  private clusters: ClusterObj[] = [];
  /** The cluster spread out by the pointer (hover or click), if any. */
  private open: string | null = null;
  private state: ResolutionState = 'idle';
  private startTime: number | null = null;
  private t = 0;
  private stage: AnimStageId | null = null;
  private s = 1;
  private k = 1;

  constructor(
    private readonly scene: Phaser.Scene,
    /** World-space container (arrows, outlines, pulses), under the screen-space UI. */
    private readonly world: Phaser.GameObjects.Container,
    /** Screen-space container (markers and their values), above the labels. */
    private readonly ui: Phaser.GameObjects.Container,
    private readonly hooks: ResolutionHooks,
  ) {}

  get playing(): boolean {
    return this.state === 'playing';
  }

  get key(): string | null {
    return this.anim?.key ?? null;
  }

  get animationState(): ResolutionState {
    return this.state;
  }

  /**
   * (Re)build every object for `anim` on `board`. Keeps the timeline: a rebuild while playing (a
   * language switch, a resize) carries on from the same moment; a finished animation stays finished.
   */
  build(
    anim: BoardAnimation | null,
    board: ResolutionBoard,
    flowGeoms: ReadonlyMap<string, ArcGeometry>,
    s: number,
    k: number,
    avoid: readonly Rect[],
  ): void {
    this.clear();
    this.anim = anim;
    this.s = s;
    this.k = k;
    if (!anim) {
      this.setState('idle');
      return;
    }
    // Value texts first: their widths set the spacing of each region's row of markers.
    const texts = new Map(
      anim.markers.filter((m) => m.valueText).map((m) => [m.id, this.hooks.text(m.valueText, 12, s).setOrigin(0.5, 0.5)]),
    );
    const inputs = anim.markers.map((m) => ({ ...m, labelW: texts.get(m.id)?.width ?? 0, labelH: texts.get(m.id)?.height ?? 0 }));
    // Markers stay on land (a coastal region's row is not pushed out to sea by its neighbours').
    const onLand = (a: XY, o: XY): boolean => regionAt(board, a[0] + o[0] / k, a[1] + o[1] / k) !== null;
    const layout = layoutAnimation({ markers: inputs, moves: anim.moves }, (p) => board.project(p), s, avoid, onLand);
    const placeOf = new Map(layout.markers.map((p) => [p.id, p]));
    const moveOf = new Map(layout.moves.map((p) => [p.id, p]));
    const ringsOf = new Map(board.regions.map((r) => [r.id, r.rings]));

    for (const o of anim.outlines) {
      const g = this.scene.add.graphics();
      this.world.add(g);
      this.outlines.push({ o, rings: ringsOf.get(o.region) ?? [], g });
    }
    for (const m of anim.moves) {
      const place = moveOf.get(m.id);
      if (!place) continue;
      const g = this.scene.add.graphics();
      const head = this.scene.add.image(0, 0, this.texture('head', m.color)).setVisible(false);
      const text = this.hooks.text(m.valueText, 12, s).setOrigin(0.5, 0.5).setVisible(false);
      this.world.add([g, head]);
      this.ui.add(text);
      this.moves.push({ m, place, g, head, text, textPlaced: true });
    }
    for (const p of anim.pulses) {
      const geom = flowGeoms.get(p.flowId);
      if (!geom || geom.length <= 0) continue;
      const img = this.scene.add.image(0, 0, this.hooks.dotTexture(p.mode)).setVisible(false);
      this.world.add(img);
      this.pulses.push({ p, geom, img });
    }
    for (const m of anim.markers) {
      const place = placeOf.get(m.id);
      if (!place) continue;
      const ring = this.scene.add.image(0, 0, this.texture('ring', m.color)).setVisible(false);
      const g = this.scene.add.graphics();
      drawEventGlyph(g, m.kind, 0, 0, place.r, m.color, s);
      this.ui.add([ring, g]);
      this.markers.push({ m, place, g, text: texts.get(m.id) ?? null, ring, sx: 0, sy: 0, hidden: false });
    }
    // Values above every symbol, so a neighbour's burst never hides them.
    for (const o of this.markers) if (o.text) this.ui.add(o.text);
    // Crowded markers gather into one marker with their count (above the others).
    const objOf = new Map(this.markers.map((o) => [o.m.id, o]));
    for (const c of clusterMarkers(layout, s)) {
      const members = c.members.map((id) => objOf.get(id)).filter((o): o is MarkerObj => o !== undefined);
      if (members.length < 2) continue;
      const r = Math.max(...members.map((o) => o.place.r)) * CLUSTER_SCALE;
      const g = this.scene.add.graphics();
      g.fillStyle(BOARD_THEME.flowCasing, 0.92);
      g.fillCircle(0, 0, r);
      g.lineStyle(2.5 * s, 0xffffff, 1);
      g.strokeCircle(0, 0, r - 1.25 * s);
      const text = this.hooks.text(String(members.length), 13, s).setOrigin(0.5, 0.5).setColor('#ffffff');
      this.ui.add([g, text]);
      this.clusters.push({ c, members, g, text, r, startMs: Math.min(...members.map((o) => o.m.startMs)), collapsed: false, sx: 0, sy: 0 });
    }
    if (this.open && !this.clusters.some((c) => c.c.id === this.open)) this.open = null;
    for (const [id, text] of texts) if (!placeOf.has(id)) text.destroy();
    this.drawWorld(k);
    this.apply(this.state === 'playing' ? this.t : anim.durationMs);
  }

  /** Start from the beginning (or show the end state at once with reduced motion). */
  play(): void {
    const anim = this.anim;
    if (!anim) return;
    if (anim.reducedMotion || anim.durationMs <= 0) {
      this.finish();
      return;
    }
    this.t = 0;
    this.startTime = null;
    this.stage = anim.stages[0]?.id ?? null;
    this.apply(0);
    this.setState('playing');
  }

  /** Jump to the end state (the Skip button, Escape, a click). */
  skip(): void {
    if (this.state === 'playing') this.finish();
  }

  /** Show the end state without playing (an animation already seen). */
  showEnd(): void {
    this.finish();
  }

  /** Per frame. */
  update(time: number): void {
    const anim = this.anim;
    if (this.state !== 'playing' || !anim) return;
    if (this.startTime === null) this.startTime = time;
    this.t = time - this.startTime;
    if (this.t >= anim.durationMs) {
      this.finish();
      return;
    }
    this.apply(this.t);
    let stage: AnimStageId | null = null;
    for (const st of anim.stages) if (this.t >= st.startMs) stage = st.id;
    if (stage !== this.stage) {
      this.stage = stage;
      this.hooks.onState('playing', stage, anim.key);
    }
  }

  /**
   * Position the markers for the view. Returns the markers' discs (obstacles for every label) and
   * the value texts as label requests, placed with the board's other labels (`placeLabels`).
   */
  layout(view: View): { obstacles: Rect[]; labels: LabelRequest[] } {
    const obstacles: Rect[] = [];
    const labels: LabelRequest[] = [];
    const s = this.s;
    for (const c of this.clusters) {
      c.collapsed = view.k < c.c.splitK && this.open !== c.c.id;
      for (const o of c.members) o.hidden = c.collapsed;
      const [x, y] = toScreen(view, c.c.anchor[0], c.c.anchor[1]);
      c.sx = x;
      c.sy = y;
      c.g.setPosition(x, y);
      c.text.setPosition(x, y);
      if (c.collapsed) obstacles.push({ x: x - c.r, y: y - c.r, w: 2 * c.r, h: 2 * c.r });
    }
    for (const o of this.markers) {
      const [ax, ay] = toScreen(view, o.place.anchor[0], o.place.anchor[1]);
      const x = ax + o.place.offset[0],
        y = ay + o.place.offset[1];
      o.sx = x;
      o.sy = y;
      o.g.setPosition(x, y);
      o.ring.setPosition(x, y);
      const r = o.place.r;
      if (!o.hidden) obstacles.push({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
      if (o.text) {
        const h = o.text.height;
        o.text.setPosition(x, y + r + h / 2 - 1 * s);
        if (!o.hidden) obstacles.push({ x: x - o.text.width / 2, y: y + r - s, w: o.text.width, h });
      }
    }
    for (const o of this.moves) {
      const [x, y] = toScreen(view, o.place.mid[0], o.place.mid[1]);
      const w = o.text.width,
        h = o.text.height;
      labels.push({
        id: `anim:${o.m.id}`,
        x,
        y,
        w,
        h,
        priority: MOVE_VALUE_PRIORITY,
        offsets: [
          [0, 0],
          [w / 2 + 6 * s, 0],
          [-w / 2 - 6 * s, 0],
          [0, h],
          [0, -h],
        ],
      });
    }
    return { obstacles, labels };
  }

  /** Put the value texts where label placement found room (hidden where it found none). */
  placeLabels(placed: ReadonlyMap<string, PlacedLabel>): void {
    for (const o of this.moves) {
      const p = placed.get(`anim:${o.m.id}`);
      o.textPlaced = !!p?.visible;
      if (p?.visible) o.text.setPosition(p.x, p.y);
    }
    this.apply(this.state === 'playing' ? this.t : Number.POSITIVE_INFINITY);
  }

  /** Line widths are in world units: redraw arrows and outlines when the zoom changes. */
  drawWorld(k: number): void {
    this.k = k;
    const s = this.s;
    for (const o of this.outlines) {
      const g = o.g;
      g.clear();
      for (const [w, c, a] of [
        [7 * s, 0x000000, 0.6],
        [3.5 * s, o.o.color, 1],
      ] as const) {
        g.lineStyle(w / k, c, a);
        for (const ring of o.rings) strokeRing(g, ring);
      }
    }
    for (const o of this.moves) drawArrow(o.g, o.place.geom, o.m.widthPx * s, o.m.color, o.m.kind === 'fighters', s, k);
    for (const o of this.moves) o.head.setScale(Math.max(10 * s, o.m.widthPx * s * 2) / TEX / k);
    for (const o of this.pulses) o.img.setScale((o.p.sizePx * s) / 32 / k);
  }

  /**
   * The pointer at a screen point (hover, or a click or tap): on a gathered marker it spreads
   * that cluster; off a spread cluster's markers (and a margin) it gathers it again. Returns
   * whether anything changed (the caller then lays the board out again).
   */
  pointerAt(x: number, y: number): boolean {
    const under = this.clusters.find((c) => c.collapsed && c.g.visible && Math.hypot(x - c.sx, y - c.sy) <= c.r + 2 * this.s);
    if (under) {
      this.open = under.c.id;
      return true;
    }
    const open = this.clusters.find((c) => c.c.id === this.open);
    if (!open) return false;
    const margin = CLUSTER_MARGIN * this.s;
    const near =
      Math.hypot(x - open.sx, y - open.sy) <= open.r + margin ||
      open.members.some(
        (o) =>
          Math.abs(x - o.sx) <= o.place.box.w / 2 + margin &&
          y >= o.sy + o.place.box.y - margin &&
          y <= o.sy + o.place.box.y + o.place.box.h + margin,
      );
    if (near) return false;
    this.open = null;
    return true;
  }

  /** The gathered markers on screen now (for tests and measurements). */
  clusterRects(): { id: string; x: number; y: number; r: number; members: string[]; collapsed: boolean; splitK: number }[] {
    return this.clusters.map((c) => ({
      id: c.c.id,
      x: c.sx,
      y: c.sy,
      r: c.r,
      members: c.members.map((o) => o.m.id),
      collapsed: c.collapsed,
      splitK: c.c.splitK,
    }));
  }

  /** What is under a screen point: a marker first, then an arrow. */
  hit(view: View, x: number, y: number): ResolutionHit | null {
    for (let i = this.markers.length - 1; i >= 0; i--) {
      const o = this.markers[i]!;
      if (!o.g.visible || o.hidden) continue;
      if (Math.hypot(x - o.sx, y - o.sy) <= o.place.r + 2 * this.s) return { kind: 'marker', id: o.m.id, region: o.m.region };
    }
    const [wx, wy] = toWorld(view, x, y);
    for (const o of this.moves) {
      if (!o.g.visible || o.g.alpha < 0.3) continue;
      if (distanceToArc(o.place.geom, wx, wy) * view.k <= (o.m.widthPx * this.s) / 2 + 4 * this.s) {
        return { kind: 'move', id: o.m.id, region: o.m.to };
      }
    }
    return null;
  }

  /** Screen positions of the markers (for tests and measurements). */
  markerRects(): { id: string; x: number; y: number; r: number }[] {
    return this.markers.map((o) => ({ id: o.m.id, x: o.sx, y: o.sy, r: o.place.r }));
  }

  destroy(): void {
    this.clear();
    this.anim = null;
  }

  // -------------------------------------------------------------------------------------------

  private finish(): void {
    const anim = this.anim;
    if (!anim) return;
    this.t = anim.durationMs;
    this.startTime = null;
    this.stage = null;
    this.apply(Number.POSITIVE_INFINITY);
    this.setState('done');
  }

  private setState(state: ResolutionState): void {
    this.state = state;
    this.hooks.onState(state, state === 'playing' ? this.stage : null, this.anim?.key ?? null);
  }

  /** Set every object for time `t` (ms from the start; Infinity for the end state). */
  private apply(t: number): void {
    for (const o of this.outlines) {
      const p = progress(t, o.o.startMs, o.o.durationMs);
      o.g.setVisible(p > 0);
      // Three flashes, then steady.
      o.g.setAlpha(p >= 1 ? 0.9 : 0.3 + 0.7 * (0.5 + 0.5 * Math.cos(p * Math.PI * 6)));
    }
    for (const o of this.moves) {
      const p = progress(t, o.m.startMs, o.m.durationMs);
      o.g.setVisible(p > 0);
      o.g.setAlpha(Math.min(1, p * 1.5));
      const moving = p > 0 && p < 1;
      o.head.setVisible(moving);
      if (moving) {
        const pts = o.place.geom.points;
        const n = pts.length / 2;
        const i = Math.min(n - 1, Math.round(easeInOut(p) * (n - 1)));
        o.head.setPosition(pts[i * 2], pts[i * 2 + 1]);
      }
      o.text.setVisible(o.textPlaced && p > 0.6);
      o.text.setAlpha(p >= 1 ? 1 : Math.max(0, (p - 0.6) / 0.4));
    }
    for (const o of this.pulses) {
      const p = progress(t, o.p.startMs, o.p.durationMs);
      const on = p > 0 && p < 1;
      o.img.setVisible(on);
      if (!on) continue;
      const pts = o.geom.points;
      const n = pts.length / 2;
      const i = Math.min(n - 1, Math.round(easeInOut(p) * (n - 1)));
      o.img.setPosition(pts[i * 2], pts[i * 2 + 1]);
      o.img.setAlpha(p < 0.85 ? 1 : (1 - p) / 0.15);
    }
    for (const c of this.clusters) {
      const on = c.collapsed && t >= c.startMs;
      c.g.setVisible(on);
      c.text.setVisible(on);
    }
    for (const o of this.markers) {
      const p = progress(t, o.m.startMs, o.m.durationMs);
      o.g.setVisible(p > 0 && !o.hidden);
      o.g.setScale(p >= 1 ? 1 : Math.max(0.01, easeOutBack(p)));
      if (o.text) {
        o.text.setVisible(p > 0.4 && !o.hidden);
        o.text.setAlpha(p >= 1 ? 1 : Math.max(0, (p - 0.4) / 0.6));
      }
      const burst = p > 0 && p < 1 && !o.hidden;
      o.ring.setVisible(burst);
      if (burst) {
        const r = o.place.r * (1 + 1.8 * p);
        o.ring.setScale(r / RING_R);
        o.ring.setAlpha(0.9 * (1 - p));
      }
    }
  }

  private clear(): void {
    for (const o of this.markers) {
      o.g.destroy();
      o.ring.destroy();
      o.text?.destroy();
    }
    for (const o of this.moves) {
      o.g.destroy();
      o.head.destroy();
      o.text.destroy();
    }
    for (const o of this.pulses) o.img.destroy();
    for (const o of this.outlines) o.g.destroy();
    for (const c of this.clusters) {
      c.g.destroy();
      c.text.destroy();
    }
    this.clusters = [];
    this.markers = [];
    this.moves = [];
    this.pulses = [];
    this.outlines = [];
  }

  /** A ring (burst) or a disc (arrow head) texture in one colour (the Canvas renderer cannot tint). */
  private texture(kind: 'ring' | 'head', color: number): string {
    const key = `anim-${kind}-${hex(color)}`;
    if (this.scene.textures.exists(key)) return key;
    const g = this.scene.add.graphics();
    const c = TEX / 2;
    if (kind === 'ring') {
      g.lineStyle(5, BOARD_THEME.flowCasing, 0.6);
      g.strokeCircle(c, c, RING_R);
      g.lineStyle(3, color, 1);
      g.strokeCircle(c, c, RING_R);
    } else {
      g.fillStyle(BOARD_THEME.flowCasing, 0.9);
      g.fillCircle(c, c, c - 1);
      g.fillStyle(color, 1);
      g.fillCircle(c, c, c - 10);
      g.fillStyle(0xffffff, 0.85);
      g.fillCircle(c, c, c - 22);
    }
    g.generateTexture(key, TEX, TEX);
    g.destroy();
    return key;
  }
}

function easeInOut(p: number): number {
  return p < 0.5 ? 2 * p * p : 1 - (-2 * p + 2) ** 2 / 2;
}

function strokeRing(g: Phaser.GameObjects.Graphics, ring: FlatPath): void {
  if (ring.length < 4) return;
  g.beginPath();
  g.moveTo(ring[0]!, ring[1]!);
  for (let i = 2; i < ring.length; i += 2) g.lineTo(ring[i]!, ring[i + 1]!);
  g.closePath();
  g.strokePath();
}

/** An arrow along `geom` (world px): dark casing, coloured core (dashed for fighters), a head at the end. */
function drawArrow(
  g: Phaser.GameObjects.Graphics,
  geom: ArcGeometry,
  widthPx: number,
  color: number,
  dashed: boolean,
  s: number,
  k: number,
): void {
  g.clear();
  const pts = geom.points;
  const n = pts.length / 2;
  if (n < 2) return;
  const head = Math.max(9 * s, widthPx * 2.2);
  // Stop the line where the head begins.
  const stop = Math.max(1, n - 1 - Math.round((head * 0.7) / k / geom.step));
  const runs = dashed
    ? dashRuns(geom, [10, 6], s)
        .filter(([a]) => a < stop)
        .map(([a, b]): [number, number] => [a, Math.min(b, stop)])
    : [[0, stop] as [number, number]];
  const [ux, uy] = endDirection(geom);
  const ex = pts[(n - 1) * 2]!,
    ey = pts[(n - 1) * 2 + 1]!;
  for (const pass of ['casing', 'core'] as const) {
    const c = pass === 'casing' ? BOARD_THEME.flowCasing : color;
    g.lineStyle((pass === 'casing' ? widthPx + 3 * s : widthPx) / k, c, pass === 'casing' ? 0.75 : 1);
    for (const [i0, i1] of runs) {
      g.beginPath();
      g.moveTo(pts[i0 * 2]!, pts[i0 * 2 + 1]!);
      for (let i = i0 + 1; i <= i1; i++) g.lineTo(pts[i * 2]!, pts[i * 2 + 1]!);
      g.strokePath();
    }
    const h = (head + (pass === 'casing' ? 3 * s : 0)) / k;
    g.fillStyle(c, 1);
    g.fillTriangle(
      ex + ux * h * 0.35,
      ey + uy * h * 0.35,
      ex - ux * h * 0.8 - uy * h * 0.6,
      ey - uy * h * 0.8 + ux * h * 0.6,
      ex - ux * h * 0.8 + uy * h * 0.6,
      ey - uy * h * 0.8 - ux * h * 0.6,
    );
  }
}
