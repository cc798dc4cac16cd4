/**
 * Why the turn's figures changed, as plain data (issue 10): a causal breakdown of coca (new
 * planting, replanting, ground opened from next door, displacement in, eradication, abandonment),
 * of violence (clashes, ambushes, attacks, each with its dead) and the scenario events that
 * happened; and the State's programmes with what each waits on (the law, radar by region, pilot
 * readiness, US support) and what those that run from quarter to quarter cost. Read from the state after the turn (its regions' flows) and the turn's
 * events; the parts come from the engine's own flows, and what they do not cover is named as the
 * remainder, so the breakdown always adds up to the change shown.
 */
import type { GameEvent, GameState, OrderKind, TurnRecord } from '../game';
import { MAP, runningProgrammes, totalCocaHa } from '../game';
import type { Localized } from '../i18n/catalogue';

export interface Part {
  id: string;
  value: number;
}

export interface CocaWhy {
  /** Coca standing (mature and young) before and after the turn, ha. */
  before: number;
  after: number;
  /** Signed contributions, ha: planted, replanted, colonised, displacedIn (+); eradicated, abandoned (−); other. */
  parts: Part[];
  /** The regions where most was eradicated, and where most arrived by displacement. */
  topEradicated: { region: string; ha: number }[];
  topDisplacedIn: { region: string; ha: number }[];
}

const PCT = 100;

/** The coca breakdown for the turn that produced `after` (`beforeHa`: coca standing before it). */
export function cocaWhy(after: GameState, beforeHa: number): CocaWhy {
  let planted = 0,
    replanted = 0,
    colonised = 0,
    displaced = 0,
    eradicated = 0,
    abandoned = 0,
    now = 0;
  for (const r of after.regions) {
    planted += r.flow.plantedHa;
    replanted += r.flow.replantedHa;
    colonised += r.flow.colonizedInHa;
    displaced += r.flow.displacedInHa;
    eradicated += r.flow.eradicatedHa;
    abandoned += r.flow.abandonedHa;
    now += totalCocaHa(r);
  }
  const named = planted + replanted + colonised + displaced - eradicated - abandoned;
  const other = now - beforeHa - named;
  const parts: Part[] = [
    { id: 'planted', value: planted },
    { id: 'replanted', value: replanted },
    { id: 'colonised', value: colonised },
    { id: 'displacedIn', value: displaced },
    { id: 'eradicated', value: -eradicated },
    { id: 'abandoned', value: -abandoned },
  ];
  if (Math.abs(other) >= 1) parts.push({ id: 'other', value: other });
  const top = (f: (r: GameState['regions'][number]) => number) =>
    after.regions
      .map((r) => ({ region: r.id, ha: f(r) }))
      .filter((x) => x.ha >= 1)
      .sort((a, b) => b.ha - a.ha)
      .slice(0, 3);
  return {
    before: beforeHa,
    after: now,
    parts,
    topEradicated: top((r) => r.flow.eradicatedHa),
    topDisplacedIn: top((r) => r.flow.displacedInHa),
  };
}

/**
 * What the farm-gate leaf price follows in the model (phases/markets.ts): the value of the product
 * at the exits (export prices, the world market), what reaches them (the share seized on the way),
 * and the leaf the labs can take. Each driver before and after the turn (before: the previous
 * turn's record, absent on turn 1, when only the values after are known).
 */
export interface PriceWhy {
  leaf: { before: number | null; after: number };
  drivers: {
    id: 'exportPrice' | 'worldIndex' | 'seizedShare' | 'pbcPrice';
    unit: 'usdPerKg' | 'pct' | 'index';
    before: number | null;
    after: number;
  }[];
}

const seizedShare = (r: TurnRecord): number => (r.seizedT + r.exportedT > 0 ? (PCT * r.seizedT) / (r.seizedT + r.exportedT) : 0);

export function priceWhy(history: readonly TurnRecord[]): PriceWhy | null {
  const last = history[history.length - 1];
  if (!last) return null;
  const prev = history.length > 1 ? history[history.length - 2]! : null;
  const d = (id: PriceWhy['drivers'][number]['id'], unit: PriceWhy['drivers'][number]['unit'], f: (r: TurnRecord) => number) => ({
    id,
    unit,
    before: prev ? f(prev) : null,
    after: f(last),
  });
  return {
    leaf: { before: prev ? prev.leafPriceUsdPerKg : null, after: last.leafPriceUsdPerKg },
    drivers: [
      d('exportPrice', 'usdPerKg', (r) => r.cocaineExportPriceUsdPerKg),
      d('worldIndex', 'index', (r) => PCT * r.worldPriceIndex),
      d('seizedShare', 'pct', seizedShare),
      d('pbcPrice', 'usdPerKg', (r) => r.pbcPriceUsdPerKg),
    ],
  };
}

export interface ViolenceWhy {
  parts: { id: 'clashes' | 'ambushes' | 'attacks'; count: number; killed: number }[];
}

