/**
 * The board's pure parts: geography (folding, dissolving, projection, hit testing), the camera,
 * colours and legends, flows, label placement, the event bus, and the view model built from the
 * real map content in both languages.
 */
import { describe, expect, it } from 'vitest';
import { boardInput, MAP } from './board-fixtures';
import { translate, CATALOGUES, type Lang } from '../../renderer/i18n';
import { buildBoardModel, flowWidth, normalizeFlows, type FlowDatum, type RegionDatum } from '../../renderer/view-model/board-model';
import {
  BOARD_THEME,
  classColors,
  classIndex,
  CONTROL_COLORS,
  luminance,
  niceCeil,
  OKABE_ITO,
  OVERLAY_SPECS,
  OVERLAYS,
  overlayFill,
  rampColor,
  RAMPS,
  type OverlayId,
} from '../../renderer/view-model/board-theme';
import {
  borderNetwork,
  buildGeography,
  clampView,
  dissolve,
  ensureVisible,
  hatchSegments,
  IDENTITY_VIEW,
  panBy,
  pointInRing,
  projectBoard,
  regionAt,
  ringCentroid,
  toScreen,
  toWorld,
  zoomAt,
  type LonLat,
} from '../../renderer/view-model/geo';
import { buildArc, dashRuns, dotCount, endDirection, pointAt } from '../../renderer/view-model/geo-arcs';
import { aroundOffsets, overlaps, placeLabels } from '../../renderer/view-model/geo-labels';
import { BoardEventBus } from '../../renderer/board/event-bus';
import { sampleRegions } from '../../renderer/board/sample-board-input';

const IDS = MAP.regions.map((r) => r.id);
const PAD = { top: 40, right: 40, bottom: 40, left: 40 };

const input = boardInput;

function datum(over: Partial<RegionDatum> = {}): RegionDatum {
  return {
    id: 'PE-AYA',
    cocaHa: 0,
    leafPriceUsdPerKg: 0,
    control: 'state',
    insurgentFighters: 0,
    violenceEvents: 0,
    clanPresence: 0,
    legitimacy: 0.5,
    labs: 0,
    airstrips: 0,
    ...over,
  };
}

