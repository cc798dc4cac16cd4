/**
 * The legends, in screen space: the overlay's classes as a compact strip (bottom left, over the
 * Pacific), and at most one panel open: the key to the turn's markers after a turn, else the key
 * to flows and symbols (the board's buttons switch between them), where it covers least and never
 * over the middle of the map. Where the panel would lie over the regions, a port, a crossing or a
 * zone's name (a laptop screen, presentation scale on a small board) it starts closed, behind the
 * board's "Legend" button; the button (the user's preference) overrides the automatic choice. A
 * panel is rebuilt smaller if it would take too much of the canvas. Other layers keep clear of `rects`.
 */
import type * as Phaser from 'phaser';
import type { BoardModel, LegendEntry } from '../view-model/board-model';
import { BOARD_THEME } from '../view-model/board-theme';
import { hatchSegments, regionCover } from '../view-model/geo';
import { overlaps, type Rect } from '../view-model/geo-labels';
import type { TextSpec } from './board-text';
import { drawEventGlyph, drawLegendArrow } from './event-glyphs';
import { drawFlowSample } from './FlowLayer';
import { htmlControls, LEGEND_BUTTON, type LayerHost } from './layer-host';
import { drawMapSymbol, type MapSymbol } from './map-symbols';

/**
 * The full legend is shown unless one of its panels would lie over the regions for more than this
 * share of its area, or over a port, a border crossing or a zone's name (a laptop screen, or
 * presentation scale on a small board); then the compact one.
 */
export const LEGEND_MAX_REGION_COVER = 0.12;
/** How close (px at scale 1) a port, crossing or zone may come to a full legend panel. */
const LEGEND_FEATURE_MARGIN = 28;

type Panel = { c: Phaser.GameObjects.Container; w: number; h: number };
export type LegendPanelId = 'key' | 'turn';

export class LegendLayer {
  /** The legends' rectangles on screen, for the other layers to keep clear of. */
  rects: Rect[] = [];
  /** The user's legend choice (null: automatic). */
  pref: boolean | null = null;
  /** Which panel the user opened (null: the turn's key after a turn, else the map key). */
  panelPref: LegendPanelId | null = null;

  constructor(
    private readonly host: LayerHost,
    private readonly container: Phaser.GameObjects.Container,
    private readonly onExpanded: (expanded: boolean, switchable: LegendPanelId | null) => void,
  ) {}

  clear(): void {
    this.container.removeAll(true);
  }

  build(model: BoardModel): void {
    const { width, height } = this.host.size();
    const s = this.host.s;
    const board = this.host.board;
    const margin = 16 * s;
    const gap = 10 * s;
    const ms = model.scale;
    this.rects = [];
    // The overlay's classes always show, as the compact strip in the bottom left (over the Pacific).
    const m = 10 * s;
    const cpt = this.panel((ls, c) => this.compactLegend(model, ls, c), width * 0.6, height * 0.2);
    const strip: Rect = { x: m, y: height - cpt.h - m, w: cpt.w, h: cpt.h };
    cpt.c.setPosition(strip.x, strip.y);
    this.container.add(cpt.c);
    this.rects.push(strip);
    // At most one more panel is open: the key to the turn's markers (after a turn) or the key to
    // flows and symbols; the board's buttons switch between them and close it.
    const hasTurn = !!model.animation && model.animation.legend.entries.length > 0;
    const open: LegendPanelId = this.panelPref === 'key' || !hasTurn ? 'key' : 'turn';
    const top = (12 + LEGEND_BUTTON.h) * ms + 6;
    const taken: Rect[] = [strip, ...htmlControls(width, ms, top)];
    // Never over the middle of the map, where the eye and the pointer go.
    const centre: Rect = { x: width * 0.3, y: height * 0.3, w: width * 0.4, h: height * 0.4 };
    const place = (w: number, h: number): { r: Rect; score: number } => {
      const candidates: Rect[] = [
        { x: width - w - margin, y: top, w, h },
        { x: width - w - margin, y: height - margin - 12 * s - h, w, h },
        { x: margin, y: strip.y - gap - h, w, h },
        { x: margin, y: 160 * ms + gap, w, h },
      ];
      const score = (r: Rect): number =>
        (r.y < 0 || r.y + r.h > height || taken.some((t) => overlaps(r, t, gap / 2)) ? 100 : 0) +
        (overlaps(r, centre, 0) ? 50 : 0) +
        (board ? this.featuresUnder(model, [r], LEGEND_FEATURE_MARGIN * s) + regionCover(board, r) : 0);
      return candidates.map((r) => ({ r, score: score(r) })).sort((x, y) => x.score - y.score)[0]!;
    };
    // Largest first; a size down until it fits somewhere clear of the centre.
    let chosen: { d: Panel; best: { r: Rect; score: number } } | null = null;
    for (const f of [0.62, 0.45, 0.38, 0.32, 0.26]) {
      const d =
        open === 'turn'
          ? this.panel((ls, c) => this.turnLegend(model, ls, c), width * 0.3, height * f)
          : this.panel((ls, c) => this.keyLegend(model, ls, c), width * 0.3, height * f);
      const best = place(d.w, d.h);
      if (!chosen || best.score < chosen.best.score) {
        chosen?.d.c.destroy(true);
        chosen = { d, best };
      } else {
        d.c.destroy(true);
      }
      if (chosen.best.score < 50) break;
    }
    const { d, best } = chosen!;
    const cover = board ? regionCover(board, best.r) : 0;
    const covered = board ? this.featuresUnder(model, [best.r], LEGEND_FEATURE_MARGIN * s) : 0;
    const expanded = this.pref ?? (cover <= LEGEND_MAX_REGION_COVER && covered === 0 && best.score < 50);
    if (expanded) {
      d.c.setPosition(best.r.x, best.r.y);
      this.container.add(d.c);
      this.rects.push(best.r);
    } else {
      d.c.destroy(true);
    }
    const metrics = this.host.metrics;
    if (metrics) metrics.legend = { expanded, open: expanded ? open : null, cover, covered, rects: this.rects.map((r) => ({ ...r })) };
    this.onExpanded(expanded, hasTurn ? open : null);
  }

