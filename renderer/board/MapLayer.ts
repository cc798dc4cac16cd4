/**
 * The map itself, in world space: neighbouring countries, the regions (filled by the overlay),
 * water, borders, the hatching of regions the overlay does not cover, and the highlight of the
 * hovered, focused and selected regions. Polygons are built once per projected board; a model
 * update only recolours them; a zoom redraws the line widths.
 */
import * as Phaser from 'phaser';
import type { BoardModel } from '../view-model/board-model';
import { BOARD_THEME } from '../view-model/board-theme';
import { COUNTRY_LABEL_AT, hatchSegments, type FlatPath, type ProjectedBoard } from '../view-model/geo';
import type { LayerHost } from './layer-host';
import { strokeFlat } from './map-symbols';

export interface MapObjects {
  countries: Phaser.GameObjects.Container;
  regions: Phaser.GameObjects.Container;
  water: Phaser.GameObjects.Container;
  borders: Phaser.GameObjects.Graphics;
  hatch: Phaser.GameObjects.Graphics;
  highlight: Phaser.GameObjects.Graphics;
}

export class MapLayer {
  private readonly regionPolys = new Map<string, Phaser.GameObjects.Polygon[]>();

  constructor(
    private readonly host: LayerHost,
    private readonly o: MapObjects,
  ) {}

  /** Polygons for a newly projected board (all uncoloured until `fill`). */
  build(board: ProjectedBoard): void {
    const { o } = this;
    o.countries.removeAll(true);
    for (const c of board.countries) {
      const named = Object.keys(COUNTRY_LABEL_AT).includes(c.id);
      for (const ring of c.rings) {
        o.countries.add(
          this.polygon(ring, named ? BOARD_THEME.neighbour : BOARD_THEME.neighbourOther).setStrokeStyle(
            1,
            BOARD_THEME.neighbourBorder,
            0.9,
          ),
        );
      }
    }
    o.regions.removeAll(true);
    this.regionPolys.clear();
    for (const r of board.regions) {
      const polys = r.rings.map((ring) => this.polygon(ring, BOARD_THEME.noData));
      this.regionPolys.set(r.id, polys);
      o.regions.add(polys);
    }
    o.water.removeAll(true);
    for (const ring of board.water) o.water.add(this.polygon(ring, BOARD_THEME.water));
    this.drawBorders();
  }

  /** Colour the regions as the model says, and hatch those it leaves out. */
  fill(model: BoardModel): void {
    for (const r of model.regions) for (const p of this.regionPolys.get(r.id) ?? []) p.setFillStyle(r.fill, 1);
    this.drawHatching();
  }

  /** Line widths stay constant on screen: redraw them for zoom `k`. */
  zoomed(k: number): void {
    this.drawBorders();
    this.drawHatching();
    for (const c of this.o.countries.list as Phaser.GameObjects.Polygon[]) c.setStrokeStyle(1 / k, BOARD_THEME.neighbourBorder, 0.9);
  }

  private polygon(ring: FlatPath, color: number): Phaser.GameObjects.Polygon {
    return new Phaser.GameObjects.Polygon(this.host.phaser, 0, 0, ring, color, 1).setOrigin(0, 0);
  }

  /** Hatch the regions where the overlay does not apply (or there is no data). */
  private drawHatching(): void {
    const g = this.o.hatch;
    g.clear();
    const { board, model, s } = this.host;
    if (!board || !model) return;
    const k = this.host.view.k;
    g.lineStyle(1.2 / k, 0xffffff, 0.2);
    const hatched = new Set(model.regions.filter((r) => r.hatched).map((r) => r.id));
    for (const r of board.regions) {
      if (!hatched.has(r.id)) continue;
      const seg = hatchSegments(r.rings, (7 * s) / k);
      for (let i = 0; i < seg.length; i += 4) g.lineBetween(seg[i]!, seg[i + 1]!, seg[i + 2]!, seg[i + 3]!);
    }
  }

  private drawBorders(): void {
    const g = this.o.borders;
    const { board, s } = this.host;
    g.clear();
    if (!board) return;
    const k = this.host.view.k;
    g.lineStyle((1.1 * s) / k, BOARD_THEME.internalBorder, 0.85);
    for (const line of board.internalBorders) strokeFlat(g, line);
    g.lineStyle((1.6 * s) / k, BOARD_THEME.outline, 0.75);
    for (const line of board.outline) strokeFlat(g, line);
  }

  /** Outline the hovered or keyboard-focused region (`hovered`) and the selected one. */
  drawHighlight(hovered: string | null): void {
    const g = this.o.highlight;
    g.clear();
    const { board, model, s } = this.host;
    if (!board || !model) return;
    const k = this.host.view.k;
    const ringsOf = (id: string | null): FlatPath[] => (id ? (board.regions.find((r) => r.id === id)?.rings ?? []) : []);
    const sel = model.selectedId;
    if (hovered && hovered !== sel) {
      g.lineStyle((2.4 * s) / k, BOARD_THEME.hover, 0.95);
      for (const ring of ringsOf(hovered)) strokeFlat(g, ring, true);
    }
    if (sel) {
      g.lineStyle((7 * s) / k, 0x000000, 0.55);
      for (const ring of ringsOf(sel)) strokeFlat(g, ring, true);
      g.lineStyle((3.5 * s) / k, BOARD_THEME.selected, 1);
      for (const ring of ringsOf(sel)) strokeFlat(g, ring, true);
    }
  }
}
