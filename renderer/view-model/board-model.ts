/**
 * The board's view model: everything the Phaser board draws, as plain data (strings already
 * translated, colours already chosen), built by one pure function from the map content, a
 * per-region data table, the trafficking flows and the view settings. No Phaser, no DOM: tested in
 * Vitest's node.
 *
 * Data flows one way: engine state → (the app's adapter) → `BoardInput` → `buildBoardModel` →
 * `BoardModel` → board. The board never sees the engine.
 */
import type { MapContent } from '../../game/content/schema';
import type { GameEvent } from '../../game/events';
// The engine's string hash, from its leaf module (the board's chunk does not load the engine).
import { hashString } from '../../game/hash';
import { NEIGHBOUR_IDS, PORT_AT, type LonLat, type NeighbourId } from './geo';
import type { FlowMode } from './geo-arcs';

export type { FlowMode } from './geo-arcs';

// ---------------------------------------------------------------------------------------------
// Input

export const OVERLAYS = ['coca', 'leafPrice', 'control', 'insurgents', 'violence', 'clans', 'legitimacy'] as const;
export type OverlayId = (typeof OVERLAYS)[number];

export const CONTROLS = ['state', 'contested', 'insurgent', 'clans'] as const;
export type ControlId = (typeof CONTROLS)[number];

/** One row of the per-region data table (what the selected side may see: pass estimates for hidden numbers). */
export interface RegionDatum {
  /** ISO 3166-2 id, as in the map content (`PE-AYA`). */
  id: string;
  /** Productive coca, hectares. */
  cocaHa: number;
  /** Farm-gate price of sun-dried coca leaf, US$/kg. */
  leafPriceUsdPerKg: number;
  control: ControlId;
  /** Armed insurgents in the region (count). */
  insurgentFighters: number;
  /** Violent incidents this turn (clashes, ambushes, attacks). */
  violenceEvents: number;
  /** Strength of clan networks, 0–1. */
  clanPresence: number;
  /** Legitimacy of the State in the region, 0–1. */
  legitimacy: number;
  /** Cocaine / PBC laboratories (count). */
  labs: number;
  /** Clandestine airstrips in use (count). */
  airstrips: number;
}

/** One trafficking flow this turn: product moving from a region to an exit. */
export interface FlowDatum {
  from: string;
  /** Exit id from the map content (`air-bolivia`, `sea-callao`, …). */
  exit: string;
  mode: FlowMode;
  /** Cocaine-equivalent tonnes this turn. */
  tonnes: number;
}

