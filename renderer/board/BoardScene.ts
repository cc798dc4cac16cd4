/**
 * The board scene: draws a `BoardModel` over Peru's projected regions and turns pointer input into
 * intents on the event bus. It owns no game state: React sends the model and camera commands; the
 * scene reports hover, selection and the view.
 *
 * Cost model: geometry is projected once per (region set, canvas size); a model update recolours
 * polygons and rebuilds only the parts whose inputs changed (flows, labels, legend, the turn's
 * animation); each frame only moves the flow dots and, after a turn resolves, the animation's
 * prebuilt objects (`ResolutionLayer`). Labels, markers and the legend are drawn in screen space
 * (crisp at any zoom); the map is a container scaled by the view.
 *
 * Legends: the full legend (the overlay's classes bottom left, the key to flows and symbols top
 * right, the key to the turn's markers wherever it covers least of the map) where it leaves the
 * map clear; where it would lie over the regions, a port, a crossing or a zone's name (a laptop
 * screen, presentation scale on a small board), a compact strip of the overlay's classes, with the
 * rest behind the board's "Legend" button. The button overrides the automatic choice.
 */
import * as Phaser from 'phaser';
import type { BoardEventBus, BoardCommand } from './event-bus';
import {
  BOARD_THEME, type AnimStageId, type BoardFlow, type BoardModel, type FlowMode, type LegendEntry,
} from '../view-model/board-model';
import {
  buildGeography, clampView, hatchSegments, COUNTRY_LABEL_AT, ensureVisible, IDENTITY_VIEW, PACIFIC_LABEL_AT, panBy,
  projectBoard, regionAt, regionCover, TITICACA_LABEL_AT, toScreen, toWorld, zoomAt,
  type FlatPath, type LonLat, type ProjectedBoard, type View, type XY,
} from '../view-model/geo';
import { ARC_STYLES, buildArc, dashRuns, dotCount, endDirection, type ArcGeometry } from '../view-model/geo-arcs';
import { aroundOffsets, overlaps, placeLabels, type LabelRequest, type Rect } from '../view-model/geo-labels';
import { drawEventGlyph, drawLegendArrow, fillPoly, PLANE } from './event-glyphs';
import { ResolutionLayer, type ResolutionState } from './ResolutionLayer';

export interface BoardSceneData {
  bus: BoardEventBus;
  renderer: 'webgl' | 'canvas';
  instrument: boolean;
}

export interface BoardMetrics {
  renderer: 'webgl' | 'canvas';
  /** ms since navigation start when the board became interactive. */
  readyAt: number | null;
  /** Recent frame intervals (ms), newest last, at most 1,200. */
  frameIntervals: number[];
  /** Recent time spent in update + render per frame (ms), newest last. */
  frameWork: number[];
  flows: number;
  dots: number;
  /** The resolution animation: its state, when it started and ended (ms since navigation start),
   * the frame intervals while it played, and where its markers are on screen. */
  animation: {
    key: string | null;
    state: ResolutionState;
    stage: AnimStageId | null;
    plays: number;
    startedAt: number | null;
    endedAt: number | null;
    frameIntervals: number[];
    markers: { id: string; x: number; y: number; r: number }[];
  };
  /** Whether the full legend is shown, and the legends' rectangles on screen. */
  legend: { expanded: boolean; cover: number; covered: number; rects: Rect[] };
}

declare global {
  interface Window {
    __boardMetrics?: BoardMetrics;
  }
}

const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif';
const DOT_TEXTURE = 'board-dot';
const dotTexture = (mode: FlowMode): string => `${DOT_TEXTURE}-${mode}`;
const DOT_TEXTURE_SIZE = 32;
/** Radius of the airstrip icon's disc, px at scale 1. */
const AIRSTRIP_R = 9.5;
/**
 * The full legend is shown unless one of its panels would lie over the regions for more than this
 * share of its area, or over a port, a border crossing or a zone's name (a laptop screen, or
 * presentation scale on a small board); then the compact one.
 */
export const LEGEND_MAX_REGION_COVER = 0.12;
/** How close (px at scale 1) a port, crossing or zone may come to a full legend panel. */
const LEGEND_FEATURE_MARGIN = 28;
/** The HTML "Legend" button in the top-right corner, px at presentation scale 1 (see board.css). */
const LEGEND_BUTTON = { w: 120, h: 38 } as const;

interface ArcRuntime {
  flow: BoardFlow;
  geom: ArcGeometry;
  dots: Phaser.GameObjects.Image[];
  speed: number;
  phase: number;
}

interface TextSpec {
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  stroke?: number;
  spacing?: number;
  align?: 'left' | 'center';
}

interface UiLabel {
  id: string;
  text: Phaser.GameObjects.Text;
  /** World anchor (board px at zoom 1). */
  anchor: XY;
  priority: number;
  offsets: (w: number, h: number) => XY[];
  required: boolean;
  /** Keep on screen even when the anchor is off screen (destinations). */
  clampToScreen: boolean;
  badge?: { color: number };
  /** A dark translucent pill behind the text (zone names over bright fills). */
  backing?: boolean;
  /** An airstrip icon left of the text (the text is the count). */
  icon?: boolean;
  /** The label's centre must stay inside one of these regions (if it can). */
  within?: string[];
}

interface Marker {
  kind: 'port' | 'crossing' | 'air-exit' | 'airstrip';
  anchor: XY;
  color: number;
}

export class BoardScene extends Phaser.Scene {
  private bus!: BoardEventBus;
  private rendererKind: 'webgl' | 'canvas' = 'webgl';
  private instrument = false;
  private metrics: BoardMetrics | null = null;
  private stepStart = 0;

  private model: BoardModel | null = null;
  private board: ProjectedBoard | null = null;
  private view: View = IDENTITY_VIEW;
  /** UI scale: the model's presentation scale × a factor for the canvas size. */
  private s = 1;

  private world!: Phaser.GameObjects.Container;
  private countryLayer!: Phaser.GameObjects.Container;
  private regionLayer!: Phaser.GameObjects.Container;
  private waterLayer!: Phaser.GameObjects.Container;
  private borderGfx!: Phaser.GameObjects.Graphics;
  private hatchGfx!: Phaser.GameObjects.Graphics;
  private highlightGfx!: Phaser.GameObjects.Graphics;
  private arcGfx!: Phaser.GameObjects.Graphics;
  private dotLayer!: Phaser.GameObjects.Container;
  private ui!: Phaser.GameObjects.Container;
  private markerGfx!: Phaser.GameObjects.Graphics;
  private badgeGfx!: Phaser.GameObjects.Graphics;
  private labelLayer!: Phaser.GameObjects.Container;
  /** Airstrip icons and counts, above the zone names so they stay readable where they overlap. */
  private iconGfx!: Phaser.GameObjects.Graphics;
  private iconLayer!: Phaser.GameObjects.Container;
  private animWorld!: Phaser.GameObjects.Container;
  private animUi!: Phaser.GameObjects.Container;
  private legendLayer!: Phaser.GameObjects.Container;
  private resolution!: ResolutionLayer;
  /** The user's legend choice (null: automatic). */
  private legendPref: boolean | null = null;

  private regionPolys = new Map<string, Phaser.GameObjects.Polygon[]>();
  private arcs: ArcRuntime[] = [];
  private dotPool: Phaser.GameObjects.Image[] = [];
  private labels: UiLabel[] = [];
  private markers: Marker[] = [];
  private legendRects: Rect[] = [];

