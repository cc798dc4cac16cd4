/**
 * The board scene: draws a `BoardModel` over Peru's projected regions and turns pointer input into
 * intents on the event bus. It owns no game state: React sends the model and camera commands; the
 * scene reports hover, selection and the view.
 *
 * The scene is the conductor; each layer owns its objects and state:
 *   - `MapLayer` (world): countries, regions and their fills, water, borders, hatching, highlight;
 *   - `FlowLayer` (world): the trafficking routes and their moving dots;
 *   - `LabelLayer` (screen): names and symbols, placed clear of everything else;
 *   - `LegendLayer` (screen): the legends, full or compact;
 *   - `ResolutionLayer` (both): the turn's animation and the markers it leaves;
 *   - `InputLayer`: pointer and keyboard focus, turned into intents and view changes.
 *
 * Cost model: geometry is projected once per (region set, canvas size); a model update recolours
 * polygons and rebuilds only the parts whose inputs changed (flows, labels, legend, the turn's
 * animation); each frame only moves the flow dots and, after a turn resolves, the animation's
 * prebuilt objects. Labels, markers and the legend are drawn in screen space (crisp at any zoom);
 * the map is a container scaled by the view.
 */
import * as Phaser from 'phaser';
import type { BoardEventBus, BoardCommand } from './event-bus';
import type { AnimStageId } from '../view-model/board-animation';
import type { BoardModel } from '../view-model/board-model';
import { BOARD_THEME } from '../view-model/board-theme';
import {
  buildGeography,
  clampView,
  IDENTITY_VIEW,
  panBy,
  projectBoard,
  zoomAt,
  type LonLat,
  type ProjectedBoard,
  type View,
} from '../view-model/geo';
import type { Rect } from '../view-model/geo-labels';
import { makeText, type TextSpec } from './board-text';
import { dotTexture, FlowLayer, makeDotTextures } from './FlowLayer';
import { InputLayer } from './InputLayer';
import { LabelLayer } from './LabelLayer';
import { htmlControls, LEGEND_BUTTON, type BoardMetrics, type LayerHost } from './layer-host';
import { LegendLayer } from './LegendLayer';
import { MapLayer } from './MapLayer';
import { ResolutionLayer, type ResolutionState } from './ResolutionLayer';

export type { BoardMetrics } from './layer-host';
export { LEGEND_MAX_REGION_COVER } from './LegendLayer';

export interface BoardSceneData {
  bus: BoardEventBus;
  renderer: 'webgl' | 'canvas';
  instrument: boolean;
}

declare global {
  interface Window {
    __boardMetrics?: BoardMetrics;
  }
}

export class BoardScene extends Phaser.Scene implements LayerHost {
  private bus!: BoardEventBus;
  private rendererKind: 'webgl' | 'canvas' = 'webgl';
  private instrument = false;
  metrics: BoardMetrics | null = null;
  private stepStart = 0;

  model: BoardModel | null = null;
  board: ProjectedBoard | null = null;
  view: View = IDENTITY_VIEW;
  /** UI scale: the model's presentation scale × a factor for the canvas size. */
  s = 1;

  private world!: Phaser.GameObjects.Container;
  private map!: MapLayer;
  private flows!: FlowLayer;
  private labels!: LabelLayer;
  private legend!: LegendLayer;
  private resolution!: ResolutionLayer;
  private pointer!: InputLayer;

  private keys = { geometry: '', fills: '', flows: '', ui: '', anim: '' };
  private ready = false;

  constructor() {
    super('board');
  }

  get phaser(): Phaser.Scene {
    return this;
  }

  init(data: BoardSceneData): void {
    this.bus = data.bus;
    this.rendererKind = data.renderer;
    this.instrument = data.instrument;
  }

  size(): { width: number; height: number } {
    const { width, height } = this.scale.gameSize;
    return { width, height };
  }

  text(str: string, spec: TextSpec, scale = this.s): Phaser.GameObjects.Text {
    return makeText(this, str, spec, scale);
  }

