/**
 * The turn's resolution on the board: the last turn's events as a short animation (≈ 2–5 s) and
 * the static markers it leaves until the next turn. A plain description: what, where ([lon, lat]
 * of the region's marker point), how big, when (ms from the start); the board projects and plays
 * it. Pure, no Phaser and no DOM.
 */
import type { GameEvent } from '../../game/events';
// The engine's string hash, from its leaf module (the board's chunk does not load the engine).
import { hashString } from '../../game/hash';
import type { BoardFlow, Translate } from './board-model';
import { CONTROL_COLORS, niceCeil, OKABE_ITO, type ControlId } from './board-theme';
import type { LonLat } from './geo';
import type { FlowMode } from './geo-arcs';

export const ANIM_MARKER_KINDS = [
  'seizure',
  'labsDestroyed',
  'flightsInterdicted',
  'shootdown',
  'clash',
  'ambush',
  'attack',
  'leaderKilled',
  'leaderCaptured',
  'controlChanged',
] as const;
export type AnimMarkerKind = (typeof ANIM_MARKER_KINDS)[number];

export const ANIM_MOVE_KINDS = ['displacement', 'fighters'] as const;
export type AnimMoveKind = (typeof ANIM_MOVE_KINDS)[number];

/** The acts of the animation, in the order the engine resolves them. */
export const ANIM_STAGES = ['moves', 'seizures', 'violence', 'control'] as const;
export type AnimStageId = (typeof ANIM_STAGES)[number];

const STAGE_OF: Readonly<Record<AnimMarkerKind, AnimStageId>> = {
  seizure: 'seizures',
  labsDestroyed: 'seizures',
  flightsInterdicted: 'seizures',
  shootdown: 'seizures',
  clash: 'violence',
  ambush: 'violence',
  attack: 'violence',
  leaderKilled: 'violence',
  leaderCaptured: 'violence',
  controlChanged: 'control',
};

/** Marker and arrow colours (Okabe–Ito); the shape tells the kinds apart, not the colour alone. */
export const ANIM_COLORS: Readonly<Record<Exclude<AnimMarkerKind, 'controlChanged'> | AnimMoveKind, number>> = {
  seizure: OKABE_ITO.skyBlue,
  labsDestroyed: OKABE_ITO.skyBlue,
  flightsInterdicted: OKABE_ITO.skyBlue,
  shootdown: OKABE_ITO.reddishPurple,
  clash: OKABE_ITO.vermillion,
  ambush: OKABE_ITO.vermillion,
  attack: OKABE_ITO.vermillion,
  leaderKilled: OKABE_ITO.yellow,
  leaderCaptured: OKABE_ITO.yellow,
  displacement: OKABE_ITO.bluishGreen,
  fighters: OKABE_ITO.vermillion,
};

/** Timing and clutter limits of the animation. */
export const ANIM_TIMING = {
  /** How long one marker takes to appear (pop and a ring burst). */
  markerMs: 650,
  /** How long an arrow takes to draw itself. */
  moveMs: 1100,
  /** How long a flow's pulse takes to travel its arc (the longest, by mode: see `PULSE_MS`). */
  pulseMs: 1400,
  /** Items of a stage start one after another, this far apart at most, within `spreadMs`. */
  staggerMs: 140,
  spreadMs: 900,
  /** Stages overlap by this much. */
  overlapMs: 250,
  /** The end state is held this long before the animation reports that it is done. */
  holdMs: 350,
  maxTotalMs: 4500,
} as const;

/** Pulse travel time by mode: narco-flights fastest, then containers, then rivers and roads. */
export const PULSE_MS: Readonly<Record<FlowMode, number>> = { air: 900, sea: 1150, river: 1400, land: 1400 };

export const ANIM_LIMITS = {
  /** Seizure markers: the largest, and only those with at least this share of the largest. */
  seizures: 10,
  seizureMinShare: 0.04,
  /** Arrows of displaced coca: the largest, and only those with at least this share of all coca moved. */
  displacements: 10,
  displacementMinShare: 0.03,
  fighters: 8,
  /** Flow pulses: the largest flows only. */
  pulses: 24,
} as const;

/** Marker radius range, px at scale 1. */
export const ANIM_MARKER_RADIUS = { min: 9, max: 17, fixed: 12 } as const;
/** Arrow width range, px at scale 1. */
export const ANIM_MOVE_WIDTH = { min: 2, max: 8 } as const;
/** Lines of a region's tooltip about this turn's events (then "and N more"). */
export const ANIMATION_TOOLTIP_LINES = 3;