  private keys = { geometry: '', fills: '', flows: '', ui: '', anim: '' };
  private hoverId: string | null = null;
  private focusId: string | null = null;
  private drag: { x: number; y: number; view: View; moved: boolean } | null = null;
  private ready = false;

  constructor() {
    super('board');
  }

  init(data: BoardSceneData): void {
    this.bus = data.bus;
    this.rendererKind = data.renderer;
    this.instrument = data.instrument;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(BOARD_THEME.ocean);
    this.makeDotTextures();

    this.world = this.add.container(0, 0);
    this.countryLayer = this.add.container(0, 0);
    this.regionLayer = this.add.container(0, 0);
    this.waterLayer = this.add.container(0, 0);
    this.borderGfx = this.add.graphics();
    this.hatchGfx = this.add.graphics();
    this.highlightGfx = this.add.graphics();
    this.arcGfx = this.add.graphics();
    this.dotLayer = this.add.container(0, 0);
    this.animWorld = this.add.container(0, 0);
    this.world.add([this.countryLayer, this.regionLayer, this.hatchGfx, this.waterLayer, this.borderGfx, this.highlightGfx,
      this.arcGfx, this.dotLayer, this.animWorld]);

    this.ui = this.add.container(0, 0);
    this.markerGfx = this.add.graphics();
    this.badgeGfx = this.add.graphics();
    this.labelLayer = this.add.container(0, 0);
    this.iconGfx = this.add.graphics();
    this.iconLayer = this.add.container(0, 0);
    this.animUi = this.add.container(0, 0);
    this.legendLayer = this.add.container(0, 0);
    this.ui.add([this.markerGfx, this.badgeGfx, this.labelLayer, this.iconGfx, this.iconLayer, this.animUi, this.legendLayer]);
    this.resolution = new ResolutionLayer(this, this.animWorld, this.animUi, {
      text: (str, size, scale) => this.text(str, { size, bold: true, stroke: 4 }, scale),
      dotTexture,
      onState: this.onAnimationState,
    });

    this.input.on('pointermove', this.onPointerMove);
    this.input.on('pointerdown', this.onPointerDown);
    this.input.on('pointerup', this.onPointerUp);
    this.input.on('pointerupoutside', this.onPointerUp);
    this.input.on('gameout', this.onPointerOut);
    this.input.on('wheel', this.onWheel);
    this.scale.on('resize', this.onResize);
    this.bus.on('model', this.onModel);
    this.bus.on('command', this.onCommand);
    this.bus.on('legendPref', this.onLegendPref);
    this.legendPref = this.bus.latest('legendPref')?.expanded ?? null;
    this.events.once('shutdown', this.cleanup);
    this.events.once('destroy', this.cleanup);

    if (this.instrument) {
      this.metrics = {
        renderer: this.rendererKind, readyAt: null, frameIntervals: [], frameWork: [], flows: 0, dots: 0,
        animation: { key: null, state: 'idle', stage: null, plays: 0, startedAt: null, endedAt: null, frameIntervals: [], markers: [] },
        legend: { expanded: true, cover: 0, covered: 0, rects: [] },
      };
      window.__boardMetrics = this.metrics;
      this.game.events.on('prestep', this.onPreStep);
      this.game.events.on('postrender', this.onPostRender);
    }

    const first = this.bus.latest('model');
    if (first) this.onModel(first);
  }

  private readonly cleanup = (): void => {
    this.input.off('pointermove', this.onPointerMove);
    this.input.off('pointerdown', this.onPointerDown);
    this.input.off('pointerup', this.onPointerUp);
    this.input.off('pointerupoutside', this.onPointerUp);
    this.input.off('gameout', this.onPointerOut);
    this.input.off('wheel', this.onWheel);
    this.scale.off('resize', this.onResize);
    this.bus.off('model', this.onModel);
    this.bus.off('command', this.onCommand);
    this.bus.off('legendPref', this.onLegendPref);
    this.game.events.off('prestep', this.onPreStep);
    this.game.events.off('postrender', this.onPostRender);
    this.resolution.destroy();
  };

  // -------------------------------------------------------------------------------------------
  // Frame loop

  override update(time: number, delta: number): void {
    if (this.metrics) {
      push(this.metrics.frameIntervals, delta);
      if (this.resolution.playing) push(this.metrics.animation.frameIntervals, delta);
    }
    this.resolution.update(time);
    // Reduced motion: the dots stay where they were put.
    if (!this.model?.reducedMotion) this.moveDots(time / 1000);
  }