describe('geography', () => {
  it('has a boundary for every region of the map content and leaves nothing unmatched', () => {
    const geo = buildGeography(IDS);
    expect(geo.missing).toEqual([]);
    expect(geo.unmatched).toEqual([]);
    expect(geo.regions.map((r) => r.id)).toEqual(IDS);
    expect(geo.water.length).toBe(1); // Lake Titicaca
    for (const r of geo.regions) expect(r.rings.length).toBeGreaterThan(0);
  });

  it('folds Lima Province into the Lima Region when the content has no PE-LMA', () => {
    const without = IDS.filter((id) => id !== 'PE-LMA');
    const folded = buildGeography(without);
    expect(folded.unmatched).toEqual([]);
    expect(folded.missing).toEqual([]);
    const lim = folded.regions.find((r) => r.id === 'PE-LIM')!;
    expect(lim.rings.length).toBe(1); // one outline: the shared border with PE-LMA is gone
    const separate = buildGeography([...without, 'PE-LMA']).regions.find((r) => r.id === 'PE-LIM')!;
    expect(lim.rings[0]!.length).not.toBe(separate.rings[0]!.length);
  });

  it('never draws Lake Titicaca as a region', () => {
    const geo = buildGeography([...IDS, 'PE-LKT']);
    expect(geo.missing).toEqual(['PE-LKT']);
    expect(geo.water.length).toBe(1);
  });

  it('dissolves polygons that share an edge into one outline', () => {
    const a = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const b = [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 0],
    ];
    // Rings wound the same way (as amCharts' are): the shared edge appears reversed in the second.
    const out = dissolve([a, b]);
    expect(out.length).toBe(1);
    expect(out[0]).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    const net = borderNetwork([a, b]);
    expect(net.shared.length).toBe(1);
    expect(net.shared[0]!.map((p) => p.join(',')).sort()).toEqual(['1,0', '1,1']);
    expect(net.single.flat().length).toBeGreaterThanOrEqual(6);
  });

  it('projects Peru inside the padded canvas, with neighbours clipped to it', () => {
    const geo = buildGeography(IDS);
    const board = projectBoard(geo, 1600, 900, PAD);
    for (const r of board.regions) {
      const [x0, y0, x1, y1] = r.bbox;
      expect(x0).toBeGreaterThanOrEqual(PAD.left - 1);
      expect(y0).toBeGreaterThanOrEqual(PAD.top - 1);
      expect(x1).toBeLessThanOrEqual(1600 - PAD.right + 1);
      expect(y1).toBeLessThanOrEqual(900 - PAD.bottom + 1);
    }
    expect(board.countries.map((c) => c.id)).toEqual(expect.arrayContaining(['EC', 'CO', 'BR', 'BO', 'CL']));
    for (const c of board.countries) {
      for (const ring of c.rings) {
        for (let i = 0; i < ring.length; i += 2) {
          expect(ring[i]).toBeGreaterThanOrEqual(-9);
          expect(ring[i]).toBeLessThanOrEqual(1609);
        }
      }
    }
    // Mercator: north up, east right.
    const [lx, ly] = board.project([-80, -5]);
    const [rx, ry] = board.project([-70, -15]);
    expect(rx).toBeGreaterThan(lx);
    expect(ry).toBeGreaterThan(ly);
  });

  it('finds each region under its own label point, and nothing in the ocean or the lake', () => {
    const board = projectBoard(buildGeography(IDS), 1920, 1080, PAD);
    for (const r of MAP.regions) {
      const [x, y] = board.project(r.labelAt);
      expect(regionAt(board, x, y), r.id).toBe(r.id);
    }
    const [ox, oy] = board.project([-80, -14]);
    expect(regionAt(board, ox, oy)).toBeNull();
    const [lx, ly] = ringCentroid(board.water[0]!);
    expect(regionAt(board, lx, ly)).toBeNull();
  });

  it('hatches the inside of a ring with parallel segments', () => {
    const square = [0, 0, 10, 0, 10, 10, 0, 10];
    const seg = hatchSegments([square], 2);
    expect(seg.length % 4).toBe(0);
    expect(seg.length / 4).toBe(7); // the diagonal is 14.1 long: lines every 2 px across it
    for (const v of seg) {
      expect(v).toBeGreaterThanOrEqual(-1e-9);
      expect(v).toBeLessThanOrEqual(10 + 1e-9);
    }
    // Each segment runs along x − y = const.
    for (let i = 0; i < seg.length; i += 4) expect(seg[i]! - seg[i + 1]!).toBeCloseTo(seg[i + 2]! - seg[i + 3]!);
    expect(hatchSegments([square], 0)).toEqual([]);
  });

  it('tests points in rings with the even-odd rule', () => {
    const square = [0, 0, 10, 0, 10, 10, 0, 10];
    expect(pointInRing(square, 5, 5)).toBe(true);
    expect(pointInRing(square, 15, 5)).toBe(false);
    expect(ringCentroid(square)).toEqual([5, 5]);
  });
});

describe('camera', () => {
  const W = 1000,
    H = 600;

  it('zooms about a fixed screen point and back', () => {
    const v = zoomAt(IDENTITY_VIEW, 2, 300, 200, W, H);
    expect(v.k).toBe(2);
    const [wx, wy] = toWorld(IDENTITY_VIEW, 300, 200);
    const [sx, sy] = toScreen(v, wx, wy);
    expect(sx).toBeCloseTo(300);
    expect(sy).toBeCloseTo(200);
    expect(zoomAt(v, 0.5, 300, 200, W, H)).toEqual(IDENTITY_VIEW);
  });

  it('never shows anything beyond the board', () => {
    expect(zoomAt(IDENTITY_VIEW, 0.5, 10, 10, W, H)).toEqual(IDENTITY_VIEW);
    expect(zoomAt(IDENTITY_VIEW, 100, 10, 10, W, H).k).toBe(8);
    expect(panBy(IDENTITY_VIEW, 50, 50, W, H)).toEqual(IDENTITY_VIEW);
    const v = clampView({ k: 2, tx: 500, ty: -5000 }, W, H);
    expect(v).toEqual({ k: 2, tx: 0, ty: -H });
  });

  it('pans a point into view when it is off screen', () => {
    const v = { k: 4, tx: 0, ty: 0 };
    const moved = ensureVisible(v, 900, 500, W, H, 50);
    const [sx, sy] = toScreen(moved, 900, 500);
    expect(sx).toBeLessThanOrEqual(W - 50 + 1e-9);
    expect(sy).toBeLessThanOrEqual(H - 50 + 1e-9);
    expect(ensureVisible(v, 10, 10, W, H, 5)).toBe(v);
  });
});