  create(): void {
    this.cameras.main.setBackgroundColor(BOARD_THEME.ocean);
    makeDotTextures(this);

    // The display order: the map (world space, scaled by the view), then the UI (screen space).
    this.world = this.add.container(0, 0);
    const countries = this.add.container(0, 0);
    const regions = this.add.container(0, 0);
    const water = this.add.container(0, 0);
    const borders = this.add.graphics();
    const hatch = this.add.graphics();
    const highlight = this.add.graphics();
    const arcs = this.add.graphics();
    const dots = this.add.container(0, 0);
    const animWorld = this.add.container(0, 0);
    this.world.add([countries, regions, hatch, water, borders, highlight, arcs, dots, animWorld]);

    const ui = this.add.container(0, 0);
    const markers = this.add.graphics();
    const badges = this.add.graphics();
    const labels = this.add.container(0, 0);
    const icons = this.add.graphics();
    const iconLabels = this.add.container(0, 0);
    const animUi = this.add.container(0, 0);
    const legend = this.add.container(0, 0);
    ui.add([markers, badges, labels, icons, iconLabels, animUi, legend]);

    this.map = new MapLayer(this, { countries, regions, water, borders, hatch, highlight });
    this.flows = new FlowLayer(this, arcs, dots);
    this.labels = new LabelLayer(this, { markers, badges, labels, icons, iconLabels });
    this.legend = new LegendLayer(this, legend, (expanded, switchable) => this.bus.emit('legend', { expanded, switchable }));
    this.resolution = new ResolutionLayer(this, animWorld, animUi, {
      text: (str, size, scale) => this.text(str, { size, bold: true, stroke: 4 }, scale),
      dotTexture,
      onState: this.onAnimationState,
    });
    this.pointer = new InputLayer(this, {
      bus: this.bus,
      resolution: this.resolution,
      setView: (v) => this.setView(v),
      highlight: () => this.map.drawHighlight(this.pointer.highlighted),
      relayout: () => this.layoutUi(),
    });

    this.scale.on('resize', this.onResize);
    this.bus.on('model', this.onModel);
    this.bus.on('command', this.onCommand);
    this.bus.on('legendPref', this.onLegendPref);
    this.bus.on('legendPanel', this.onLegendPanel);
    this.legend.pref = this.bus.latest('legendPref')?.expanded ?? null;
    this.events.once('shutdown', this.cleanup);
    this.events.once('destroy', this.cleanup);

    if (this.instrument) {
      this.metrics = {
        renderer: this.rendererKind,
        readyAt: null,
        frameIntervals: [],
        frameWork: [],
        flows: 0,
        dots: 0,
        animation: {
          key: null,
          state: 'idle',
          stage: null,
          plays: 0,
          startedAt: null,
          endedAt: null,
          frameIntervals: [],
          markers: [],
          clusters: [],
        },
        legend: { expanded: true, cover: 0, covered: 0, rects: [] },
        labels: [],
      };
      window.__boardMetrics = this.metrics;
      this.game.events.on('prestep', this.onPreStep);
      this.game.events.on('postrender', this.onPostRender);
    }

    const first = this.bus.latest('model');
    if (first) this.onModel(first);
  }

