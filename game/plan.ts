/**
 * What a side's orders will do, in the engine's own terms, before they are committed: for each
 * order its level before and after and what it costs this quarter (from the order table's
 * `standing` and `chargeMusd`), the standing programmes left running and what they cost, and for
 * eradication what can be achieved and what limits it (the eradication phase's own rule). The
 * planning panel's summary and its "can achieve" lines read this; the engine charges the same.
 */
import { eradicationReach, type EradicationReach } from './phases/eradication';
import { radarBought, type RadarPurchase } from './phases/deployments';
import {
  lastsOf,
  levelNow,
  orderChargeMusd,
  orderProgrammeKey,
  programmeKey,
  runningProgrammes,
  specOf,
  type Lasts,
  type Order,
  type OrderKind,
} from './orders';
import type { GameState, SideOrders } from './types';

export interface PlannedOrder {
  order: Order;
  lasts: Lasts;
  /** The level in force before the order (standing programmes), else 0. */
  from: number;
  /** What this order costs this quarter, US$ M. */
  costMusd: number;
}

/** A standing programme the orders leave as it is: it keeps running, and costs its upkeep. */
export interface KeptProgramme {
  kind: OrderKind;
  region?: string;
  exit?: string;
  level: number;
  costMusd: number;
}

export interface PlanPreview {
  orders: PlannedOrder[];
  kept: KeptProgramme[];
  /** Eradication, by region id, for the regions where it is ordered. */
  eradication: Map<string, EradicationReach>;
  /** Radar bought, by region id, for the regions where it is ordered: coverage now, on order, added and when. */
  radar: Map<string, RadarPurchase>;
}

const targetOf = (o: Order): { region?: string; exit?: string } => ({
  ...('region' in o && !('to' in o) ? { region: o.region } : {}),
  ...('exit' in o ? { exit: o.exit } : {}),
});

export function previewOrders(state: GameState, so: SideOrders): PlanPreview {
  const p = state.scenario.params;
  const orders = so.orders.map((order): PlannedOrder => ({
    order,
    lasts: lastsOf(order.kind),
    from: levelNow(state, order.kind, targetOf(order)),
    costMusd: orderChargeMusd(state, order),
  }));
  const named = new Set(so.orders.map(orderProgrammeKey));
  // Laboratories left as they are cost nothing more and are too many to list; paid programmes are listed.
  const kept: KeptProgramme[] = runningProgrammes(state, so.side)
    .filter((k) => specOf(k.kind).standing?.charge === 'level' && !named.has(programmeKey(k.kind, k.region, k.exit)))
    .map((k) => ({
      kind: k.kind,
      ...(k.region ? { region: k.region } : {}),
      ...(k.exit ? { exit: k.exit } : {}),
      level: k.level,
      costMusd: k.upkeepMusd,
    }));
  const eradication = new Map<string, EradicationReach>();
  const radar = new Map<string, RadarPurchase>();
  if (so.side === 'state') {
    const police = state.regions.map((r) => r.police);
    const ordered = state.regions.map(() => 0);
    const idx = new Map(state.regions.map((r, i) => [r.id, i]));
    for (const o of so.orders) {
      if (o.kind === 'deployPolice' && idx.has(o.region)) police[idx.get(o.region)!] = o.amount;
      if (o.kind === 'eradicate' && idx.has(o.region)) ordered[idx.get(o.region)!] = (ordered[idx.get(o.region)!] ?? 0) + o.amount;
      if (o.kind === 'radar' && idx.has(o.region))
        radar.set(o.region, radarBought(state.regions[idx.get(o.region)!]!, o.amount, state.turn + 1, p));
    }
    const reach = eradicationReach(state, police, ordered, p);
    state.regions.forEach((r, i) => {
      if (ordered[i]! > 0) eradication.set(r.id, reach[i]!);
    });
  }
  return { orders, kept, eradication, radar };
}