/** `t(key, values)` from the i18n module: fills `{name}` placeholders. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface BoardInput {
  map: Pick<MapContent, 'regions' | 'zones' | 'exits'>;
  /** Rows for the map's regions; a region without a row is drawn as "no data". Order is irrelevant. */
  regions: readonly RegionDatum[];
  flows: readonly FlowDatum[];
  overlay: OverlayId;
  selectedId: string | null;
  t: Translate;
  /** BCP 47 locale for numbers (`en-GB`, `es-PE`). */
  locale: string;
  /** Presentation scale for text, lines and markers (1 = normal; 1.5 for a projector). Default 1. */
  scale?: number;
  /** Draw the trafficking flows (default true). */
  showFlows?: boolean;
  /**
   * The last resolved turn's events: the board animates them once (what moved, what was seized,
   * where the fighting was, who holds what) and keeps static markers until the next turn.
   */
  turnEvents?: readonly GameEvent[];
  /** `prefers-reduced-motion`: no animation, the end state at once, flow dots still. */
  reducedMotion?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Colours: colour-blind-safe sequential ramps (matplotlib's viridis family, sampled at 9 stops)
// and the Okabe–Ito categorical palette.

export const RAMPS = {
  viridis: [0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xfde725],
  cividis: [0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8779, 0xa69d75, 0xc4b56c, 0xfee838],
  magma: [0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55064, 0xfb8761, 0xfec287, 0xfcfdbf],
  inferno: [0x000004, 0x1f0c48, 0x550f6d, 0x88226a, 0xba3655, 0xe35933, 0xf98e09, 0xf9cb35, 0xfcffa4],
  plasma: [0x0d0887, 0x4c02a1, 0x7e03a8, 0xa92395, 0xcc4778, 0xe56b5d, 0xf89441, 0xfdc328, 0xf0f921],
} as const satisfies Record<string, readonly number[]>;
export type RampId = keyof typeof RAMPS;

export const OKABE_ITO = {
  black: 0x000000,
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
} as const;

export const CONTROL_COLORS: Readonly<Record<ControlId, number>> = {
  state: OKABE_ITO.skyBlue,
  contested: OKABE_ITO.yellow,
  insurgent: OKABE_ITO.vermillion,
  clans: OKABE_ITO.reddishPurple,
};

/** Colours of the board itself (dark, for projectors: the overlays and flows carry the light). */
export const BOARD_THEME = {
  ocean: 0x0d1b2a,
  water: 0x1b3550,
  neighbour: 0x29323d,
  neighbourOther: 0x222a33,
  neighbourBorder: 0x48525e,
  noData: 0x3d4856,
  none: 0x4a5666,
  internalBorder: 0x0d1b2a,
  outline: 0xdfe7ef,
  selected: 0xffffff,
  hover: 0xffffff,
  text: '#f4f7fb',
  textMuted: '#9aa7b6',
  textStroke: '#0a1420',
  panel: 0x0a1420,
  flowCasing: 0x0a1420,
  flow: {
    air: 0xffffff,
    river: OKABE_ITO.skyBlue,
    land: OKABE_ITO.orange,
    sea: 0xffffff,
  } satisfies Record<FlowMode, number>,
} as const;

const channel = (c: number, shift: number): number => (c >> shift) & 0xff;

/** Linear interpolation between two 0xRRGGBB colours. */
export function mixColor(a: number, b: number, t: number): number {
  const u = Math.min(1, Math.max(0, t));
  const m = (s: number): number => Math.round(channel(a, s) + (channel(b, s) - channel(a, s)) * u);
  return (m(16) << 16) | (m(8) << 8) | m(0);
}

/** The colour at position `t` (0–1) of a ramp. */
export function rampColor(ramp: RampId, t: number): number {
  const stops = RAMPS[ramp];
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  return mixColor(stops[i]!, stops[i + 1]!, x - i);
}

/** WCAG relative luminance of a 0xRRGGBB colour (for choosing text colour on a swatch). */
export function luminance(c: number): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(channel(c, 16)) + 0.7152 * lin(channel(c, 8)) + 0.0722 * lin(channel(c, 0));
}

export const cssColor = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

// ---------------------------------------------------------------------------------------------
// Overlays

type ValueFormat = 'ha' | 'usdPerKg' | 'count' | 'share';

interface SequentialSpec {
  kind: 'sequential';
  ramp: RampId;
  /** The part of the ramp used: the darkest end is skipped so low classes stay visible on the dark board. */
  span: [number, number];
  /** Class boundaries, ascending: k boundaries make k + 1 classes. */
  breaks: readonly number[];
  value(d: RegionDatum): number;
  /** Regions where the quantity does not apply (no coca, no fighters…): drawn in the "none" colour. */
  none?(d: RegionDatum): boolean;
  format: ValueFormat;
}

interface CategoricalSpec {
  kind: 'categorical';
}

export type OverlaySpec = SequentialSpec | CategoricalSpec;

/**
 * Fixed class boundaries per overlay, so colours mean the same thing every turn and in every game
 * (a facilitator compares turns; quantiles would shift under the audience's eyes).
 */
