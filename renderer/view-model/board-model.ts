/**
 * The board's view model: everything the Phaser board draws, as plain data (strings already
 * translated, colours already chosen), built by one pure function from the map content, a
 * per-region data table, the trafficking flows and the view settings. No Phaser, no DOM: tested in
 * Vitest's node. Colours and overlay classes are in `board-theme.ts`; the turn's animation in
 * `board-animation.ts`.
 *
 * Data flows one way: engine state → (the app's adapter) → `BoardInput` → `buildBoardModel` →
 * `BoardModel` → board. The board never sees the engine.
 */
import type { MapContent } from '../../game/content/schema';
import type { GameEvent } from '../../game/events';
import { ANIMATION_TOOLTIP_LINES, buildAnimation, type BoardAnimation } from './board-animation';
import {
  BOARD_THEME,
  classColors,
  CONTROL_COLORS,
  CONTROLS,
  niceCeil,
  OVERLAY_SPECS,
  overlayFill,
  type ControlId,
  type OverlayId,
  type ValueFormat,
} from './board-theme';
import { NEIGHBOUR_IDS, PORT_AT, type LonLat, type NeighbourId } from './geo';
import type { FlowMode } from './geo-arcs';

export type { FlowMode } from './geo-arcs';

// ---------------------------------------------------------------------------------------------
// Input

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
  /** The buttons that open the map key or the key to this turn's markers (one open at a time). */
  legendKey: string;
  legendTurn: string;
  /** The key's line for gathered markers. */
  legendCluster: string;
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
      case 'ha':
        return t('board.unit.ha', { value: nf0.format(v) });
      case 'usdPerKg':
        return t('board.unit.usdPerKg', { value: nf2.format(v) });
      case 'count':
        return nf0.format(v);
      case 'share':
        return pct.format(v);
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
    const entries: LegendEntry[] = colors
      .map((color, i) => {
        if (i === 0) return { color, label: t('board.legend.below', { to: fmtBreak(spec.format, b[0]!) }) };
        if (i === b.length) return { color, label: t('board.legend.above', { from: fmtBreak(spec.format, b[i - 1]!) }) };
        return { color, label: t('board.legend.range', { from: fmtBreak(spec.format, b[i - 1]!), to: fmtBreak(spec.format, b[i]!) }) };
      })
      .reverse();
    const none: LegendEntry | null = spec.none
      ? { color: BOARD_THEME.none, label: t(`board.overlay.${overlay}.none`), hatched: true }
      : null;
    if (none) entries.push(none);
    legend = {
      title,
      subtitle: t(`board.overlay.${overlay}.subtitle`),
      entries,
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
    id: z.id,
    label: zoneLabel(z.id),
    at: [z.labelAt[0], z.labelAt[1]],
    members: z.members.map((m) => m.region),
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
      label: t(`board.exit.${kind}`, {
        mode: t(`board.mode.${e.mode}`),
        destination: destLabel(e.destination),
        port: e.port ? tr(`board.port.${e.port}`, e.port) : '',
      }),
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
  const countries: BoardCountry[] = NEIGHBOUR_IDS.filter((c) => !destIds.has(c)).map((c) => ({ id: c, label: t(`board.country.${c}`) }));

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
        samples:
          flows.length === 0
            ? []
            : [refT, refT / 4].map((v) => ({
                label: t('board.unit.tonnes', { value: nf1.format(v) }),
                widthPx: flowWidth(v, refT),
              })),
      }
    : null;

  const reducedMotion = input.reducedMotion ?? false;
  const animation = buildAnimation({
    events: input.turnEvents ?? [],
    known,
    regionAt,
    regionName,
    flows,
    t,
    locale,
    reducedMotion,
    warnings,
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
  const selectedName = selectedId ? (regionName.get(selectedId) ?? selectedId) : '';

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
      legendKey: t('board.button.legendKey'),
      legendTurn: t('board.button.legendTurn'),
      legendCluster: t('board.legendCluster'),
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
