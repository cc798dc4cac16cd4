/**
 * Phase 7: markets. Peru's exports meet world demand alongside the off-board producers (Colombia,
 * Bolivia): the world price at the Andean exit points clears that market, so cutting Peru's supply
 * raises prices less when others can fill the gap, and their growers answer the price with a lag
 * (the international balloon). Each region's value of a kilo is what the exits pay less transport,
 * risk and the share lost on the way; the clans' route shares move toward the exits that net the
 * most (weighted by their route orders, and for the air route by how many pilots still fly); and
 * the farm-gate leaf price follows the region's value, its alkaloid content and whether there are
 * labs to buy the leaf. Cutting a route lowers prices upstream of the cut and raises them downstream.
 */
import { clamp, type Ctx } from '../context';
import { dexp, dlog, dpow } from '../det-math';
import type { GameState } from '../types';
import { effectivePrecursorControl, modifierFactor } from '../modifiers';
import { KG_PER_T, PERCENT, QUARTERS_PER_YEAR, TINY, USD_PER_THOUSAND } from '../units';
import { airCostUsdPerKg, exitHops, groundCostUsdPerKg, perceivedAirRisk, pilotWillingness, routeSurvival } from './trafficking';

/** What moves an exit's price besides the world market: injects' modifiers (Bolivia tightening, the
 * PCC paying more in Brazil, a Putumayo boom …) and, in Bolivia, how much of the product is finished
 * (Bolivian buyers pay less for unfinished PBC). */
export function exitPriceMultiplier(s: GameState, p: GameState['scenario']['params'], exitId: string, destination: string): number {
  let m = modifierFactor(s, 'exitPrice', { destination, exit: exitId });
  if (destination === 'BO') m *= p.boliviaPriceUnfinished + p.boliviaPriceFinishedExtra * s.national.finishShare;
  return m;
}

/**
 * The world market: this quarter's supply (Peru's exports and the off-board producers' output)
 * against demand at the starting prices; the index moves toward the price that clears it. Then the
 * off-board growers update what they expect and plant or abandon, and demand grows.
 */
export function clearWorldMarket(s: GameState, ctx: Ctx, peruExportedT: number): void {
  const p = ctx.params;
  const w = s.world;
  const supply = peruExportedT + w.producers.reduce((a, x) => a + x.outputT, 0);
  const target = clamp(dpow(w.demandT / Math.max(supply, TINY), 1 / p.worldDemandElasticity), p.worldPriceIndexMin, p.worldPriceIndexMax);
  w.priceIndex += p.priceSmoothing * (target - w.priceIndex);
  w.producers.forEach((x, k) => {
    const def = ctx.scenario.world.producers[k]!;
    x.expectedIndex += p.foreignExpectationSpeed * (w.priceIndex - x.expectedIndex);
    const change = clamp(p.foreignSupplyResponse * dlog(x.expectedIndex), -p.foreignMaxChangePerQuarter, p.foreignMaxChangePerQuarter);
    x.cocaHa *= 1 + change;
    x.outputT = (x.cocaHa * def.cocaineKgPerHaYear) / QUARTERS_PER_YEAR / KG_PER_T;
  });
  w.demandT *= ctx.demandGrowthPerQuarter;
}

