/**
 * Turning points: the largest turn-on-turn changes in the national series (coca, exports, prices
 * along the chain, US support, legitimacy, fighters, violence), each with the causes the turn's
 * record points to: injects, overrides, orders and what the engine reported (flights interdicted,
 * a mistaken shootdown, a shift between transport modes…). Structured data with catalogue keys
 * (`report.cause.*`), translated by the report. Pure.
 *
 * Attribution is deliberately plain: discrete happenings of the turn (an inject, an override, a
 * shootdown, a law, a leader killed) are always named when they bear on the measure; recurring
 * flows (eradication, interdiction, seizures, planting, recruitment) only when they were much
 * larger or smaller than the turn before, since a steady flow does not explain a sudden change.
 */
import type { Values } from '../i18n/catalogue';
import {
  regionName,
  totalCocaHa,
  type GameEvent,
  type GameLog,
  type GameState,
  type InjectDef,
  type Mode,
  type Order,
  type OverrideTarget,
  type TurnRecord,
} from '../game';

export const METRIC_IDS = [
  'cocaHa',
  'exportedT',
  'leafPrice',
  'pbcPrice',
  'exportPrice',
  'usSupport',
  'legitimacy',
  'fighters',
  'killed',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];
export type MetricUnit = 'ha' | 't' | 'usdPerKg' | 'index' | 'people';

interface MetricDef {
  id: MetricId;
  unit: MetricUnit;
  /** Changes are measured relative to the previous value, or to this floor when that is smaller. */
  floor: number;
  /**
   * How much a relative change of this measure counts against the others': slow stocks (coca,
   * legitimacy) move little, so a 10% change there is news; deaths per quarter are noisy.
   */
  weight: number;
  value(r: TurnRecord): number;
  /** The value before the first turn, for stocks. */
  start?(s: GameState): number;
}

export const METRICS: readonly MetricDef[] = [
  {
    id: 'cocaHa',
    unit: 'ha',
    floor: 2000,
    weight: 2,
    value: (r) => r.cocaHa,
    start: (s) => s.regions.reduce((a, r) => a + totalCocaHa(r), 0),
  },
  { id: 'exportedT', unit: 't', floor: 10, weight: 1, value: (r) => r.exportedT },
  { id: 'leafPrice', unit: 'usdPerKg', floor: 0.5, weight: 1, value: (r) => r.leafPriceUsdPerKg },
  { id: 'pbcPrice', unit: 'usdPerKg', floor: 100, weight: 1, value: (r) => r.pbcPriceUsdPerKg },
  { id: 'exportPrice', unit: 'usdPerKg', floor: 300, weight: 1, value: (r) => r.cocaineExportPriceUsdPerKg },
  { id: 'usSupport', unit: 'index', floor: 10, weight: 1.2, value: (r) => r.usSupport, start: (s) => s.national.usSupport },
  { id: 'legitimacy', unit: 'index', floor: 10, weight: 2, value: (r) => r.legitimacy, start: (s) => s.national.legitimacy * 100 },
  {
    id: 'fighters',
    unit: 'people',
    floor: 20,
    weight: 1.2,
    value: (r) => r.insurgentFighters,
    start: (s) => s.regions.reduce((a, r) => a + r.insurgentFighters, 0),
  },
  { id: 'killed', unit: 'people', floor: 20, weight: 0.5, value: (r) => r.securityForcesKilled + r.insurgentsKilled + r.civiliansKilled },
];

/** One cause: a `report.cause.*` key and its values (names, numbers and `@` references). */
export interface Cause {
  key: string;
  values: Values;
}

export interface TurningPoint {
  turn: number;
  metric: MetricId;
  unit: MetricUnit;
  from: number;
  to: number;
  change: number;
  /** |change| relative to the previous value (or the measure's floor, when larger). */
  relative: number;
  /** `relative` weighted by the measure's weight: what the points are ranked by. */
  significance: number;
  causes: Cause[];
}

export interface TurningPointInput {
  log: Pick<GameLog, 'entries' | 'scenario'>;
  /** `states[0]` the start, `states[i]` after turn i. */
  states: readonly GameState[];
  /** `events[i]` are turn i+1's. */
  events: readonly (readonly GameEvent[])[];
}