describe('colours', () => {
  it('interpolates ramps between their end stops', () => {
    expect(rampColor('viridis', 0)).toBe(RAMPS.viridis[0]);
    expect(rampColor('viridis', 1)).toBe(RAMPS.viridis[8]);
    expect(rampColor('viridis', -3)).toBe(RAMPS.viridis[0]);
    expect(rampColor('viridis', Number.NaN)).toBe(RAMPS.viridis[0]);
  });

  it('makes every sequential overlay lighter as the value grows (readable without hue)', () => {
    for (const id of OVERLAYS) {
      const spec = OVERLAY_SPECS[id];
      if (spec.kind !== 'sequential') continue;
      const lum = classColors(spec).map(luminance);
      for (let i = 1; i < lum.length; i++) expect(lum[i], `${id} class ${i}`).toBeGreaterThan(lum[i - 1]!);
      // The lowest class still stands out from the ocean.
      expect(luminance(classColors(spec)[0]!)).toBeGreaterThan(luminance(BOARD_THEME.ocean));
    }
  });

  it('colours control with distinct Okabe–Ito colours', () => {
    const colours = Object.values(CONTROL_COLORS);
    expect(new Set(colours).size).toBe(4);
    for (const c of colours) expect(Object.values(OKABE_ITO)).toContain(c);
    expect(overlayFill('control', datum({ control: 'insurgent' })).color).toBe(OKABE_ITO.vermillion);
  });

  it('maps values to classes with fixed breaks', () => {
    expect(classIndex([500, 2000], 0)).toBe(0);
    expect(classIndex([500, 2000], 500)).toBe(1);
    expect(classIndex([500, 2000], 1999)).toBe(1);
    expect(classIndex([500, 2000], 1e9)).toBe(2);
    expect(overlayFill('coca', datum({ cocaHa: 12905 })).classIndex).toBe(4);
    expect(overlayFill('coca', datum({ cocaHa: 0 }))).toEqual({ color: BOARD_THEME.none, classIndex: -1 });
    expect(overlayFill('leafPrice', datum({ cocaHa: 0, leafPriceUsdPerKg: 4 })).classIndex).toBe(-1);
    expect(overlayFill('legitimacy', datum({ legitimacy: 0 })).classIndex).toBe(0);
    expect(overlayFill('coca', undefined)).toEqual({ color: BOARD_THEME.noData, classIndex: -2 });
  });
});

describe('flows', () => {
  it('merges duplicates, drops empty and negligible flows, biggest first', () => {
    const flows: FlowDatum[] = [
      { from: 'PE-AYA', exit: 'air-bolivia', mode: 'air', tonnes: 5 },
      { from: 'PE-AYA', exit: 'air-bolivia', mode: 'air', tonnes: 5 },
      { from: 'PE-CUS', exit: 'sea-callao', mode: 'sea', tonnes: 20 },
      { from: 'PE-PUN', exit: 'land-bolivia', mode: 'land', tonnes: 0 },
      { from: 'PE-PUN', exit: 'land-bolivia', mode: 'land', tonnes: 0.01 },
    ];
    const out = normalizeFlows(flows);
    expect(out.map((f) => [f.from, f.tonnes])).toEqual([
      ['PE-CUS', 20],
      ['PE-AYA', 10],
    ]);
  });

  it('sizes lines in proportion to tonnes against a nice reference', () => {
    expect(niceCeil(18)).toBe(20);
    expect(niceCeil(0.3)).toBe(0.5);
    expect(niceCeil(2.2)).toBe(2.5);
    expect(flowWidth(20, 20)).toBe(14);
    expect(flowWidth(10, 20)).toBe(7);
    expect(flowWidth(0.01, 20)).toBe(1.5);
  });

  it('routes sea flows through their port, land flows through the gateway, air flows direct', () => {
    const m = buildBoardModel(
      input({
        flows: [
          { from: 'PE-AYA', exit: 'sea-callao', mode: 'sea', tonnes: 10 },
          { from: 'PE-CUS', exit: 'land-bolivia', mode: 'land', tonnes: 4 },
          { from: 'PE-AYA', exit: 'air-bolivia', mode: 'air', tonnes: 18 },
          { from: 'PE-PUN', exit: 'land-bolivia', mode: 'land', tonnes: 4 },
        ],
      }),
    );
    const by = new Map(m.flows.map((f) => [f.id, f]));
    expect(by.get('PE-AYA>sea-callao>sea')!.stops.length).toBe(3);
    expect(by.get('PE-CUS>land-bolivia>land')!.stops.length).toBe(3);
    expect(by.get('PE-PUN>land-bolivia>land')!.stops.length).toBe(2); // origin is the gateway
    expect(by.get('PE-AYA>air-bolivia>air')!.stops.length).toBe(2);
    expect(m.flows[0]!.id).toBe('PE-AYA>air-bolivia>air');
    expect(m.flows[0]!.widthPx).toBeCloseTo((14 * 18) / 20);
    expect(m.flowLegend?.samples.map((s) => s.label)).toEqual(['20 t', '5 t']);
  });

  it('reports flows that do not fit the map instead of drawing them', () => {
    const m = buildBoardModel(
      input({
        flows: [
          { from: 'PE-XXX', exit: 'air-bolivia', mode: 'air', tonnes: 3 },
          { from: 'PE-AYA', exit: 'teleport', mode: 'air', tonnes: 3 },
        ],
      }),
    );
    expect(m.flows).toEqual([]);
    expect(m.warnings.join(' ')).toMatch(/PE-XXX/);
    expect(m.warnings.join(' ')).toMatch(/teleport/);
  });

  it('hides flows when asked', () => {
    const m = buildBoardModel(input({ showFlows: false }));
    expect(m.flows).toEqual([]);
    expect(m.flowLegend).toBeNull();
  });
});