  /** How many ports, border crossings, air exits and zone names lie under (or within `margin` of) the rectangles. */
  private featuresUnder(model: BoardModel, rects: readonly Rect[], margin: number): number {
    const board = this.host.board;
    if (!board) return 0;
    const points = [
      ...model.ports.map((p) => p.at),
      ...model.exits.filter((e) => e.kind !== 'sea').map((e) => e.at),
      ...model.zones.map((z) => z.at),
    ].map((p) => board.project(p));
    return points.filter(([x, y]) =>
      rects.some((r) => x >= r.x - margin && x <= r.x + r.w + margin && y >= r.y - margin && y <= r.y + r.h + margin),
    ).length;
  }

  private panel(build: (ls: number, c: Phaser.GameObjects.Container) => { w: number; h: number }, maxW: number, maxH: number): Panel {
    let ls = this.host.s;
    for (let attempt = 0; ; attempt++) {
      const c = this.host.phaser.add.container(0, 0);
      const size = build(ls, c);
      const f = Math.min(1, maxW / size.w, maxH / size.h);
      if (f > 0.98 || attempt === 1) return { c, ...size };
      c.destroy(true);
      ls *= f;
    }
  }

  /** Put the background behind a legend panel's content and return the panel's size. */
  private closePanel(c: Phaser.GameObjects.Container, w: number, h: number, ls: number): { w: number; h: number } {
    const bg = this.host.phaser.add.graphics();
    bg.fillStyle(BOARD_THEME.panel, 0.82);
    bg.fillRoundedRect(0, 0, w, h, 10 * ls);
    bg.lineStyle(1, 0xffffff, 0.18);
    bg.strokeRoundedRect(0, 0, w, h, 10 * ls);
    c.addAt(bg, 0);
    return { w, h };
  }

  private text(str: string, spec: TextSpec, ls: number): Phaser.GameObjects.Text {
    return this.host.text(str, spec, ls);
  }

