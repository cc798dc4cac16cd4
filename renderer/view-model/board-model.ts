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

  const spec = OVERLAY_SPECS[overlay];
  const title = t(`board.overlay.${overlay}.title`);

  // Legend
  let legend: BoardLegend;
  if (spec.kind === 'categorical') {
    legend = {
      title,
      subtitle: t(`board.overlay.${overlay}.subtitle`),
      entries: CONTROLS.map((c) => ({ color: CONTROL_COLORS[c], label: t(`board.control.${c}`) })),
    };
  } else {
    const colors = classColors(spec);
    const b = spec.breaks;
    const entries: LegendEntry[] = colors.map((color, i) => {
      if (i === 0) return { color, label: t('board.legend.below', { to: fmtBreak(spec.format, b[0]!) }) };
      if (i === b.length) return { color, label: t('board.legend.above', { from: fmtBreak(spec.format, b[i - 1]!) }) };
      return { color, label: t('board.legend.range', { from: fmtBreak(spec.format, b[i - 1]!), to: fmtBreak(spec.format, b[i]!) }) };
    }).reverse();
    if (spec.none) entries.push({ color: BOARD_THEME.none, label: t(`board.overlay.${overlay}.none`), hatched: true });
    legend = { title, subtitle: t(`board.overlay.${overlay}.subtitle`), entries };
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
    strings: {
      boardLabel: t('board.aria.board', { overlay: title }),
      keyboardHelp: t('board.aria.keyboardHelp'),
      regionList: t('board.aria.regionList'),
      zoomIn: t('board.button.zoomIn'),
      zoomOut: t('board.button.zoomOut'),
      resetView: t('board.button.resetView'),
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
