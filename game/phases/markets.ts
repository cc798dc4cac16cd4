/**
 * Phase 7: markets. Export prices respond to how much got out (scarcity abroad raises them); each
 * region's value of a kilo is what the exits pay, less transport and the share lost on the way;
 * the clans' route shares move toward the exits that net the most (weighted by their route
 * orders); and the farm-gate leaf price follows the region's value, its alkaloid content and
 * whether there are labs to buy the leaf. Cutting a route lowers prices upstream of the cut and
 * raises them downstream.
 */
import { clamp, type Ctx } from '../context';
import { dexp, dpow } from '../det-math';
import type { GameState } from '../types';
import { effectivePrecursorControl, hasModifier } from './injects';
import { routeSurvival } from './trafficking';

export function exitPriceMultiplier(s: GameState, exitId: string, destination: string): number {
  let m = 1;
  if (destination === 'BO' && hasModifier(s, 'bolivia-tightens')) m *= 0.8;
  if (destination === 'BR' && s.national.foreignClients.includes('pcc')) m *= 1.25;
  if (exitId === 'river-colombia' && hasModifier(s, 'putumayo-boom')) m *= 1.3;
  if (destination === 'BO') m *= 0.8 + 0.4 * s.national.finishShare;
  return m;
}

export function marketsPhase(s: GameState, ctx: Ctx): void {
  const p = ctx.params;
  const n = s.national;
  const exported = s.exits.reduce((a, e) => a + e.flow.exportedT, 0);
  const scarcity = clamp(dpow(n.ref.exportsTPerQuarter / Math.max(exported, 1e-6), p.exportPriceFlex), 0.6, 2.5);
  s.exits.forEach((ex, e) => {
    const def = ctx.exits[e]!;
    const target = def.priceUsdPerKg * scarcity * exitPriceMultiplier(s, def.id, def.destination);
    ex.priceUsdPerKg += p.priceSmoothing * (target - ex.priceUsdPerKg);
  });

  const surv = routeSurvival(s, ctx);
  const nE = ctx.exits.length;
  const netback = new Float64Array(nE);
  const precursorPenalty = 1 - p.precursorEffect * effectivePrecursorControl(s);
  s.regions.forEach((r, i) => {
    let best = -Infinity;
    for (let e = 0; e < nE; e++) {
      const def = ctx.exits[e]!;
      const hops = def.mode === 'air' ? ctx.airstripHops[i]! : ctx.hops[e]![i]!;
      if (hops < 0) {
        netback[e] = -Infinity;
        continue;
      }
      const tax = r.insurgentFighters > 0 ? n.insurgentTaxPct / 100 : 0;
      netback[e] = s.exits[e]!.priceUsdPerKg * surv[e]![i]! * (1 - tax) - def.costUsdPerKg - hops * p.transportCostUsdPerKgPerHop;
      if (netback[e]! > best) best = netback[e]!;
    }
    // Route shares: the clans' weights, tilted toward better net value, with inertia.
    let total = 0;
    const target = new Float64Array(nE);
    for (let e = 0; e < nE; e++) {
      if (netback[e] === -Infinity) continue;
      const w = s.exits[e]!.weight * dexp((p.routeSensitivity * (netback[e]! - best)) / 1000);
      target[e] = w;
      total += w;
    }
    let value = 0;
    for (let e = 0; e < nE; e++) {
      const t = total > 0 ? target[e]! / total : 0;
      r.routeShares[e] = 0.5 * r.routeShares[e]! + 0.5 * t;
      if (netback[e] !== -Infinity) value += r.routeShares[e]! * netback[e]!;
    }
    // Shares of unreachable exits were zeroed by the target; renormalise the inertia mix.
    const sum = r.routeShares.reduce((a, x) => a + x, 0);
    if (sum > 0) for (let e = 0; e < nE; e++) r.routeShares[e] = r.routeShares[e]! / sum;
    r.originValueUsdPerKg = Math.max(50, value);
    // Leaf price: the farmers' share of the region's value per kilo of leaf; where labs cannot
    // take all the leaf, buyers pay less.
    const potential = ctx.scratch.potentialT[i]!;
    const capacity = Math.max(ctx.scratch.capacityT[i]!, r.labs * p.labCapacityTPerQuarter * precursorPenalty);
    const saturation = potential > 0 ? Math.sqrt(clamp(capacity / potential, 0.05, 1)) : 1;
    const leafTarget = (p.leafValueShare * r.originValueUsdPerKg * saturation) / ctx.leafKgPerKg[i]!;
    r.leafPriceUsdPerKg = r.leafPriceUsdPerKg === 0 ? leafTarget : r.leafPriceUsdPerKg + p.priceSmoothing * (leafTarget - r.leafPriceUsdPerKg);
  });
}