export const OVERLAY_SPECS: Readonly<Record<OverlayId, OverlaySpec>> = {
  coca: {
    kind: 'sequential', ramp: 'viridis', span: [0.18, 1], breaks: [500, 2000, 5000, 10000],
    value: (d) => d.cocaHa, none: (d) => !(d.cocaHa >= 1), format: 'ha',
  },
  leafPrice: {
    kind: 'sequential', ramp: 'cividis', span: [0.15, 1], breaks: [2, 3, 4, 5, 6],
    value: (d) => d.leafPriceUsdPerKg, none: (d) => !(d.cocaHa >= 1) || !(d.leafPriceUsdPerKg > 0), format: 'usdPerKg',
  },
  control: { kind: 'categorical' },
  insurgents: {
    kind: 'sequential', ramp: 'magma', span: [0.3, 0.97], breaks: [10, 25, 50, 100],
    value: (d) => d.insurgentFighters, none: (d) => !(d.insurgentFighters >= 1), format: 'count',
  },
  violence: {
    kind: 'sequential', ramp: 'inferno', span: [0.3, 0.97], breaks: [2, 5, 10, 20],
    value: (d) => d.violenceEvents, none: (d) => !(d.violenceEvents >= 1), format: 'count',
  },
  clans: {
    kind: 'sequential', ramp: 'plasma', span: [0.1, 0.95], breaks: [0.2, 0.4, 0.6, 0.8],
    value: (d) => d.clanPresence, none: (d) => !(d.clanPresence >= 0.01), format: 'share',
  },
  legitimacy: {
    kind: 'sequential', ramp: 'viridis', span: [0.18, 1], breaks: [0.2, 0.4, 0.6, 0.8],
    value: (d) => d.legitimacy, format: 'share',
  },
};

/** Which class a value falls in: 0 … breaks.length. */
export function classIndex(breaks: readonly number[], v: number): number {
  let i = 0;
  while (i < breaks.length && v >= breaks[i]!) i++;
  return i;
}

/** The fill colour of each class of a sequential overlay. */
export function classColors(spec: SequentialSpec): number[] {
  const n = spec.breaks.length + 1;
  return Array.from({ length: n }, (_, i) => rampColor(spec.ramp, spec.span[0] + ((spec.span[1] - spec.span[0]) * i) / (n - 1)));
}

export interface OverlayFill {
  color: number;
  /** Class index for sequential overlays, category index for control; -1 for "none", -2 for no data. */
  classIndex: number;
}

/** Value → colour for one region under one overlay. */
export function overlayFill(overlay: OverlayId, d: RegionDatum | undefined): OverlayFill {
  if (!d) return { color: BOARD_THEME.noData, classIndex: -2 };
  const spec = OVERLAY_SPECS[overlay];
  if (spec.kind === 'categorical') {
    const i = CONTROLS.indexOf(d.control);
    return i < 0 ? { color: BOARD_THEME.noData, classIndex: -2 } : { color: CONTROL_COLORS[d.control], classIndex: i };
  }
  if (spec.none?.(d)) return { color: BOARD_THEME.none, classIndex: -1 };
  const v = spec.value(d);
  if (!Number.isFinite(v)) return { color: BOARD_THEME.noData, classIndex: -2 };
  const i = classIndex(spec.breaks, v);
  return { color: classColors(spec)[i]!, classIndex: i };
}

// ---------------------------------------------------------------------------------------------
// Output

export interface LegendEntry {
  color: number;
  label: string;
  /** Drawn hatched (the "none" class), so it is told apart without colour. */
  hatched?: boolean;
}

export interface BoardLegend {
  title: string;
  /** The unit or a short reading note. */
  subtitle: string;
  entries: LegendEntry[];
  /**
   * The compact form of a sequential legend (a strip of classes, lowest first, with the class
   * boundaries between them), used where the full legend would cover too much of a small board.
   */
  ramp: { colors: number[]; breaks: string[]; none: LegendEntry | null } | null;
}

export interface BoardRegion {
  id: string;
  name: string;
  /** Where the region's markers go, [lon, lat] (the map content's `labelAt`). */
  at: LonLat;
  fill: number;
  classIndex: number;
  /** "None" or no data: drawn hatched on top of the fill. */
  hatched: boolean;
  /** The overlay's value for this region, formatted for the locale. */
  valueText: string;
  /** Tooltip lines: name first. */
  tooltip: string[];
  /** One sentence for assistive technology. */
  description: string;
  airstrips: number;
  labs: number;
  zones: string[];
  hasData: boolean;
}