export interface AnimMarker {
  /** `kind:region`: one marker per kind and region (several events of a kind are summed). */
  id: string;
  kind: AnimMarkerKind;
  stage: AnimStageId;
  region: string;
  /** The region's marker point, [lon, lat]. */
  at: LonLat;
  /** px at scale 1, by magnitude (tonnes, deaths) where there is one. */
  radiusPx: number;
  color: number;
  /** Tonnes, deaths, labs… (what the size shows); 0 if none. */
  magnitude: number;
  /** Short text drawn by the marker ("2.4 t", "5 killed"); may be empty. */
  valueText: string;
  /** One sentence: the accessible name and the tooltip's title. */
  label: string;
  /** Tooltip: the label, then details. */
  tooltip: string[];
  startMs: number;
  durationMs: number;
}

export interface AnimMove {
  /** `kind:from>to`. */
  id: string;
  kind: AnimMoveKind;
  from: string;
  to: string;
  fromAt: LonLat;
  toAt: LonLat;
  /** Hectares or fighters. */
  amount: number;
  widthPx: number;
  color: number;
  valueText: string;
  label: string;
  tooltip: string[];
  startMs: number;
  durationMs: number;
}

export interface AnimPulse {
  /** A `BoardFlow` id: the pulse travels that flow's arc. */
  flowId: string;
  mode: FlowMode;
  /** Pulse diameter, px at scale 1, by tonnes. */
  sizePx: number;
  startMs: number;
  durationMs: number;
}

export interface AnimOutline {
  region: string;
  /** The colour of the new controller. */
  color: number;
  startMs: number;
  durationMs: number;
}

export interface AnimStage {
  id: AnimStageId;
  label: string;
  startMs: number;
  endMs: number;
}

export interface AnimLegendEntry {
  kind: AnimMarkerKind | AnimMoveKind;
  label: string;
  color: number;
}

export interface BoardAnimation {
  /** Identifies the turn's events: the board plays each key once. */
  key: string;
  turn: number;
  reducedMotion: boolean;
  /** Total length, ms (0 with reduced motion: the end state at once). */
  durationMs: number;
  stages: AnimStage[];
  /** In play order. */
  markers: AnimMarker[];
  moves: AnimMove[];
  pulses: AnimPulse[];
  outlines: AnimOutline[];
  legend: { title: string; entries: AnimLegendEntry[] };
  /** Smaller items left off the map to keep it legible (the turn report lists everything). */
  omitted: number;
  strings: {
    /** The accessible list of markers. */
    list: string;
    skip: string;
    skipHint: string;
    /** Shown while playing: "Turn 3 resolved" (on a narrow board, "Turn 3"). */
    caption: string;
    captionShort: string;
    /** Announced when the animation ends. */
    summary: string;
    omitted: string;
  };
}

interface AnimationArgs {
  events: readonly GameEvent[];
  known: ReadonlySet<string>;
  regionAt: ReadonlyMap<string, LonLat>;
  regionName: ReadonlyMap<string, string>;
  flows: readonly BoardFlow[];
  t: Translate;
  locale: string;
  reducedMotion: boolean;
  warnings: string[];
}

interface MarkerAcc {
  kind: AnimMarkerKind;
  region: string;
  order: number;
  count: number;
  tonnes: number;
  labs: number;
  flights: number;
  interdicted: number;
  shotDown: number;
  security: number;
  insurgents: number;
  civilians: number;
  names: string[];
  from: string;
  to: string;
}

const sizeBy = (v: number, ref: number): number =>
  ANIM_MARKER_RADIUS.min + (ANIM_MARKER_RADIUS.max - ANIM_MARKER_RADIUS.min) * Math.sqrt(Math.min(1, Math.max(0, v / ref)));

/** Start times for `n` items of a stage that starts at `at`: a stagger that never exceeds the spread. */
function stagger(n: number, at: number): number[] {
  const step = n > 1 ? Math.min(ANIM_TIMING.staggerMs, ANIM_TIMING.spreadMs / (n - 1)) : 0;
  return Array.from({ length: n }, (_, i) => at + i * step);
}

/**
 * The animation of a turn's events, or null when nothing happened that the board shows.
 * Pure; unknown region ids are skipped with a warning.
 */
