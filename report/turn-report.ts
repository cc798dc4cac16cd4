/**
 * The turn report as plain data: key national numbers with their change since the last turn,
 * displacement lines, incidents, revenue and scores. Built from `state.history` and the turn's events.
 */
import type { GameEvent, Side, TurnRecord } from '../game';
import { SIDES } from '../game';
import { EVENT_INFO, logEntries, type LogEntry } from './event-log';

export type FigureUnit = 'ha' | 't' | 'usdPerKg' | 'musd' | 'people' | 'index' | 'count' | 'pct';

export interface FigureDef {
  id: string;
  unit: FigureUnit;
  /** Which direction is good news for the State (colours the change), or null for neutral. */
  stateGood: 'up' | 'down' | null;
  value(r: TurnRecord): number;
}

const field =
  (k: keyof TurnRecord) =>
  (r: TurnRecord): number => {
    const v = r[k];
    return typeof v === 'number' ? v : Number.NaN;
  };

export const KEY_FIGURES: FigureDef[] = [
  { id: 'cocaHa', unit: 'ha', stateGood: 'down', value: field('cocaHa') },
  { id: 'eradicatedHa', unit: 'ha', stateGood: 'up', value: field('eradicatedHa') },
  { id: 'cocainePotentialT', unit: 't', stateGood: 'down', value: field('cocainePotentialT') },
  { id: 'exportedT', unit: 't', stateGood: 'down', value: field('exportedT') },
  { id: 'seizedT', unit: 't', stateGood: 'up', value: field('seizedT') },
  { id: 'leafPriceUsdPerKg', unit: 'usdPerKg', stateGood: 'down', value: field('leafPriceUsdPerKg') },
  { id: 'cocaineExportPriceUsdPerKg', unit: 'usdPerKg', stateGood: null, value: field('cocaineExportPriceUsdPerKg') },
  { id: 'narcoFlights', unit: 'count', stateGood: 'down', value: field('narcoFlights') },
  { id: 'flightsInterdicted', unit: 'count', stateGood: 'up', value: field('flightsInterdicted') },
  { id: 'clanRevenueMusd', unit: 'musd', stateGood: 'down', value: field('clanRevenueMusd') },
  { id: 'insurgentRevenueMusd', unit: 'musd', stateGood: 'down', value: field('insurgentRevenueMusd') },
  { id: 'stateSpendMusd', unit: 'musd', stateGood: null, value: field('stateSpendMusd') },
  { id: 'insurgentFighters', unit: 'people', stateGood: 'down', value: field('insurgentFighters') },
  {
    id: 'killed',
    unit: 'people',
    stateGood: 'down',
    value: (r) => r.securityForcesKilled + r.insurgentsKilled + r.civiliansKilled,
  },
  { id: 'legitimacy', unit: 'index', stateGood: 'up', value: field('legitimacy') },
  { id: 'usSupport', unit: 'index', stateGood: 'up', value: field('usSupport') },
];

export interface KeyFigure {
  def: FigureDef;
  value: number;
  /** Change since the previous row, or null on the first turn. */
  change: number | null;
  /** Good, bad or neutral news for the State. */
  tone: 'good' | 'bad' | 'neutral';
}

/**
 * The key figures of the last turn and their change since the turn before; on turn 1, since the
 * start for the figures the start gives (`start`, by figure id: coca and fighters are known at the
 * start; flows such as exports have no quarter before the first).
 */
export function keyFigures(history: TurnRecord[], start: Partial<Record<string, number>> = {}): KeyFigure[] {
  const last = history[history.length - 1];
  const prev = history.length > 1 ? history[history.length - 2] : undefined;
  if (!last) return [];
  return KEY_FIGURES.map((def) => {
    const value = def.value(last);
    const base = prev ? def.value(prev) : history.length === 1 ? start[def.id] : undefined;
    const change = base !== undefined ? value - base : null;
    let tone: KeyFigure['tone'] = 'neutral';
    if (change !== null && def.stateGood && Math.abs(change) > 1e-9) {
      tone = change > 0 === (def.stateGood === 'up') ? 'good' : 'bad';
    }
    return { def, value, change, tone };
  });
}

export interface Displacement {
  from: string;
  to: string;
  ha: number;
}

/** "1,200 ha moved from Huánuco to Ucayali": displacement events summed by pair, largest first. */
export function displacements(events: GameEvent[]): Displacement[] {
  const byPair = new Map<string, Displacement>();
  for (const e of events) {
    if (e.type !== 'cultivationDisplaced') continue;
    const k = `${e.region}>${e.to}`;
    const d = byPair.get(k) ?? { from: e.region, to: e.to, ha: 0 };
    d.ha += e.ha;
    byPair.set(k, d);
  }
  return [...byPair.values()].filter((d) => d.ha >= 0.5).sort((a, b) => b.ha - a.ha);
}

/**
 * Incidents: clashes, ambushes, attacks, shootdowns, seizures (summed by region and mode), raids,
 * leaders killed. Violence first, then by size.
 */
export function incidents(events: readonly GameEvent[], regionName: (id: string) => string): LogEntry[] {
  const rank = (e: LogEntry) =>
    e.category === 'security' || e.type === 'civilianAircraftShotDown'
      ? 0
      : e.type === 'shipmentSeized' || e.type === 'protectionEnforced'
        ? 2
        : 1;
  const all = logEntries(
    events.filter((e) => EVENT_INFO[e.type].incident),
    regionName,
    { byRegionOnly: true },
  ).sort((a, b) => rank(a) - rank(b) || b.weight - a.weight);
  // The many small seizures and levies: the largest few, not every one.
  let seizures = 0;
  let levies = 0;
  return all.filter((e) => {
    if (e.type === 'shipmentSeized') return e.weight >= 0.05 && ++seizures <= SEIZURE_LINES;
    if (e.type === 'protectionEnforced') return e.weight >= 0.05 && ++levies <= LEVY_LINES;
    return true;
  });
}

const SEIZURE_LINES = 5;
const LEVY_LINES = 3;

/** Revenue each side collected this turn (US$ M). */
export function revenueBySide(events: GameEvent[]): Record<Side, number> {
  const out: Record<Side, number> = { state: 0, clans: 0, insurgents: 0 };
  for (const e of events) if (e.type === 'revenueCollected') out[e.side] += e.musd;
  return out;
}

export interface ScoreLine {
  side: Side;
  value: number;
  change: number | null;
}

export function scoreLines(history: TurnRecord[]): ScoreLine[] {
  const last = history[history.length - 1];
  const prev = history.length > 1 ? history[history.length - 2] : undefined;
  if (!last) return [];
  return SIDES.map((side) => ({
    side,
    value: last.scores[side],
    change: prev ? last.scores[side] - prev.scores[side] : null,
  }));
}

/** The leading side(s) by score (ties share the lead). */
export function leaders(history: TurnRecord[]): Side[] {
  const lines = scoreLines(history);
  const best = Math.max(...lines.map((l) => l.value));
  return lines.filter((l) => l.value === best).map((l) => l.side);
}
