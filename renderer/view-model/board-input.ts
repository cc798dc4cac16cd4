/**
 * The adapter from the engine's state to the board's input: a per-region data table (from the
 * state the viewer may see), this turn's trafficking flows (from the turn's shipment events, or
 * from each region's route shares × tonnes shipped when there are no events), and the last turn's
 * events, which the board animates once and then marks until the next turn. Pure.
 */
import type { BoardInput, FlowDatum, RegionDatum, Translate } from './board-model';
import type { OverlayId } from './board-theme';
import type { GameEvent, GameState, MapContent } from '../app-state/engine';

export function regionTable(game: GameState, map: Pick<MapContent, 'regions'>): RegionDatum[] {
  const airstrips = new Map(map.regions.map((r) => [r.id, r.airstrips]));
  return game.regions.map((r) => ({
    id: r.id,
    cocaHa: r.cocaHa,
    leafPriceUsdPerKg: r.leafPriceUsdPerKg,
    control: r.control,
    insurgentFighters: r.insurgentFighters,
    violenceEvents: r.flow.violenceEvents,
    clanPresence: r.clanPresence,
    legitimacy: r.legitimacy,
    labs: r.labs,
    airstrips: airstrips.get(r.id) ?? 0,
  }));
}

/** Flows from the turn's events: exports and seizures both moved product along a route. */
export function flowsFromEvents(events: readonly GameEvent[]): FlowDatum[] {
  const out: FlowDatum[] = [];
  for (const e of events) {
    if (e.type === 'shipmentExported' || e.type === 'shipmentSeized') {
      if (e.tonnes > 0) out.push({ from: e.region, exit: e.exit, mode: e.mode, tonnes: e.tonnes });
    }
  }
  return out;
}

/** Flows from the state alone: each region's tonnes shipped split by its route shares. */
export function flowsFromState(game: GameState, map: Pick<MapContent, 'exits'>): FlowDatum[] {
  const out: FlowDatum[] = [];
  for (const r of game.regions) {
    if (!(r.flow.shippedT > 0)) continue;
    const total = r.routeShares.reduce((a, b) => a + b, 0);
    if (!(total > 0)) continue;
    map.exits.forEach((exit, i) => {
      const share = (r.routeShares[i] ?? 0) / total;
      if (share > 0) out.push({ from: r.id, exit: exit.id, mode: exit.mode, tonnes: r.flow.shippedT * share });
    });
  }
  return out;
}

export interface BoardInputArgs {
  /** The state as the viewer may see it (`viewFor`). */
  game: GameState;
  map: Pick<MapContent, 'regions' | 'zones' | 'exits'>;
  /** The last resolved turn's events (flows, and the resolution animation), if any. */
  events: readonly GameEvent[];
  overlay: OverlayId;
  selectedId: string | null;
  t: Translate;
  locale: string;
  scale: number;
  showFlows: boolean;
  /** `prefers-reduced-motion`: the resolution's end state without animation. */
  reducedMotion?: boolean;
}

export function boardInputFrom(a: BoardInputArgs): BoardInput {
  const fromEvents = flowsFromEvents(a.events);
  return {
    // The board draws the exits in use in the scenario's period (the map holds every period's).
    map: { ...a.map, exits: a.map.exits.filter((e) => a.game.scenario.exits[e.id]?.open !== false) },
    regions: regionTable(a.game, a.map),
    flows: fromEvents.length > 0 ? fromEvents : flowsFromState(a.game, a.map),
    overlay: a.overlay,
    selectedId: a.selectedId,
    t: a.t,
    locale: a.locale,
    scale: a.scale,
    showFlows: a.showFlows,
    turnEvents: a.events,
    reducedMotion: a.reducedMotion ?? false,
  };
}
