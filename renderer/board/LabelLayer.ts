/**
 * The names and symbols on the map, in screen space (crisp at any zoom): water, neighbouring
 * countries, the seed's zones, destinations, ports, border crossings and clandestine airstrips.
 * Built once per model; on every pan and zoom `layout` places them clear of the legends, the HTML
 * controls, the turn's markers and each other (the lower priorities give way).
 */
import type * as Phaser from 'phaser';
import type { BoardModel } from '../view-model/board-model';
import { BOARD_THEME } from '../view-model/board-theme';
import {
  COUNTRY_LABEL_AT,
  PACIFIC_LABEL_AT,
  regionAt,
  TITICACA_LABEL_AT,
  toScreen,
  toWorld,
  type LonLat,
  type XY,
} from '../view-model/geo';
import { aroundOffsets, placeLabels, type LabelRequest, type PlacedLabel, type Rect } from '../view-model/geo-labels';
import type { TextSpec } from './board-text';
import type { LayerHost } from './layer-host';
import { AIRSTRIP_R, drawMapSymbol, type MapSymbol } from './map-symbols';

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
  kind: MapSymbol;
  anchor: XY;
  color: number;
}

export interface LabelObjects {
  markers: Phaser.GameObjects.Graphics;
  badges: Phaser.GameObjects.Graphics;
  labels: Phaser.GameObjects.Container;
  /** Airstrip icons and counts, above the zone names so they stay readable where they overlap. */
  icons: Phaser.GameObjects.Graphics;
  iconLabels: Phaser.GameObjects.Container;
}

export class LabelLayer {
  private labels: UiLabel[] = [];
  private markers: Marker[] = [];

  constructor(
    private readonly host: LayerHost,
    private readonly o: LabelObjects,
  ) {}

  /** Remove every label (a new model or board). */
  clear(): void {
    this.o.labels.removeAll(true);
    this.o.iconLabels.removeAll(true);
    this.labels = [];
    this.markers = [];
  }