describe('arc geometry', () => {
  it('runs from the first stop to the last, sampled at an even step', () => {
    const arc = buildArc(
      [
        [0, 0],
        [100, 0],
        [200, 50],
      ],
      'land',
      2,
    );
    expect(pointAt(arc, 0)[0]).toBeCloseTo(0, 3);
    const end = pointAt(arc, arc.length);
    expect(end[0]).toBeCloseTo(200, 0);
    expect(end[1]).toBeCloseTo(50, 0);
    const p = arc.points;
    expect(arc.step).toBeLessThanOrEqual(2);
    for (let i = 2; i < p.length - 2; i += 2) {
      // Equal spacing along the curve: chords are the step, a little shorter across the bend at a stop.
      const chord = Math.hypot(p[i + 2]! - p[i]!, p[i + 3]! - p[i + 1]!);
      expect(chord).toBeLessThanOrEqual(arc.step + 1e-3);
      expect(chord).toBeGreaterThan(arc.step * 0.8);
    }
    expect(arc.length).toBeGreaterThan(100 + Math.hypot(100, 50));
    const [dx] = endDirection(arc);
    expect(dx).toBeGreaterThan(0);
  });

  it('lets rivers meander but start and end on their stops', () => {
    const straight = buildArc(
      [
        [0, 0],
        [300, 0],
      ],
      'land',
      1,
    );
    const river = buildArc(
      [
        [0, 0],
        [300, 0],
      ],
      'river',
      1,
    );
    expect(river.length).toBeGreaterThan(straight.length);
    const end = pointAt(river, river.length);
    expect(end[0]).toBeCloseTo(300, 0);
    expect(end[1]).toBeCloseTo(0, 0);
  });

  it('splits dashed and dotted lines into runs', () => {
    const arc = buildArc(
      [
        [0, 0],
        [100, 0],
      ],
      'land',
      2,
      1,
    );
    expect(dashRuns(arc, null)).toEqual([[0, arc.points.length / 2 - 1]]);
    const dashes = dashRuns(arc, [14, 9]);
    expect(dashes.length).toBeGreaterThan(3);
    for (const [a, b] of dashes) expect(b).toBeGreaterThanOrEqual(a);
    const dots = dashRuns(arc, [0, 10]);
    expect(dots.every(([a, b]) => a === b)).toBe(true);
    expect(dotCount(10)).toBe(1);
    expect(dotCount(10_000)).toBe(8);
  });

  it('survives degenerate input', () => {
    expect(buildArc([[5, 5]], 'air').length).toBe(0);
    expect(
      buildArc(
        [
          [5, 5],
          [5, 5],
        ],
        'sea',
      ).length,
    ).toBe(0);
    expect(
      buildArc(
        [
          [Number.NaN, 0],
          [1, 1],
        ],
        'air',
      ).length,
    ).toBe(0);
  });
});