  /** Put each flow's dots where they are at `sec` seconds. */
  private moveDots(sec: number): void {
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

  private readonly onPreStep = (): void => {
    this.stepStart = performance.now();
  };

  private readonly onPostRender = (): void => {
    if (this.metrics) push(this.metrics.frameWork, performance.now() - this.stepStart);
  };

  // -------------------------------------------------------------------------------------------
  // Model

  private readonly onModel = (model: BoardModel): void => {
    try {
      this.applyModel(model);
    } catch (e) {
      this.bus.emit('error', { message: e instanceof Error ? e.message : String(e) });
    }
  };

  private applyModel(model: BoardModel): void {
    this.model = model;
    const { width, height } = this.scale.gameSize;
    if (width < 2 || height < 2) return;
    const geometryKey = `${model.regionIds.join(',')}|${width}x${height}|${model.scale}|${
      model.exits.map((e) => e.at.join(',')).join(';')}`;
    if (geometryKey !== this.keys.geometry) {
      this.keys = { geometry: geometryKey, fills: '', flows: '', ui: '', anim: '' };
      this.buildGeometry(model, width, height);
    }
    const fills = model.regions.map((r) => r.fill).join(',');
    if (fills !== this.keys.fills) {
      this.keys.fills = fills;
      for (const r of model.regions) for (const p of this.regionPolys.get(r.id) ?? []) p.setFillStyle(r.fill, 1);
      this.drawHatching();
    }
    const flows = JSON.stringify(model.flows.map((f) => [f.id, f.widthPx, f.stops]));
    if (flows !== this.keys.flows) {
      this.keys.flows = flows;
      this.buildArcs(model);
    }
    const ui = JSON.stringify([model.legend, model.flowLegend, model.zones, model.ports, model.exits, model.destinations,
      model.countries, model.strings.pacific, model.strings.titicaca, model.regions.map((r) => [r.id, r.airstrips]),
      model.animation?.legend ?? null]);
    const anim = JSON.stringify(model.animation);
    if (ui !== this.keys.ui || anim !== this.keys.anim) {
      const newKey = model.animation?.key ?? null;
      const replay = newKey !== null && newKey !== this.playedKey();
      this.keys.ui = ui;
      this.keys.anim = anim;
      this.buildUi(model);
      if (replay) this.resolution.play();
      else if (newKey !== null && this.resolution.animationState === 'idle') this.resolution.showEnd();
    }
    this.drawHighlight();
    if (!this.ready) {
      this.ready = true;
      const at = performance.now();
      if (this.metrics) this.metrics.readyAt = at;
      this.bus.emit('ready', { renderer: this.rendererKind, at });
    }
  }

  /** The key of the animation this board already played (or started), so a model update never replays it. */
  private playedKey(): string | null {
    const own = this.resolution.animationState !== 'idle' ? this.resolution.key : null;
    if (own) return own;
    // A board re-created for the same game (a renderer fallback) shows the end state at once.
    const last = this.bus.latest('animation');
    return last && last.state !== 'idle' ? last.key : null;
  }

  private readonly onAnimationState = (state: ResolutionState, stage: AnimStageId | null, key: string | null): void => {
    const m = this.metrics?.animation;
    if (m) {
      if (state === 'playing' && m.state !== 'playing') {
        m.plays++;
        m.startedAt = performance.now();
        m.endedAt = null;
        m.frameIntervals = [];
      }
      if (state === 'done' && m.state === 'playing') m.endedAt = performance.now();
      m.key = key;
      m.state = state;
      m.stage = stage;
    }
    this.bus.emit('animation', { key, state, stage });
  };

  private readonly onLegendPref = ({ expanded }: { expanded: boolean | null }): void => {
    this.legendPref = expanded;
    if (this.model) {
      this.keys.ui = '';
      this.onModel(this.model);
    }
  };

  private readonly onResize = (): void => {
    this.view = IDENTITY_VIEW;
    if (this.model) this.onModel(this.model);
    this.bus.emit('view', { zoom: this.view.k });
  };

  // -------------------------------------------------------------------------------------------
  // Geometry (once per region set and canvas size)

  private buildGeometry(model: BoardModel, width: number, height: number): void {
    this.s = model.scale * Math.min(1.35, Math.max(0.9, Math.min(width / 1600, height / 900)));
    const geo = buildGeography(model.regionIds);
    const pad = { top: height * 0.06, bottom: height * 0.05, left: width * 0.05, right: width * 0.05 };
    const extra: LonLat[] = [...model.exits.map((e) => e.at), ...model.zones.map((z) => z.at)];
    const board = projectBoard(geo, width, height, pad, extra);
    this.board = board;
    this.view = IDENTITY_VIEW;
    this.applyView();

    this.countryLayer.removeAll(true);
    for (const c of board.countries) {
      const named = (Object.keys(COUNTRY_LABEL_AT)).includes(c.id);
      for (const ring of c.rings) {
        this.countryLayer.add(this.polygon(ring, named ? BOARD_THEME.neighbour : BOARD_THEME.neighbourOther)
          .setStrokeStyle(1, BOARD_THEME.neighbourBorder, 0.9));
      }
    }
    this.regionLayer.removeAll(true);
    this.regionPolys.clear();
    for (const r of board.regions) {
      const polys = r.rings.map((ring) => this.polygon(ring, BOARD_THEME.noData));
      this.regionPolys.set(r.id, polys);
      this.regionLayer.add(polys);
    }
    this.waterLayer.removeAll(true);
    for (const ring of board.water) this.waterLayer.add(this.polygon(ring, BOARD_THEME.water));
    this.drawBorders();
  }

  private polygon(ring: FlatPath, color: number): Phaser.GameObjects.Polygon {
    return new Phaser.GameObjects.Polygon(this, 0, 0, ring, color, 1).setOrigin(0, 0);
  }

  /** Hatch the regions where the overlay does not apply (or there is no data). */
  private drawHatching(): void {
    const g = this.hatchGfx;
    g.clear();
    const board = this.board;
    if (!board || !this.model) return;
    const k = this.view.k;
    g.lineStyle(1.2 / k, 0xffffff, 0.2);
    const hatched = new Set(this.model.regions.filter((r) => r.hatched).map((r) => r.id));
    for (const r of board.regions) {
      if (!hatched.has(r.id)) continue;
      const seg = hatchSegments(r.rings, (7 * this.s) / k);
      for (let i = 0; i < seg.length; i += 4) g.lineBetween(seg[i]!, seg[i + 1]!, seg[i + 2]!, seg[i + 3]!);
    }
  }

  private drawBorders(): void {
    const g = this.borderGfx;
    const board = this.board;
    g.clear();
    if (!board) return;
    const k = this.view.k;
    g.lineStyle((1.1 * this.s) / k, BOARD_THEME.internalBorder, 0.85);
    for (const line of board.internalBorders) strokeFlat(g, line);
    g.lineStyle((1.6 * this.s) / k, BOARD_THEME.outline, 0.75);
    for (const line of board.outline) strokeFlat(g, line);
  }

  // -------------------------------------------------------------------------------------------
  // Flows

  private buildArcs(model: BoardModel): void {
    const board = this.board;
    for (const a of this.arcs) for (const d of a.dots) this.releaseDot(d);
    this.arcs = [];
    if (!board) return;
    const wave = Math.max(0.8, this.s);
    // Draw thin flows last so they stay visible on top of thick ones.
    const ordered = [...model.flows].sort((a, b) => b.widthPx - a.widthPx);
    ordered.forEach((flow, idx) => {
      const stops = flow.stops.map((p) => board.project(p));
      const geom = buildArc(stops, flow.mode, 2, wave);
      const style = ARC_STYLES[flow.mode];
      const n = dotCount(geom.length, this.s);
      const dots: Phaser.GameObjects.Image[] = [];
      for (let j = 0; j < n; j++) {
        dots.push(this.takeDot(flow.mode));
      }
      this.arcs.push({ flow, geom, dots, speed: style.speed * this.s, phase: (idx * 37) % Math.max(1, geom.length) });
    });
    if (this.metrics) {
      this.metrics.flows = this.arcs.length;
      this.metrics.dots = this.arcs.reduce((s, a) => s + a.dots.length, 0);
    }
    this.moveDots(this.time.now / 1000);
    this.drawArcs();
    this.sizeDots();
  }

  private drawArcs(): void {
    const g = this.arcGfx;
    g.clear();
    const k = this.view.k;
    const s = this.s;
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
        const ex = pts[(n - 1) * 2]!, ey = pts[(n - 1) * 2 + 1]!;
        const size = (Math.max(7 * s, w * 1.6) + (pass === 'casing' ? 2.5 * s : 0)) / k;
        g.fillStyle(color, pass === 'casing' ? 0.7 : 1);
        g.fillTriangle(ex + ux * size * 0.6, ey + uy * size * 0.6,
          ex - ux * size * 0.7 - uy * size * 0.6, ey - uy * size * 0.7 + ux * size * 0.6,
          ex - ux * size * 0.7 + uy * size * 0.6, ey - uy * size * 0.7 - ux * size * 0.6);
      }
    }
  }

  /** One dot texture per mode, colours baked in (the Canvas renderer cannot tint). */
  private makeDotTextures(): void {
    const c = DOT_TEXTURE_SIZE / 2;
    for (const mode of ['air', 'sea', 'river', 'land'] as const) {
      if (this.textures.exists(dotTexture(mode))) continue;
      const g = this.add.graphics();
      g.fillStyle(0x0a1420, 0.9);
      g.fillCircle(c, c, c - 1);
      g.fillStyle(BOARD_THEME.flow[mode], 1);
      g.fillCircle(c, c, c - 6);
      g.generateTexture(dotTexture(mode), DOT_TEXTURE_SIZE, DOT_TEXTURE_SIZE);
      g.destroy();
    }
  }

  private takeDot(mode: FlowMode): Phaser.GameObjects.Image {
    const d = this.dotPool.pop() ?? this.add.image(0, 0, dotTexture(mode));
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

  private sizeDots(): void {
    const k = this.view.k;
    for (const a of this.arcs) {
      const px = Math.max(7 * this.s, a.flow.widthPx * this.s * 0.9 + 5 * this.s);
      for (const d of a.dots) d.setScale(px / DOT_TEXTURE_SIZE / k);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Labels, markers, legend (screen space)

  private text(str: string, spec: TextSpec, scale = this.s): Phaser.GameObjects.Text {
    const s = scale;
    const t = this.add.text(0, 0, str, {
      fontFamily: FONT,
      fontSize: `${Math.round(spec.size * s)}px`,
      fontStyle: `${spec.italic ? 'italic ' : ''}${spec.bold ? 'bold' : ''}`.trim() || 'normal',
      color: spec.color ?? BOARD_THEME.text,
      stroke: BOARD_THEME.textStroke,
      strokeThickness: Math.round((spec.stroke ?? 4) * s),
      letterSpacing: Math.round((spec.spacing ?? 0) * s),
      align: spec.align ?? 'center',
    });
    t.setResolution(Math.min(2, window.devicePixelRatio || 1));
    return t;
  }

  private buildUi(model: BoardModel): void {
    const board = this.board;
    this.labelLayer.removeAll(true);
    this.iconLayer.removeAll(true);
    this.legendLayer.removeAll(true);
    this.labels = [];
    this.markers = [];
    if (!board) return;
    const s = this.s;
    const P = (p: LonLat): XY => board.project(p);
    const label = (id: string, str: string, spec: TextSpec, anchor: XY, priority: number,
      opts: Partial<Pick<UiLabel, 'offsets' | 'required' | 'clampToScreen' | 'badge' | 'backing' | 'icon' | 'within'>> = {}): UiLabel => {
      const text = this.text(str, spec).setOrigin(0.5, 0.5);
      (opts.icon ? this.iconLayer : this.labelLayer).add(text);
      const l: UiLabel = {
        id, text, anchor, priority,
        offsets: opts.offsets ?? (() => [[0, 0]]),
        required: opts.required ?? false,
        clampToScreen: opts.clampToScreen ?? false,
        badge: opts.badge,
        backing: opts.backing,
        icon: opts.icon,
        within: opts.within,
      };
      this.labels.push(l);
      return l;
    };

    // Water and neighbours: quiet, large, spaced capitals.
    label('water:pacific', model.strings.pacific.toUpperCase(), { size: 17, italic: true, color: '#6f8fb0', stroke: 0, spacing: 5 },
      P(PACIFIC_LABEL_AT), 10);
    label('water:titicaca', model.strings.titicaca, { size: 12, italic: true, color: '#9cc3e6', stroke: 3 },
      P(TITICACA_LABEL_AT), 5, { offsets: (w, h) => [[w / 2 + 6 * s, 0], [0, h], ...aroundOffsets(w, h, 6 * s)] });
    for (const c of model.countries) {
      label(`country:${c.id}`, c.label.toUpperCase(), { size: 17, color: BOARD_THEME.textMuted, stroke: 0, spacing: 4 },
        P(COUNTRY_LABEL_AT[c.id]), 20, { clampToScreen: true, offsets: (_w, h) => [[0, 0], [0, h], [0, -h]] });
    }

    // Zones: the seed's named places, the most important text on the board. The first zone (the
    // VRAEM) is placed first, on its point; the others move aside if they must.
    model.zones.forEach((z, i) => {
      label(`zone:${z.id}`, z.label.toUpperCase(), { size: 17, bold: true, stroke: 3, spacing: 0.5 }, P(z.at), 95 - i,
        { required: true, backing: true, within: z.members,
          offsets: (w, h) => [[0, 0], [0, h * 0.9], [0, -h * 0.9], [w * 0.3, h], [-w * 0.3, h], [w * 0.3, -h], [-w * 0.3, -h],
            [w * 0.5, 0], [-w * 0.5, 0], ...aroundOffsets(w, h, 4 * s)] });
    });

    // Destinations: badges pushed outwards from Peru, kept on screen.
    const centre = P([-75.0, -9.4]);
    for (const d of model.destinations) {
      const at = P(d.at);
      const dx = at[0] - centre[0], dy = at[1] - centre[1];
      const l = Math.hypot(dx, dy) || 1;
      const push = (d.id === 'overseas' ? 190 : 70) * s;
      const anchor: XY = [at[0] + (dx / l) * push, at[1] + (dy / l) * push];
      label(`dest:${d.id}`, d.label.toUpperCase(), { size: 16, bold: true, stroke: 0, spacing: 1.5 }, anchor, 100,
        { required: true, clampToScreen: true, badge: { color: 0xffffff },
          offsets: (w, h) => [[0, 0], [0, h * 1.3], [0, -h * 1.3], [w * 0.6, 0], [-w * 0.6, 0]] });
    }

    // Ports: anchor symbols on the coast, names out to sea.
    for (const p of model.ports) {
      const at = P(p.at);
      this.markers.push({ kind: 'port', anchor: at, color: 0xffffff });
      label(`port:${p.id}`, p.label, { size: 14, bold: true, stroke: 4 }, at, 85,
        { required: true, offsets: (w, h) => [[-w / 2 - 13 * s, 0], [-w / 2 - 10 * s, -h * 0.7], [-w / 2 - 10 * s, h * 0.7], [0, -h - 6 * s], [0, h + 6 * s]] });
    }

    // Exits: border crossings and the narco-flights' landing area.
    for (const e of model.exits) {
      if (e.kind === 'sea') continue;
      this.markers.push({ kind: e.kind === 'air' ? 'air-exit' : 'crossing', anchor: P(e.at), color: BOARD_THEME.flow[e.mode] });
    }

    // Clandestine airstrips: a plane and the count near the region's anchor, placed like a label.
    const nf = new Intl.NumberFormat(model.locale);
    for (const r of model.regions) {
      if (r.airstrips <= 0) continue;
      const d = 2 * AIRSTRIP_R * s;
      label(`airstrip:${r.id}`, nf.format(r.airstrips), { size: 13, bold: true, stroke: 4 }, P(r.at), 80, {
        required: true, icon: true, within: [r.id],
        offsets: (w, h) => {
          // Centred on the anchor first, then rings further out: below-left, below-right, left, right…
          const out: XY[] = [[-w / 2 + d / 2, 0]];
          for (const k of [1, 1.8, 2.6]) {
            const dx = (w / 2 + 3 * s) * k, dy = (h * 0.75 + 2 * s) * k;
            out.push([-dx, dy], [dx, dy], [-dx, 0], [dx, 0], [-dx, -dy], [dx, -dy], [0, dy * 1.2], [0, -dy * 1.2]);
          }
          return out;
        },
      });
    }

    this.buildLegend(model);
    // The turn's markers and arrows: laid out clear of the legends.
    const geoms = new Map(this.arcs.map((a) => [a.flow.id, a.geom]));
    this.resolution.build(model.animation, board, geoms, s, this.view.k, this.legendRects);
    this.layoutUi();
  }

  /**
   * The legends. Full: the overlay's classes (bottom left, over the Pacific), the key to flows and
   * symbols (top right, under the Legend button) and the key to the turn's markers (where it covers
   * least). Compact: the overlay's classes as one strip. Each panel is rebuilt smaller if it would
   * take too much of the canvas.
   */
  private buildLegend(model: BoardModel): void {
    const { width, height } = this.scale.gameSize;
    const margin = 16 * this.s;
    const gap = 10 * this.s;
    this.legendRects = [];
    // The full legend first; kept if the user asked for it, or (automatically) if it leaves the map clear.
    const panels: { c: Phaser.GameObjects.Container; rect: Rect }[] = [];
    const a = this.panel((ls, c) => this.overlayLegend(model, ls, c), width * 0.32, height * 0.5);
    panels.push({ c: a.c, rect: { x: margin, y: height - a.h - margin, w: a.w, h: a.h } });
    const top = (12 + LEGEND_BUTTON.h) * model.scale + 6;
    const b = this.panel((ls, c) => this.keyLegend(model, ls, c), width * 0.3, height * 0.62);
    panels.push({ c: b.c, rect: { x: width - b.w - margin, y: top, w: b.w, h: b.h } });
    // The turn's key: wherever it covers least of the map (under the key, over the Pacific above
    // the overlay's legend, under the zoom buttons, or bottom right; the first of equals), never on
    // the other panels or the HTML buttons; smaller if it fits nowhere at full size.
    if (model.animation && model.animation.legend.entries.length > 0) {
      const [ra, rb] = [panels[0]!.rect, panels[1]!.rect];
      const ms = model.scale;
      const taken: Rect[] = [ra, rb, { x: 0, y: 0, w: 64 * ms, h: 160 * ms },
        { x: width - (LEGEND_BUTTON.w + 12) * ms, y: 0, w: (LEGEND_BUTTON.w + 12) * ms, h: top }];
      const place = (w: number, h: number): { r: Rect; score: number } => {
        const candidates: Rect[] = [
          { x: width - w - margin, y: rb.y + rb.h + gap, w, h },
          { x: margin, y: ra.y - gap - h, w, h },
          { x: margin, y: 160 * ms + gap, w, h },
          { x: width - w - margin, y: height - margin - 12 * this.s - h, w, h },
        ];
        const score = (r: Rect): number => (r.y < 0 || r.y + r.h > height || taken.some((t) => overlaps(r, t, gap / 2)) ? 100 : 0)
          + (this.board ? this.featuresUnder(model, [r], LEGEND_FEATURE_MARGIN * this.s) + regionCover(this.board, r) : 0);
        return candidates.map((r) => ({ r, score: score(r) })).sort((x, y) => x.score - y.score)[0]!;
      };
      // Largest first; a size down until it fits somewhere.
      let chosen: { d: { c: Phaser.GameObjects.Container; w: number; h: number }; best: { r: Rect; score: number } } | null = null;
      for (const f of [0.45, 0.38, 0.32, 0.26]) {
        const d = this.panel((ls, c) => this.turnLegend(model, ls, c), width * 0.3, height * f);
        const best = place(d.w, d.h);
        if (!chosen || best.score < chosen.best.score) {
          chosen?.d.c.destroy(true);
          chosen = { d, best };
        } else {
          d.c.destroy(true);
        }
        if (chosen.best.score < 100) break;
      }
      const { d, best } = chosen!;
      panels.push({ c: d.c, rect: best.r });
    }
    for (const p of panels) p.c.setPosition(p.rect.x, p.rect.y);
    const full = panels.map((p) => p.rect);
    const cover = this.board ? Math.max(...full.map((r) => regionCover(this.board!, r))) : 0;
    const covered = this.board ? this.featuresUnder(model, full, LEGEND_FEATURE_MARGIN * this.s) : 0;
    const expanded = this.legendPref ?? (cover <= LEGEND_MAX_REGION_COVER && covered === 0);
    if (expanded) {
      this.legendLayer.add(panels.map((p) => p.c));
      this.legendRects = full;
    } else {
      for (const p of panels) p.c.destroy(true);
      const m = 10 * this.s;
      const cpt = this.panel((ls, c) => this.compactLegend(model, ls, c), width * 0.6, height * 0.2);
      cpt.c.setPosition(m, height - cpt.h - m);
      this.legendLayer.add(cpt.c);
      this.legendRects.push({ x: m, y: height - cpt.h - m, w: cpt.w, h: cpt.h });
    }
    if (this.metrics) this.metrics.legend = { expanded, cover, covered, rects: this.legendRects.map((r) => ({ ...r })) };
    this.bus.emit('legend', { expanded });
  }

  /** How many ports, border crossings, air exits and zone names lie under (or within `margin` of) the rectangles. */
  private featuresUnder(model: BoardModel, rects: readonly Rect[], margin: number): number {
    const board = this.board;
    if (!board) return 0;
    const points = [...model.ports.map((p) => p.at), ...model.exits.filter((e) => e.kind !== 'sea').map((e) => e.at), ...model.zones.map((z) => z.at)]
      .map((p) => board.project(p));
    return points.filter(([x, y]) => rects.some((r) => x >= r.x - margin && x <= r.x + r.w + margin && y >= r.y - margin && y <= r.y + r.h + margin)).length;
  }

  private panel(build: (ls: number, c: Phaser.GameObjects.Container) => { w: number; h: number }, maxW: number, maxH: number):
    { c: Phaser.GameObjects.Container; w: number; h: number } {
    let ls = this.s;
    for (let attempt = 0; ; attempt++) {
      const c = this.add.container(0, 0);
      const size = build(ls, c);
      const f = Math.min(1, maxW / size.w, maxH / size.h);
      if (f > 0.98 || attempt === 1) return { c, ...size };
      c.destroy(true);
      ls *= f;
    }
  }

  /** Put the background behind a legend panel's content and return the panel's size. */
  private closePanel(c: Phaser.GameObjects.Container, w: number, h: number, ls: number): { w: number; h: number } {
    this.panelBackground(c, w, h, ls);
    return { w, h };
  }

  private panelBackground(c: Phaser.GameObjects.Container, w: number, h: number, ls: number): void {
    const bg = this.add.graphics();
    bg.fillStyle(BOARD_THEME.panel, 0.82);
    bg.fillRoundedRect(0, 0, w, h, 10 * ls);
    bg.lineStyle(1, 0xffffff, 0.18);
    bg.strokeRoundedRect(0, 0, w, h, 10 * ls);
    c.addAt(bg, 0);
  }

  private overlayLegend(model: BoardModel, ls: number, c: Phaser.GameObjects.Container): { w: number; h: number } {
    const pad = 14 * ls;
    const rowH = 24 * ls;
    const sw = 26 * ls;
    const g = this.add.graphics();
    c.add(g);
    let y = pad;
    const title = this.text(model.legend.title, { size: 19, bold: true, stroke: 0, align: 'left' }, ls).setOrigin(0, 0).setPosition(pad, y);
    y += title.height + 1 * ls;
    const sub = this.text(model.legend.subtitle, { size: 13, color: BOARD_THEME.textMuted, stroke: 0, align: 'left' }, ls)
      .setOrigin(0, 0).setPosition(pad, y);
    y += sub.height + 8 * ls;
    c.add([title, sub]);
    let w = Math.max(title.width, sub.width);
    for (const e of model.legend.entries) {
      g.fillStyle(e.color, 1);
      g.fillRect(pad, y + 3 * ls, sw, rowH - 6 * ls);
      if (e.hatched) {
        const x0 = pad, y0 = y + 3 * ls, hh = rowH - 6 * ls;
        const seg = hatchSegments([[x0, y0, x0 + sw, y0, x0 + sw, y0 + hh, x0, y0 + hh]], 7 * ls);
        g.lineStyle(1.2, 0xffffff, 0.3);
        for (let i = 0; i < seg.length; i += 4) g.lineBetween(seg[i]!, seg[i + 1]!, seg[i + 2]!, seg[i + 3]!);
      }
      g.lineStyle(1, 0xffffff, 0.35);
      g.strokeRect(pad, y + 3 * ls, sw, rowH - 6 * ls);
      const t = this.text(e.label, { size: 15, stroke: 0, align: 'left' }, ls).setOrigin(0, 0.5).setPosition(pad + sw + 10 * ls, y + rowH / 2);
      c.add(t);
      w = Math.max(w, sw + 10 * ls + t.width);
      y += rowH;
    }
    return this.closePanel(c, w + 2 * pad, y + pad, ls);
  }

  private keyLegend(model: BoardModel, ls: number, c: Phaser.GameObjects.Container): { w: number; h: number } {
    const pad = 14 * ls;
    const rowH = 24 * ls;
    const lineLen = 40 * ls;
    const g = this.add.graphics();
    c.add(g);
    let y = pad;
    let w = 0;
    const row = (label: string): void => {
      const t = this.text(label, { size: 14, stroke: 0, align: 'left' }, ls).setOrigin(0, 0.5).setPosition(pad + lineLen + 10 * ls, y + rowH / 2);
      c.add(t);
      w = Math.max(w, lineLen + 10 * ls + t.width);
      y += rowH;
    };
    const fl = model.flowLegend;
    if (fl) {
      const ft = this.text(fl.title, { size: 16, bold: true, stroke: 0, align: 'left' }, ls).setOrigin(0, 0).setPosition(pad, y);
      c.add(ft);
      w = Math.max(w, ft.width);
      y += ft.height + 6 * ls;
      for (const m of fl.modes) {
        this.legendLine(g, m.mode, pad, y + rowH / 2, lineLen, 4 * ls, ls);
        row(m.label);
      }
      if (fl.samples.length > 0) {
        const wn = this.text(fl.widthNote, { size: 13, color: BOARD_THEME.textMuted, stroke: 0, align: 'left' }, ls)
          .setOrigin(0, 0).setPosition(pad, y + 2 * ls);
        c.add(wn);
        w = Math.max(w, wn.width);
        y += wn.height + 6 * ls;
        for (const smp of fl.samples) {
          g.fillStyle(0xdfe7ef, 0.9);
          const h = Math.max(1, smp.widthPx * this.s);
          g.fillRect(pad, y + rowH / 2 - h / 2, lineLen, h);
          row(smp.label);
        }
      }
      y += 4 * ls;
    }
    const symbols: { kind: Marker['kind']; label: string; color: number }[] = [
      { kind: 'port', label: model.strings.symbolPort, color: 0xffffff },
      { kind: 'crossing', label: model.strings.symbolCrossing, color: BOARD_THEME.flow.land },
      { kind: 'airstrip', label: model.strings.symbolAirstrip, color: 0xffffff },
    ];
    for (const sym of symbols) {
      this.drawMarker(g, sym.kind, pad + lineLen / 2, y + rowH / 2, sym.color, ls);
      row(sym.label);
    }
    return this.closePanel(c, w + 2 * pad, y + pad, ls);
  }

  /** The key to the turn's markers and arrows: only the kinds on the map now. */
  private turnLegend(model: BoardModel, ls: number, c: Phaser.GameObjects.Container): { w: number; h: number } {
    const anim = model.animation;
    if (!anim) return { w: 0, h: 0 };
    const pad = 12 * ls;
    const rowH = 22 * ls;
    const lineLen = 34 * ls;
    const g = this.add.graphics();
    c.add(g);
    let y = pad;
    const title = this.text(anim.legend.title, { size: 16, bold: true, stroke: 0, align: 'left' }, ls).setOrigin(0, 0).setPosition(pad, y);
    c.add(title);
    let w = title.width;
    y += title.height + 4 * ls;
    for (const e of anim.legend.entries) {
      if (e.kind === 'displacement' || e.kind === 'fighters') {
        drawLegendArrow(g, pad + 2 * ls, y + rowH / 2, lineLen - 4 * ls, 4 * ls, e.color, e.kind === 'fighters', ls);
      } else {
        drawEventGlyph(g, e.kind, pad + lineLen / 2, y + rowH / 2, 9 * ls, e.color, ls);
      }
      const t = this.text(e.label, { size: 14, stroke: 0, align: 'left' }, ls).setOrigin(0, 0.5).setPosition(pad + lineLen + 10 * ls, y + rowH / 2);
      c.add(t);
      w = Math.max(w, lineLen + 10 * ls + t.width);
      y += rowH;
    }
    return this.closePanel(c, w + 2 * pad, y + pad, ls);
  }

  /**
   * The compact legend: the overlay's title, its classes in one strip (lowest first, with the
   * class boundaries under the joins) or its categories in wrapped rows, then the "none" swatch and
   * the unit. Narrow, to fit the corner of ocean in the bottom left of a small board.
   */
  private compactLegend(model: BoardModel, ls: number, c: Phaser.GameObjects.Container): { w: number; h: number } {
    const pad = 10 * ls;
    const g = this.add.graphics();
    c.add(g);
    const lg = model.legend;
    let y = pad;
    const text = (str: string, size: number, x: number, yy: number, ox: number, oy: number, opts: Partial<TextSpec> = {}): Phaser.GameObjects.Text => {
      const t = this.text(str, { size, stroke: 0, align: 'left', ...opts }, ls).setOrigin(ox, oy).setPosition(x, yy);
      c.add(t);
      return t;
    };
    const hatch = (x0: number, y0: number, ww: number, hh: number): void => {
      const seg = hatchSegments([[x0, y0, x0 + ww, y0, x0 + ww, y0 + hh, x0, y0 + hh]], 6 * ls);
      g.lineStyle(1.2, 0xffffff, 0.3);
      for (let i = 0; i < seg.length; i += 4) g.lineBetween(seg[i]!, seg[i + 1]!, seg[i + 2]!, seg[i + 3]!);
    };
    const title = text(lg.title, 16, pad, y, 0, 0, { bold: true });
    let w = title.width;
    y += title.height + 5 * ls;
    const swH = 13 * ls;
    const rowH = 18 * ls;
    // The last row: the "none" swatch (if any), then the unit.
    const footer = (none: LegendEntry | null): void => {
      let x = pad;
      if (none) {
        g.fillStyle(none.color, 1);
        g.fillRect(x, y + rowH / 2 - swH / 2, 18 * ls, swH);
        hatch(x, y + rowH / 2 - swH / 2, 18 * ls, swH);
        g.lineStyle(1, 0xffffff, 0.35);
        g.strokeRect(x, y + rowH / 2 - swH / 2, 18 * ls, swH);
        x += 24 * ls + text(none.label, 13, x + 24 * ls, y + rowH / 2, 0, 0.5).width + 12 * ls;
      }
      x += text(lg.subtitle, 13, x, y + rowH / 2, 0, 0.5, { color: BOARD_THEME.textMuted }).width;
      w = Math.max(w, x - pad);
      y += rowH;
    };
    if (lg.ramp) {
      // Each class as wide as the boundary labels under its two joins need.
      const probe = lg.ramp.breaks.map((b) => this.text(b, { size: 12, stroke: 0 }, ls));
      const widths = probe.map((t) => t.width);
      for (const t of probe) t.destroy();
      const sw = Math.max(26 * ls, ...widths.slice(1).map((wd, i) => (wd + widths[i]!) / 2 + 6 * ls));
      const n = lg.ramp.colors.length;
      lg.ramp.colors.forEach((color, i) => {
        g.fillStyle(color, 1);
        g.fillRect(pad + i * sw, y, sw, swH);
      });
      g.lineStyle(1, 0xffffff, 0.35);
      g.strokeRect(pad, y, sw * n, swH);
      let lh = 0;
      lg.ramp.breaks.forEach((b, i) => {
        const x = pad + (i + 1) * sw;
        g.lineStyle(1, 0xffffff, 0.6);
        g.lineBetween(x, y + swH, x, y + swH + 3 * ls);
        lh = Math.max(lh, text(b, 12, x, y + swH + 3 * ls, 0.5, 0).height);
      });
      w = Math.max(w, sw * n + widths[widths.length - 1]! / 2 - sw / 2);
      y += swH + 3 * ls + lh + 2 * ls;
      footer(lg.ramp.none);
    } else {
      // Categories: swatch and name, in rows that wrap.
      const maxRow = Math.max(w, 200 * ls);
      let x = 0;
      for (const e of lg.entries) {
        const t = this.text(e.label, { size: 13, stroke: 0, align: 'left' }, ls).setOrigin(0, 0.5);
        const itemW = 16 * ls + t.width;
        if (x > 0 && x + itemW > maxRow) {
          x = 0;
          y += rowH;
        }
        g.fillStyle(e.color, 1);
        g.fillRect(pad + x, y + rowH / 2 - 5 * ls, 11 * ls, 11 * ls);
        if (e.hatched) hatch(pad + x, y + rowH / 2 - 5 * ls, 11 * ls, 11 * ls);
        t.setPosition(pad + x + 16 * ls, y + rowH / 2);
        c.add(t);
        x += itemW + 12 * ls;
        w = Math.max(w, x - 12 * ls);
      }
      y += rowH;
      footer(null);
    }
    return this.closePanel(c, w + 2 * pad, y + pad, ls);
  }

  /** A short sample of a flow line, in the same style as on the map. */
  private legendLine(g: Phaser.GameObjects.Graphics, mode: FlowMode, x: number, y: number, len: number, w: number, ls: number): void {
    const s = ls;
    const geom = buildArc([[x, y], [x + len, y]], mode === 'river' ? 'river' : 'land', 1, s * 0.6);
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

  private drawMarker(g: Phaser.GameObjects.Graphics, kind: Marker['kind'], x: number, y: number, color: number, scale = this.s): void {
    const s = scale;
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
      fillPoly(g, [[x, y - o], [x + o, y], [x, y + o], [x - o, y]]);
      g.fillStyle(color, 1);
      fillPoly(g, [[x, y - r], [x + r, y], [x, y + r], [x - r, y]]);
    } else {
      const r = (kind === 'air-exit' ? 10 : AIRSTRIP_R - 2) * s;
      g.fillStyle(BOARD_THEME.panel, 0.9);
      g.fillCircle(x, y, r + 3 * s);
      g.fillStyle(kind === 'air-exit' ? BOARD_THEME.flow.air : color, 1);
      const rot = kind === 'air-exit' ? Math.PI / 2 : Math.PI / 4;
      const cos = Math.cos(rot), sin = Math.sin(rot);
      fillPoly(g, PLANE.map(([px, py]): XY => [x + (px * cos - py * sin) * r, y + (px * sin + py * cos) * r]));
    }
  }

  /** Position labels and markers for the current view (on every pan and zoom; cheap). */
  private layoutUi(): void {
    const { width, height } = this.scale.gameSize;
    const s = this.s;
    const v = this.view;
    const g = this.markerGfx;
    g.clear();
    this.badgeGfx.clear();
    this.iconGfx.clear();
    const margin = 6 * s;
    const bounds: Rect = { x: margin, y: margin, w: width - 2 * margin, h: height - 2 * margin };
    const onScreen = (p: XY): boolean => p[0] >= 0 && p[1] >= 0 && p[0] <= width && p[1] <= height;

    // The HTML zoom buttons sit in the top-left corner (sized by the presentation scale alone).
    const ms = this.model?.scale ?? 1;
    const obstacles: Rect[] = [...this.legendRects, { x: 0, y: 0, w: 64 * ms, h: 160 * ms },
      { x: width - (LEGEND_BUTTON.w + 12) * ms, y: 0, w: (LEGEND_BUTTON.w + 12) * ms, h: (LEGEND_BUTTON.h + 12) * ms }];
    // The turn's markers: placed around their regions already; labels keep clear of them.
    const anim = this.resolution.layout(v);
    obstacles.push(...anim.obstacles);
    if (this.metrics) this.metrics.animation.markers = this.resolution.markerRects();
    // Markers first: they are obstacles for labels.
    const markerRects: Rect[] = [];
    for (const m of this.markers) {
      const p = toScreen(v, m.anchor[0], m.anchor[1]);
      const visible = onScreen(p);
      const r = 11 * s;
      const [x, y] = p;
      if (!visible) continue;
      this.drawMarker(g, m.kind, x, y, m.color);
      markerRects.push({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
    }
    obstacles.push(...markerRects);

    const reqs: LabelRequest[] = this.labels.map((l) => {
      let [x, y] = toScreen(v, l.anchor[0], l.anchor[1]);
      const w = l.text.width + (l.badge ? 22 * s : l.backing ? 12 * s : l.icon ? (2 * AIRSTRIP_R + 3) * s : 0);
      const h = Math.max(l.text.height + (l.badge ? 8 * s : l.backing ? 2 * s : 0), l.icon ? 2 * AIRSTRIP_R * s : 0);
      if (l.clampToScreen) {
        x = Math.min(width - margin - w / 2, Math.max(margin + w / 2, x));
        y = Math.min(height - margin - h / 2, Math.max(margin + h / 2, y));
      }
      const within = l.within;
      const accept = within && this.board
        ? (cx: number, cy: number): boolean => {
          const [wx, wy] = toWorld(v, l.icon ? cx - w / 2 + AIRSTRIP_R * s : cx, cy);
          const id = regionAt(this.board!, wx, wy);
          return id !== null && within.includes(id);
        }
        : undefined;
      return { id: l.id, x, y, w, h, priority: l.priority, offsets: l.offsets(w, h), accept,
        required: l.required && (l.clampToScreen || onScreen([x, y])) };
    });
    const placed = placeLabels([...reqs, ...anim.labels], obstacles, bounds, 2 * s);
    this.resolution.placeLabels(placed);
    for (const l of this.labels) {
      const p = placed.get(l.id);
      if (!p || !p.visible) {
        l.text.setVisible(false);
        continue;
      }
      l.text.setVisible(true);
      if (l.badge) {
        const w = l.text.width + 22 * s;
        const h = l.text.height + 8 * s;
        const bx = p.x - w / 2, by = p.y - h / 2;
        this.badgeGfx.fillStyle(BOARD_THEME.panel, 0.88);
        this.badgeGfx.fillRoundedRect(bx, by, w, h, h / 2);
        this.badgeGfx.lineStyle(1.5 * s, l.badge.color, 0.85);
        this.badgeGfx.strokeRoundedRect(bx, by, w, h, h / 2);
        // A small arrowhead: the product leaves the board here.
        const ax = bx + 10 * s, ay = p.y;
        this.badgeGfx.fillStyle(0xffffff, 0.95);
        this.badgeGfx.fillTriangle(ax - 3 * s, ay - 5 * s, ax - 3 * s, ay + 5 * s, ax + 4 * s, ay);
        l.text.setPosition(p.x + 5 * s, p.y);
      } else if (l.icon) {
        const w = l.text.width + (2 * AIRSTRIP_R + 3) * s;
        const cx = p.x - w / 2 + AIRSTRIP_R * s;
        this.drawMarker(this.iconGfx, 'airstrip', cx, p.y, 0xffffff);
        l.text.setPosition(cx + (AIRSTRIP_R + 3) * s + l.text.width / 2, p.y);
      } else {
        if (l.backing) {
          const w = l.text.width + 12 * s;
          const h = l.text.height + 2 * s;
          this.badgeGfx.fillStyle(BOARD_THEME.panel, 0.55);
          this.badgeGfx.fillRoundedRect(p.x - w / 2, p.y - h / 2, w, h, 6 * s);
        }
        l.text.setPosition(p.x, p.y);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Highlight (hover, keyboard focus, selection)

  private drawHighlight(): void {
    const g = this.highlightGfx;
    g.clear();
    const board = this.board;
    if (!board || !this.model) return;
    const k = this.view.k;
    const s = this.s;
    const ringsOf = (id: string | null): FlatPath[] => (id ? board.regions.find((r) => r.id === id)?.rings ?? [] : []);
    const sel = this.model.selectedId;
    const hov = this.focusId ?? this.hoverId;
    if (hov && hov !== sel) {
      g.lineStyle((2.4 * s) / k, BOARD_THEME.hover, 0.95);
      for (const ring of ringsOf(hov)) strokeFlat(g, ring, true);
    }
    if (sel) {
      g.lineStyle((7 * s) / k, 0x000000, 0.55);
      for (const ring of ringsOf(sel)) strokeFlat(g, ring, true);
      g.lineStyle((3.5 * s) / k, BOARD_THEME.selected, 1);
      for (const ring of ringsOf(sel)) strokeFlat(g, ring, true);
    }
  }

  // -------------------------------------------------------------------------------------------
  // View

  private setView(v: View): void {
    const { width, height } = this.scale.gameSize;
    const next = clampView(v, width, height);
    const zoomChanged = next.k !== this.view.k;
    if (next.k === this.view.k && next.tx === this.view.tx && next.ty === this.view.ty) return;
    this.view = next;
    this.applyView();
    if (zoomChanged) {
      this.drawBorders();
      this.drawHatching();
      this.drawArcs();
      this.sizeDots();
      this.resolution.drawWorld(next.k);
      for (const c of this.countryLayer.list as Phaser.GameObjects.Polygon[]) c.setStrokeStyle(1 / next.k, BOARD_THEME.neighbourBorder, 0.9);
      this.bus.emit('view', { zoom: next.k });
    }
    this.drawHighlight();
    this.layoutUi();
  }

  private applyView(): void {
    this.world.setPosition(this.view.tx, this.view.ty);
    this.world.setScale(this.view.k);
  }

  private readonly onCommand = (cmd: BoardCommand): void => {
    try {
      const { width, height } = this.scale.gameSize;
      switch (cmd.kind) {
        case 'zoom':
          this.setView(zoomAt(this.view, cmd.factor, width / 2, height / 2, width, height));
          break;
        case 'pan':
          this.setView(panBy(this.view, cmd.dx, cmd.dy, width, height));
          break;
        case 'reset':
          this.setView(IDENTITY_VIEW);
          break;
        case 'focus':
          this.focusRegion(cmd.id);
          break;
        case 'skipAnimation':
          this.resolution.skip();
          break;
      }
    } catch (e) {
      this.bus.emit('error', { message: e instanceof Error ? e.message : String(e) });
    }
  };

  private focusRegion(id: string | null): void {
    this.focusId = id;
    const r = id ? this.model?.regions.find((x) => x.id === id) : undefined;
    if (!r || !this.board) {
      this.drawHighlight();
      this.bus.emit('hover', { id: null, x: 0, y: 0, source: 'keyboard' });
      return;
    }
    const { width, height } = this.scale.gameSize;
    const [wx, wy] = this.board.project(r.at);
    this.setView(ensureVisible(this.view, wx, wy, width, height, 80 * this.s));
    this.drawHighlight();
    const [sx, sy] = toScreen(this.view, wx, wy);
    this.bus.emit('hover', { id, x: sx, y: sy, source: 'keyboard' });
  }

  // -------------------------------------------------------------------------------------------
  // Pointer input

  private regionUnder(x: number, y: number): string | null {
    if (!this.board) return null;
    const [wx, wy] = toWorld(this.view, x, y);
    return regionAt(this.board, wx, wy);
  }

  private readonly onPointerMove = (p: Phaser.Input.Pointer): void => {
    if (this.drag && p.isDown) {
      const dx = p.x - this.drag.x, dy = p.y - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) > 5) this.drag.moved = true;
      if (this.drag.moved) {
        const { width, height } = this.scale.gameSize;
        this.setView(panBy(this.drag.view, dx, dy, width, height));
        return;
      }
    }
    const hit = this.resolution.hit(this.view, p.x, p.y);
    const id = hit?.region ?? this.regionUnder(p.x, p.y);
    if (id !== this.hoverId || this.focusId) {
      this.hoverId = id;
      this.focusId = null;
      this.drawHighlight();
    }
    this.bus.emit('hover', { id, x: p.x, y: p.y, source: 'pointer', target: hit ? { kind: hit.kind, id: hit.id } : null });
  };

  private readonly onPointerDown = (p: Phaser.Input.Pointer): void => {
    // A click while the turn is being animated skips to its end (and selects nothing).
    if (this.resolution.playing) {
      this.resolution.skip();
      this.drag = null;
      return;
    }
    this.drag = { x: p.x, y: p.y, view: this.view, moved: false };
  };

  private readonly onPointerUp = (p: Phaser.Input.Pointer): void => {
    const d = this.drag;
    this.drag = null;
    if (!d || d.moved) return;
    const id = this.regionUnder(p.x, p.y);
    if (id) this.bus.emit('select', { id });
  };

  private readonly onPointerOut = (): void => {
    if (this.hoverId !== null) {
      this.hoverId = null;
      this.drawHighlight();
    }
    this.bus.emit('hover', { id: null, x: 0, y: 0, source: 'pointer' });
  };

  private readonly onWheel = (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number): void => {
    const { width, height } = this.scale.gameSize;
    const factor = Math.min(2, Math.max(0.5, Math.pow(1.0018, -dy)));
    this.setView(zoomAt(this.view, factor, p.x, p.y, width, height));
  };
}

function strokeFlat(g: Phaser.GameObjects.Graphics, line: FlatPath, close = false): void {
  if (line.length < 4) return;
  g.beginPath();
  g.moveTo(line[0]!, line[1]!);
  for (let i = 2; i < line.length; i += 2) g.lineTo(line[i]!, line[i + 1]!);
  if (close) g.closePath();
  g.strokePath();
}

function push(list: number[], v: number): void {
  list.push(v);
  if (list.length > 1200) list.splice(0, list.length - 1200);
}