export interface BoardZone {
  id: string;
  label: string;
  at: LonLat;
  /** Regions the zone overlaps (its label stays inside them). */
  members: string[];
}

export interface BoardPort {
  id: string;
  label: string;
  at: LonLat;
}

export type ExitKind = 'air' | 'crossing' | 'sea';

export interface BoardExit {
  id: string;
  mode: FlowMode;
  kind: ExitKind;
  destination: string;
  at: LonLat;
  label: string;
}

export interface BoardDestination {
  /** `BO`, `BR`, `CO` or `overseas`. */
  id: string;
  label: string;
  /** Mean position of its exits, [lon, lat]; the board pushes the badge outwards from Peru. */
  at: LonLat;
  exitIds: string[];
}

export interface BoardCountry {
  id: NeighbourId;
  label: string;
}

export interface BoardFlow {
  id: string;
  from: string;
  exit: string;
  mode: FlowMode;
  tonnes: number;
  /** Line width in px at scale 1, proportional to tonnes. */
  widthPx: number;
  /** Stops of the route, [lon, lat]: origin, then the gateway (port or border region) if any, then the exit. */
  stops: LonLat[];
  label: string;
}

export interface FlowLegend {
  title: string;
  modes: { mode: FlowMode; label: string }[];
  widthNote: string;
  samples: { label: string; widthPx: number }[];
}

export interface BoardStrings {
  boardLabel: string;
  keyboardHelp: string;
  regionList: string;
  zoomIn: string;
  zoomOut: string;
  resetView: string;
  /** The button that shows or hides the full legend (flows, symbols, this turn's markers). */
  legend: string;
  unavailable: string;
  attribution: string;
  pacific: string;
  titicaca: string;
  symbolPort: string;
  symbolCrossing: string;
  symbolAirstrip: string;
  /** "Selected: {name}" for the live region, already filled when a region is selected. */
  selected: string;
}

export interface BoardModel {
  /** The region ids in map order; the board rebuilds its geometry only when this changes. */
  regionIds: string[];
  locale: string;
  scale: number;
  overlay: OverlayId;
  legend: BoardLegend;
  regions: BoardRegion[];
  /** Keyboard order: north to south, then west to east. */
  keyboardOrder: string[];
  /** Order of the accessible region list: alphabetical in the locale. */
  listOrder: string[];
  selectedId: string | null;
  zones: BoardZone[];
  ports: BoardPort[];
  exits: BoardExit[];
  destinations: BoardDestination[];
  /** Neighbours labelled by name (those that are not also destinations). */
  countries: BoardCountry[];
  flows: BoardFlow[];
  flowLegend: FlowLegend | null;
  /** The last turn's events as an animation and its static end state; null when there are none. */
  animation: BoardAnimation | null;
  reducedMotion: boolean;
  strings: BoardStrings;
  /** Inputs that did not fit the map (unknown ids); empty when all is well. */
  warnings: string[];
}

/** Smallest 1, 2, 2.5 or 5 × 10^k that is ≥ x. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-9) return m * p;
  return 10 * p;
}

/** Widest flow line, px at scale 1. */
export const FLOW_MAX_WIDTH = 14;
export const FLOW_MIN_WIDTH = 1.5;
/** Flows below this share of the total are not drawn; at most this many are drawn (the largest). */
export const FLOW_MIN_SHARE = 0.005;
export const FLOW_MAX_COUNT = 60;

/** Merge duplicate flows, drop empty and negligible ones, keep the largest, biggest first. */
export function normalizeFlows(flows: readonly FlowDatum[]): FlowDatum[] {
  const merged = new Map<string, FlowDatum>();
  for (const f of flows) {
    if (!(f.tonnes > 0) || !Number.isFinite(f.tonnes)) continue;
    const k = `${f.from}>${f.exit}>${f.mode}`;
    const m = merged.get(k);
    if (m) m.tonnes += f.tonnes;
    else merged.set(k, { ...f });
  }
  const list = [...merged.values()];
  const total = list.reduce((s, f) => s + f.tonnes, 0);
  return list
    .filter((f) => f.tonnes >= total * FLOW_MIN_SHARE)
    .sort((a, b) => b.tonnes - a.tonnes || a.from.localeCompare(b.from) || a.exit.localeCompare(b.exit))
    .slice(0, FLOW_MAX_COUNT);
}