describe('label placement', () => {
  const bounds = { x: 0, y: 0, w: 500, h: 300 };

  it('places higher priorities first and never overlaps two visible labels', () => {
    const reqs = [
      { id: 'a', x: 100, y: 100, w: 80, h: 20, priority: 1 },
      { id: 'b', x: 110, y: 105, w: 80, h: 20, priority: 5, offsets: [[0, 0]] as [number, number][] },
      {
        id: 'c',
        x: 120,
        y: 100,
        w: 80,
        h: 20,
        priority: 2,
        offsets: [
          [0, 0],
          [0, 30],
        ] as [number, number][],
      },
    ];
    const out = placeLabels(reqs, [], bounds);
    expect(out.get('b')).toMatchObject({ x: 110, y: 105, visible: true });
    expect(out.get('a')!.visible).toBe(false);
    const c = out.get('c')!;
    expect(c.visible).toBe(true);
    expect(c).toMatchObject({ x: 120, y: 130 });
    expect(overlaps({ x: c.x - 40, y: c.y - 10, w: 80, h: 20 }, { x: 70, y: 95, w: 80, h: 20 })).toBe(false);
    expect(aroundOffsets(80, 20, 2)).toHaveLength(8);
  });

  it('keeps required labels, clamped on screen, and avoids obstacles', () => {
    const out = placeLabels(
      [{ id: 'r', x: 495, y: 5, w: 60, h: 20, priority: 1, required: true }],
      [{ x: 0, y: 0, w: 500, h: 300 }],
      bounds,
    );
    expect(out.get('r')).toMatchObject({ x: 470, y: 10, visible: true });
  });
});

describe('event bus', () => {
  it('delivers typed events, forgets a listener removed with the same function, and keeps the latest payload', () => {
    const bus = new BoardEventBus();
    const seen: string[] = [];
    const onSelect = ({ id }: { id: string }): void => {
      seen.push(id);
    };
    bus.on('select', onSelect);
    bus.emit('select', { id: 'PE-AYA' });
    bus.off('select', onSelect);
    bus.emit('select', { id: 'PE-CUS' });
    expect(seen).toEqual(['PE-AYA']);
    expect(bus.listenerCount('select')).toBe(0);
    expect(bus.latest('select')).toEqual({ id: 'PE-CUS' });
    expect(bus.latest('model')).toBeUndefined();
  });
});

