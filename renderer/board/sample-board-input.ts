/**
 * Sample data for the board harness and tests: the 2016–2017 baseline in round numbers
 * (DEVIDA 2017 coca hectares by department and airstrips from the map content; prices, fighters,
 * violence, clan presence and legitimacy are illustrative), and a sample turn's events. Not used by the game.
 */
import type { FlowDatum, RegionDatum } from '../view-model/board-model';
import type { GameEvent } from '../../game/events';

type GameEventBody = GameEvent extends infer E ? (E extends GameEvent ? Omit<E, 'turn'> : never) : never;

type Row = Omit<RegionDatum, 'id' | 'airstrips'>;

const base: Row = {
  cocaHa: 0,
  leafPriceUsdPerKg: 0,
  control: 'state',
  insurgentFighters: 0,
  violenceEvents: 0,
  clanPresence: 0.05,
  legitimacy: 0.62,
  labs: 0,
};

const ROWS: Record<string, Partial<Row>> = {
  'PE-CUS': {
    cocaHa: 17281,
    leafPriceUsdPerKg: 3.4,
    control: 'contested',
    insurgentFighters: 12,
    violenceEvents: 4,
    clanPresence: 0.72,
    legitimacy: 0.41,
    labs: 38,
  },
  'PE-AYA': {
    cocaHa: 12905,
    leafPriceUsdPerKg: 4.1,
    control: 'insurgent',
    insurgentFighters: 64,
    violenceEvents: 9,
    clanPresence: 0.81,
    legitimacy: 0.28,
    labs: 44,
  },
  'PE-PUN': {
    cocaHa: 6493,
    leafPriceUsdPerKg: 2.6,
    control: 'clans',
    insurgentFighters: 0,
    violenceEvents: 2,
    clanPresence: 0.58,
    legitimacy: 0.44,
    labs: 12,
  },
  'PE-JUN': {
    cocaHa: 3608,
    leafPriceUsdPerKg: 3.8,
    control: 'contested',
    insurgentFighters: 18,
    violenceEvents: 6,
    clanPresence: 0.55,
    legitimacy: 0.39,
    labs: 15,
  },
  'PE-LOR': { cocaHa: 3374, leafPriceUsdPerKg: 2.2, control: 'clans', violenceEvents: 3, clanPresence: 0.47, legitimacy: 0.36, labs: 7 },
  'PE-UCA': { cocaHa: 1358, leafPriceUsdPerKg: 2.4, control: 'clans', violenceEvents: 1, clanPresence: 0.41, legitimacy: 0.42, labs: 5 },
  'PE-LAL': { cocaHa: 1153, leafPriceUsdPerKg: 3.1, clanPresence: 0.22, legitimacy: 0.55, labs: 2 },
  'PE-SAM': { cocaHa: 1043, leafPriceUsdPerKg: 2.9, clanPresence: 0.25, legitimacy: 0.6, labs: 2 },
  'PE-PAS': {
    cocaHa: 783,
    leafPriceUsdPerKg: 3.3,
    control: 'contested',
    insurgentFighters: 3,
    violenceEvents: 1,
    clanPresence: 0.38,
    legitimacy: 0.47,
    labs: 4,
  },
  'PE-HUC': {
    cocaHa: 748,
    leafPriceUsdPerKg: 3.0,
    control: 'contested',
    insurgentFighters: 4,
    violenceEvents: 2,
    clanPresence: 0.35,
    legitimacy: 0.46,
    labs: 3,
  },
  'PE-AMA': { cocaHa: 711, leafPriceUsdPerKg: 2.8, clanPresence: 0.12, legitimacy: 0.58, labs: 1 },
  'PE-CAJ': { cocaHa: 385, leafPriceUsdPerKg: 2.7, clanPresence: 0.08, legitimacy: 0.57 },
  'PE-MDD': { cocaHa: 29, leafPriceUsdPerKg: 2.5, clanPresence: 0.3, legitimacy: 0.45 },
  'PE-HUV': { control: 'contested', insurgentFighters: 6, violenceEvents: 2, clanPresence: 0.3, legitimacy: 0.4 },
  'PE-APU': { clanPresence: 0.18, legitimacy: 0.5 },
  'PE-CAL': { clanPresence: 0.45, legitimacy: 0.66 },
  'PE-LMA': { clanPresence: 0.28, legitimacy: 0.7 },
  'PE-LIM': { clanPresence: 0.15, legitimacy: 0.68 },
  'PE-PIU': { clanPresence: 0.26, legitimacy: 0.6 },
  'PE-ANC': { clanPresence: 0.2, legitimacy: 0.61 },
  'PE-TUM': { clanPresence: 0.12, legitimacy: 0.63 },
  'PE-ARE': { legitimacy: 0.74 },
  'PE-MOQ': { legitimacy: 0.76 },
  'PE-TAC': { clanPresence: 0.1, legitimacy: 0.72 },
  'PE-ICA': { legitimacy: 0.7 },
  'PE-LAM': { legitimacy: 0.66 },
};