  /** Every label and symbol of `model`, unplaced (`layout` places them). */
  build(model: BoardModel): void {
    const board = this.host.board;
    if (!board) return;
    const s = this.host.s;
    const P = (p: LonLat): XY => board.project(p);
    const label = (
      id: string,
      str: string,
      spec: TextSpec,
      anchor: XY,
      priority: number,
      opts: Partial<Pick<UiLabel, 'offsets' | 'required' | 'clampToScreen' | 'badge' | 'backing' | 'icon' | 'within'>> = {},
    ): UiLabel => {
      const text = this.host.text(str, spec).setOrigin(0.5, 0.5);
      (opts.icon ? this.o.iconLabels : this.o.labels).add(text);
      const l: UiLabel = {
        id,
        text,
        anchor,
        priority,
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
    label(
      'water:pacific',
      model.strings.pacific.toUpperCase(),
      { size: 17, italic: true, color: '#6f8fb0', stroke: 0, spacing: 5 },
      P(PACIFIC_LABEL_AT),
      10,
    );
    label('water:titicaca', model.strings.titicaca, { size: 12, italic: true, color: '#9cc3e6', stroke: 3 }, P(TITICACA_LABEL_AT), 5, {
      offsets: (w, h) => [[w / 2 + 6 * s, 0], [0, h], ...aroundOffsets(w, h, 6 * s)],
    });
    for (const c of model.countries) {
      label(
        `country:${c.id}`,
        c.label.toUpperCase(),
        { size: 17, color: BOARD_THEME.textMuted, stroke: 0, spacing: 4 },
        P(COUNTRY_LABEL_AT[c.id]),
        20,
        {
          clampToScreen: true,
          offsets: (_w, h) => [
            [0, 0],
            [0, h],
            [0, -h],
          ],
        },
      );
    }

    // Zones: the seed's named places, the most important text on the board. The first zone (the
    // VRAEM) is placed first, on its point; the others move aside if they must.
    model.zones.forEach((z, i) => {
      label(`zone:${z.id}`, z.label.toUpperCase(), { size: 17, bold: true, stroke: 3, spacing: 0.5 }, P(z.at), 95 - i, {
        required: true,
        backing: true,
        within: z.members,
        offsets: (w, h) => [
          [0, 0],
          [0, h * 0.9],
          [0, -h * 0.9],
          [w * 0.3, h],
          [-w * 0.3, h],
          [w * 0.3, -h],
          [-w * 0.3, -h],
          [w * 0.5, 0],
          [-w * 0.5, 0],
          ...aroundOffsets(w, h, 4 * s),
        ],
      });
    });

    // Destinations: badges pushed outwards from Peru, kept on screen.
    const centre = P([-75.0, -9.4]);
    for (const d of model.destinations) {
      const at = P(d.at);
      const dx = at[0] - centre[0],
        dy = at[1] - centre[1];
      const l = Math.hypot(dx, dy) || 1;
      const push = (d.id === 'overseas' ? 190 : 70) * s;
      const anchor: XY = [at[0] + (dx / l) * push, at[1] + (dy / l) * push];
      label(`dest:${d.id}`, d.label.toUpperCase(), { size: 16, bold: true, stroke: 0, spacing: 1.5 }, anchor, 100, {
        required: true,
        clampToScreen: true,
        badge: { color: 0xffffff },
        offsets: (w, h) => [
          [0, 0],
          [0, h * 1.3],
          [0, -h * 1.3],
          [w * 0.6, 0],
          [-w * 0.6, 0],
        ],
      });
    }

    // Ports: anchor symbols on the coast, names out to sea.
    for (const p of model.ports) {
      const at = P(p.at);
      this.markers.push({ kind: 'port', anchor: at, color: 0xffffff });
      label(`port:${p.id}`, p.label, { size: 14, bold: true, stroke: 4 }, at, 85, {
        required: true,
        offsets: (w, h) => [
          [-w / 2 - 13 * s, 0],
          [-w / 2 - 10 * s, -h * 0.7],
          [-w / 2 - 10 * s, h * 0.7],
          [0, -h - 6 * s],
          [0, h + 6 * s],
        ],
      });
    }

    // Exits: border crossings and the narco-flights' landing area.
    for (const e of model.exits) {
      if (e.kind === 'sea') continue;
      this.markers.push({ kind: e.kind === 'air' ? 'air-exit' : 'crossing', anchor: P(e.at), color: BOARD_THEME.flow[e.mode] });
    }

    // Department names: quiet text placed after everything else, inside the department, only where
    // it fits without covering a zone, port or airstrip label (more appear as the map is zoomed in).
    for (const r of model.regions) {
      label(`region:${r.id}`, r.name, { size: 12, color: '#e8eef5', stroke: 3 }, P(r.at), 40, {
        within: [r.id],
        offsets: (w, h) => [[0, -h * 1.1], [0, h * 1.1], [0, 0], ...aroundOffsets(w, h, 8 * s), [0, -h * 2.2], [0, h * 2.2]],
      });
    }

    // Clandestine airstrips: a plane and the count near the region's anchor, placed like a label.
    const nf = new Intl.NumberFormat(model.locale);
    for (const r of model.regions) {
      if (r.airstrips <= 0) continue;
      const d = 2 * AIRSTRIP_R * s;
      label(`airstrip:${r.id}`, nf.format(r.airstrips), { size: 13, bold: true, stroke: 4 }, P(r.at), 80, {
        required: true,
        icon: true,
        within: [r.id],
        offsets: (w, h) => {
          // Centred on the anchor first, then rings further out: below-left, below-right, left, right…
          const out: XY[] = [[-w / 2 + d / 2, 0]];
          for (const k of [1, 1.8, 2.6]) {
            const dx = (w / 2 + 3 * s) * k,
              dy = (h * 0.75 + 2 * s) * k;
            out.push([-dx, dy], [dx, dy], [-dx, 0], [dx, 0], [-dx, -dy], [dx, -dy], [0, dy * 1.2], [0, -dy * 1.2]);
          }
          return out;
        },
      });
    }
  }

  /**
   * Draw the symbols and place the labels for the current view, clear of `obstacles` (legends,
   * HTML controls, the turn's markers) together with `extra` requests (the turn's values, which
   * `onPlaced` positions).
   */
  layout(obstacles: Rect[], extra: readonly LabelRequest[], onPlaced: (placed: ReadonlyMap<string, PlacedLabel>) => void): void {
    const { width, height } = this.host.size();
    const s = this.host.s;
    const v = this.host.view;
    const board = this.host.board;
    const g = this.o.markers;
    g.clear();
    this.o.badges.clear();
    this.o.icons.clear();
    const margin = 6 * s;
    const bounds: Rect = { x: margin, y: margin, w: width - 2 * margin, h: height - 2 * margin };
    const onScreen = (p: XY): boolean => p[0] >= 0 && p[1] >= 0 && p[0] <= width && p[1] <= height;

    // Markers first: they are obstacles for labels.
    const markerRects: Rect[] = [];
    for (const m of this.markers) {
      const p = toScreen(v, m.anchor[0], m.anchor[1]);
      const visible = onScreen(p);
      const r = 11 * s;
      const [x, y] = p;
      if (!visible) continue;
      drawMapSymbol(g, m.kind, x, y, m.color, s);
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
      const accept =
        within && board
          ? (cx: number, cy: number): boolean => {
              const [wx, wy] = toWorld(v, l.icon ? cx - w / 2 + AIRSTRIP_R * s : cx, cy);
              const id = regionAt(board, wx, wy);
              return id !== null && within.includes(id);
            }
          : undefined;
      return {
        id: l.id,
        x,
        y,
        w,
        h,
        priority: l.priority,
        offsets: l.offsets(w, h),
        accept,
        required: l.required && (l.clampToScreen || onScreen([x, y])),
      };
    });
    const placed = placeLabels([...reqs, ...extra], obstacles, bounds, 2 * s);
    onPlaced(placed);
    const badges = this.o.badges;
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
        const bx = p.x - w / 2,
          by = p.y - h / 2;
        badges.fillStyle(BOARD_THEME.panel, 0.88);
        badges.fillRoundedRect(bx, by, w, h, h / 2);
        badges.lineStyle(1.5 * s, l.badge.color, 0.85);
        badges.strokeRoundedRect(bx, by, w, h, h / 2);
        // A small arrowhead: the product leaves the board here.
        const ax = bx + 10 * s,
          ay = p.y;
        badges.fillStyle(0xffffff, 0.95);
        badges.fillTriangle(ax - 3 * s, ay - 5 * s, ax - 3 * s, ay + 5 * s, ax + 4 * s, ay);
        l.text.setPosition(p.x + 5 * s, p.y);
      } else if (l.icon) {
        const w = l.text.width + (2 * AIRSTRIP_R + 3) * s;
        const cx = p.x - w / 2 + AIRSTRIP_R * s;
        drawMapSymbol(this.o.icons, 'airstrip', cx, p.y, 0xffffff, s);
        l.text.setPosition(cx + (AIRSTRIP_R + 3) * s + l.text.width / 2, p.y);
      } else {
        if (l.backing) {
          const w = l.text.width + 12 * s;
          const h = l.text.height + 2 * s;
          badges.fillStyle(BOARD_THEME.panel, 0.55);
          badges.fillRoundedRect(p.x - w / 2, p.y - h / 2, w, h, 6 * s);
        }
        l.text.setPosition(p.x, p.y);
      }
    }
  }
}
