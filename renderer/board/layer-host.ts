/**
 * What the board's layers share with their scene: the scene itself (to create objects), the UI
 * scale, the camera view, the projected board, the model, the metrics and the text factory. Each
 * layer keeps its own state; the scene owns these and the order in which layers are built.
 */
import type * as Phaser from 'phaser';
import type { AnimStageId } from '../view-model/board-animation';
import type { BoardModel } from '../view-model/board-model';
import type { ProjectedBoard, View } from '../view-model/geo';
import type { Rect } from '../view-model/geo-labels';
import type { TextSpec } from './board-text';
import type { ResolutionState } from './ResolutionLayer';

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
    /** Markers gathered where they crowd: where, which, and whether gathered now (below `splitK` zoom, not spread by the pointer). */
    clusters: { id: string; x: number; y: number; r: number; members: string[]; collapsed: boolean; splitK: number }[];
  };
  /** Whether the full legend is shown, and the legends' rectangles on screen. */
  legend: { expanded: boolean; open?: 'key' | 'turn' | null; cover: number; covered: number; rects: Rect[] };
  /** The ids of the labels shown now (`zone:vraem`, `region:PE-AYA`, …). */
  labels: string[];
}

export interface LayerHost {
  /** The Phaser scene the layers create their objects in. */
  readonly phaser: Phaser.Scene;
  /** UI scale: the model's presentation scale × a factor for the canvas size. */
  readonly s: number;
  readonly view: View;
  readonly board: ProjectedBoard | null;
  readonly model: BoardModel | null;
  /** Set on the harness and performance pages only. */
  readonly metrics: BoardMetrics | null;
  /** The canvas size, px. */
  size(): { width: number; height: number };
  /** A text object in the board's font, at `scale` (default: the UI scale). */
  text(str: string, spec: TextSpec, scale?: number): Phaser.GameObjects.Text;
}

/** The HTML "Legend" button in the top-right corner, px at presentation scale 1 (see board.css). */
export const LEGEND_BUTTON = { w: 120, h: 38 } as const;

/** Where the HTML controls sit over the canvas (the zoom buttons top left, the Legend button top right). */
/** The width of the legend's panel switch (two buttons), px at scale 1. */
const LEGEND_SWITCH_W = 240;

export function htmlControls(width: number, modelScale: number, topHeight: number): Rect[] {
  const ms = modelScale;
  // The Legend button, and left of it the switch between the legend's panels (board.css: 140 px from the right, about 230 px wide).
  const right = (LEGEND_BUTTON.w + 12 + LEGEND_SWITCH_W) * ms;
  return [
    { x: 0, y: 0, w: 64 * ms, h: 160 * ms },
    { x: width - right, y: 0, w: right, h: topHeight },
  ];
}