/** One row per region id, airstrips from the map content. */
export function sampleRegions(map: { regions: readonly { id: string; airstrips: number }[] }): RegionDatum[] {
  return map.regions.map((r) => ({ ...base, ...ROWS[r.id], id: r.id, airstrips: r.airstrips }));
}

/** A plausible turn of exports (~100 t a quarter: air ~55%, sea ~38%, land and river the rest). */
export const SAMPLE_FLOWS: FlowDatum[] = [
  { from: 'PE-AYA', exit: 'air-bolivia', mode: 'air', tonnes: 18 },
  { from: 'PE-CUS', exit: 'air-bolivia', mode: 'air', tonnes: 15 },
  { from: 'PE-JUN', exit: 'air-bolivia', mode: 'air', tonnes: 6 },
  { from: 'PE-PUN', exit: 'air-bolivia', mode: 'air', tonnes: 4 },
  { from: 'PE-HUC', exit: 'air-bolivia', mode: 'air', tonnes: 2 },
  { from: 'PE-AYA', exit: 'sea-callao', mode: 'sea', tonnes: 10 },
  { from: 'PE-CUS', exit: 'sea-callao', mode: 'sea', tonnes: 7 },
  { from: 'PE-JUN', exit: 'sea-callao', mode: 'sea', tonnes: 4 },
  { from: 'PE-SAM', exit: 'sea-paita', mode: 'sea', tonnes: 3 },
  { from: 'PE-HUC', exit: 'sea-paita', mode: 'sea', tonnes: 2.5 },
  { from: 'PE-AMA', exit: 'sea-paita', mode: 'sea', tonnes: 1.5 },
  { from: 'PE-HUC', exit: 'sea-chimbote', mode: 'sea', tonnes: 3 },
  { from: 'PE-LAL', exit: 'sea-salaverry', mode: 'sea', tonnes: 2.5 },
  { from: 'PE-PUN', exit: 'land-bolivia', mode: 'land', tonnes: 4 },
  { from: 'PE-CUS', exit: 'land-bolivia', mode: 'land', tonnes: 3 },
  { from: 'PE-CUS', exit: 'land-brazil', mode: 'land', tonnes: 1.5 },
  { from: 'PE-LOR', exit: 'river-colombia', mode: 'river', tonnes: 3 },
  { from: 'PE-UCA', exit: 'river-brazil', mode: 'river', tonnes: 2.5 },
  { from: 'PE-JUN', exit: 'river-brazil', mode: 'river', tonnes: 1.5 },
];

/**
 * A plausible turn's events for the harness, the board's tests and the benchmark: exports along the
 * sample flows, seizures, displaced coca (the balloon effect), fighters on the move, a raid on
 * labs, interdicted narco-flights and a mistaken shootdown, clashes, an ambush, an attack, a leader
 * killed and a change of control. `turn` sets the events' turn (a new turn plays again).
 */
