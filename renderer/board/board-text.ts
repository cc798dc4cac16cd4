/** The board's text: one font and style for every label, legend and marker value. */
import type * as Phaser from 'phaser';
import { BOARD_THEME } from '../view-model/board-theme';

const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif';

export interface TextSpec {
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  stroke?: number;
  spacing?: number;
  align?: 'left' | 'center';
}

/** A text object at `s` (sizes in the spec are px at scale 1). */
export function makeText(scene: Phaser.Scene, str: string, spec: TextSpec, s: number): Phaser.GameObjects.Text {
  const t = scene.add.text(0, 0, str, {
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