export interface TurningPointOptions {
  /** At most this many, the largest first before they are put in turn order [8]. */
  max?: number;
  /** At most this many per measure [2]. */
  perMetric?: number;
  /** The smallest significance that counts [0.15]; if none reaches it, the largest three are kept. */
  threshold?: number;
}

// --- What happened in a turn ---

interface Facts {
  injects: { title: { en: string; es: string }; region: string | null; scripted: boolean; bears: readonly MetricId[] }[];
  overrides: { target: OverrideTarget; region: string | null; from: number; to: number; reason: string }[];
  shootdowns: string[];
  usChanges: { from: number; to: number; cause: string }[];
  law: 'passed' | 'proposed' | null;
  leaders: { name: string; region: string; fate: 'killed' | 'captured' }[];
  controls: { region: string; to: string }[];
  flights: number;
  interdicted: number;
  shotDown: number;
  seizedByMode: Record<Mode, number>;
  eradicatedHa: number;
  eradicatedTop: string;
  plantedHa: number;
  plantedTop: string;
  abandonedHa: number;
  displacedHa: number;
  displacedTop: { from: string; to: string; ha: number } | null;
  civilians: number;
  insurgentsKilled: number;
  incidents: number;
  worst: { region: string; killed: number } | null;
  recruits: number;
  recruitTop: string;
  labsDestroyed: number;
  routeShift: { exit: string; from: number; to: number } | null;
  orders: {
    development: number;
    bribes: number;
    precursors: number;
    ambush: number;
    attack: number;
    usStance: string | null;
    roe: string | null;
    posture: string | null;
  };
}

const MODES: readonly Mode[] = ['air', 'sea', 'river', 'land'];

function top(m: Map<string, number>): [string, number] | null {
  let best: [string, number] | null = null;
  for (const [k, v] of m) if (!best || v > best[1]) best = [k, v];
  return best;
}