describe('board model', () => {
  it('is a pure function of its input', () => {
    expect(buildBoardModel(input())).toEqual(buildBoardModel(input()));
    expect(JSON.parse(JSON.stringify(buildBoardModel(input())))).toEqual(buildBoardModel(input()));
  });

  it('translates every string in both languages (no missing keys)', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const overlay of OVERLAYS) {
        const m = buildBoardModel(input({ overlay, selectedId: 'PE-AYA', scale: 1.5 }, lang));
        const text = JSON.stringify([
          m.legend,
          m.regions.map((r) => [r.name, r.tooltip, r.description]),
          m.zones,
          m.ports,
          m.exits,
          m.destinations,
          m.countries,
          m.flows.map((f) => f.label),
          m.flowLegend,
          m.strings,
        ]);
        expect(text, `${lang}/${overlay}`).not.toMatch(/board\.[a-zA-Z]/);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('has the same keys in the English and Spanish board catalogues', () => {
    const keys = (lang: Lang): string[] =>
      Object.keys(CATALOGUES[lang])
        .filter((k) => k.startsWith('board.'))
        .sort();
    expect(keys('es')).toEqual(keys('en'));
    expect(keys('en').length).toBeGreaterThan(80);
  });

  it('formats values for the locale and names zones, labs and airstrips in tooltips', () => {
    const en = buildBoardModel(input()).regions.find((r) => r.id === 'PE-AYA')!;
    expect(en.tooltip[0]).toBe('Ayacucho');
    expect(en.tooltip[1]).toBe(`Coca cultivation: ${new Intl.NumberFormat('en-GB').format(12905)} ha`);
    expect(en.tooltip.join('\n')).toMatch(/VRAEM/);
    expect(en.tooltip.join('\n')).toMatch(/Airstrips: 30/);
    const es = buildBoardModel(input({ overlay: 'leafPrice' }, 'es')).regions.find((r) => r.id === 'PE-AYA')!;
    expect(es.valueText).toBe(`US$${new Intl.NumberFormat('es-PE', { minimumFractionDigits: 2 }).format(4.1)}/kg`);
    const cl = buildBoardModel(input({ overlay: 'control' }, 'es')).regions.find((r) => r.id === 'PE-AYA')!;
    expect(cl.valueText).toBe('Insurgentes');
  });

  it('builds a legend with one entry per class (plus "none") and the overlay title', () => {
    for (const overlay of OVERLAYS) {
      const m = buildBoardModel(input({ overlay }));
      const spec = OVERLAY_SPECS[overlay];
      const expected = spec.kind === 'categorical' ? 4 : spec.breaks.length + 1 + (spec.none ? 1 : 0);
      expect(m.legend.entries.length, overlay).toBe(expected);
      expect(m.legend.title).toBe(translate('en', `board.overlay.${overlay}.title`));
      expect(new Set(m.legend.entries.map((e) => e.color)).size).toBe(expected);
    }
  });

  it('colours regions from their data, and marks regions without data', () => {
    const m = buildBoardModel(input({ regions: sampleRegions(MAP).filter((r) => r.id !== 'PE-ICA') }));
    expect(m.regions.find((r) => r.id === 'PE-ICA')).toMatchObject({ hasData: false, fill: BOARD_THEME.noData, hatched: true });
    expect(m.regions.find((r) => r.id === 'PE-AYA')!.hatched).toBe(false);
    expect(m.legend.entries.filter((e) => e.hatched).map((e) => e.label)).toEqual(['No coca']);
    expect(m.warnings.join(' ')).toMatch(/PE-ICA/);
    const cus = m.regions.find((r) => r.id === 'PE-CUS')!;
    expect(cus.fill).toBe(
      overlayFill(
        'coca',
        sampleRegions(MAP).find((r) => r.id === 'PE-CUS'),
      ).color,
    );
  });

  it('orders regions for the keyboard north to south and for the list alphabetically', () => {
    const m = buildBoardModel(input());
    expect([...m.keyboardOrder].sort()).toEqual([...IDS].sort());
    const lat = (id: string): number => MAP.regions.find((r) => r.id === id)!.labelAt[1];
    expect(lat(m.keyboardOrder[0]!)).toBeGreaterThan(lat(m.keyboardOrder[m.keyboardOrder.length - 1]!));
    const names = m.listOrder.map((id) => m.regions.find((r) => r.id === id)!.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en-GB').compare));
  });

  it("places the seed's zones, ports, exits and destinations", () => {
    const m = buildBoardModel(input());
    expect(m.zones.map((z) => z.label)).toEqual(
      expect.arrayContaining(['VRAEM', 'Upper Huallaga', 'Pichis-Palcazu', 'Putumayo', 'La Convención']),
    );
    expect(buildBoardModel(input({}, 'es')).zones.map((z) => z.label)).toContain('Alto Huallaga');
    expect(m.ports.map((p) => p.label).sort()).toEqual(['Callao', 'Chimbote', 'Paita', 'Salaverry']);
    expect(m.destinations.map((d) => d.id)).toEqual(['BO', 'BR', 'CO', 'overseas']);
    expect(m.countries.map((c) => c.id)).toEqual(['EC', 'CL']);
    for (const d of m.destinations) {
      const at: LonLat = d.at;
      expect(at[0]).toBeLessThan(-68);
    }
  });

  it('keeps only a known selection and clamps the scale', () => {
    expect(buildBoardModel(input({ selectedId: 'PE-AYA' })).strings.selected).toBe('Selected: Ayacucho');
    expect(buildBoardModel(input({ selectedId: 'PE-NOPE' })).selectedId).toBeNull();
    expect(buildBoardModel(input({ scale: 10 })).scale).toBe(2.5);
    expect(buildBoardModel(input({ scale: 0 })).scale).toBe(0.75);
  });

  it('changes only what the overlay touches when the overlay changes', () => {
    const a = buildBoardModel(input({ overlay: 'coca' }));
    const b = buildBoardModel(input({ overlay: 'violence' as OverlayId }));
    expect(b.flows).toEqual(a.flows);
    expect(b.zones).toEqual(a.zones);
    expect(b.legend).not.toEqual(a.legend);
  });
});