/** Width of a flow line: proportional to tonnes against a nice reference, never thinner than a hairline. */
export function flowWidth(tonnes: number, referenceT: number): number {
  return Math.max(FLOW_MIN_WIDTH, (FLOW_MAX_WIDTH * tonnes) / referenceT);
}

const DESTINATION_ORDER = ['BO', 'BR', 'CO', 'overseas'];

/** Build the board's view model. Pure: same input, same output. */
export function buildBoardModel(input: BoardInput): BoardModel {
  const { map, t, locale, overlay } = input;
  const scale = Math.min(2.5, Math.max(0.75, input.scale ?? 1));
  const warnings: string[] = [];
  const nf0 = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const nf1 = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const nf2 = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const tr = (key: string, fallback: string, values?: Record<string, string | number>): string => {
    const s = t(key, values);
    return s && s !== key ? s : fallback;
  };

  const fmtValue = (format: ValueFormat, v: number): string => {
    switch (format) {
      case 'ha': return t('board.unit.ha', { value: nf0.format(v) });
      case 'usdPerKg': return t('board.unit.usdPerKg', { value: nf2.format(v) });
      case 'count': return nf0.format(v);
      case 'share': return pct.format(v);
    }
  };
  const fmtBreak = (format: ValueFormat, v: number): string =>
    format === 'share' ? pct.format(v) : format === 'usdPerKg' ? nf1.format(v) : nf0.format(v);
  // The compact legend's boundaries: thousands written short (10k, 10 mil).
  const fmtBreakShort = (format: ValueFormat, v: number): string =>
    (format === 'ha' || format === 'count') && v >= 1000 ? t('board.unit.thousands', { value: nf1.format(v / 1000) }) : fmtBreak(format, v);

  const spec = OVERLAY_SPECS[overlay];
  const title = t(`board.overlay.${overlay}.title`);

  // Legend
  let legend: BoardLegend;
  if (spec.kind === 'categorical') {
    legend = {
      title,
      subtitle: t(`board.overlay.${overlay}.subtitle`),
      entries: CONTROLS.map((c) => ({ color: CONTROL_COLORS[c], label: t(`board.control.${c}`) })),
      ramp: null,
    };
  } else {
    const colors = classColors(spec);
    const b = spec.breaks;
    const entries: LegendEntry[] = colors.map((color, i) => {
      if (i === 0) return { color, label: t('board.legend.below', { to: fmtBreak(spec.format, b[0]!) }) };
      if (i === b.length) return { color, label: t('board.legend.above', { from: fmtBreak(spec.format, b[i - 1]!) }) };
      return { color, label: t('board.legend.range', { from: fmtBreak(spec.format, b[i - 1]!), to: fmtBreak(spec.format, b[i]!) }) };
    }).reverse();
    const none: LegendEntry | null = spec.none ? { color: BOARD_THEME.none, label: t(`board.overlay.${overlay}.none`), hatched: true } : null;
    if (none) entries.push(none);
    legend = {
      title, subtitle: t(`board.overlay.${overlay}.subtitle`), entries,
      ramp: { colors, breaks: b.map((v) => fmtBreakShort(spec.format, v)), none },
    };
  }

  // Zones per region, for tooltips
  const zoneLabel = (id: string): string => t(`board.zone.${id}`);
  const zonesOf = new Map<string, string[]>();
  for (const z of map.zones) {
    for (const m of z.members) zonesOf.set(m.region, [...(zonesOf.get(m.region) ?? []), z.id]);
  }

  // Regions
  const byId = new Map<string, RegionDatum>();
  const regionIds = map.regions.map((r) => r.id);
  const known = new Set(regionIds);
  for (const d of input.regions) {
    if (!known.has(d.id)) warnings.push(`region data for unknown region ${d.id}`);
    else byId.set(d.id, d);
  }
  const regions: BoardRegion[] = map.regions.map((def) => {
    const d = byId.get(def.id);
    const name = tr(`board.region.${def.id}`, def.name);
    const fill = overlayFill(overlay, d);
    let valueText: string;
    if (!d) valueText = t('board.legend.noData');
    else if (spec.kind === 'categorical') valueText = t(`board.control.${d.control}`);
    else if (fill.classIndex === -1) valueText = t(`board.overlay.${overlay}.none`);
    else valueText = fmtValue(spec.format, spec.value(d));
    const zones = zonesOf.get(def.id) ?? [];
    const tooltip = [name, t('board.tooltip.value', { title, value: valueText })];
    if (zones.length > 0) tooltip.push(t('board.tooltip.zones', { zones: zones.map(zoneLabel).join(', ') }));
    if (d && (d.labs > 0 || d.airstrips > 0)) {
      tooltip.push(t('board.tooltip.facilities', { labs: nf0.format(d.labs), airstrips: nf0.format(d.airstrips) }));
    }
    return {
      id: def.id,
      name,
      at: [def.labelAt[0], def.labelAt[1]] as LonLat,
      fill: fill.color,
      classIndex: fill.classIndex,
      hatched: fill.classIndex < 0,
      valueText,
      tooltip,
      description: tooltip.slice(1).join('. '),
      airstrips: d ? Math.max(0, Math.round(d.airstrips)) : 0,
      labs: d ? Math.max(0, Math.round(d.labs)) : 0,
      zones,
      hasData: !!d,
    };
  });
  const missing = regionIds.filter((id) => !byId.has(id));
  if (missing.length > 0) warnings.push(`no data for ${missing.join(', ')}`);

  const keyboardOrder = [...regions]
    .sort((a, b) => Math.round(b.at[1] * 2) - Math.round(a.at[1] * 2) || a.at[0] - b.at[0] || a.id.localeCompare(b.id))
    .map((r) => r.id);
  const collator = new Intl.Collator(locale);
  const listOrder = [...regions].sort((a, b) => collator.compare(a.name, b.name)).map((r) => r.id);

  // Places
  const zones: BoardZone[] = map.zones.map((z) => ({
    id: z.id, label: zoneLabel(z.id), at: [z.labelAt[0], z.labelAt[1]], members: z.members.map((m) => m.region),
  }));
  const regionAt = new Map(map.regions.map((r) => [r.id, [r.labelAt[0], r.labelAt[1]] as LonLat]));
  const exitById = new Map(map.exits.map((e) => [e.id, e]));
  const destLabel = (d: string): string => t(`board.destination.${d}`);
  const ports: BoardPort[] = [];
  for (const e of map.exits) {
    if (e.port && !ports.some((p) => p.id === e.port)) {
      const at = PORT_AT[e.port] ?? (e.gateway ? regionAt.get(e.gateway) : undefined) ?? e.labelAt;
      ports.push({ id: e.port, label: tr(`board.port.${e.port}`, e.port), at: [at[0], at[1]] });
    }
  }
  const exits: BoardExit[] = map.exits.map((e) => {
    const kind: ExitKind = e.mode === 'air' ? 'air' : e.mode === 'sea' ? 'sea' : 'crossing';
    return {
      id: e.id,
      mode: e.mode,
      kind,
      destination: e.destination,
      at: [e.labelAt[0], e.labelAt[1]],
      label: t(`board.exit.${kind}`, { mode: t(`board.mode.${e.mode}`), destination: destLabel(e.destination),
        port: e.port ? tr(`board.port.${e.port}`, e.port) : '' }),
    };
  });
  const destinations: BoardDestination[] = DESTINATION_ORDER.flatMap((d) => {
    const list = map.exits.filter((e) => e.destination === d);
    if (list.length === 0) return [];
    const lon = list.reduce((s, e) => s + e.labelAt[0], 0) / list.length;
    const lat = list.reduce((s, e) => s + e.labelAt[1], 0) / list.length;
    return [{ id: d, label: destLabel(d), at: [lon, lat] as LonLat, exitIds: list.map((e) => e.id) }];
  });
  const destIds = new Set(destinations.map((d) => d.id));
  const countries: BoardCountry[] = NEIGHBOUR_IDS.filter((c) => !destIds.has(c))
    .map((c) => ({ id: c, label: t(`board.country.${c}`) }));

  // Flows
  const showFlows = input.showFlows ?? true;
  const kept = showFlows ? normalizeFlows(input.flows) : [];
  const flowsIn: { f: FlowDatum; stops: LonLat[] }[] = [];
  for (const f of kept) {
    const from = regionAt.get(f.from);
    const exit = exitById.get(f.exit);
    if (!from) {
      warnings.push(`flow from unknown region ${f.from}`);
      continue;
    }
    if (!exit) {
      warnings.push(`flow to unknown exit ${f.exit}`);
      continue;
    }
    const stops: LonLat[] = [from];
    if (exit.port && PORT_AT[exit.port]) stops.push(PORT_AT[exit.port]!);
    else if (exit.gateway && exit.gateway !== f.from && f.mode !== 'air') {
      const g = regionAt.get(exit.gateway);
      if (g) stops.push(g);
    }
    stops.push([exit.labelAt[0], exit.labelAt[1]]);
    flowsIn.push({ f, stops });
  }
  const maxT = flowsIn.reduce((m, x) => Math.max(m, x.f.tonnes), 0);
  const refT = niceCeil(maxT);
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const flows: BoardFlow[] = flowsIn.map(({ f, stops }) => {
    const exit = exitById.get(f.exit)!;
    return {
      id: `${f.from}>${f.exit}>${f.mode}`,
      from: f.from,
      exit: f.exit,
      mode: f.mode,
      tonnes: f.tonnes,
      widthPx: flowWidth(f.tonnes, refT),
      stops,
      label: t('board.flow.label', {
        from: regionName.get(f.from) ?? f.from,
        destination: destLabel(exit.destination),
        mode: t(`board.mode.${f.mode}`),
        tonnes: nf1.format(f.tonnes),
      }),
    };
  });
  const flowLegend: FlowLegend | null = showFlows
    ? {
      title: t('board.legend.flows'),
      modes: (['air', 'sea', 'river', 'land'] as const).map((m) => ({ mode: m, label: t(`board.mode.${m}`) })),
      widthNote: t('board.legend.flowWidth'),
      samples: flows.length === 0 ? [] : [refT, refT / 4].map((v) => ({
        label: t('board.unit.tonnes', { value: nf1.format(v) }),
        widthPx: flowWidth(v, refT),
      })),
    }
    : null;

  const reducedMotion = input.reducedMotion ?? false;
  const animation = buildAnimation({
    events: input.turnEvents ?? [], known, regionAt, regionName, flows, t, locale, reducedMotion, warnings,
  });
  if (animation) {
    // Each region's tooltip also says what happened there this turn.
    const byRegion = new Map<string, string[]>();
    for (const m of animation.markers) byRegion.set(m.region, [...(byRegion.get(m.region) ?? []), m.label]);
    for (const r of regions) {
      const lines = byRegion.get(r.id);
      if (!lines) continue;
      const shown = lines.slice(0, ANIMATION_TOOLTIP_LINES);
      if (lines.length > shown.length) shown.push(t('board.anim.more', { n: lines.length - shown.length }));
      r.tooltip.push(...shown);
      r.description = r.tooltip.slice(1).join('. ');
    }
  }

  const selectedId = input.selectedId && known.has(input.selectedId) ? input.selectedId : null;
  const selectedName = selectedId ? regionName.get(selectedId) ?? selectedId : '';

  return {
    regionIds,
    locale,
    scale,
    overlay,
    legend,
    regions,
    keyboardOrder,
    listOrder,
    selectedId,
    zones,
    ports,
    exits,
    destinations,
    countries,
    flows,
    flowLegend,
    animation,
    reducedMotion,
    strings: {
      boardLabel: t('board.aria.board', { overlay: title }),
      keyboardHelp: t('board.aria.keyboardHelp'),
      regionList: t('board.aria.regionList'),
      zoomIn: t('board.button.zoomIn'),
      zoomOut: t('board.button.zoomOut'),
      resetView: t('board.button.resetView'),
      legend: t('board.button.legend'),
      unavailable: t('board.error.unavailable'),
      attribution: t('board.attribution'),
      pacific: t('board.water.pacific'),
      titicaca: t('board.water.titicaca'),
      symbolPort: t('board.symbol.port'),
      symbolCrossing: t('board.symbol.crossing'),
      symbolAirstrip: t('board.symbol.airstrip'),
      selected: selectedId ? t('board.aria.selected', { name: selectedName }) : '',
    },
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// The turn's resolution on the board: the last turn's events as a short animation (≈ 2–5 s) and
// the static markers it leaves until the next turn. A plain description: what, where ([lon, lat]
// of the region's marker point), how big, when (ms from the start); the board projects and plays it.

export const ANIM_MARKER_KINDS = [
  'seizure', 'labsDestroyed', 'flightsInterdicted', 'shootdown',
  'clash', 'ambush', 'attack', 'leaderKilled', 'leaderCaptured',
  'controlChanged',
] as const;
export type AnimMarkerKind = (typeof ANIM_MARKER_KINDS)[number];

export const ANIM_MOVE_KINDS = ['displacement', 'fighters'] as const;
export type AnimMoveKind = (typeof ANIM_MOVE_KINDS)[number];

/** The acts of the animation, in the order the engine resolves them. */
export const ANIM_STAGES = ['moves', 'seizures', 'violence', 'control'] as const;
export type AnimStageId = (typeof ANIM_STAGES)[number];

const STAGE_OF: Readonly<Record<AnimMarkerKind, AnimStageId>> = {
  seizure: 'seizures', labsDestroyed: 'seizures', flightsInterdicted: 'seizures', shootdown: 'seizures',
  clash: 'violence', ambush: 'violence', attack: 'violence', leaderKilled: 'violence', leaderCaptured: 'violence',
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
const ANIMATION_TOOLTIP_LINES = 3;

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
  const tonnesFmt = (v: number): string =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: v >= 10 ? 0 : v >= 1 ? 1 : 2 }).format(v);
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
      m = { kind, region, order: order++, count: 0, tonnes: 0, labs: 0, flights: 0, interdicted: 0, shotDown: 0,
        security: 0, insurgents: 0, civilians: 0, names: [], from: '', to: '' };
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
    seizures: 0, violence: 0, control: 0,
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
      case 'seizures': return m.tonnes;
      case 'violence': return m.kind === 'leaderKilled' || m.kind === 'leaderCaptured' ? m.names.length : killed(m);
      default: return 0;
    }
  };
  const sorted = [...kept].sort((x, y) => ANIM_STAGES.indexOf(STAGE_OF[x.kind]) - ANIM_STAGES.indexOf(STAGE_OF[y.kind])
    || magnitude(y) - magnitude(x) || x.order - y.order);
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
    const color = m.kind === 'controlChanged' ? CONTROL_COLORS[m.to as ControlId] ?? OKABE_ITO.yellow : ANIM_COLORS[m.kind];
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
    const from = name(m.from), to = name(m.to);
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
      valueText: m.kind === 'displacement' ? t('board.unit.ha', { value: nf0.format(m.amount) }) : t('board.anim.value.fighters', { n: m.amount }),
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
  const outlines: AnimOutline[] = markers.filter((m) => m.kind === 'controlChanged')
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
  const legendEntries: AnimLegendEntry[] = [...ANIM_MOVE_KINDS, ...ANIM_MARKER_KINDS].filter((k) => kinds.has(k)).map((k) => ({
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