function add(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

function factsOf(events: readonly GameEvent[], orders: readonly Order[], bearsOf: (id: string) => readonly MetricId[]): Facts {
  const f: Facts = {
    injects: [],
    overrides: [],
    shootdowns: [],
    usChanges: [],
    law: null,
    leaders: [],
    controls: [],
    flights: 0,
    interdicted: 0,
    shotDown: 0,
    seizedByMode: { air: 0, sea: 0, river: 0, land: 0 },
    eradicatedHa: 0,
    eradicatedTop: '',
    plantedHa: 0,
    plantedTop: '',
    abandonedHa: 0,
    displacedHa: 0,
    displacedTop: null,
    civilians: 0,
    insurgentsKilled: 0,
    incidents: 0,
    worst: null,
    recruits: 0,
    recruitTop: '',
    labsDestroyed: 0,
    routeShift: null,
    orders: { development: 0, bribes: 0, precursors: 0, ambush: 0, attack: 0, usStance: null, roe: null, posture: null },
  };
  const erad = new Map<string, number>();
  const plant = new Map<string, number>();
  const moved = new Map<string, number>();
  const deaths = new Map<string, number>();
  const recruits = new Map<string, number>();
  for (const e of events) {
    switch (e.type) {
      case 'injectApplied':
        f.injects.push({ title: e.title, region: e.region, scripted: e.reason !== 'facilitator', bears: bearsOf(e.inject) });
        break;
      case 'overrideApplied':
        f.overrides.push({ target: e.target, region: e.region, from: e.from, to: e.to, reason: e.reason });
        break;
      case 'civilianAircraftShotDown':
        f.shootdowns.push(e.region);
        break;
      case 'usSupportChanged':
        f.usChanges.push({ from: e.from, to: e.to, cause: e.cause });
        break;
      case 'interdictionLawPassed':
        f.law = 'passed';
        break;
      case 'interdictionLawProposed':
        f.law ??= 'proposed';
        break;
      case 'leaderKilled':
        f.leaders.push({ name: e.name, region: e.region, fate: 'killed' });
        break;
      case 'leaderCaptured':
        f.leaders.push({ name: e.name, region: e.region, fate: 'captured' });
        break;
      case 'controlChanged':
        f.controls.push({ region: e.region, to: e.to });
        break;
      case 'flightsInterdicted':
        f.flights += e.flights;
        f.interdicted += e.interdicted;
        f.shotDown += e.shotDown;
        f.seizedByMode.air += e.seizedT;
        break;
      case 'shipmentSeized':
        f.seizedByMode[e.mode] += e.tonnes;
        break;
      case 'cocaEradicated':
        f.eradicatedHa += e.ha;
        add(erad, e.region, e.ha);
        break;
      case 'cultivationPlanted':
        f.plantedHa += e.ha;
        add(plant, e.region, e.ha);
        break;
      case 'cultivationAbandoned':
        f.abandonedHa += e.ha;
        break;
      case 'cultivationDisplaced':
        f.displacedHa += e.ha;
        add(moved, `${e.region}>${e.to}`, e.ha);
        break;
      case 'clashOccurred':
      case 'ambushSprung':
      case 'installationAttacked': {
        const k = e.securityKilled + e.insurgentsKilled + e.civiliansKilled;
        f.incidents += 1;
        f.civilians += e.civiliansKilled;
        f.insurgentsKilled += e.insurgentsKilled;
        add(deaths, e.region, k);
        break;
      }
      case 'insurgentsRecruited':
        f.recruits += e.fighters;
        add(recruits, e.region, e.fighters);
        break;
      case 'labsDestroyed':
        f.labsDestroyed += e.labs;
        break;
      case 'routeShifted':
        if (!f.routeShift || Math.abs(e.to - e.from) > Math.abs(f.routeShift.to - f.routeShift.from))
          f.routeShift = { exit: e.exit, from: e.from, to: e.to };
        break;
      default:
        break;
    }
  }
  f.eradicatedTop = top(erad)?.[0] ?? '';
  f.plantedTop = top(plant)?.[0] ?? '';
  f.recruitTop = top(recruits)?.[0] ?? '';
  const mv = top(moved);
  if (mv) {
    const [from, to] = mv[0].split('>') as [string, string];
    f.displacedTop = { from, to, ha: mv[1] };
  }
  const worst = top(deaths);
  if (worst && worst[1] > 0) f.worst = { region: worst[0], killed: worst[1] };
  for (const o of orders) {
    if (o.kind === 'development') f.orders.development += o.amount;
    else if (o.kind === 'bribe') f.orders.bribes += o.amount;
    else if (o.kind === 'precursors') f.orders.precursors += o.amount;
    else if (o.kind === 'ambush') f.orders.ambush += o.amount;
    else if (o.kind === 'attack') f.orders.attack += o.amount;
    else if (o.kind === 'usStance') f.orders.usStance = o.value;
    else if (o.kind === 'roe') f.orders.roe = o.value;
    else if (o.kind === 'posture') f.orders.posture = o.value;
  }
  return f;
}

// --- Causes per measure ---

/** The measures an inject bears on, read off its effects. */
function injectBears(def: InjectDef): MetricId[] {
  const prices: MetricId[] = ['exportedT', 'exportPrice', 'pbcPrice', 'leafPrice'];
  const out = new Set<MetricId>();
  const add = (...ms: MetricId[]) => ms.forEach((m) => out.add(m));
  for (const e of def.effects) {
    switch (e.kind) {
      case 'usSuspension':
      case 'usResumption':
        add('usSupport');
        break;
      case 'civilianAircraftShotDown':
        add('legitimacy');
        break;
      case 'rulesOfEngagement':
      case 'interdictionLaw':
      case 'foreignClient':
        add(...prices);
        break;
      case 'leaderLost':
        add('fighters', 'killed');
        break;
      case 'installationAttack':
        add('killed', 'legitimacy', 'fighters');
        break;
      case 'clanBossArrested':
        add('exportedT', 'exportPrice');
        break;
      case 'modifier':
        if (e.hook === 'exitPrice' || e.hook === 'precursorControl') add(...prices);
        else if (e.hook === 'leafYield') add('cocaHa', 'exportedT', 'leafPrice');
        else if (e.hook === 'miningReturn') add('cocaHa', 'leafPrice');
        else add('legitimacy', 'killed');
        break;
      case 'adjust':
        if (e.target === 'national.usSupport') add('usSupport');
        else if (e.target === 'region.legitimacy' || e.target === 'region.statePresence') add('legitimacy');
        else if (
          e.target === 'national.insurgentFront' ||
          e.target === 'national.insurgentCohesion' ||
          e.target === 'national.insurgentCashMusd'
        )
          add('legitimacy', 'fighters');
        else if (e.target === 'national.clanCohesion' || e.target === 'national.clanCashMusd' || e.target === 'region.clanPresence')
          add('exportedT', 'exportPrice');
        else add(...prices);
        break;
    }
  }
  return [...out];
}

const OVERRIDE_BEARS: Record<OverrideTarget, readonly MetricId[]> = {
  'region.cocaHa': ['cocaHa', 'leafPrice'],
  'region.labs': ['exportedT', 'pbcPrice'],
  'region.insurgentFighters': ['fighters', 'killed'],
  'region.legitimacy': ['legitimacy'],
  'region.statePresence': ['legitimacy', 'killed'],
  'region.corruption': ['legitimacy', 'exportedT'],
  'national.usSupport': ['usSupport'],
  'national.pilotReadiness': ['exportedT'],
  'national.insurgentFront': ['fighters'],
  'national.clanCashMusd': ['cocaHa', 'exportedT'],
  'national.insurgentCashMusd': ['fighters'],
};

/** A recurring flow counts as a cause when it is this much larger (or smaller) than the turn before. */
const SURGE = 1.4;
const name = (id: string | null) => (id ? regionName(id) : '@report.nationwide');
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

/** How a flow compares with the turn before: 'up', 'down' (well beyond SURGE), or null (also on turn 1, with nothing to compare). */
function surge(cur: number, prev: number | undefined, min: number): 'up' | 'down' | null {
  if (prev === undefined) return null;
  if (cur >= min && cur >= prev * SURGE) return 'up';
  if (prev >= min && cur * SURGE <= prev) return 'down';
  return null;
}

function modeShift(prev: TurnRecord | undefined, cur: TurnRecord): Cause | null {
  if (!prev || prev.exportedT <= 0 || cur.exportedT <= 0) return null;
  const by = (r: TurnRecord): Record<Mode, number> => ({
    air: r.exportAirT,
    sea: r.exportSeaT,
    river: r.exportRiverT,
    land: r.exportLandT,
  });
  const a = by(prev);
  const b = by(cur);
  const share = (m: Record<Mode, number>, k: Mode, total: number) => (100 * m[k]) / total;
  let lose: Mode | null = null;
  let gain: Mode | null = null;
  let lost = 0;
  let gained = 0;
  for (const m of MODES) {
    const d = share(b, m, cur.exportedT) - share(a, m, prev.exportedT);
    if (d < lost) [lose, lost] = [m, d];
    if (d > gained) [gain, gained] = [m, d];
  }
  if (!lose || !gain || -lost < 5) return null;
  return {
    key: 'report.cause.modeShift',
    values: {
      from: `@app.mode.${lose}`,
      to: `@app.mode.${gain}`,
      fromBefore: round(share(a, lose, prev.exportedT)),
      fromAfter: round(share(b, lose, cur.exportedT)),
      toBefore: round(share(a, gain, prev.exportedT)),
      toAfter: round(share(b, gain, cur.exportedT)),
    },
  };
}

function causesFor(
  metric: MetricId,
  dir: 'up' | 'down',
  f: Facts,
  p: Facts | undefined,
  prev: TurnRecord | undefined,
  cur: TurnRecord,
): Cause[] {
  const out: Cause[] = [];
  const push = (key: string, values: Cause['values'] = {}) => out.push({ key: `report.cause.${key}`, values });
  for (const o of f.overrides) {
    if (OVERRIDE_BEARS[o.target].includes(metric))
      push('override', {
        target: `@app.overrideTarget.${o.target}`,
        region: name(o.region),
        from: round(o.from, 2),
        to: round(o.to, 2),
        reason: o.reason,
      });
  }
  for (const i of f.injects) {
    if (i.bears.includes(metric)) push(i.scripted ? 'injectScripted' : 'injectFacilitator', { inject: i.title, region: name(i.region) });
  }
  const flights = () => {
    const s = surge(f.interdicted, p?.interdicted, 5);
    if (s === 'up') push('flightsInterdicted', { interdicted: f.interdicted, flights: f.flights, shotDown: f.shotDown });
    else if (s === 'down') push('flightsEased', { interdicted: f.interdicted, before: p?.interdicted ?? 0 });
  };
  const seizures = () => {
    let best: Mode | null = null;
    for (const m of MODES) {
      const s = surge(f.seizedByMode[m], p?.seizedByMode[m], 1);
      if (s === 'up' && (!best || f.seizedByMode[m] > f.seizedByMode[best])) best = m;
    }
    if (best)
      push('seized', { tonnes: round(f.seizedByMode[best], 1), mode: `@app.mode.${best}`, before: round(p?.seizedByMode[best] ?? 0, 1) });
  };
  const eradication = () => {
    const s = surge(f.eradicatedHa, p?.eradicatedHa, 200);
    if (s === 'up') push('eradicated', { ha: round(f.eradicatedHa), region: name(f.eradicatedTop), before: round(p?.eradicatedHa ?? 0) });
    else if (s === 'down') push('eradicationEased', { ha: round(f.eradicatedHa), before: round(p?.eradicatedHa ?? 0) });
  };
  const potential = () => {
    if (prev && prev.cocainePotentialT > 0 && Math.abs(cur.cocainePotentialT / prev.cocainePotentialT - 1) >= 0.1)
      push('potential', { from: round(prev.cocainePotentialT, 1), to: round(cur.cocainePotentialT, 1) });
  };
  const shift = () => {
    const c = modeShift(prev, cur);
    if (c) out.push(c);
  };
  const shootdowns = () => {
    for (const r of f.shootdowns) push('shootdown', { region: name(r) });
  };
  const law = () => {
    if (f.law === 'passed') push('lawPassed');
  };
  switch (metric) {
    case 'cocaHa':
      if (dir === 'down') {
        eradication();
        if (surge(f.abandonedHa, p?.abandonedHa, 200) === 'up') push('abandoned', { ha: round(f.abandonedHa) });
      } else {
        if (surge(f.plantedHa, p?.plantedHa, 200) === 'up') push('planted', { ha: round(f.plantedHa), region: name(f.plantedTop) });
        if (surge(f.eradicatedHa, p?.eradicatedHa, 200) === 'down')
          push('eradicationEased', { ha: round(f.eradicatedHa), before: round(p?.eradicatedHa ?? 0) });
      }
      if (f.displacedTop && surge(f.displacedHa, p?.displacedHa, 200) === 'up')
        push('displaced', { ha: round(f.displacedHa), from: name(f.displacedTop.from), to: name(f.displacedTop.to) });
      break;
    case 'exportedT':
      law();
      shootdowns();
      flights();
      shift();
      seizures();
      if (surge(f.labsDestroyed, p?.labsDestroyed, 3) === 'up') push('labsDestroyed', { labs: f.labsDestroyed });
      if (f.routeShift && Math.abs(f.routeShift.to - f.routeShift.from) >= 10)
        push('routeShifted', { exit: `@app.exit.${f.routeShift.exit}`, from: round(f.routeShift.from), to: round(f.routeShift.to) });
      potential();
      break;
    case 'leafPrice':
    case 'pbcPrice':
    case 'exportPrice':
      law();
      flights();
      shift();
      seizures();
      if (metric !== 'leafPrice' && surge(f.orders.precursors, p?.orders.precursors, 2) === 'up')
        push('precursors', { musd: round(f.orders.precursors, 1) });
      if (metric === 'leafPrice') eradication();
      potential();
      break;
    case 'usSupport':
      shootdowns();
      for (const c of f.usChanges) push('usSupport', { from: round(c.from), to: round(c.to), cause: `@app.usCause.${c.cause}` });
      if (f.orders.usStance && f.orders.usStance !== p?.orders.usStance)
        push('usStance', { stance: `@orders.choice.usStance.${f.orders.usStance}` });
      break;
    case 'legitimacy':
      shootdowns();
      if (surge(f.civilians, p?.civilians, 2) === 'up') push('civilians', { n: f.civilians });
      for (const c of f.controls)
        if (c.to === 'insurgent' || c.to === 'clans') push('controlLost', { region: name(c.region), to: `@app.control.${c.to}` });
      if (dir === 'down') eradication();
      if (surge(f.orders.development, p?.orders.development, 3) === 'up') push('development', { musd: round(f.orders.development, 1) });
      if (surge(f.orders.bribes, p?.orders.bribes, 2) === 'up') push('bribes', { musd: round(f.orders.bribes, 1) });
      break;
    case 'fighters':
      for (const l of f.leaders) push(l.fate === 'killed' ? 'leaderKilled' : 'leaderCaptured', { name: l.name, region: name(l.region) });
      if (dir === 'down' && surge(f.insurgentsKilled, p?.insurgentsKilled, 3) === 'up') push('insurgentsKilled', { n: f.insurgentsKilled });
      if (dir === 'up' && surge(f.recruits, p?.recruits, 3) === 'up') push('recruited', { n: f.recruits, region: name(f.recruitTop) });
      break;
    case 'killed':
      for (const l of f.leaders) push(l.fate === 'killed' ? 'leaderKilled' : 'leaderCaptured', { name: l.name, region: name(l.region) });
      if (f.worst) push('incidents', { n: f.incidents, region: name(f.worst.region), killed: f.worst.killed });
      if (surge(f.orders.ambush + f.orders.attack, p ? p.orders.ambush + p.orders.attack : undefined, 5) === 'up')
        push('insurgentOps', { fighters: f.orders.ambush + f.orders.attack });
      if (f.orders.posture && f.orders.posture !== p?.orders.posture)
        push('posture', { posture: `@orders.choice.posture.${f.orders.posture}` });
      break;
  }
  if (out.length === 0) push('none');
  return out.slice(0, 4);
}

/** The largest turn-on-turn changes and their causes, in turn order. */
export function findTurningPoints(input: TurningPointInput, opts: TurningPointOptions = {}): TurningPoint[] {
  const max = opts.max ?? 8;
  const perMetric = opts.perMetric ?? 2;
  const threshold = opts.threshold ?? 0.15;
  const last = input.states[input.states.length - 1];
  const history = last?.history ?? [];
  const start = input.states[0];
  if (!start || history.length === 0) return [];
  // What each inject bears on, from its effects: the scenario's library and the facilitator's own.
  const defs = new Map<string, InjectDef>(input.log.scenario.injectLibrary.map((d) => [d.id, d]));
  for (const entry of input.log.entries)
    for (const inj of entry.input.injects ?? []) if ('custom' in inj) defs.set(inj.custom.id, inj.custom);
  const bearsOf = (id: string) => {
    const d = defs.get(id);
    return d ? injectBears(d) : [];
  };
  const facts: Facts[] = history.map((rec, i) => {
    const entry = input.log.entries[i];
    const orders = entry ? entry.input.orders.flatMap((o) => o.orders) : [];
    return factsOf(input.events[i] ?? [], orders, bearsOf);
  });
  const candidates: TurningPoint[] = [];
  for (const m of METRICS) {
    history.forEach((rec, i) => {
      const before = i === 0 ? m.start?.(start) : m.value(history[i - 1]!);
      const after = m.value(rec);
      if (before === undefined || !Number.isFinite(before) || !Number.isFinite(after)) return;
      const change = after - before;
      if (change === 0) return;
      const relative = Math.abs(change) / Math.max(Math.abs(before), m.floor);
      candidates.push({
        turn: rec.turn,
        metric: m.id,
        unit: m.unit,
        from: before,
        to: after,
        change,
        relative,
        significance: relative * m.weight,
        causes: [],
      });
    });
  }
  candidates.sort((a, b) => b.significance - a.significance || a.turn - b.turn);
  const strong = candidates.filter((c) => c.significance >= threshold);
  const pool = strong.length ? strong : candidates.slice(0, 3);
  const chosen: TurningPoint[] = [];
  const count = new Map<MetricId, number>();
  for (const c of pool) {
    if (chosen.length >= max) break;
    if ((count.get(c.metric) ?? 0) >= perMetric) continue;
    count.set(c.metric, (count.get(c.metric) ?? 0) + 1);
    const i = c.turn - 1;
    c.causes = causesFor(c.metric, c.change > 0 ? 'up' : 'down', facts[i]!, facts[i - 1], history[i - 1], history[i]!);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.turn - b.turn || METRIC_IDS.indexOf(a.metric) - METRIC_IDS.indexOf(b.metric));
}