export function buildAnimation(a: AnimationArgs): BoardAnimation | null {
  const { events, known, regionAt, regionName, t, locale, reducedMotion, warnings } = a;
  if (events.length === 0) return null;
  const nf0 = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const tonnesFmt = (v: number): string => new Intl.NumberFormat(locale, { maximumFractionDigits: v >= 10 ? 0 : v >= 1 ? 1 : 2 }).format(v);
  const name = (id: string): string => regionName.get(id) ?? id;
  const ok = (type: string, ...ids: string[]): boolean => {
    const bad = ids.filter((id) => !known.has(id));
    for (const id of bad) warnings.push(`event ${type} in unknown region ${id}`);
    return bad.length === 0;
  };

  // 1. Aggregate: one marker per kind and region, one arrow per kind and pair of regions.
  const acc = new Map<string, MarkerAcc>();
  let order = 0;
  const take = (kind: AnimMarkerKind, region: string): MarkerAcc => {
    const id = `${kind}:${region}`;
    let m = acc.get(id);
    if (!m) {
      m = {
        kind,
        region,
        order: order++,
        count: 0,
        tonnes: 0,
        labs: 0,
        flights: 0,
        interdicted: 0,
        shotDown: 0,
        security: 0,
        insurgents: 0,
        civilians: 0,
        names: [],
        from: '',
        to: '',
      };
      acc.set(id, m);
    }
    m.count++;
    return m;
  };
  const moves = new Map<string, { kind: AnimMoveKind; from: string; to: string; amount: number; order: number }>();
  const move = (kind: AnimMoveKind, from: string, to: string, amount: number): void => {
    if (!(amount > 0) || from === to) return;
    const id = `${kind}:${from}>${to}`;
    const m = moves.get(id);
    if (m) m.amount += amount;
    else moves.set(id, { kind, from, to, amount, order: order++ });
  };
  let turn = 0;
  for (const e of events) {
    turn = Math.max(turn, e.turn);
    switch (e.type) {
      case 'shipmentSeized':
        if (ok(e.type, e.region) && e.tonnes > 0) take('seizure', e.region).tonnes += e.tonnes;
        break;
      case 'labsDestroyed':
        if (ok(e.type, e.region) && e.labs > 0) {
          const m = take('labsDestroyed', e.region);
          m.labs += e.labs;
          m.tonnes += Math.max(0, e.seizedT);
        }
        break;
      case 'flightsInterdicted':
        if (ok(e.type, e.region) && (e.interdicted > 0 || e.seizedT > 0)) {
          const m = take('flightsInterdicted', e.region);
          m.flights += e.flights;
          m.interdicted += e.interdicted;
          m.shotDown += e.shotDown;
          m.tonnes += Math.max(0, e.seizedT);
        }
        break;
      case 'civilianAircraftShotDown':
        if (ok(e.type, e.region)) take('shootdown', e.region);
        break;
      case 'clashOccurred':
      case 'ambushSprung':
      case 'installationAttacked':
        if (ok(e.type, e.region)) {
          const m = take(e.type === 'clashOccurred' ? 'clash' : e.type === 'ambushSprung' ? 'ambush' : 'attack', e.region);
          m.security += e.securityKilled;
          m.insurgents += e.insurgentsKilled;
          m.civilians += e.civiliansKilled;
        }
        break;
      case 'leaderKilled':
      case 'leaderCaptured':
        if (ok(e.type, e.region)) take(e.type, e.region).names.push(e.name);
        break;
      case 'controlChanged':
        if (ok(e.type, e.region)) {
          const m = take('controlChanged', e.region);
          if (m.count === 1) m.from = e.from;
          m.to = e.to;
        }
        break;
      case 'cultivationDisplaced':
        if (ok(e.type, e.region, e.to)) move('displacement', e.region, e.to, e.ha);
        break;
      case 'fightersMoved':
        if (ok(e.type, e.region, e.to)) move('fighters', e.region, e.to, e.fighters);
        break;
      default:
        break;
    }
  }

  // 2. Keep what stays legible: the largest seizures and displacements.
  let omitted = 0;
  const all = [...acc.values()];
  const seizures = all.filter((m) => m.kind === 'seizure').sort((x, y) => y.tonnes - x.tonnes || x.order - y.order);
  const maxSeized = seizures[0]?.tonnes ?? 0;
  const keptSeizures = new Set(seizures.filter((m, i) => i < ANIM_LIMITS.seizures && m.tonnes >= maxSeized * ANIM_LIMITS.seizureMinShare));
  omitted += seizures.length - keptSeizures.size;
  const kept = all.filter((m) => m.kind !== 'seizure' || keptSeizures.has(m));
  const moveList = [...moves.values()];
  const disp = moveList.filter((m) => m.kind === 'displacement').sort((x, y) => y.amount - x.amount || x.order - y.order);
  const dispTotal = disp.reduce((s, m) => s + m.amount, 0);
  const keptDisp = disp.filter((m, i) => i < ANIM_LIMITS.displacements && m.amount >= dispTotal * ANIM_LIMITS.displacementMinShare);
  const fighters = moveList.filter((m) => m.kind === 'fighters').sort((x, y) => y.amount - x.amount || x.order - y.order);
  const keptFighters = fighters.slice(0, ANIM_LIMITS.fighters);
  omitted += disp.length - keptDisp.length + fighters.length - keptFighters.length;
  const pulsesFrom = [...a.flows].sort((x, y) => y.tonnes - x.tonnes).slice(0, ANIM_LIMITS.pulses);

  if (kept.length === 0 && keptDisp.length === 0 && keptFighters.length === 0) return null;

  // 3. Sizes: tonnes for seizures, deaths for violence, against a nice reference per family.
  const refT = niceCeil(Math.max(0, ...kept.filter((m) => STAGE_OF[m.kind] === 'seizures').map((m) => m.tonnes)));
  const killed = (m: MarkerAcc): number => m.security + m.insurgents + m.civilians;
  const refK = Math.max(5, niceCeil(Math.max(0, ...kept.filter((m) => STAGE_OF[m.kind] === 'violence').map(killed))));
  const maxDisp = Math.max(0, ...keptDisp.map((m) => m.amount));
  const maxFighters = Math.max(0, ...keptFighters.map((m) => m.amount));
  const width = (v: number, max: number): number =>
    ANIM_MOVE_WIDTH.min + (ANIM_MOVE_WIDTH.max - ANIM_MOVE_WIDTH.min) * Math.sqrt(Math.min(1, v / (niceCeil(max) || 1)));

  // 4. Timeline: the stages that have something, in resolution order, each staggered by size.
  const present = new Set<AnimStageId>(kept.map((m) => STAGE_OF[m.kind]));
  if (keptDisp.length + keptFighters.length + pulsesFrom.length > 0) present.add('moves');
  const stageItems: Record<AnimStageId, number> = {
    moves: Math.max(pulsesFrom.length, keptDisp.length + keptFighters.length),
    seizures: 0,
    violence: 0,
    control: 0,
  };
  for (const m of kept) if (STAGE_OF[m.kind] !== 'moves') stageItems[STAGE_OF[m.kind]]++;
  const stages: AnimStage[] = [];
  let cursor = 0;
  for (const id of ANIM_STAGES) {
    if (!present.has(id)) continue;
    const n = stageItems[id];
    const itemMs = id === 'moves' ? Math.max(ANIM_TIMING.moveMs, pulsesFrom.length > 0 ? ANIM_TIMING.pulseMs : 0) : ANIM_TIMING.markerMs;
    const spread = n > 1 ? Math.min(ANIM_TIMING.spreadMs, (n - 1) * ANIM_TIMING.staggerMs) : 0;
    const start = stages.length === 0 ? 0 : Math.max(0, cursor - ANIM_TIMING.overlapMs);
    stages.push({ id, label: t(`board.anim.stage.${id}`), startMs: start, endMs: start + spread + itemMs });
    cursor = start + spread + itemMs;
  }
  const stageAt = (id: AnimStageId): number => stages.find((s) => s.id === id)?.startMs ?? 0;

  // 5. Markers, in play order: stage, then the biggest first.
  const magnitude = (m: MarkerAcc): number => {
    switch (STAGE_OF[m.kind]) {
      case 'seizures':
        return m.tonnes;
      case 'violence':
        return m.kind === 'leaderKilled' || m.kind === 'leaderCaptured' ? m.names.length : killed(m);
      default:
        return 0;
    }
  };
  const sorted = [...kept].sort(
    (x, y) =>
      ANIM_STAGES.indexOf(STAGE_OF[x.kind]) - ANIM_STAGES.indexOf(STAGE_OF[y.kind]) || magnitude(y) - magnitude(x) || x.order - y.order,
  );
  const starts = new Map<MarkerAcc, number>();
  for (const id of ANIM_STAGES) {
    const list = sorted.filter((m) => STAGE_OF[m.kind] === id);
    stagger(list.length, stageAt(id)).forEach((ms, i) => starts.set(list[i]!, ms));
  }
  const markers: AnimMarker[] = sorted.map((m) => {
    const region = name(m.region);
    const k = killed(m);
    const casualties = t('board.anim.detail.casualties', { security: m.security, insurgents: m.insurgents, civilians: m.civilians });
    let radiusPx: number = ANIM_MARKER_RADIUS.fixed;
    let valueText = '';
    let label: string;
    const details: string[] = [];
    const color = m.kind === 'controlChanged' ? (CONTROL_COLORS[m.to as ControlId] ?? OKABE_ITO.yellow) : ANIM_COLORS[m.kind];
    switch (m.kind) {
      case 'seizure':
        radiusPx = sizeBy(m.tonnes, refT);
        valueText = t('board.unit.tonnes', { value: tonnesFmt(m.tonnes) });
        label = t('board.anim.label.seizure', { region, tonnes: tonnesFmt(m.tonnes) });
        details.push(t('board.anim.detail.seizure', { n: m.count }));
        break;
      case 'labsDestroyed':
        radiusPx = sizeBy(Math.max(m.tonnes, refT * 0.1), refT);
        valueText = t('board.anim.value.labs', { n: m.labs });
        label = t('board.anim.label.labsDestroyed', { region, n: m.labs });
        details.push(t('board.anim.detail.labsDestroyed', { tonnes: tonnesFmt(m.tonnes) }));
        break;
      case 'flightsInterdicted':
        radiusPx = sizeBy(Math.max(m.tonnes, refT * 0.1), refT);
        valueText = t('board.anim.value.flights', { n: m.interdicted });
        label = t('board.anim.label.flightsInterdicted', { region, n: m.interdicted, flights: nf0.format(m.flights) });
        details.push(t('board.anim.detail.flightsInterdicted', { shotDown: nf0.format(m.shotDown), tonnes: tonnesFmt(m.tonnes) }));
        break;
      case 'shootdown':
        radiusPx = ANIM_MARKER_RADIUS.max;
        label = t('board.anim.label.shootdown', { region });
        details.push(t('board.anim.detail.shootdown'));
        break;
      case 'clash':
      case 'ambush':
      case 'attack':
        radiusPx = sizeBy(k, refK);
        valueText = k > 0 ? t('board.anim.value.killed', { n: k }) : '';
        label = t(`board.anim.label.${m.kind}`, { region, n: m.count, killed: nf0.format(k) });
        details.push(casualties);
        break;
      case 'leaderKilled':
      case 'leaderCaptured':
        radiusPx = ANIM_MARKER_RADIUS.max - 2;
        label = t(`board.anim.label.${m.kind}`, { region, name: m.names.join(', ') });
        break;
      case 'controlChanged':
        radiusPx = ANIM_MARKER_RADIUS.min + 1;
        label = t('board.anim.label.controlChanged', { region, from: t(`board.control.${m.from}`), to: t(`board.control.${m.to}`) });
        break;
    }
    const startMs = starts.get(m) ?? 0;
    return {
      id: `${m.kind}:${m.region}`,
      kind: m.kind,
      stage: STAGE_OF[m.kind],
      region: m.region,
      at: regionAt.get(m.region) ?? [0, 0],
      radiusPx: Math.round(radiusPx * 10) / 10,
      color,
      magnitude: magnitude(m),
      valueText,
      label,
      tooltip: [label, ...details],
      startMs,
      durationMs: ANIM_TIMING.markerMs,
    };
  });

  // 6. Arrows (displacement, fighters) and flow pulses: the "moves" stage.
  const moveStarts = stagger(keptDisp.length + keptFighters.length, stageAt('moves') + 150);
  const animMoves: AnimMove[] = [...keptDisp, ...keptFighters].map((m, i) => {
    const from = name(m.from),
      to = name(m.to);
    const amount = m.kind === 'displacement' ? nf0.format(m.amount) : m.amount;
    const label = t(`board.anim.label.${m.kind}`, { from, to, ha: amount, n: m.amount });
    return {
      id: `${m.kind}:${m.from}>${m.to}`,
      kind: m.kind,
      from: m.from,
      to: m.to,
      fromAt: regionAt.get(m.from) ?? [0, 0],
      toAt: regionAt.get(m.to) ?? [0, 0],
      amount: m.amount,
      widthPx: Math.round(width(m.amount, m.kind === 'displacement' ? maxDisp : maxFighters) * 10) / 10,
      color: ANIM_COLORS[m.kind],
      valueText:
        m.kind === 'displacement' ? t('board.unit.ha', { value: nf0.format(m.amount) }) : t('board.anim.value.fighters', { n: m.amount }),
      label,
      tooltip: [label],
      startMs: moveStarts[i] ?? 0,
      durationMs: ANIM_TIMING.moveMs,
    };
  });
  const maxFlowT = Math.max(0, ...pulsesFrom.map((f) => f.tonnes));
  const pulseStarts = stagger(pulsesFrom.length, stageAt('moves'));
  const pulses: AnimPulse[] = pulsesFrom.map((f, i) => ({
    flowId: f.id,
    mode: f.mode,
    sizePx: Math.round((10 + 12 * Math.sqrt(f.tonnes / (niceCeil(maxFlowT) || 1))) * 10) / 10,
    startMs: pulseStarts[i] ?? 0,
    durationMs: PULSE_MS[f.mode],
  }));
  const outlines: AnimOutline[] = markers
    .filter((m) => m.kind === 'controlChanged')
    .map((m) => ({ region: m.region, color: m.color, startMs: m.startMs, durationMs: ANIM_TIMING.markerMs * 2 }));

  // 7. Squeeze a long turn into the maximum length; reduced motion: everything at once, no pulses.
  const items = [...markers, ...animMoves, ...pulses, ...outlines];
  let total = Math.max(cursor, ...items.map((x) => x.startMs + x.durationMs)) + ANIM_TIMING.holdMs;
  const squeeze = total > ANIM_TIMING.maxTotalMs ? ANIM_TIMING.maxTotalMs / total : 1;
  const time = (ms: number): number => (reducedMotion ? 0 : Math.round(ms * squeeze));
  for (const x of items) {
    x.startMs = time(x.startMs);
    x.durationMs = reducedMotion ? 0 : Math.round(x.durationMs * squeeze);
  }
  for (const s of stages) {
    s.startMs = time(s.startMs);
    s.endMs = time(s.endMs);
  }
  total = reducedMotion ? 0 : Math.round(total * squeeze);

  // 8. Legend entries for the kinds present; the key.
  const kinds = new Set<AnimMarkerKind | AnimMoveKind>([...markers.map((m) => m.kind), ...animMoves.map((m) => m.kind)]);
  const legendEntries: AnimLegendEntry[] = [...ANIM_MOVE_KINDS, ...ANIM_MARKER_KINDS]
    .filter((k) => kinds.has(k))
    .map((k) => ({
      kind: k,
      label: t(`board.anim.legend.${k}`),
      color: k === 'controlChanged' ? 0xffffff : ANIM_COLORS[k],
    }));
  const keySource = [
    ...markers.map((m) => `${m.id}:${m.magnitude.toFixed(3)}`),
    ...animMoves.map((m) => `${m.id}:${m.amount.toFixed(1)}`),
  ].join('|');

  const counts = ANIM_STAGES.filter((s) => s !== 'moves').map((s) => [s, markers.filter((m) => m.stage === s).length] as const);
  const parts = [
    ...(animMoves.length > 0 ? [t('board.anim.summary.moves', { n: animMoves.length })] : []),
    ...counts.filter(([, n]) => n > 0).map(([s, n]) => t(`board.anim.summary.${s}`, { n })),
  ];
  return {
    key: `turn-${turn}-${hashString(keySource)}`,
    turn,
    reducedMotion,
    durationMs: total,
    stages,
    markers,
    moves: animMoves,
    pulses: reducedMotion ? [] : pulses,
    outlines,
    legend: { title: t('board.anim.legend.title', { turn }), entries: legendEntries },
    omitted,
    strings: {
      list: t('board.anim.list', { turn }),
      skip: t('board.anim.skip'),
      skipHint: t('board.anim.skipHint'),
      caption: t('board.anim.caption', { turn }),
      captionShort: t('board.anim.captionShort', { turn }),
      summary: t('board.anim.summary.all', { turn, items: parts.join(', ') }),
      omitted: omitted > 0 ? t('board.anim.omitted', { n: omitted }) : '',
    },
  };
}
