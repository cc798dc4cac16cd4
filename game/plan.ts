/**
 * What a side's orders will do, in the engine's own terms, before they are committed: for each
 * order its level before and after and what it costs this quarter (from the order table's
 * `standing` and `chargeMusd`), the standing programmes left running and what they cost, and for
 * eradication what can be achieved and what limits it (the eradication phase's own rule). The
 * planning panel's summary and its "can achieve" lines read this; the engine charges the same.
 */
import { eradicationReach, type EradicationReach } from './phases/eradication';
import { kindCostMusd, kindsFor, lastsOf, levelNow, orderChargeMusd, specOf, type Lasts, type Order, type OrderKind } from './orders';
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
}

const targetOf = (o: Order): { region?: string; exit?: string } =>
  ({ ...('region' in o && !('to' in o) ? { region: o.region } : {}), ...('exit' in o ? { exit: o.exit } : {}) });

export function previewOrders(state: GameState, so: SideOrders): PlanPreview {
  const p = state.scenario.params;
  const orders = so.orders.map((order): PlannedOrder => ({
    order, lasts: lastsOf(order.kind), from: levelNow(state, order.kind, targetOf(order)), costMusd: orderChargeMusd(state, order),
  }));
  const named = new Set(so.orders.map((o) => `${o.kind}|${targetOf(o).region ?? ''}|${targetOf(o).exit ?? ''}`));
  const kept: KeptProgramme[] = [];
  for (const kind of kindsFor(so.side)) {
    const spec = specOf(kind);
    if (!spec.standing || spec.pool !== 'money') continue;
    if (spec.target === 'exit') {
      for (const e of state.exits) {
        const level = spec.standing.level({ exit: e });
        if (level > 0 && !named.has(`${kind}||${e.id}`)) kept.push({ kind, exit: e.id, level, costMusd: spec.standing.charge === 'level' ? kindCostMusd(kind, level, p) : 0 });
      }
    } else if (spec.standing.charge === 'level') {
      // Laboratories left as they are cost nothing more and are too many to list; patrols are listed.
      for (const r of state.regions) {
        const level = spec.standing.level({ region: r });
        if (level > 0 && !named.has(`${kind}|${r.id}|`)) kept.push({ kind, region: r.id, level, costMusd: kindCostMusd(kind, level, p) });
      }
    }
  }
  const eradication = new Map<string, EradicationReach>();
  if (so.side === 'state') {
    const police = state.regions.map((r) => r.police);
    const ordered = state.regions.map(() => 0);
    const idx = new Map(state.regions.map((r, i) => [r.id, i]));
    for (const o of so.orders) {
      if (o.kind === 'deployPolice' && idx.has(o.region)) police[idx.get(o.region)!] = o.amount;
      if (o.kind === 'eradicate' && idx.has(o.region)) ordered[idx.get(o.region)!] = (ordered[idx.get(o.region)!] ?? 0) + o.amount;
    }
    const reach = eradicationReach(state, police, ordered, p);
    state.regions.forEach((r, i) => { if (ordered[i]! > 0) eradication.set(r.id, reach[i]!); });
  }
  return { orders, kept, eradication };
}