export function marketsPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;
  const exported = s.exits.reduce((a, e) => a + e.flow.exportedT, 0);
  clearWorldMarket(s, ctx, exported);
  const index = dpow(s.world.priceIndex, p.exitPriceTransmission);
  s.exits.forEach((ex, e) => {
    const def = ctx.exits[e]!;
    const target = def.priceUsdPerKg * index * exitPriceMultiplier(s, p, def.id, def.destination);
    ex.priceUsdPerKg += p.priceSmoothing * (target - ex.priceUsdPerKg);
  });

  // Routes get dearer as their volume rises above the usual (more mochileros, drivers, boats,
  // container slots and bribes to buy): what each mode (air, sea, river, land) moved this quarter
  // against its usual volume sets next quarter's cost of the exits of that mode.
  const moved: Record<string, number> = {};
  const usual: Record<string, number> = {};
  s.exits.forEach((ex, e) => {
    const mode = ctx.exits[e]!.mode;
    moved[mode] = (moved[mode] ?? 0) + ex.flow.shippedT;
    usual[mode] = (usual[mode] ?? 0) + ctx.exits[e]!.baselineShare * n.ref.exportsTPerQuarter;
  });
  s.exits.forEach((ex, e) => {
    const mode = ctx.exits[e]!.mode;
    ex.congestion =
      usual[mode]! > 0
        ? clamp(dpow(Math.max(moved[mode]!, TINY) / usual[mode]!, p.routeCongestion), p.routeCongestionMin, p.routeCongestionMax)
        : 1;
  });
  const surv = routeSurvival(s, ctx);
  const nE = ctx.exits.length;
  const netback = new Float64Array(nE);
  const capacity = new Float64Array(nE);
  // What a kg sent to an airstrip earns: the share pilots fly gets the netback now; the rest waits
  // for a flight, losing `waitingLossShare` a quarter, and earns it later (a geometric series).
  const keep = 1 - p.waitingLossShare;
  const earned = (w: number) => w / (1 - (1 - w) * keep);
  const precursorPenalty = 1 - p.precursorEffect * effectivePrecursorControl(s);
  s.regions.forEach((r, i) => {
    let best = -Infinity;
    const tax = r.insurgentFighters > 0 ? n.insurgentTaxPct / PERCENT : 0;
    for (let e = 0; e < nE; e++) {
      const def = ctx.exits[e]!;
      const hops = exitHops(ctx, e, i);
      capacity[e] = 1;
      if (hops < 0) {
        netback[e] = -Infinity;
        continue;
      }
      let cost: number;
      if (def.mode === 'air') {
        const hub = ctx.scratch.airHub[i]!;
        cost = airCostUsdPerKg(s, ctx, e, hub) + hops * p.transportCostUsdPerKgPerHop;
        capacity[e] = pilotWillingness(perceivedAirRisk(s, ctx, hub), ctx);
      } else cost = groundCostUsdPerKg(s, ctx, e, hops);
      netback[e] = s.exits[e]!.priceUsdPerKg * surv[e]![i]! * (1 - tax) - cost;
      if (netback[e]! > best) best = netback[e]!;
    }
    // Route shares: the clans' weights, tilted toward better net value, held back on the air route
    // by the pilots who refuse to fly, with inertia.
    let total = 0;
    const target = new Float64Array(nE);
    for (let e = 0; e < nE; e++) {
      if (netback[e] === -Infinity) continue;
      const w = s.exits[e]!.weight * capacity[e]! * dexp((p.routeSensitivity * (netback[e]! - best)) / USD_PER_THOUSAND);
      target[e] = w;
      total += w;
    }
    let value = 0;
    for (let e = 0; e < nE; e++) {
      const t = total > 0 ? target[e]! / total : 0;
      r.routeShares[e] = p.routeInertia * r.routeShares[e]! + (1 - p.routeInertia) * t;
      if (netback[e] === -Infinity) r.routeShares[e] = 0;
    }
    // Shares of unreachable exits are zero; renormalise the inertia mix.
    const sum = r.routeShares.reduce((a, x) => a + x, 0);
    if (sum > 0) for (let e = 0; e < nE; e++) r.routeShares[e] = r.routeShares[e]! / sum;
    for (let e = 0; e < nE; e++)
      if (netback[e] !== -Infinity) value += r.routeShares[e]! * netback[e]! * (ctx.exits[e]!.mode === 'air' ? earned(capacity[e]!) : 1);
    r.originValueUsdPerKg = Math.max(p.originValueFloorUsdPerKg, value);
    // Leaf price: the farmers' share of the region's value per kilo of leaf; where labs cannot
    // take all the leaf, buyers pay less.
    const potential = ctx.scratch.potentialT[i]!;
    const cap = Math.max(ctx.scratch.capacityT[i]!, r.labs * p.labCapacityTPerQuarter * precursorPenalty);
    const saturation = potential > 0 ? Math.sqrt(clamp(cap / potential, p.leafSaturationFloor, 1)) : 1;
    const leafTarget = (p.leafValueShare * r.originValueUsdPerKg * saturation) / ctx.leafKgPerKg[i]!;
    r.leafPriceUsdPerKg =
      r.leafPriceUsdPerKg === 0 ? leafTarget : r.leafPriceUsdPerKg + p.priceSmoothing * (leafTarget - r.leafPriceUsdPerKg);
  });
}