  private overlayLegend(model: BoardModel, ls: number, c: Phaser.GameObjects.Container): { w: number; h: number } {
    const pad = 14 * ls;
    const rowH = 24 * ls;
    const sw = 26 * ls;
    const g = this.host.phaser.add.graphics();
    c.add(g);
    let y = pad;
    const title = this.text(model.legend.title, { size: 19, bold: true, stroke: 0, align: 'left' }, ls).setOrigin(0, 0).setPosition(pad, y);
    y += title.height + 1 * ls;
    const sub = this.text(model.legend.subtitle, { size: 13, color: BOARD_THEME.textMuted, stroke: 0, align: 'left' }, ls)
      .setOrigin(0, 0)
      .setPosition(pad, y);
    y += sub.height + 8 * ls;
    c.add([title, sub]);
    let w = Math.max(title.width, sub.width);
    for (const e of model.legend.entries) {
      g.fillStyle(e.color, 1);
      g.fillRect(pad, y + 3 * ls, sw, rowH - 6 * ls);
      if (e.hatched) {
        const x0 = pad,
          y0 = y + 3 * ls,
          hh = rowH - 6 * ls;
        const seg = hatchSegments([[x0, y0, x0 + sw, y0, x0 + sw, y0 + hh, x0, y0 + hh]], 7 * ls);
        g.lineStyle(1.2, 0xffffff, 0.3);
        for (let i = 0; i < seg.length; i += 4) g.lineBetween(seg[i]!, seg[i + 1]!, seg[i + 2]!, seg[i + 3]!);
      }
      g.lineStyle(1, 0xffffff, 0.35);
      g.strokeRect(pad, y + 3 * ls, sw, rowH - 6 * ls);
      const t = this.text(e.label, { size: 15, stroke: 0, align: 'left' }, ls)
        .setOrigin(0, 0.5)
        .setPosition(pad + sw + 10 * ls, y + rowH / 2);
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
    const g = this.host.phaser.add.graphics();
    c.add(g);
    let y = pad;
    let w = 0;
    const row = (label: string): void => {
      const t = this.text(label, { size: 14, stroke: 0, align: 'left' }, ls)
        .setOrigin(0, 0.5)
        .setPosition(pad + lineLen + 10 * ls, y + rowH / 2);
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
        drawFlowSample(g, m.mode, pad, y + rowH / 2, lineLen, 4 * ls, ls);
        row(m.label);
      }
      if (fl.samples.length > 0) {
        const wn = this.text(fl.widthNote, { size: 13, color: BOARD_THEME.textMuted, stroke: 0, align: 'left' }, ls)
          .setOrigin(0, 0)
          .setPosition(pad, y + 2 * ls);
        c.add(wn);
        w = Math.max(w, wn.width);
        y += wn.height + 6 * ls;
        for (const smp of fl.samples) {
          g.fillStyle(0xdfe7ef, 0.9);
          const h = Math.max(1, smp.widthPx * this.host.s);
          g.fillRect(pad, y + rowH / 2 - h / 2, lineLen, h);
          row(smp.label);
        }
      }
      y += 4 * ls;
    }
    const symbols: { kind: MapSymbol; label: string; color: number }[] = [
      { kind: 'port', label: model.strings.symbolPort, color: 0xffffff },
      { kind: 'crossing', label: model.strings.symbolCrossing, color: BOARD_THEME.flow.land },
      { kind: 'airstrip', label: model.strings.symbolAirstrip, color: 0xffffff },
    ];
    for (const sym of symbols) {
      drawMapSymbol(g, sym.kind, pad + lineLen / 2, y + rowH / 2, sym.color, ls);
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
    const g = this.host.phaser.add.graphics();
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
      const t = this.text(e.label, { size: 14, stroke: 0, align: 'left' }, ls)
        .setOrigin(0, 0.5)
        .setPosition(pad + lineLen + 10 * ls, y + rowH / 2);
      c.add(t);
      w = Math.max(w, lineLen + 10 * ls + t.width);
      y += rowH;
    }
    // Where markers crowd they gather into one with their count (ResolutionLayer's clusters).
    const cx = pad + lineLen / 2,
      cy = y + rowH / 2,
      cr = 9.5 * ls;
    g.fillStyle(BOARD_THEME.flowCasing, 0.92);
    g.fillCircle(cx, cy, cr);
    g.lineStyle(2 * ls, 0xffffff, 1);
    g.strokeCircle(cx, cy, cr - ls);
    const n = this.text('3', { size: 11, bold: true, stroke: 0, align: 'left' }, ls).setOrigin(0.5, 0.5).setPosition(cx, cy);
    const t = this.text(model.strings.legendCluster, { size: 14, stroke: 0, align: 'left' }, ls)
      .setOrigin(0, 0.5)
      .setPosition(pad + lineLen + 10 * ls, cy);
    c.add([n, t]);
    w = Math.max(w, lineLen + 10 * ls + t.width);
    y += rowH;
    return this.closePanel(c, w + 2 * pad, y + pad, ls);
  }

  /**
   * The compact legend: the overlay's title, its classes in one strip (lowest first, with the
   * class boundaries under the joins) or its categories in wrapped rows, then the "none" swatch and
   * the unit. Narrow, to fit the corner of ocean in the bottom left of a small board.
   */
  private compactLegend(model: BoardModel, ls: number, c: Phaser.GameObjects.Container): { w: number; h: number } {
    const pad = 10 * ls;
    const g = this.host.phaser.add.graphics();
    c.add(g);
    const lg = model.legend;
    let y = pad;
    const text = (
      str: string,
      size: number,
      x: number,
      yy: number,
      ox: number,
      oy: number,
      opts: Partial<TextSpec> = {},
    ): Phaser.GameObjects.Text => {
      const t = this.text(str, { size, stroke: 0, align: 'left', ...opts }, ls)
        .setOrigin(ox, oy)
        .setPosition(x, yy);
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
}
