/**
 * The board's look: colour-blind-safe ramps and the Okabe–Ito palette (the same one the charts use,
 * `report/series.ts`), the board's own colours, and the overlays — which quantity each one shows,
 * in which fixed classes and colours. Pure data and colour arithmetic, no Phaser and no DOM.
 */
import { OKABE_ITO as PALETTE } from '../../report/series';
import type { RegionDatum } from './board-model';
import type { FlowMode } from './geo-arcs';

export const OVERLAYS = ['coca', 'leafPrice', 'control', 'insurgents', 'violence', 'clans', 'legitimacy'] as const;
export type OverlayId = (typeof OVERLAYS)[number];

export const CONTROLS = ['state', 'contested', 'insurgent', 'clans'] as const;
export type ControlId = (typeof CONTROLS)[number];

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

const hex = (css: string): number => parseInt(css.slice(1), 16);

/** The Okabe–Ito palette as 0xRRGGBB numbers (Phaser's colours), from the one palette of the app. */
export const OKABE_ITO = {
  black: 0x000000,
  orange: hex(PALETTE.orange),
  skyBlue: hex(PALETTE.sky),
  bluishGreen: hex(PALETTE.green),
  yellow: hex(PALETTE.yellow),
  blue: hex(PALETTE.blue),
  vermillion: hex(PALETTE.vermillion),
  reddishPurple: hex(PALETTE.purple),
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

export type ValueFormat = 'ha' | 'usdPerKg' | 'count' | 'share';

export interface SequentialSpec {
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
    kind: 'sequential',
    ramp: 'viridis',
    span: [0.18, 1],
    breaks: [500, 2000, 5000, 10000],
    value: (d) => d.cocaHa,
    none: (d) => !(d.cocaHa >= 1),
    format: 'ha',
  },
  leafPrice: {
    kind: 'sequential',
    ramp: 'cividis',
    span: [0.15, 1],
    breaks: [2, 3, 4, 5, 6],
    value: (d) => d.leafPriceUsdPerKg,
    none: (d) => !(d.cocaHa >= 1) || !(d.leafPriceUsdPerKg > 0),
    format: 'usdPerKg',
  },
  control: { kind: 'categorical' },
  insurgents: {
    kind: 'sequential',
    ramp: 'magma',
    span: [0.3, 0.97],
    breaks: [10, 25, 50, 100],
    value: (d) => d.insurgentFighters,
    none: (d) => !(d.insurgentFighters >= 1),
    format: 'count',
  },
  violence: {
    kind: 'sequential',
    ramp: 'inferno',
    span: [0.3, 0.97],
    breaks: [2, 5, 10, 20],
    value: (d) => d.violenceEvents,
    none: (d) => !(d.violenceEvents >= 1),
    format: 'count',
  },
  clans: {
    kind: 'sequential',
    ramp: 'plasma',
    span: [0.1, 0.95],
    breaks: [0.2, 0.4, 0.6, 0.8],
    value: (d) => d.clanPresence,
    none: (d) => !(d.clanPresence >= 0.01),
    format: 'share',
  },
  legitimacy: {
    kind: 'sequential',
    ramp: 'viridis',
    span: [0.18, 1],
    breaks: [0.2, 0.4, 0.6, 0.8],
    value: (d) => d.legitimacy,
    format: 'share',
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

/** The reference a scale is drawn against (flow widths, marker sizes): the smallest 1, 2, 2.5 or 5 × 10^k that is ≥ x. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-9) return m * p;
  return 10 * p;
}