export function violenceWhy(events: readonly GameEvent[]): ViolenceWhy {
  const acc = { clashes: { count: 0, killed: 0 }, ambushes: { count: 0, killed: 0 }, attacks: { count: 0, killed: 0 } };
  for (const e of events) {
    const key =
      e.type === 'clashOccurred'
        ? 'clashes'
        : e.type === 'ambushSprung'
          ? 'ambushes'
          : e.type === 'installationAttacked'
            ? 'attacks'
            : null;
    if (!key || !('securityKilled' in e)) continue;
    acc[key].count += 1;
    acc[key].killed += e.securityKilled + e.insurgentsKilled + e.civiliansKilled;
  }
  return { parts: (['clashes', 'ambushes', 'attacks'] as const).map((id) => ({ id, ...acc[id] })) };
}

/** The scenario's events (injects) that happened this turn: title, and region if any. */
export function turnInjects(events: readonly GameEvent[]): { title: Localized; region: string | null }[] {
  return events.flatMap((e) => (e.type === 'injectApplied' ? [{ title: e.title, region: e.region }] : []));
}

/** What a programme waits on, as a code and values the interface words. */
export interface Wait {
  key: string;
  values: Record<string, string | number>;
}

export interface ProgrammesStatus {
  law: GameState['national']['interdictionLaw'];
  lawTurnsLeft: number;
  roe: GameState['national']['roe'];
  /** The rules as they act (without the law, anything but "off" acts as "track"). */
  roeActing: GameState['national']['roe'];
  pilotReadinessPct: number;
  usSupport: number;
  usSuspendedTurns: number;
  /** Regions with airstrips or radar: coverage now (%), and coverage on order with the turn it comes online. */
  radar: { region: string; coveragePct: number; airstrips: number; pending: { turn: number; pct: number }[] }[];
  waits: Wait[];
  /**
   * The State's programmes that run and are paid every quarter until changed (as the state shows
   * them: a side's view hides what it cannot see), the dearest first, with their cost a quarter.
   */
  running: { kind: OrderKind; region?: string; exit?: string; upkeepMusd: number }[];
  runningMusd: number;
}

const AIRSTRIPS = new Map(MAP.regions.map((r) => [r.id, r.airstrips]));

export function programmesStatus(s: GameState): ProgrammesStatus {
  const n = s.national;
  const roeActing = n.interdictionLaw !== 'passed' && n.roe !== 'off' ? 'track' : n.roe;
  const radar = s.regions
    .filter((r) => (AIRSTRIPS.get(r.id) ?? 0) > 0 || r.radarCoverage > 0 || r.radarPipeline.length > 0)
    .map((r) => ({
      region: r.id,
      coveragePct: Math.round(r.radarCoverage * PCT),
      airstrips: AIRSTRIPS.get(r.id) ?? 0,
      pending: r.radarPipeline.map(([turn, c]) => ({ turn, pct: Math.round(c * PCT) })),
    }))
    .sort((a, b) => b.airstrips - a.airstrips || b.coveragePct - a.coveragePct);
  const waits: Wait[] = [];
  if (n.interdictionLaw === 'none' && n.roe !== 'off' && n.roe !== 'track') waits.push({ key: 'lawNone', values: { roe: n.roe } });
  if (n.interdictionLaw === 'pending') waits.push({ key: 'lawPending', values: { turns: n.lawTurnsLeft } });
  const bare = radar.filter((r) => r.airstrips > 0 && r.coveragePct === 0 && r.pending.length === 0);
  if (bare.length)
    waits.push({
      key: 'noRadar',
      values: {
        n: bare.length,
        regions: bare
          .slice(0, 3)
          .map((r) => r.region)
          .join(', '),
      },
    });
  for (const r of radar)
    for (const p of r.pending) waits.push({ key: 'radarPending', values: { region: r.region, turn: p.turn, pct: p.pct } });
  if (n.pilotReadiness < 0.5) waits.push({ key: 'pilotsLow', values: { pct: Math.round(n.pilotReadiness * PCT) } });
  if (n.usSuspendedTurns > 0) waits.push({ key: 'usSuspended', values: { turns: n.usSuspendedTurns } });
  if (roeActing === 'off') waits.push({ key: 'roeOff', values: {} });
  const running = runningProgrammes(s, 'state')
    .filter((k) => k.upkeepMusd > 0)
    .map(({ kind, region, exit, upkeepMusd }) => ({ kind, ...(region ? { region } : {}), ...(exit ? { exit } : {}), upkeepMusd }))
    .sort((a, b) => b.upkeepMusd - a.upkeepMusd || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return {
    law: n.interdictionLaw,
    lawTurnsLeft: n.lawTurnsLeft,
    roe: n.roe,
    roeActing,
    pilotReadinessPct: Math.round(n.pilotReadiness * PCT),
    usSupport: Math.round(n.usSupport),
    usSuspendedTurns: n.usSuspendedTurns,
    radar,
    waits,
    running,
    runningMusd: running.reduce((a, k) => a + k.upkeepMusd, 0),
  };
}
