/**
 * Engine events as the panels show them: a category and the side concerned (for filters), the
 * regions named (for the region filter and the board), and a translation key with its values.
 * Plain functions of the events, tested in test/renderer/.
 */
import type { EventType, GameEvent, Side } from '../game';
import type { Values } from '../i18n/catalogue';

export const EVENT_CATEGORIES = ['security', 'trafficking', 'cultivation', 'politics', 'economy', 'facilitator'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** Every event type: its category, the side whose action or loss it mostly is, and whether it is an incident. */
export const EVENT_INFO: Record<EventType, { category: EventCategory; side: Side | null; incident?: true }> = {
  injectApplied: { category: 'facilitator', side: null },
  mselChanged: { category: 'facilitator', side: null },
  facilitatorNoted: { category: 'facilitator', side: null },
  overrideApplied: { category: 'facilitator', side: null },
  forcesDeployed: { category: 'security', side: 'state' },
  fightersMoved: { category: 'security', side: 'insurgents' },
  clashOccurred: { category: 'security', side: null, incident: true },
  ambushSprung: { category: 'security', side: 'insurgents', incident: true },
  installationAttacked: { category: 'security', side: 'insurgents', incident: true },
  leaderKilled: { category: 'security', side: 'state', incident: true },
  leaderCaptured: { category: 'security', side: 'state', incident: true },
  leaderSucceeded: { category: 'security', side: 'insurgents' },
  clanBossArrested: { category: 'security', side: 'state', incident: true },
  cocaEradicated: { category: 'cultivation', side: 'state' },
  cultivationDisplaced: { category: 'cultivation', side: 'clans' },
  cultivationAbandoned: { category: 'cultivation', side: null },
  cultivationPlanted: { category: 'cultivation', side: 'clans' },
  cultivationReplanted: { category: 'cultivation', side: null },
  labsBuilt: { category: 'trafficking', side: 'clans' },
  labsClosed: { category: 'trafficking', side: 'clans' },
  labsRelocated: { category: 'trafficking', side: 'clans' },
  labsDestroyed: { category: 'trafficking', side: 'state', incident: true },
  shipmentSeized: { category: 'trafficking', side: 'state', incident: true },
  shipmentExported: { category: 'trafficking', side: 'clans' },
  flightsInterdicted: { category: 'trafficking', side: 'state', incident: true },
  flightsRefused: { category: 'trafficking', side: 'clans' },
  civilianAircraftShotDown: { category: 'politics', side: 'state', incident: true },
  usSupportChanged: { category: 'politics', side: 'state' },
  interdictionLawPassed: { category: 'politics', side: 'state' },
  interdictionLawProposed: { category: 'politics', side: 'state' },
  radarOnline: { category: 'trafficking', side: 'state' },
  routeShifted: { category: 'trafficking', side: 'clans' },
  protectionPaid: { category: 'economy', side: 'clans' },
  protectionEnforced: { category: 'economy', side: 'insurgents', incident: true },
  developmentCaptured: { category: 'economy', side: 'clans' },
  insurgentsRecruited: { category: 'security', side: 'insurgents' },
  controlChanged: { category: 'politics', side: null },
  revenueCollected: { category: 'economy', side: null },
  gameEnded: { category: 'facilitator', side: null },
};

export const EVENT_TYPES = Object.keys(EVENT_INFO) as EventType[];

const REGION_ID = /^PE-[A-Z]{3}$/;
const CONTROLS = new Set(['state', 'contested', 'insurgent', 'clans']);

/** The region ids an event names. */
export function eventRegions(e: GameEvent): string[] {
  const out: string[] = [];
  if ('region' in e && typeof e.region === 'string') out.push(e.region);
  if ('to' in e && typeof e.to === 'string' && REGION_ID.test(e.to)) out.push(e.to);
  return out;
}

/** The side an event concerns, for the side filter. */
export function eventSide(e: GameEvent): Side | null {
  if (e.type === 'revenueCollected') return e.side;
  return EVENT_INFO[e.type].side;
}

/**
 * The translation of an event: `events.<type>` with every field as a value. Ids become names
 * (regions) or catalogue references (`@app.exit.sea-callao`), which `t` translates.
 */
export function eventMessage(e: GameEvent, regionName: (id: string) => string): { key: string; values: Values } {
  const values: Values = {};
  for (const [k, v] of Object.entries(e)) {
    if (k === 'type') continue;
    if (typeof v === 'number') values[k] = v;
    else if (typeof v === 'string') {
      if (REGION_ID.test(v)) values[k] = regionName(v);
      else if (k === 'exit') values[k] = `@app.exit.${v}`;
      else if (k === 'mode') values[k] = `@app.mode.${v}`;
      else if (k === 'side') values[k] = `@app.side.${v}`;
      else if (k === 'force') values[k] = `@app.force.${v}`;
      else if (k === 'cause') values[k] = `@app.usCause.${v}`;
      else if (k === 'target') values[k] = `@app.overrideTarget.${v}`;
      else if ((k === 'from' || k === 'to') && CONTROLS.has(v)) values[k] = `@app.control.${v}`;
      else values[k] = v;
    } else if (v === null && k === 'region') values[k] = `@app.national`;
  }
  // An inject is named by its title, in the reader's language (scenario content).
  if (e.type === 'injectApplied') values.inject = e.title;
  if (e.type === 'mselChanged') values.action = `@events.mselAction.${e.action}`;
  if (e.type === 'facilitatorNoted') values.phase = `@events.notePhase.${e.phase}`;
  if (e.type === 'injectApplied') values.why = `@events.injectReason.${e.reason}`;
  if ('securityKilled' in e && 'civiliansKilled' in e) {
    const combo = [e.securityKilled > 0 ? 's' : '', e.insurgentsKilled > 0 ? 'i' : '', e.civiliansKilled > 0 ? 'c' : ''].join('');
    values.casualties = `@events.casualties.${combo || 'none'}`;
  }
  // A successor's fall reads differently from a founder's (data, not text: the event says which).
  const key = (e.type === 'leaderKilled' || e.type === 'leaderCaptured') && e.successor ? `events.${e.type}Successor` : `events.${e.type}`;
  return { key, values };
}

/** One line of the event log or the report: a translation and what the filters need. */
export interface LogEntry {
  turn: number;
  type: EventType;
  category: EventCategory;
  side: Side | null;
  regions: string[];
  /** The region to jump to from the line, if any. */
  region: string | null;
  key: string;
  values: Values;
  /** For sorting incidents by size (tonnes, deaths); 0 when not meaningful. */
  weight: number;
}

const MIN_TONNES = 0.005;

/**
 * Events as log lines. Shipments are many small records (one per region and exit): they are
 * summed per turn, region and mode into one line, and negligible ones are dropped.
 */
export function logEntries(
  events: readonly GameEvent[],
  regionName: (id: string) => string,
  opts: { byRegionOnly?: boolean } = {},
): LogEntry[] {
  const out: LogEntry[] = [];
  const shipments = new Map<string, LogEntry & { tonnes: number }>();
  for (const e of events) {
    const info = EVENT_INFO[e.type];
    if (e.type === 'shipmentSeized' || e.type === 'shipmentExported') {
      const k = opts.byRegionOnly ? `${e.turn}|${e.type}|${e.region}` : `${e.turn}|${e.type}|${e.region}|${e.mode}`;
      let agg = shipments.get(k);
      if (!agg) {
        agg = {
          turn: e.turn,
          type: e.type,
          category: info.category,
          side: info.side,
          regions: [e.region],
          region: e.region,
          key: opts.byRegionOnly
            ? e.type === 'shipmentSeized'
              ? 'app.report.seizedRegionLine'
              : 'app.report.exportedRegionLine'
            : e.type === 'shipmentSeized'
              ? 'app.report.seizedLine'
              : 'app.report.exportedLine',
          values: {},
          weight: 0,
          tonnes: 0,
        };
        shipments.set(k, agg);
        out.push(agg);
      }
      agg.tonnes += e.tonnes;
      agg.weight = agg.tonnes;
      agg.values = { tonnes: Math.round(agg.tonnes * 100) / 100, region: regionName(e.region), mode: `@app.mode.${e.mode}` };
      continue;
    }
    const m = eventMessage(e, regionName);
    let weight = 0;
    if ('securityKilled' in e) weight = e.securityKilled + e.insurgentsKilled + e.civiliansKilled;
    else if ('seizedT' in e) weight = e.seizedT;
    else if ('ha' in e) weight = e.ha;
    else if ('musd' in e) weight = e.musd;
    else if ('labs' in e) weight = e.labs;
    out.push({
      turn: e.turn,
      type: e.type,
      category: info.category,
      side: eventSide(e),
      regions: eventRegions(e),
      region: 'region' in e && typeof e.region === 'string' ? e.region : null,
      key: m.key,
      values: m.values,
      weight,
    });
  }
  return out.filter((x) => !((x.type === 'shipmentSeized' || x.type === 'shipmentExported') && x.weight < MIN_TONNES));
}

export interface EventFilter {
  category: EventCategory | 'all';
  /** A region id, or `all`. */
  region: string;
  side: Side | 'all';
  turn: number | 'all';
}

export function filterEntries(entries: readonly LogEntry[], f: EventFilter): LogEntry[] {
  return entries.filter(
    (e) =>
      (f.category === 'all' || e.category === f.category) &&
      (f.region === 'all' || e.regions.includes(f.region)) &&
      (f.side === 'all' || e.side === f.side) &&
      (f.turn === 'all' || e.turn === f.turn),
  );
}