  private readonly cleanup = (): void => {
    this.pointer.destroy();
    this.scale.off('resize', this.onResize);
    this.bus.off('model', this.onModel);
    this.bus.off('command', this.onCommand);
    this.bus.off('legendPref', this.onLegendPref);
    this.bus.off('legendPanel', this.onLegendPanel);
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
    if (!this.model?.reducedMotion) this.flows.moveDots(time / 1000);
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
    const geometryKey = `${model.regionIds.join(',')}|${width}x${height}|${model.scale}|${model.exits
      .map((e) => e.at.join(','))
      .join(';')}`;
    if (geometryKey !== this.keys.geometry) {
      this.keys = { geometry: geometryKey, fills: '', flows: '', ui: '', anim: '' };
      this.buildGeometry(model, width, height);
    }
    const fills = model.regions.map((r) => r.fill).join(',');
    if (fills !== this.keys.fills) {
      this.keys.fills = fills;
      this.map.fill(model);
    }
    const flows = JSON.stringify(model.flows.map((f) => [f.id, f.widthPx, f.stops]));
    if (flows !== this.keys.flows) {
      this.keys.flows = flows;
      this.flows.build(model);
    }
    const ui = JSON.stringify([
      model.legend,
      model.flowLegend,
      model.zones,
      model.ports,
      model.exits,
      model.destinations,
      model.countries,
      model.strings.pacific,
      model.strings.titicaca,
      model.regions.map((r) => [r.id, r.airstrips]),
      model.animation?.legend ?? null,
    ]);
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
    this.map.drawHighlight(this.pointer.highlighted);
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

  private readonly onLegendPanel = ({ open }: { open: 'key' | 'turn' }): void => {
    this.legend.panelPref = open;
    this.legend.pref = true;
    if (this.model) {
      this.keys.ui = '';
      this.onModel(this.model);
    }
  };

  private readonly onLegendPref = ({ expanded }: { expanded: boolean | null }): void => {
    this.legend.pref = expanded;
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
  // Geometry (once per region set and canvas size) and the screen-space layers

  private buildGeometry(model: BoardModel, width: number, height: number): void {
    this.s = model.scale * Math.min(1.35, Math.max(0.9, Math.min(width / 1600, height / 900)));
    const geo = buildGeography(model.regionIds);
    const pad = { top: height * 0.06, bottom: height * 0.05, left: width * 0.05, right: width * 0.05 };
    const extra: LonLat[] = [...model.exits.map((e) => e.at), ...model.zones.map((z) => z.at)];
    const board = projectBoard(geo, width, height, pad, extra);
    this.board = board;
    this.view = IDENTITY_VIEW;
    this.applyView();
    this.map.build(board);
  }

  /** Labels, legends and the turn's markers for a model (each then placed by `layoutUi`). */
  private buildUi(model: BoardModel): void {
    this.labels.clear();
    this.legend.clear();
    const board = this.board;
    if (!board) return;
    this.labels.build(model);
    this.legend.build(model);
    // The turn's markers and arrows: laid out clear of the legends.
    this.resolution.build(model.animation, board, this.flows.geometries(), this.s, this.view.k, this.legend.rects);
    this.layoutUi();
  }

  /** Position labels and markers for the current view (on every pan and zoom; cheap). */
  private layoutUi(): void {
    const { width } = this.scale.gameSize;
    const ms = this.model?.scale ?? 1;
    // The HTML zoom and Legend buttons sit in the top corners (sized by the presentation scale alone).
    const obstacles: Rect[] = [...this.legend.rects, ...htmlControls(width, ms, (LEGEND_BUTTON.h + 12) * ms)];
    // The turn's markers: placed around their regions already; labels keep clear of them.
    const anim = this.resolution.layout(this.view);
    obstacles.push(...anim.obstacles);
    if (this.metrics) {
      this.metrics.animation.markers = this.resolution.markerRects();
      this.metrics.animation.clusters = this.resolution.clusterRects();
    }
    this.labels.layout(obstacles, anim.labels, (placed) => {
      this.resolution.placeLabels(placed);
      if (this.metrics) this.metrics.labels = [...placed.values()].filter((l) => l.visible).map((l) => l.id);
    });
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
      this.map.zoomed(next.k);
      this.flows.draw();
      this.flows.sizeDots();
      this.resolution.drawWorld(next.k);
      this.bus.emit('view', { zoom: next.k });
    }
    this.map.drawHighlight(this.pointer.highlighted);
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
          this.pointer.focus(cmd.id);
          break;
        case 'skipAnimation':
          this.resolution.skip();
          break;
      }
    } catch (e) {
      this.bus.emit('error', { message: e instanceof Error ? e.message : String(e) });
    }
  };
}

function push(list: number[], v: number): void {
  list.push(v);
  if (list.length > 1200) list.splice(0, list.length - 1200);
}
