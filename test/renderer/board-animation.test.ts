/**
 * The resolution animation's pure parts: the last turn's events → the board's `animation`
 * description (which markers and arrows, where, how big, in what order and when), its layout on a
 * projected board, the compact legend, and the board strings in both languages. A real engine
 * turn goes through the same path as in the app.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardInput, MAP } from './board-fixtures';
import type { GameEvent } from '../../game/events';
import { BUILTIN_SCENARIOS, createGame, POLICIES, resolveTurn, SIDES, viewFor } from '../../game';
import { CATALOGUES, translate, type Lang } from '../../renderer/i18n';
import {
  ANIM_LIMITS,
  ANIM_MARKER_KINDS,
  ANIM_MARKER_RADIUS,
  ANIM_MOVE_KINDS,
  ANIM_MOVE_WIDTH,
  ANIM_STAGES,
  ANIM_TIMING,
  type AnimMarker,
  type BoardAnimation,
} from '../../renderer/view-model/board-animation';
import { buildBoardModel, type BoardInput } from '../../renderer/view-model/board-model';
import { CONTROL_COLORS } from '../../renderer/view-model/board-theme';
import { boardInputFrom } from '../../renderer/view-model/board-input';
import { buildGeography, projectBoard, regionAt, regionCover } from '../../renderer/view-model/geo';
import { buildArc } from '../../renderer/view-model/geo-arcs';
import { distanceToArc, easeOutBack, layoutAnimation, progress, trimArc } from '../../renderer/view-model/geo-animation';
import { overlaps, type Rect } from '../../renderer/view-model/geo-labels';
import { sampleTurnEvents } from '../../renderer/board/sample-board-input';

const input = (over: Partial<BoardInput> = {}, lang: Lang = 'en'): BoardInput =>
  boardInput({ turnEvents: sampleTurnEvents(3), ...over }, lang);

const anim = (over: Partial<BoardInput> = {}, lang: Lang = 'en'): BoardAnimation => {
  const a = buildBoardModel(input(over, lang)).animation;
  if (!a) throw new Error('no animation');
  return a;
};
const marker = (a: BoardAnimation, id: string): AnimMarker => {
  const m = a.markers.find((x) => x.id === id);
  if (!m) throw new Error(`no marker ${id}`);
  return m;
};
const ev = (e: Record<string, unknown>): GameEvent => ({ turn: 2, ...e }) as unknown as GameEvent;

describe('events → animation: what is shown', () => {
  it('makes one marker per kind and region, summing the events', () => {
    const a = anim();
    const ids = a.markers.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Two seizures out of Ayacucho: 1.7 + 0.8 t.
    const aya = marker(a, 'seizure:PE-AYA');
    expect(aya.magnitude).toBeCloseTo(2.5, 9);
    expect(aya.valueText).toBe('2.5 t');
    expect(aya.label).toBe('2.5 t seized on routes out of Ayacucho');
    expect(aya.tooltip).toEqual(['2.5 t seized on routes out of Ayacucho', '2 shipments stopped on the way to the exits']);
    // Two clashes in Ayacucho: 2 + 0 security, 4 + 1 insurgents, 1 civilian.
    const clash = marker(a, 'clash:PE-AYA');
    expect(clash.magnitude).toBe(8);
    expect(clash.label).toBe('Clashes in Ayacucho: 8 killed');
    expect(clash.tooltip[1]).toBe('Killed: security forces 2, insurgents 5, civilians 1');
    expect(marker(a, 'ambush:PE-JUN').label).toBe('Ambush in Junín: 4 killed');
    expect(marker(a, 'attack:PE-HUC').label).toBe('Attack on an installation in Huánuco: 3 killed');
    expect(marker(a, 'labsDestroyed:PE-CUS').valueText).toBe('3 labs');
    expect(marker(a, 'labsDestroyed:PE-PUN').valueText).toBe('1 lab');
    expect(marker(a, 'flightsInterdicted:PE-PUN').label).toBe('6 narco-flights interdicted out of Puno (of 40)');
    expect(marker(a, 'shootdown:PE-LOR').label).toBe('Civilian aircraft shot down by mistake over Loreto');
    expect(marker(a, 'leaderKilled:PE-AYA').label).toBe('Leader killed in Ayacucho: "Camarada José"');
    expect(marker(a, 'controlChanged:PE-JUN').label).toBe('Control of Junín: Contested → Insurgents');
    expect(marker(a, 'controlChanged:PE-JUN').color).toBe(CONTROL_COLORS.insurgent);
    expect(a.outlines.map((o) => [o.region, o.color])).toEqual([
      ['PE-JUN', CONTROL_COLORS.insurgent],
      ['PE-PAS', CONTROL_COLORS.state],
    ]);
  });

  it("places each marker on its region's marker point", () => {
    const a = anim();
    for (const m of a.markers) {
      const def = MAP.regions.find((r) => r.id === m.region)!;
      expect(m.at).toEqual([def.labelAt[0], def.labelAt[1]]);
    }
  });

  it('draws displaced coca and moving fighters as arrows between regions, and pulses the flows', () => {
    const a = anim();
    expect(a.moves.map((m) => m.id)).toEqual([
      'displacement:PE-CUS>PE-PUN',
      'displacement:PE-HUC>PE-UCA',
      'displacement:PE-AYA>PE-JUN',
      'displacement:PE-SAM>PE-LOR',
      'fighters:PE-AYA>PE-JUN',
      'fighters:PE-AYA>PE-CUS',
    ]);
    const cus = a.moves[0]!;
    expect(cus.label).toBe('900 ha of coca moved from Cusco to Puno');
    expect(cus.valueText).toBe('900 ha');
    expect(cus.fromAt).toEqual(MAP.regions.find((r) => r.id === 'PE-CUS')!.labelAt);
    expect(a.moves[4]!.label).toBe('12 fighters moved from Ayacucho to Junín');
    // The 5 ha Cusco → Madre de Dios is under 3% of all coca moved: left off, and counted.
    expect(a.moves.some((m) => m.to === 'PE-MDD')).toBe(false);
    expect(a.omitted).toBeGreaterThanOrEqual(1);
    expect(a.strings.omitted).toMatch(/not drawn/);
    // Every drawn flow pulses, biggest first.
    const model = buildBoardModel(input());
    expect(a.pulses.map((p) => p.flowId)).toEqual(model.flows.slice(0, ANIM_LIMITS.pulses).map((f) => f.id));
    expect(a.pulses[0]!.sizePx).toBeGreaterThan(a.pulses[a.pulses.length - 1]!.sizePx);
    // By mode: narco-flights travel fastest.
    const ms = (mode: string) => a.pulses.find((p) => p.mode === mode)!.durationMs;
    expect(ms('air')).toBeLessThan(ms('sea'));
    expect(ms('sea')).toBeLessThan(ms('land'));
  });

  it('drops negligible seizures and keeps at most the largest ten', () => {
    expect(anim().markers.some((m) => m.id === 'seizure:PE-CAJ')).toBe(false); // 2 kg against 2.5 t
    const many = MAP.regions.map((r, i) =>
      ev({ type: 'shipmentSeized', region: r.id, exit: 'sea-callao', mode: 'sea', tonnes: 1 + i / 10 }),
    );
    const a = anim({ turnEvents: many, flows: [] });
    const seizures = a.markers.filter((m) => m.kind === 'seizure');
    expect(seizures).toHaveLength(ANIM_LIMITS.seizures);
    expect(Math.min(...seizures.map((m) => m.magnitude))).toBeGreaterThan(1 + (MAP.regions.length - 11) / 10);
    expect(a.omitted).toBe(MAP.regions.length - ANIM_LIMITS.seizures);
  });

  it('has no animation when nothing happened that the board shows', () => {
    expect(buildBoardModel(input({ turnEvents: [] })).animation).toBeNull();
    expect(buildBoardModel(input({ turnEvents: undefined })).animation).toBeNull();
    const quiet = [
      ev({ type: 'shipmentExported', region: 'PE-AYA', exit: 'sea-callao', mode: 'sea', tonnes: 4 }),
      ev({ type: 'revenueCollected', side: 'clans', musd: 10 }),
      ev({ type: 'cocaEradicated', region: 'PE-CUS', ha: 10 }),
    ];
    expect(buildBoardModel(input({ turnEvents: quiet })).animation).toBeNull();
  });

  it('turns unknown region ids into warnings, not crashes', () => {
    const bad = [
      ev({ type: 'clashOccurred', region: 'PE-XXX', securityKilled: 1, insurgentsKilled: 1, civiliansKilled: 0 }),
      ev({ type: 'cultivationDisplaced', region: 'PE-CUS', to: 'PE-ZZZ', ha: 500 }),
      ev({ type: 'controlChanged', region: 'XX', from: 'state', to: 'insurgent' }),
      ev({ type: 'shipmentSeized', region: 'PE-AYA', exit: 'sea-callao', mode: 'sea', tonnes: 1 }),
    ];
    const model = buildBoardModel(input({ turnEvents: bad }));
    expect(model.warnings).toEqual(
      expect.arrayContaining([
        'event clashOccurred in unknown region PE-XXX',
        'event cultivationDisplaced in unknown region PE-ZZZ',
        'event controlChanged in unknown region XX',
      ]),
    );
    expect(model.animation!.markers.map((m) => m.id)).toEqual(['seizure:PE-AYA']);
    expect(model.animation!.moves).toEqual([]);
    // Only unknown regions: no animation at all, still no crash.
    const none = buildBoardModel(input({ turnEvents: bad.slice(0, 3) }));
    expect(none.animation).toBeNull();
    expect(none.warnings.length).toBeGreaterThanOrEqual(3);
  });

  it('lists the kinds present in the legend, in a fixed order, and adds them to region tooltips', () => {
    const a = anim();
    const order = [...ANIM_MOVE_KINDS, ...ANIM_MARKER_KINDS] as readonly string[];
    const kinds = a.legend.entries.map((e) => e.kind);
    expect(kinds).toEqual([...kinds].sort((x, y) => order.indexOf(x) - order.indexOf(y)));
    expect(new Set(kinds)).toEqual(new Set([...a.markers.map((m) => m.kind), ...a.moves.map((m) => m.kind)]));
    expect(a.legend.title).toBe('Turn 3: what happened');
    const only = anim({ turnEvents: [ev({ type: 'leaderCaptured', region: 'PE-AYA', leader: 'raul', name: 'Raúl' })], flows: [] });
    expect(only.legend.entries.map((e) => e.kind)).toEqual(['leaderCaptured']);

    const extra = ev({ type: 'ambushSprung', region: 'PE-AYA', securityKilled: 1, insurgentsKilled: 0, civiliansKilled: 0 });
    const model = buildBoardModel(input({ turnEvents: [...sampleTurnEvents(3), extra] }));
    const aya = model.regions.find((r) => r.id === 'PE-AYA')!;
    expect(aya.tooltip).toContain('2.5 t seized on routes out of Ayacucho');
    expect(aya.tooltip[aya.tooltip.length - 1]).toMatch(/^… and \d+ more$/);
    expect(aya.description).toContain('Clashes in Ayacucho: 8 killed');
  });

  it('speaks Spanish', () => {
    const a = anim({}, 'es');
    expect(marker(a, 'seizure:PE-AYA').label).toBe('2.5 t incautadas en rutas que salen de Ayacucho');
    expect(marker(a, 'clash:PE-AYA').label).toBe('Enfrentamientos en Ayacucho: 8 muertos');
    expect(marker(a, 'labsDestroyed:PE-CUS').valueText).toBe('3 labs.');
    expect(a.strings.skip).toBe('Saltar');
    expect(a.stages[0]!.label).toBe('Tráfico y desplazamiento');
  });
});

describe('events → animation: sizes', () => {
  it('sizes seizure markers by tonnes and clash markers by deaths, within the radius range', () => {
    const a = anim();
    for (const m of a.markers) {
      expect(m.radiusPx).toBeGreaterThanOrEqual(ANIM_MARKER_RADIUS.min);
      expect(m.radiusPx).toBeLessThanOrEqual(ANIM_MARKER_RADIUS.max);
    }
    const seizures = a.markers.filter((m) => m.kind === 'seizure').sort((x, y) => y.magnitude - x.magnitude);
    for (let i = 1; i < seizures.length; i++) expect(seizures[i]!.radiusPx).toBeLessThanOrEqual(seizures[i - 1]!.radiusPx);
    expect(seizures[0]!.radiusPx).toBeGreaterThan(seizures[seizures.length - 1]!.radiusPx);
    expect(marker(a, 'clash:PE-AYA').radiusPx).toBeGreaterThan(marker(a, 'attack:PE-HUC').radiusPx);
    const none = anim({
      turnEvents: [ev({ type: 'ambushSprung', region: 'PE-AYA', securityKilled: 0, insurgentsKilled: 0, civiliansKilled: 0 })],
    });
    expect(none.markers[0]!.radiusPx).toBe(ANIM_MARKER_RADIUS.min);
    expect(none.markers[0]!.valueText).toBe('');
  });

  it('sizes arrows by hectares or fighters', () => {
    const a = anim();
    const disp = a.moves.filter((m) => m.kind === 'displacement');
    for (let i = 1; i < disp.length; i++) expect(disp[i]!.widthPx).toBeLessThanOrEqual(disp[i - 1]!.widthPx);
    for (const m of a.moves) {
      expect(m.widthPx).toBeGreaterThanOrEqual(ANIM_MOVE_WIDTH.min);
      expect(m.widthPx).toBeLessThanOrEqual(ANIM_MOVE_WIDTH.max);
    }
  });
});

describe('events → animation: order and timing', () => {
  it('plays the stages in resolution order, only those with something to show', () => {
    const a = anim();
    expect(a.stages.map((s) => s.id)).toEqual([...ANIM_STAGES]);
    for (let i = 1; i < a.stages.length; i++) {
      expect(a.stages[i]!.startMs).toBeGreaterThan(a.stages[i - 1]!.startMs);
      expect(a.stages[i]!.startMs).toBeLessThanOrEqual(a.stages[i - 1]!.endMs);
    }
    const onlyClash = anim({
      turnEvents: [ev({ type: 'clashOccurred', region: 'PE-AYA', securityKilled: 1, insurgentsKilled: 0, civiliansKilled: 0 })],
      flows: [],
    });
    expect(onlyClash.stages.map((s) => s.id)).toEqual(['violence']);
    expect(onlyClash.stages[0]!.startMs).toBe(0);
    expect(onlyClash.markers[0]!.startMs).toBe(0);
  });

  it('is 2–5 s long, and every item ends within it', () => {
    const a = anim();
    expect(a.durationMs).toBeGreaterThanOrEqual(2000);
    expect(a.durationMs).toBeLessThanOrEqual(ANIM_TIMING.maxTotalMs);
    for (const x of [...a.markers, ...a.moves, ...a.pulses, ...a.outlines]) {
      expect(x.startMs).toBeGreaterThanOrEqual(0);
      expect(x.durationMs).toBeGreaterThan(0);
      expect(x.startMs + x.durationMs).toBeLessThanOrEqual(a.durationMs);
    }
  });

  it('orders markers by stage, then the biggest first', () => {
    const a = anim();
    const stageIdx = (m: AnimMarker): number => ANIM_STAGES.indexOf(m.stage);
    for (let i = 1; i < a.markers.length; i++) {
      const p = a.markers[i - 1]!,
        m = a.markers[i]!;
      expect(stageIdx(m)).toBeGreaterThanOrEqual(stageIdx(p));
      expect(m.startMs).toBeGreaterThanOrEqual(p.startMs);
    }
    const seizureStage = a.markers.filter((m) => m.kind === 'seizure');
    expect(seizureStage.map((m) => m.region)).toEqual(['PE-AYA', 'PE-CUS', 'PE-JUN', 'PE-LOR']);
    // Arrows and pulses belong to the first act; seizures start after them.
    expect(Math.max(...a.moves.map((m) => m.startMs))).toBeLessThan(Math.min(...seizureStage.map((m) => m.startMs)));
  });

  it('squeezes a very busy turn into the maximum length', () => {
    const busy: GameEvent[] = MAP.regions.flatMap((r) => [
      ev({ type: 'clashOccurred', region: r.id, securityKilled: 1, insurgentsKilled: 1, civiliansKilled: 0 }),
      ev({ type: 'ambushSprung', region: r.id, securityKilled: 1, insurgentsKilled: 0, civiliansKilled: 0 }),
      ev({ type: 'controlChanged', region: r.id, from: 'state', to: 'contested' }),
      ev({ type: 'shipmentSeized', region: r.id, exit: 'sea-callao', mode: 'sea', tonnes: 1 }),
    ]);
    const a = anim({ turnEvents: busy });
    expect(a.durationMs).toBeLessThanOrEqual(ANIM_TIMING.maxTotalMs);
    for (const x of [...a.markers, ...a.moves, ...a.pulses, ...a.outlines])
      expect(x.startMs + x.durationMs).toBeLessThanOrEqual(a.durationMs);
  });

  it('with reduced motion, shows the same end state at once: no timeline, no pulses', () => {
    const moving = anim();
    const still = anim({ reducedMotion: true });
    expect(still.reducedMotion).toBe(true);
    expect(still.durationMs).toBe(0);
    expect(still.pulses).toEqual([]);
    expect(still.markers.map((m) => m.id)).toEqual(moving.markers.map((m) => m.id));
    expect(still.moves.map((m) => m.id)).toEqual(moving.moves.map((m) => m.id));
    for (const x of [...still.markers, ...still.moves, ...still.outlines]) {
      expect(x.startMs).toBe(0);
      expect(x.durationMs).toBe(0);
    }
    expect(buildBoardModel(input({ reducedMotion: true })).reducedMotion).toBe(true);
    expect(buildBoardModel(input()).reducedMotion).toBe(false);
  });

  it('keys the animation by its events: the same turn keeps its key across languages and overlays, a new turn gets a new one', () => {
    const a = anim();
    expect(a.key).toMatch(/^turn-3-[0-9a-f]{16}$/);
    expect(anim({}, 'es').key).toBe(a.key);
    expect(anim({ overlay: 'control', selectedId: 'PE-AYA' }).key).toBe(a.key);
    expect(anim({ turnEvents: sampleTurnEvents(4) }).key).not.toBe(a.key);
    const fewer = sampleTurnEvents(3).filter((e) => e.type !== 'leaderKilled');
    expect(anim({ turnEvents: fewer }).key).not.toBe(a.key);
  });

  it('is pure: the same input gives the same description', () => {
    expect(JSON.stringify(anim())).toBe(JSON.stringify(anim()));
  });
});

describe('layout on the projected board', () => {
  const geo = buildGeography(MAP.regions.map((r) => r.id));
  const board = projectBoard(geo, 900, 900, { top: 40, right: 40, bottom: 40, left: 40 });
  const project = (p: readonly [number, number]) => board.project(p);
  const a = anim();
  const inputs = a.markers.map((m) => ({ ...m, labelW: m.valueText.length * 7, labelH: 15 }));

  const boxOf = (p: ReturnType<typeof layoutAnimation>['markers'][number]): Rect => ({
    x: p.anchor[0] + p.offset[0] + p.box.x,
    y: p.anchor[1] + p.offset[1] + p.box.y,
    w: p.box.w,
    h: p.box.h,
  });

  it('places every marker with its value, none overlapping another, near its region', () => {
    const layout = layoutAnimation({ markers: inputs, moves: a.moves }, project, 1);
    expect(layout.markers.map((m) => m.id)).toEqual(a.markers.map((m) => m.id));
    const boxes = layout.markers.map(boxOf);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlaps(boxes[i]!, boxes[j]!, 1), `${layout.markers[i]!.id} × ${layout.markers[j]!.id}`).toBe(false);
    }
    for (const p of layout.markers) {
      const m = a.markers.find((x) => x.id === p.id)!;
      const anchor = board.project(m.at);
      expect(p.anchor).toEqual(anchor);
      expect(Math.hypot(p.offset[0], p.offset[1])).toBeLessThan(90);
      expect(p.r).toBeCloseTo(m.radiusPx, 9);
    }
    // The region's point is inside the region, so a marker is drawn over (or right next to) it.
    for (const m of a.markers) expect(regionAt(board, ...board.project(m.at))).toBe(m.region);
  });

  it('scales with the presentation scale and keeps clear of the legends', () => {
    const s = 1.5;
    const legend: Rect = { x: 560, y: 420, w: 340, h: 480 };
    const layout = layoutAnimation({ markers: inputs, moves: a.moves }, project, s, [legend]);
    for (const p of layout.markers) {
      expect(p.r).toBeCloseTo(a.markers.find((m) => m.id === p.id)!.radiusPx * s, 9);
      expect(overlaps(boxOf(p), legend), p.id).toBe(false);
    }
  });

  it('keeps markers on land: a coastal row is not pushed out to sea by its neighbours (issue 10)', () => {
    const onLand = (a: readonly [number, number], o: readonly [number, number]) => regionAt(board, a[0] + o[0], a[1] + o[1]) !== null;
    const offLand = (l: ReturnType<typeof layoutAnimation>) => l.markers.filter((p) => !onLand(p.anchor, p.offset)).map((p) => p.id);
    for (const s of [1, 1.5, 2]) {
      const free = layoutAnimation({ markers: inputs, moves: a.moves }, project, s);
      const kept = layoutAnimation({ markers: inputs, moves: a.moves }, project, s, [], onLand);
      expect(offLand(kept), `scale ${s}`).toEqual([]);
      expect(offLand(free).length, `scale ${s}: without the rule`).toBeGreaterThanOrEqual(offLand(kept).length);
    }
  });

  it('draws arrows from region to region, trimmed clear of the markers', () => {
    const layout = layoutAnimation({ markers: inputs, moves: a.moves }, project, 1);
    expect(layout.moves.map((m) => m.id)).toEqual(a.moves.map((m) => m.id));
    for (const p of layout.moves) {
      const m = a.moves.find((x) => x.id === p.id)!;
      const from = board.project(m.fromAt),
        to = board.project(m.toAt);
      const pts = p.geom.points;
      const n = pts.length / 2;
      const d0 = Math.hypot(pts[0]! - from[0], pts[1]! - from[1]);
      const d1 = Math.hypot(pts[(n - 1) * 2]! - to[0], pts[(n - 1) * 2 + 1]! - to[1]);
      expect(d0).toBeGreaterThan(4);
      expect(d0).toBeLessThan(14);
      expect(d1).toBeGreaterThan(8);
      expect(d1).toBeLessThan(18);
      expect(distanceToArc(p.geom, p.mid[0], p.mid[1])).toBeLessThan(0.01);
    }
  });

  it('measures how much of a rectangle lies over the regions (whether a legend would cover the map)', () => {
    expect(regionCover(board, { x: 0, y: 800, w: 80, h: 80 })).toBe(0); // the Pacific, bottom left
    const [x, y] = board.project(MAP.regions.find((r) => r.id === 'PE-LOR')!.labelAt);
    expect(regionCover(board, { x: x - 10, y: y - 10, w: 20, h: 20 })).toBe(1); // inside Loreto
    const half = regionCover(board, { x: x - 400, y: y - 10, w: 420, h: 20 });
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(1);
    expect(regionCover(board, { x: 0, y: 0, w: 0, h: 10 })).toBe(0);
  });

  it('skips what cannot be projected', () => {
    const layout = layoutAnimation(
      {
        markers: [{ id: 'x', region: 'PE-AYA', at: [0, 0], radiusPx: 10 }],
        moves: [{ id: 'm', fromAt: [0, 0], toAt: [1, 1] }],
      },
      () => [NaN, NaN],
      1,
    );
    expect(layout).toEqual({ markers: [], moves: [] });
  });

  it('trims arcs, measures distance to them, and eases', () => {
    const arc = buildArc(
      [
        [0, 0],
        [100, 0],
      ],
      'land',
      2,
    );
    const t = trimArc(arc, 10, 20);
    expect(t.points[0]).toBeCloseTo(10, 0);
    expect(Math.abs(t.length - 70)).toBeLessThan(3);
    expect(trimArc(arc, 60, 60)).toBe(arc);
    const straight = buildArc(
      [
        [0, 0],
        [100, 0],
      ],
      'land',
      2,
    );
    expect(distanceToArc(straight, 50, straight.points[51]! + 5)).toBeCloseTo(5, 0);
    expect(easeOutBack(0)).toBeCloseTo(0, 9);
    expect(easeOutBack(1)).toBeCloseTo(1, 9);
    expect(Math.max(...[0.5, 0.6, 0.7, 0.8].map(easeOutBack))).toBeGreaterThan(1); // overshoot
    expect(progress(50, 100, 200)).toBe(0);
    expect(progress(200, 100, 200)).toBe(0.5);
    expect(progress(400, 100, 200)).toBe(1);
    expect(progress(0, 0, 0)).toBe(1);
  });
});

describe('the compact legend', () => {
  it('gives sequential overlays a strip of classes with their boundaries, lowest first', () => {
    const model = buildBoardModel(input({ overlay: 'coca' }));
    expect(model.legend.ramp).not.toBeNull();
    expect(model.legend.ramp!.breaks).toEqual(['500', '2k', '5k', '10k']);
    expect(buildBoardModel(input({ overlay: 'coca' }, 'es')).legend.ramp!.breaks).toEqual(['500', '2 mil', '5 mil', '10 mil']);
    expect(model.legend.ramp!.colors).toHaveLength(5);
    expect(model.legend.ramp!.colors).toEqual(
      model.legend.entries
        .filter((e) => !e.hatched)
        .map((e) => e.color)
        .reverse(),
    );
    expect(model.legend.ramp!.none?.label).toBe('No coca');
    const legit = buildBoardModel(input({ overlay: 'legitimacy' }));
    expect(legit.legend.ramp!.none).toBeNull();
    expect(legit.legend.ramp!.breaks).toEqual(['20%', '40%', '60%', '80%']);
    expect(buildBoardModel(input({ overlay: 'control' })).legend.ramp).toBeNull();
  });
});

describe('from the engine', () => {
  it('animates a real turn: markers and arrows on known regions, no warnings, within the limits', () => {
    const scenario = BUILTIN_SCENARIOS[0]!;
    let state = createGame(scenario, 2016, { turns: 4 });
    for (let turn = 1; turn <= 2; turn++) {
      const r = resolveTurn(state, { orders: SIDES.map((side) => POLICIES[side]['status-quo']!(state).orders) });
      if (!r.ok) throw new Error('refused');
      state = r.state;
      const model = buildBoardModel(
        boardInputFrom({
          game: viewFor(state, 'facilitator'),
          map: MAP,
          events: r.events,
          overlay: 'coca',
          selectedId: null,
          t: (k, v) => translate('en', k, v),
          locale: 'en-GB',
          scale: 1,
          showFlows: true,
        }),
      );
      expect(model.warnings).toEqual([]);
      const a = model.animation!;
      expect(a.turn).toBe(turn);
      expect(a.markers.length).toBeGreaterThan(0);
      expect(a.markers.filter((m) => m.kind === 'seizure').length).toBeLessThanOrEqual(ANIM_LIMITS.seizures);
      expect(a.moves.filter((m) => m.kind === 'displacement').length).toBeLessThanOrEqual(ANIM_LIMITS.displacements);
      expect(a.durationMs).toBeGreaterThan(1500);
      expect(a.durationMs).toBeLessThanOrEqual(ANIM_TIMING.maxTotalMs);
      const known = new Set(MAP.regions.map((x) => x.id));
      for (const m of a.markers) expect(known.has(m.region)).toBe(true);
    }
  });

  it('passes the events and the motion preference through the adapter', () => {
    const state = createGame(BUILTIN_SCENARIOS[0]!, 1);
    const events = sampleTurnEvents(1);
    const inp = boardInputFrom({
      game: state,
      map: MAP,
      events,
      overlay: 'coca',
      selectedId: null,
      t: (k) => k,
      locale: 'en-GB',
      scale: 1,
      showFlows: true,
      reducedMotion: true,
    });
    expect(inp.turnEvents).toBe(events);
    expect(inp.reducedMotion).toBe(true);
    expect(
      boardInputFrom({
        game: state,
        map: MAP,
        events: [],
        overlay: 'coca',
        selectedId: null,
        t: (k) => k,
        locale: 'en-GB',
        scale: 1,
        showFlows: true,
      }).reducedMotion,
    ).toBe(false);
  });
});

describe("the board's strings", () => {
  const ROOT = join(import.meta.dirname, '..', '..', 'renderer');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
    });

  it("has every board key used literally or built from the animation's ids, in English and Spanish", () => {
    const used = new Set<string>();
    for (const f of [...files(join(ROOT, 'board')), ...files(join(ROOT, 'view-model'))]) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'(board\.[^'$`]+)'/g)) used.add(m[1]!);
    }
    for (const k of [...ANIM_MARKER_KINDS, ...ANIM_MOVE_KINDS]) used.add(`board.anim.label.${k}`).add(`board.anim.legend.${k}`);
    for (const s of ANIM_STAGES) used.add(`board.anim.stage.${s}`);
    for (const s of ANIM_STAGES.filter((x) => x !== 'moves')) used.add(`board.anim.summary.${s}`);
    expect(used.size).toBeGreaterThan(40);
    for (const lang of ['en', 'es'] as const)
      expect(
        [...used].filter((k) => !(k in CATALOGUES[lang])),
        lang,
      ).toEqual([]);
  });
});
