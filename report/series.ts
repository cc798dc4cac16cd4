/**
 * The main series over time, for the charts panel and the report: each chart is a few lines taken
 * from `state.history`. Colours are the Okabe–Ito set (safe for the common colour-blindnesses),
 * and every line also has its own dash pattern, so colour is never the only cue.
 */
import type { TurnRecord } from '../game';

export const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#BBBBBB',
} as const;

export const SIDE_COLOURS = { state: OKABE_ITO.sky, clans: OKABE_ITO.orange, insurgents: OKABE_ITO.purple } as const;

export interface LineDef {
  id: string;
  colour: string;
  dash?: string;
  value(r: TurnRecord): number;
}

export interface ChartDef {
  id: string;
  unit: 'ha' | 't' | 'usdPerKg' | 'musd' | 'people' | 'index';
  lines: LineDef[];
}

const f =
  (k: keyof TurnRecord) =>
  (r: TurnRecord): number => {
    const v = r[k];
    return typeof v === 'number' ? v : Number.NaN;
  };

export const CHARTS: ChartDef[] = [
  {
    id: 'coca',
    unit: 'ha',
    lines: [
      { id: 'cocaHa', colour: OKABE_ITO.green, value: f('cocaHa') },
      { id: 'eradicatedHa', colour: OKABE_ITO.sky, dash: '6 4', value: f('eradicatedHa') },
    ],
  },
  { id: 'leafPrice', unit: 'usdPerKg', lines: [{ id: 'leafPriceUsdPerKg', colour: OKABE_ITO.green, value: f('leafPriceUsdPerKg') }] },
  {
    id: 'prices',
    unit: 'usdPerKg',
    lines: [
      { id: 'pbcPriceUsdPerKg', colour: OKABE_ITO.orange, value: f('pbcPriceUsdPerKg') },
      { id: 'cocaineExportPriceUsdPerKg', colour: OKABE_ITO.vermillion, dash: '6 4', value: f('cocaineExportPriceUsdPerKg') },
    ],
  },
  {
    id: 'exports',
    unit: 't',
    lines: [
      { id: 'exportAirT', colour: OKABE_ITO.sky, value: f('exportAirT') },
      { id: 'exportSeaT', colour: OKABE_ITO.blue, dash: '8 3', value: f('exportSeaT') },
      { id: 'exportRiverT', colour: OKABE_ITO.green, dash: '3 3', value: f('exportRiverT') },
      { id: 'exportLandT', colour: OKABE_ITO.orange, dash: '10 3 2 3', value: f('exportLandT') },
      { id: 'seizedT', colour: OKABE_ITO.vermillion, dash: '2 2', value: f('seizedT') },
    ],
  },
  {
    id: 'violence',
    unit: 'people',
    lines: [
      { id: 'securityForcesKilled', colour: OKABE_ITO.sky, value: f('securityForcesKilled') },
      { id: 'insurgentsKilled', colour: OKABE_ITO.purple, dash: '6 4', value: f('insurgentsKilled') },
      { id: 'civiliansKilled', colour: OKABE_ITO.yellow, dash: '2 3', value: f('civiliansKilled') },
    ],
  },
  {
    id: 'legitimacy',
    unit: 'index',
    lines: [
      { id: 'legitimacy', colour: OKABE_ITO.sky, value: f('legitimacy') },
      { id: 'usSupport', colour: OKABE_ITO.yellow, dash: '6 4', value: f('usSupport') },
    ],
  },
  {
    id: 'revenue',
    unit: 'musd',
    lines: [
      { id: 'clanRevenueMusd', colour: OKABE_ITO.orange, value: f('clanRevenueMusd') },
      { id: 'insurgentRevenueMusd', colour: OKABE_ITO.purple, dash: '6 4', value: f('insurgentRevenueMusd') },
      { id: 'stateSpendMusd', colour: OKABE_ITO.sky, dash: '2 3', value: f('stateSpendMusd') },
    ],
  },
  {
    id: 'scores',
    unit: 'index',
    lines: [
      { id: 'state', colour: SIDE_COLOURS.state, value: (r) => r.scores.state },
      { id: 'clans', colour: SIDE_COLOURS.clans, dash: '8 3', value: (r) => r.scores.clans },
      { id: 'insurgents', colour: SIDE_COLOURS.insurgents, dash: '3 3', value: (r) => r.scores.insurgents },
    ],
  },
];

/** Nice round tick values covering [lo, hi] (about `count` of them). */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0];
  if (hi === lo) hi = lo + (lo === 0 ? 1 : Math.abs(lo) * 0.1);
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  const start = Math.floor(lo / step) * step;
  const out: number[] = [];
  for (let v = start; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  if (out[out.length - 1]! < hi) out.push(out[out.length - 1]! + step);
  return out;
}

/** The y-range a set of series needs, starting at zero for quantities that cannot be negative. */
export function yDomain(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(0, ...finite);
  const hi = Math.max(...finite);
  const ticks = niceTicks(lo, hi);
  return [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1];
}