export function sampleTurnEvents(turn = 3): GameEvent[] {
  const ev = (e: GameEventBody): GameEvent => ({ turn, ...e });
  return [
    ...SAMPLE_FLOWS.map((f) => ev({ type: 'shipmentExported', region: f.from, exit: f.exit, mode: f.mode, tonnes: f.tonnes })),
    ev({ type: 'fightersMoved', region: 'PE-AYA', to: 'PE-JUN', fighters: 12 }),
    ev({ type: 'fightersMoved', region: 'PE-AYA', to: 'PE-CUS', fighters: 5 }),
    ev({ type: 'clashOccurred', region: 'PE-AYA', securityKilled: 2, insurgentsKilled: 4, civiliansKilled: 1 }),
    ev({ type: 'clashOccurred', region: 'PE-AYA', securityKilled: 0, insurgentsKilled: 1, civiliansKilled: 0 }),
    ev({ type: 'ambushSprung', region: 'PE-JUN', securityKilled: 3, insurgentsKilled: 1, civiliansKilled: 0 }),
    ev({ type: 'installationAttacked', region: 'PE-HUC', securityKilled: 1, insurgentsKilled: 0, civiliansKilled: 2 }),
    ev({ type: 'leaderKilled', region: 'PE-AYA', leader: 'jose', name: '"Camarada José"', successor: false }),
    ev({ type: 'cocaEradicated', region: 'PE-CUS', ha: 1800, orderedHa: 1800, limit: 'none' }),
    ev({ type: 'labsDestroyed', region: 'PE-CUS', labs: 3, seizedT: 0.9 }),
    ev({ type: 'labsDestroyed', region: 'PE-PUN', labs: 1, seizedT: 0.2 }),
    ev({ type: 'shipmentSeized', region: 'PE-AYA', exit: 'sea-callao', mode: 'sea', tonnes: 1.7 }),
    ev({ type: 'shipmentSeized', region: 'PE-AYA', exit: 'sea-paita', mode: 'sea', tonnes: 0.8 }),
    ev({ type: 'shipmentSeized', region: 'PE-CUS', exit: 'sea-callao', mode: 'sea', tonnes: 1.2 }),
    ev({ type: 'shipmentSeized', region: 'PE-JUN', exit: 'land-bolivia', mode: 'land', tonnes: 0.4 }),
    ev({ type: 'shipmentSeized', region: 'PE-LOR', exit: 'river-colombia', mode: 'river', tonnes: 0.3 }),
    ev({ type: 'shipmentSeized', region: 'PE-CAJ', exit: 'sea-paita', mode: 'sea', tonnes: 0.002 }),
    ev({ type: 'flightsInterdicted', region: 'PE-PUN', flights: 40, interdicted: 6, shotDown: 1, forcedDown: 5, seizedT: 2.1 }),
    ev({ type: 'civilianAircraftShotDown', region: 'PE-LOR' }),
    ev({ type: 'cultivationDisplaced', region: 'PE-CUS', to: 'PE-PUN', ha: 900 }),
    ev({ type: 'cultivationDisplaced', region: 'PE-HUC', to: 'PE-UCA', ha: 650 }),
    ev({ type: 'cultivationDisplaced', region: 'PE-AYA', to: 'PE-JUN', ha: 480 }),
    ev({ type: 'cultivationDisplaced', region: 'PE-SAM', to: 'PE-LOR', ha: 300 }),
    ev({ type: 'cultivationDisplaced', region: 'PE-CUS', to: 'PE-MDD', ha: 5 }),
    ev({ type: 'controlChanged', region: 'PE-JUN', from: 'contested', to: 'insurgent' }),
    ev({ type: 'controlChanged', region: 'PE-PAS', from: 'contested', to: 'state' }),
    ev({ type: 'revenueCollected', side: 'clans', musd: 290 }),
  ];
}
